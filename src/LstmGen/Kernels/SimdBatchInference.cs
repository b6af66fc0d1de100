using System.Numerics;
using System.Runtime.CompilerServices;
using LstmGen.Internal;

namespace LstmGen.Kernels;

/// <summary>
/// The batched inference step's groups of 4 samples for a kernel whose <see cref="IRecurrentKernel{TSelf, T}.Strategy"/>
/// is <see cref="KernelStrategy.Simd"/> (LSTM, tanh RNN, GRU): one pass over the weights per group
/// (<see cref="SimdGateMatrix4{TShape, T}"/>) into a scratch of 4 samples' pre-activations, then each sample's state
/// update, and no cache. Per sample the operations of the runtime's single SIMD step (<see cref="SimdLstmKernel{TShape, T}"/>,
/// <see cref="SimdRnnKernel{TShape, T}"/> <c>Step</c>) in the same order, so the same values bit for bit.
/// <see cref="Recurrent{TKernel, T}.StepBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T})"/> runs
/// the samples in groups of 4 when <see cref="Applies"/>, and the rest one by one through the kernel's step.
/// </summary>
internal static class SimdBatchInference<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // The group keeps 4 samples' z (and an LSTM's tanh c of one sample) on the stack: as much as the single SIMD step of
    // the largest cells keeps (5H ≤ 20,480 values of double, 160 KB); larger cells run sample by sample.
    private const int MaxScratchBytes = 160 * 1024;

    private static bool IsLstm => TKernel.Kind == RecurrentCellKind.Lstm;

    private static bool IsGru => TKernel.Kind == RecurrentCellKind.Gru;

    private static int H => TKernel.HiddenSize;

    private static int Rows => CellShape<TKernel>.GateRows;

    /// <summary>
    /// Whether the step runs in groups of 4: a SIMD kernel whose scratch fits <see cref="MaxScratchBytes"/>. A constant
    /// after JIT specialisation.
    /// </summary>
    public static bool Applies => TKernel.Strategy == KernelStrategy.Simd && ScratchLength * Unsafe.SizeOf<T>() <= MaxScratchBytes;

    /// <summary>
    /// The group's scratch: 4 samples' z [4 × G], and for an LSTM one sample's tanh c [H]; a GRU's zx [4 × G], zh [4 × G],
    /// and one sample's hn [H] and new h [H].
    /// </summary>
    public static int ScratchLength => (IsGru ? (8 * Rows) + (2 * H) : 4 * Rows) + (IsLstm ? H : 0);

    /// <summary>
    /// 4 inference steps: xs [4 × D] or indices [4] (the other empty), states [4 × S] → next [4 × S] (next may be states
    /// itself: every h is read by the product before any sample's update writes), scratch [<see cref="ScratchLength"/>].
    /// The caller has checked the arguments.
    /// </summary>
    public static void Step4(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> states, Span<T> next, Span<T> scratch)
    {
        int h = H, g = Rows, s = IsLstm ? 2 * h : h;
        Guard.KernelSpans(states.Length >= 4 * s && next.Length >= 4 * s && scratch.Length >= ScratchLength);
        Span<T> zs = scratch[..(4 * g)];
        if (IsGru)
        {
            Gru4(p, xs, indices, states, next, scratch);
            return;
        }

        SimdGateMatrix4<TKernel, T>.PreActivations(p, xs, indices, states, s, zs, g);   // z_b [G] = [W | U]·[x_b; h_b] + b
        for (int b = 0; b < 4; b++)
        {
            Span<T> z = zs.Slice(b * g, g), to = next.Slice(b * s, s);
            if (IsLstm)
            {
                // As SimdLstmKernel.Step: c over z's i block (the update still reads c_prev from the state), h straight to next.
                Span<T> c = z[..h];
                SimdLstmKernel<TKernel, T>.Update(states.Slice((b * s) + h, h), z, c, scratch.Slice(4 * g, h), to[..h]);
                c.CopyTo(to.Slice(h, h));
            }
            else
            {
                VectorMath.Tanh<T>(z, z);                                // as SimdRnnKernel.Step: tanh in place, then next
                z.CopyTo(to);
            }
        }
    }

    // A GRU's 4 steps, as SimdGruKernel.Step: the split product (zx_b = W·x_b + b, zh_b = U·h_b) for the 4, then each
    // sample's update into a scratch h (next may be states: the update reads h_prev from it) and a copy to next.
    private static void Gru4(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> states, Span<T> next, Span<T> scratch)
    {
        int h = H, g = Rows;
        Span<T> zxs = scratch[..(4 * g)], zhs = scratch.Slice(4 * g, 4 * g), hn = scratch.Slice(8 * g, h), hNew = scratch.Slice((8 * g) + h, h);
        ReadOnlySpan<int> group = [0];
        SimdGateMatrix4<TKernel, T>.PreActivations(p, xs, indices, states, h, zxs, g, zhs, g, group, group);
        for (int b = 0; b < 4; b++)
        {
            SimdGruKernel<TKernel, T>.Update(p, states.Slice(b * h, h), zxs.Slice(b * g, g), zhs.Slice(b * g, g), hn, hNew);
            hNew.CopyTo(next.Slice(b * h, h));
        }
    }
}
