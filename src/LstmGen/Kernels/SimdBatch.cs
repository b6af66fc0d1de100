using System.Numerics;
using System.Runtime.CompilerServices;

namespace LstmGen.Kernels;

/// <summary>
/// The batched sequences' groups of 4 samples for a kernel whose <see cref="IRecurrentKernel{TSelf, T}.Strategy"/> is
/// <see cref="KernelStrategy.Simd"/>. Forward: one pass over the weights per step for all groups
/// (<see cref="SimdGateMatrix4{TShape, T}"/>'s group product), the same values per sample as the kernel's single steps,
/// bit for bit (LSTM, tanh RNN, GRU). Backward: the per-step groups of 4 (dp as 4 single steps in sample order) only where
/// <see cref="BatchedBackward{TKernel, T}"/>, which hoists the weight gradients out of the reverse loop, does not apply
/// (no vector fits the gate rows, or a row's scratch is too large); LSTM and tanh RNN.
/// </summary>
internal static class SimdBatch<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // The backward group keeps its 4 samples' dz on the stack: at most 4·G values, as much as one LSTM step of the
    // largest cells keeps (4H ≤ 16,384 values of double, 128 KB); larger cells run sample by sample.
    private const int MaxScratchBytes = 128 * 1024;

    private static bool IsLstm => TKernel.Kind == RecurrentCellKind.Lstm;

    /// <summary>
    /// Whether batched forward steps run in groups of 4: a SIMD kernel, and 4 samples' scratch (the backward's dz, a GRU's
    /// zh) within <see cref="MaxScratchBytes"/>. A constant after JIT specialisation.
    /// </summary>
    public static bool Applies => TKernel.Strategy == KernelStrategy.Simd && ScratchLength * Unsafe.SizeOf<T>() <= MaxScratchBytes;

    /// <summary>
    /// Whether the old per-step backward runs in groups of 4 (where <see cref="BatchedBackward{TKernel, T}"/> does not
    /// apply): LSTM and tanh RNN; a GRU's runs sample by sample.
    /// </summary>
    public static bool AppliesBackward => Applies && !IsGru;

    /// <summary>The most groups one forward pass serves: a GRU's zh for all of them fits <see cref="MaxScratchBytes"/>.</summary>
    public static int GroupsPerPass => IsGru ? Math.Max(1, MaxScratchBytes / (ScratchLength * Unsafe.SizeOf<T>())) : int.MaxValue;

    private static bool IsGru => TKernel.Kind == RecurrentCellKind.Gru;

    /// <summary>A group's scratch: 4 samples' dz (backward) or zh (a GRU's forward), 4·G values.</summary>
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
            Span<T> zhs = stackalloc T[groups.Length * ScratchLength];     // written in full by the product before it is read     // ≤ MaxScratchBytes (GroupsPerPass)
            SimdGruKernel<TKernel, T>.ForwardGroups(p, xs, indices, states, caches, groups, zhs);
        }
    }

    /// <summary>
    /// 4 backward steps: caches [4 × CacheLength], carries [4 × S] (dNext in, dState out), dxs [4 × D] or empty;
    /// dp += ∂L/∂θ; scratch [<see cref="ScratchLength"/>].
    /// </summary>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, Span<T> carries, Span<T> dxs, Span<T> dp, Span<T> scratch)
    {
        if (IsLstm)
        {
            SimdLstmKernel<TKernel, T>.Backward4(p, xs, indices, caches, carries, dxs, dp, scratch);
        }
        else if (TKernel.Kind == RecurrentCellKind.TanhRnn)
        {
            SimdRnnKernel<TKernel, T>.Backward4(p, xs, indices, caches, carries, dxs, dp, scratch);
        }
        else
        {
            throw NotApplicable();
        }
    }

    // Recurrent only calls the group backward when AppliesBackward; a GRU never gets here.
    private static NotSupportedException NotApplicable() =>
        new($"{CellNames<TKernel>.Name} runs its old-path backward sample by sample (SimdBatch.AppliesBackward is false for it).");
}
