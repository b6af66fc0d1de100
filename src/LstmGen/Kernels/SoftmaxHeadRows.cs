using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The softmax head's backward over the many rows of one training call, for SIMD kernels: W_y is transposed once per
/// call into W_yᵀ [V × H] (row v = W_y[v, :]) and the weight gradient accumulates in dW_yᵀ [V × H], both on the caller's
/// stack, so that a row's backward runs in vectors over the H hidden units with no horizontal sums:
/// <code>
/// dh = Σ_v dLogits_v · W_yᵀ[v, :]          dW_yᵀ[v, :] += dLogits_v · h          db_y += dLogits
/// </code>
/// where the per-row <see cref="SimdSoftmaxHead{TShape, T}"/> backward needs, for each of the H columns of W_y (V values,
/// fewer than a vector's lanes for small heads), a dot product and its horizontal sum. <see cref="AddTo"/> adds dW_yᵀ into
/// dp at the end. The forward (logits) runs over W_yᵀ too: V dot products in vectors over H, reduced four at a time
/// (the kernel's <c>HeadForward</c> walks W_y's H columns with vectors of V, mostly empty lanes for small heads). The
/// values equal the per-row head's up to rounding (other summation orders).
/// </summary>
internal readonly ref struct SoftmaxHeadRows<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Each of the two stack buffers at most this size (V·H values).
    private const int MaxBufferBytes = 32 * 1024;

    private readonly ReadOnlySpan<T> _p;
    private readonly Span<T> _weightsT, _gradientT;

    /// <summary>Transposes W_y out of <paramref name="p"/> into <paramref name="weightsT"/> and clears <paramref name="gradientT"/> (each <see cref="BufferLength"/> values).</summary>
    public SoftmaxHeadRows(ReadOnlySpan<T> p, Span<T> weightsT, Span<T> gradientT)
    {
        int v = V, h = H;
        Guard.KernelSpans(Applies && p.Length >= CellShape<TKernel>.ParameterCount && weightsT.Length >= v * h && gradientT.Length >= v * h);
        ReadOnlySpan<T> w = p.Slice(CellShape<TKernel>.HeadWeightOffset, v * h);     // column k of W_y: V values at k·V
        for (int k = 0; k < h; k++)
        {
            for (int c = 0; c < v; c++)
            {
                weightsT[(c * h) + k] = w[(k * v) + c];
            }
        }

        gradientT[..(v * h)].Clear();
        _p = p;
        _weightsT = weightsT;
        _gradientT = gradientT;
    }

    /// <summary>Whether the rows run here: a SIMD kernel with a head, H filling a vector, and V·H values within 32 KB.</summary>
    public static bool Applies => TKernel.Strategy == KernelStrategy.Simd && TKernel.OutputSize > 0 && LaneWidth.For<T>(TKernel.HiddenSize) > 0
        && BufferLength * Unsafe.SizeOf<T>() <= MaxBufferBytes;

    /// <summary>V·H: the length of each buffer.</summary>
    public static int BufferLength => TKernel.OutputSize * TKernel.HiddenSize;

    private static int V => TKernel.OutputSize;

    private static int H => TKernel.HiddenSize;

    /// <summary>
    /// One row: logits [V] = W_y h + b_y, the cross-entropy against a class index (or a distribution, when not empty),
    /// dLogits [V] = scale · ∂L/∂logits, dh [H] = W_yᵀ dLogits, db_y += dLogits (into dp), dW_y += dLogits hᵀ (into the
    /// transposed accumulator). Returns the row's loss, unscaled.
    /// </summary>
    public T CrossEntropy(ReadOnlySpan<T> h, int target, ReadOnlySpan<T> distribution, T scale, Span<T> logits, Span<T> dLogits, Span<T> dh, Span<T> dp)
    {
        Guard.KernelSpans(h.Length >= H && dh.Length >= H && logits.Length >= V && dLogits.Length >= V && dp.Length >= CellShape<TKernel>.ParameterCount);
        switch (LaneWidth.For<T>(H))
        {
            case 512:
                Logits<Lanes512<T>, Vector512<T>>(h, logits);
                break;
            case 256:
                Logits<Lanes256<T>, Vector256<T>>(h, logits);
                break;
            default:
                Logits<Lanes128<T>, Vector128<T>>(h, logits);
                break;
        }

        T loss = distribution.IsEmpty ? SoftmaxMath.CrossEntropy<T>(logits, target, dLogits) : SoftmaxMath.CrossEntropy<T>(logits, distribution, dLogits);
        Span<T> db = dp.Slice(CellShape<TKernel>.HeadBiasOffset, V);
        for (int c = 0; c < dLogits.Length; c++)
        {
            dLogits[c] *= scale;
            db[c] += dLogits[c];
        }

        switch (LaneWidth.For<T>(H))
        {
            case 512:
                Backward<Lanes512<T>, Vector512<T>>(h, dLogits, dh);
                break;
            case 256:
                Backward<Lanes256<T>, Vector256<T>>(h, dLogits, dh);
                break;
            default:
                Backward<Lanes128<T>, Vector128<T>>(h, dLogits, dh);
                break;
        }

        return loss;
    }

    /// <summary>dp's W_y += the accumulated gradient, transposed back to W_y's column layout.</summary>
    public void AddTo(Span<T> dp)
    {
        int v = V, h = H;
        Span<T> dw = dp.Slice(CellShape<TKernel>.HeadWeightOffset, v * h);
        for (int k = 0; k < h; k++)
        {
            for (int c = 0; c < v; c++)
            {
                dw[(k * v) + c] += _gradientT[(c * h) + k];
            }
        }
    }

    // logits [V] = W_y h + b_y as V dot products over the rows of W_yᵀ: per class one accumulator over H in vectors (V
    // independent chains), reduced four classes at a time (ILanes.Sum4), then the units past the last whole vector and
    // the bias.
    private void Logits<TLanes, TVector>(ReadOnlySpan<T> h, Span<T> logits)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int v = V, hidden = H, n = TLanes.Count, whole = hidden / n * n;
        ref T h0 = ref MemoryMarshal.GetReference(h);
        ref T w0 = ref MemoryMarshal.GetReference(_weightsT);
        ReadOnlySpan<T> bias = _p.Slice(CellShape<TKernel>.HeadBiasOffset, v);
        int c = 0;
        for (; c <= v - 4; c += 4)
        {
            TVector a0 = TLanes.Zero, a1 = TLanes.Zero, a2 = TLanes.Zero, a3 = TLanes.Zero;
            nuint r0 = (nuint)(c * hidden), r1 = r0 + (nuint)hidden, r2 = r1 + (nuint)hidden, r3 = r2 + (nuint)hidden;
            for (int k = 0; k < whole; k += n)
            {
                TVector x = TLanes.Load(ref h0, (nuint)k);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref w0, r0 + (nuint)k), x, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref w0, r1 + (nuint)k), x, a1);
                a2 = TLanes.MultiplyAdd(TLanes.Load(ref w0, r2 + (nuint)k), x, a2);
                a3 = TLanes.MultiplyAdd(TLanes.Load(ref w0, r3 + (nuint)k), x, a3);
            }

            (logits[c], logits[c + 1], logits[c + 2], logits[c + 3]) = TLanes.Sum4(a0, a1, a2, a3);
        }

        for (; c < v; c++)
        {
            TVector a = TLanes.Zero;
            nuint r = (nuint)(c * hidden);
            for (int k = 0; k < whole; k += n)
            {
                a = TLanes.MultiplyAdd(TLanes.Load(ref w0, r + (nuint)k), TLanes.Load(ref h0, (nuint)k), a);
            }

            logits[c] = TLanes.Sum(a);
        }

        for (c = 0; c < v; c++)
        {
            T sum = logits[c];
            for (int k = whole; k < hidden; k++)
            {
                sum = T.FusedMultiplyAdd(Unsafe.Add(ref w0, (c * hidden) + k), Unsafe.Add(ref h0, k), sum);
            }

            logits[c] = sum + bias[c];
        }
    }

    // One pass over H in vectors (then the units past the last whole vector): dh = Σ_v dl_v·W_yᵀ[v, :], and
    // dW_yᵀ[v, :] += dl_v·h for every v, from each loaded vector of h.
    private void Backward<TLanes, TVector>(ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int v = V, hidden = H, n = TLanes.Count, whole = hidden / n * n;
        ref T h0 = ref MemoryMarshal.GetReference(h);
        ref T dh0 = ref MemoryMarshal.GetReference(dh);
        ref T w0 = ref MemoryMarshal.GetReference(_weightsT);
        ref T g0 = ref MemoryMarshal.GetReference(_gradientT);
        ref T l0 = ref MemoryMarshal.GetReference(dLogits);
        for (int k = 0; k < whole; k += n)
        {
            TVector x = TLanes.Load(ref h0, (nuint)k), sum = TLanes.Zero;
            for (int c = 0; c < v; c++)
            {
                TVector l = TLanes.Broadcast(Unsafe.Add(ref l0, c));
                nuint at = (nuint)((c * hidden) + k);
                sum = TLanes.MultiplyAdd(TLanes.Load(ref w0, at), l, sum);
                TLanes.Store(TLanes.MultiplyAdd(x, l, TLanes.Load(ref g0, at)), ref g0, at);
            }

            TLanes.Store(sum, ref dh0, (nuint)k);
        }

        for (int k = whole; k < hidden; k++)
        {
            T x = Unsafe.Add(ref h0, k), sum = T.Zero;
            for (int c = 0; c < v; c++)
            {
                T l = Unsafe.Add(ref l0, c);
                int at = (c * hidden) + k;
                sum = T.FusedMultiplyAdd(Unsafe.Add(ref w0, at), l, sum);
                Unsafe.Add(ref g0, at) = T.FusedMultiplyAdd(x, l, Unsafe.Add(ref g0, at));
            }

            Unsafe.Add(ref dh0, k) = sum;
        }
    }
}
