namespace LstmGen;

/// <summary>The recurrence a generated cell computes.</summary>
public enum RecurrentCellKind
{
    /// <summary>An LSTM cell: gates i, f, g, o (<see cref="LstmGate"/>), hidden state h and cell state c.</summary>
    Lstm = 0,

    /// <summary>A vanilla tanh RNN cell: <c>h' = tanh(W x + U h + b)</c>.</summary>
    TanhRnn = 1,

    /// <summary>
    /// A GRU cell with PyTorch's semantics: gates r, z, n; <c>n = tanh(W_n x + b_in + r ⊙ (U_n h + b_hn))</c>,
    /// <c>h' = (1 − z) ⊙ n + z ⊙ h</c>; hidden state h only.
    /// </summary>
    Gru = 2,
}
