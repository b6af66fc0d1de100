namespace LstmGen;

/// <summary>How the generator specialises a cell's kernels for its compile-time size.</summary>
public enum KernelStrategy
{
    /// <summary>
    /// Let the generator choose: <see cref="Unrolled"/> while the gate matrix has at most
    /// <see cref="KernelBudget.MaxUnrolledMultiplyAdds"/> multiply-adds (4·H·(D+H)), <see cref="Loops"/> above.
    /// The choice and its reason are printed in the generated file's header.
    /// </summary>
    Auto = 0,

    /// <summary>Straight-line code: every index is a constant, no loops. Best for tiny cells.</summary>
    Unrolled = 1,

    /// <summary>Loops with compile-time-constant bounds over contiguous memory.</summary>
    Loops = 2,
}

/// <summary>The size budgets the generator uses when <see cref="KernelStrategy.Auto"/> is chosen.</summary>
public static class KernelBudget
{
    /// <summary>
    /// Largest gate matrix, counted as multiply-adds per forward step (4·H·(D+H)), that is emitted as
    /// straight-line code. Above it, the generated file would grow past a few thousand lines and the
    /// instruction cache, not arithmetic, would bound the speed.
    /// </summary>
    public const int MaxUnrolledMultiplyAdds = 256;

    /// <summary>Largest input or hidden size a declaration may use.</summary>
    public const int MaxSize = 4096;
}
