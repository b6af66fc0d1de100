using System.Numerics;
using System.Runtime.CompilerServices;

namespace LstmGen.Kernels;

/// <summary>
/// The batched sequences' groups of 4 samples for a kernel whose <see cref="IRecurrentKernel{TSelf, T}.Strategy"/> is
/// <see cref="KernelStrategy.Simd"/>. Forward: one pass over the weights per step for all groups
/// (<see cref="SimdGateMatrix4{TShape, T}"/>'s group product), the same values per sample as the kernel's single steps,
/// bit for bit (LSTM, tanh RNN, GRU). The backward of batches is <see cref="BatchedBackward{TKernel, T}"/>'s.
/// </summary>
internal static class SimdBatch<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // A GRU group keeps its 4 samples' zh on the stack: at most 4·G values (128 KB); larger cells run sample by sample.
    private const int MaxScratchBytes = 128 * 1024;

    private static bool IsLstm => TKernel.Kind == RecurrentCellKind.Lstm;

    /// <summary>
    /// Whether batched forward steps run in groups of 4: a SIMD kernel (a GRU's if 4 samples' zh fit
    /// <see cref="MaxScratchBytes"/>). A constant after JIT specialisation.
    /// </summary>
    public static bool Applies => TKernel.Strategy == KernelStrategy.Simd && (!IsGru || ScratchLength * Unsafe.SizeOf<T>() <= MaxScratchBytes);

    /// <summary>The most groups one forward pass serves: a GRU's zh for all of them fits <see cref="MaxScratchBytes"/>.</summary>
    public static int GroupsPerPass => IsGru ? Math.Max(1, MaxScratchBytes / (ScratchLength * Unsafe.SizeOf<T>())) : int.MaxValue;

    private static bool IsGru => TKernel.Kind == RecurrentCellKind.Gru;

    /// <summary>A group's scratch: 4 samples' zh (a GRU's forward), 4·G values.</summary>
    public static int ScratchLength => 4 * CellShape<TKernel>.GateRows;

    /// <summary>
    /// The forward steps of the groups of 4 samples of one batched step (samples g … g + 3 for each g in groups), one pass
    /// over the weights for all groups: xs [m × D] or indices [m] (the other empty), states [m × S] in place, caches
    /// [m × CacheLength].
    /// </summary>
    [SkipLocalsInit]
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, Span<T> states, Span<T> caches, ReadOnlySpan<int> groups)
    {
        if (IsLstm)
        {
            SimdLstmKernel<TKernel, T>.ForwardGroups(p, xs, indices, states, caches, groups);
        }
        else if (TKernel.Kind == RecurrentCellKind.TanhRnn)
        {
            SimdRnnKernel<TKernel, T>.ForwardGroups(p, xs, indices, states, caches, groups);
        }
        else
        {
            Span<T> zhs = stackalloc T[groups.Length * ScratchLength];     // ≤ MaxScratchBytes (GroupsPerPass); written before read
            SimdGruKernel<TKernel, T>.ForwardGroups(p, xs, indices, states, caches, groups, zhs);
        }
    }
}
