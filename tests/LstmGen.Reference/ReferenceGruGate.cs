namespace LstmGen.Reference;

/// <summary>
/// Indices of the three GRU gates in the parameter arrays of <see cref="ReferenceGru"/> and
/// <see cref="GruParameterGradients"/>. The order is <c>r, z, n</c> (PyTorch's <c>nn.GRU</c> order).
/// </summary>
public static class ReferenceGruGate
{
    /// <summary>Reset gate <c>r = σ(W_r x + b_r + U_r h)</c>.</summary>
    public const int Reset = 0;

    /// <summary>Update gate <c>z = σ(W_z x + b_z + U_z h)</c>.</summary>
    public const int Update = 1;

    /// <summary>New gate (candidate) <c>n = tanh(W_n x + b_in + r ⊙ (U_n h + b_hn))</c>.</summary>
    public const int New = 2;

    /// <summary>Number of gates (3).</summary>
    public const int Count = 3;

    /// <summary>Short names of the gates in storage order: <c>"r", "z", "n"</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["r", "z", "n"];
}
