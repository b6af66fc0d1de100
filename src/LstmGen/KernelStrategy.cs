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
    /// compile-time-constant trip counts and statically emitted tails: one fused pass over the gate weights
    /// [W | U] forward and one backward. For cells above the unroll budget.
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
    /// Largest gate matrix, in multiply-adds per step (4·H·(D+H) for an LSTM, H·(D+H) for an RNN), that an explicit
    /// <c>Kernel = KernelStrategy.Unrolled</c> accepts; above it the declaration is refused (LSTM0006). Every straight-line
    /// method grows with this count, and the JIT refuses such methods with <see cref="System.InvalidProgramException"/>
    /// on AVX-512 from about 16000 multiply-adds (double); 4096 keeps a margin of 3.5 below the smallest failing size.
    /// </summary>
    public const int MaxForcedUnrolledMultiplyAdds = 4096;

    /// <summary>Largest input or hidden size a declaration may use.</summary>
    public const int MaxSize = 4096;
}
