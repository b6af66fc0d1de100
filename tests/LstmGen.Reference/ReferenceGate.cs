namespace LstmGen.Reference;

/// <summary>
/// Indices of the four LSTM gates in the parameter arrays of <see cref="ReferenceLstm"/> and
/// <see cref="LstmParameterGradients"/>. The order is <c>i, f, g, o</c> (the PyTorch order).
/// </summary>
public static class ReferenceGate
{
    /// <summary>Input gate <c>i = σ(W_i x + U_i h + b_i)</c>.</summary>
    public const int Input = 0;

    /// <summary>Forget gate <c>f = σ(W_f x + U_f h + b_f)</c>.</summary>
    public const int Forget = 1;

    /// <summary>Candidate <c>g = tanh(W_g x + U_g h + b_g)</c>.</summary>
    public const int Candidate = 2;

    /// <summary>Output gate <c>o = σ(W_o x + U_o h + b_o)</c>.</summary>
    public const int Output = 3;

    /// <summary>Number of gates (4).</summary>
    public const int Count = 4;

    /// <summary>Short names of the gates in storage order: <c>"i", "f", "g", "o"</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["i", "f", "g", "o"];
}
