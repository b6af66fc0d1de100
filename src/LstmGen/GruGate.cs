namespace LstmGen;

/// <summary>
/// The three gates of a GRU cell, in the order LstmGen stores them (PyTorch's <c>r, z, n</c>): gate block g holds gate
/// rows <c>g·H … g·H + H − 1</c> of <c>[W | U]</c> and b (<see cref="CellLayout"/>).
/// </summary>
/// <remarks>Keras and ONNX order the gates <c>z, r, h</c> (ONNX calls n the hidden gate h).</remarks>
public enum GruGate
{
    /// <summary>Reset gate <c>r = σ(·)</c>: how much of the recurrent part <c>U_n h + b_hn</c> enters n.</summary>
    R = 0,

    /// <summary>Update gate <c>z = σ(·)</c>: how much of the previous hidden state is kept, <c>h = (1 − z) n + z h_prev</c>.</summary>
    Z = 1,

    /// <summary>New gate <c>n = tanh(W_n x + b_in + r ⊙ (U_n h_prev + b_hn))</c>: the candidate hidden state.</summary>
    N = 2,
}
