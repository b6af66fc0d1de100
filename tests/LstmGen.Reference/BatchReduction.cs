namespace LstmGen.Reference;

/// <summary>How per-sequence losses and gradients are combined over a batch of m sequences.</summary>
public enum BatchReduction
{
    /// <summary><c>L = Σ_s L_s</c>; gradients are summed.</summary>
    Sum = 0,

    /// <summary><c>L = (1/m) Σ_s L_s</c>; gradients are summed, then multiplied by <c>1/m</c>.</summary>
    Mean = 1,
}
