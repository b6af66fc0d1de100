namespace LstmGen;

/// <summary>How the generator specialises a cell's kernels for its compile-time size.</summary>
public enum KernelStrategy
{
    /// <summary>
    /// Let the generator choose: <see cref="Unrolled"/> while the gate matrix has at most
    /// <see cref="KernelBudget.MaxUnrolledMultiplyAdds"/> multiply-adds (4·H·(D+H)), <see cref="Simd"/> above.
    /// The choice and its reason are printed in the generated file's header.
    /// </summary>
    Auto = 0,

    /// <summary>Straight-line code: every index is a constant, no loops. Best for tiny cells.</summary>
    Unrolled = 1,

    /// <summary>
    /// Scalar loops with compile-time-constant bounds over contiguous memory: the readable reference path
    /// (it sums in the same order as <see cref="Unrolled"/>, bit for bit).
    /// </summary>
    Loops = 2,

    /// <summary>
    /// Vectorised loops (<c>Vector512</c>, else <c>Vector256</c>, else <c>Vector128</c>, chosen by the JIT) with
    /// trip counts that are constants once the JIT specialises the runtime's generic kernels to the cell: one fused pass
    /// over the gate weights [W | U] forward and one backward; the rows past the last whole vector by one overlapping
    /// vector forward and one by one backward. For cells above the unroll budget.
    /// </summary>
    Simd = 3,
}

/// <summary>The size budgets the generator uses when <see cref="KernelStrategy.Auto"/> is chosen.</summary>
public static class KernelBudget
{
    /// <summary>
    /// Largest gate matrix, counted as multiply-adds per forward step (4·H·(D+H)), that is emitted as
    /// straight-line code. Above it the SIMD kernels are faster (measured with the benchmarks' <c>--probe-threshold</c>:
    /// from 80 multiply-adds up for every cell kind, precision and operation measured), and the straight-line code
    /// grows until the JIT stops optimising it.
    /// </summary>
    public const int MaxUnrolledMultiplyAdds = 64;

    /// <summary>
    /// Largest straight-line method, in IL instructions, that the generator emits: the JIT compiles a method of more than
    /// 20,000 IL instructions without optimising it (MinOpts), so above it straight-line code loses its point. The
    /// generator counts each member of an unrolled cell's <c>Kernel</c> from the cell's sizes (the gate rows, the
    /// backward, the head's); an explicit <c>Kernel = KernelStrategy.Unrolled</c> whose largest member would exceed this
    /// is refused (LSTM0006), and <see cref="KernelStrategy.Auto"/> chooses SIMD kernels instead. The diagnostic and the
    /// generated file's header name the member and its count.
    /// </summary>
    public const int MaxStraightLineIlInstructions = 20000;

    /// <summary>
    /// Largest number of IL locals in one straight-line method: half the JIT's own limit for optimising a method (2,000,
    /// which also counts arguments and the JIT's temporaries). The instruction budget binds first for every cell.
    /// </summary>
    public const int MaxStraightLineLocals = 1000;

    /// <summary>Largest input or hidden size a declaration may use.</summary>
    public const int MaxSize = 4096;
}
