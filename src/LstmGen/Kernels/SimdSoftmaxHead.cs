using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The softmax head's affine map and its backward twin vectorised over the V classes, what the contract's defaults run
/// for a <see cref="KernelStrategy.Simd"/> kernel; the same contract as <see cref="SoftmaxHead{TShape, T}"/> (W_y stored
/// column by column, V × H). Vectors of the widest accelerated width whose lanes fit in V; below that, the loop head.
/// <list type="bullet">
/// <item>Forward: per vector of classes, 4 partial sums over the columns k mod 4 (V is small, so one chain per vector
/// would wait on the fused multiply-add's latency), summed pairwise, then the bias; the classes past the last whole
/// vector by one vector ending at class V − 1 (the classes it repeats get the same values).</item>
/// <item>Backward: per column k, dW_y[:, k] += h_k · dLogits and dh_k = W_y[:, k] · dLogits, whole vectors, then the
/// classes past them one by one (dp is accumulated, so no overlapping vector); db_y += dLogits.</item>
/// </list>
/// </summary>
internal static class SimdSoftmaxHead<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int V => TShape.OutputSize;

    private static int WeightOffset => CellShape<TShape>.HeadWeightOffset;

    private static int BiasOffset => CellShape<TShape>.HeadBiasOffset;

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadForward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits)
    {
        KernelArguments.Head<TShape, T>(p, h, logits, nameof(logits));
        switch (LaneWidth.For<T>(V))
        {
            case 512:
                Forward<Lanes512<T>, Vector512<T>>(p, h, logits);
                break;
            case 256:
                Forward<Lanes256<T>, Vector256<T>>(p, h, logits);
                break;
            case 128:
                Forward<Lanes128<T>, Vector128<T>>(p, h, logits);
                break;
            default:
                SoftmaxHead<TShape, T>.Forward(p, h, logits);
                break;
        }
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadBackward"/>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp)
    {
        KernelArguments.Head<TShape, T>(p, h, dLogits, nameof(dLogits));
        Guard.Length(dh.Length, TShape.HiddenSize, "dh", nameof(dh));
        Guard.Length(dp.Length, p.Length, "the parameter gradients dp", nameof(dp));
        switch (LaneWidth.For<T>(V))
        {
            case 512:
                Backward<Lanes512<T>, Vector512<T>>(p, h, dLogits, dh, dp);
                break;
            case 256:
                Backward<Lanes256<T>, Vector256<T>>(p, h, dLogits, dh, dp);
                break;
            case 128:
                Backward<Lanes128<T>, Vector128<T>>(p, h, dLogits, dh, dp);
                break;
            default:
                SoftmaxHead<TShape, T>.Backward(p, h, dLogits, dh, dp);
                break;
        }
    }

    // V ≥ TLanes.Count here: whole vectors of classes, then one vector ending at class V − 1 if V is not a multiple.
    private static void Forward<TLanes, TVector>(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int v = V, n = TLanes.Count;
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T h0 = ref MemoryMarshal.GetReference(h);
        ref T z0 = ref MemoryMarshal.GetReference(logits);
        int r = 0;
        for (; r <= v - n; r += n)
        {
            Classes<TLanes, TVector>(ref w0, ref h0, ref z0, r);
        }

        if (r < v)
        {
            Classes<TLanes, TVector>(ref w0, ref h0, ref z0, v - n);
        }
    }

    // logits[r .. r + n) = ((a0 + a1) + (a2 + a3)) + b_y, a_j summing the columns k ≡ j (mod 4).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classes<TLanes, TVector>(ref T w0, ref T h0, ref T z0, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int v = V, hidden = TShape.HiddenSize;
        ref T w = ref Unsafe.Add(ref w0, WeightOffset + r);
        TVector a0 = TLanes.Zero, a1 = a0, a2 = a0, a3 = a0;
        int k = 0;
        for (; k <= hidden - 4; k += 4)
        {
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)(k * v)), TLanes.Broadcast(Unsafe.Add(ref h0, k)), a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)((k + 1) * v)), TLanes.Broadcast(Unsafe.Add(ref h0, k + 1)), a1);
            a2 = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)((k + 2) * v)), TLanes.Broadcast(Unsafe.Add(ref h0, k + 2)), a2);
            a3 = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)((k + 3) * v)), TLanes.Broadcast(Unsafe.Add(ref h0, k + 3)), a3);
        }

        for (; k < hidden; k++)
        {
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)(k * v)), TLanes.Broadcast(Unsafe.Add(ref h0, k)), a0);
        }

        TVector sum = TLanes.Add(TLanes.Add(a0, a1), TLanes.Add(a2, a3));
        TLanes.Store(TLanes.Add(sum, TLanes.Load(ref w0, (nuint)(BiasOffset + r))), ref z0, (nuint)r);
    }

    private static void Backward<TLanes, TVector>(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int v = V, n = TLanes.Count, whole = v / n * n;
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T dp0 = ref MemoryMarshal.GetReference(dp);
        ref T d0 = ref MemoryMarshal.GetReference(dLogits);
        ref T h0 = ref MemoryMarshal.GetReference(h);
        ref T dh0 = ref MemoryMarshal.GetReference(dh);
        ref T bias = ref Unsafe.Add(ref dp0, BiasOffset);
        for (int r = 0; r < v; r++)
        {
            Unsafe.Add(ref bias, r) += Unsafe.Add(ref d0, r);
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            int at = WeightOffset + (k * v);
            ref T w = ref Unsafe.Add(ref w0, at);
            ref T dw = ref Unsafe.Add(ref dp0, at);
            T hk = Unsafe.Add(ref h0, k);
            TVector scale = TLanes.Broadcast(hk), s = TLanes.Zero;
            int r = 0;
            for (; r < whole; r += n)
            {
                TVector d = TLanes.Load(ref d0, (nuint)r);
                s = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)r), d, s);
                TLanes.Store(TLanes.MultiplyAdd(d, scale, TLanes.Load(ref dw, (nuint)r)), ref dw, (nuint)r);
            }

            T sum = TLanes.Sum(s);
            for (; r < v; r++)
            {
                T d = Unsafe.Add(ref d0, r);
                sum = T.FusedMultiplyAdd(Unsafe.Add(ref w, r), d, sum);
                ref T target = ref Unsafe.Add(ref dw, r);
                target = T.FusedMultiplyAdd(d, hk, target);
            }

            Unsafe.Add(ref dh0, k) = sum;
        }
    }
}
