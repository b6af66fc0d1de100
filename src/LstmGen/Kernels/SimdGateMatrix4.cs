using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// <see cref="SimdGateMatrix{TShape, T}"/> for 4 samples at once, the batched sequences' kernels: one pass over the
/// weights serves 4 samples (each weight vector is loaded once and used in 4 fused multiply-adds), where 4 single-sample
/// calls would stream <c>[W | U]</c> from memory 4 times. Per sample the same operations in the same order as the
/// single-sample kernel, so the results are the same bit for bit. (The backward of batches is
/// <see cref="BatchedBackward{TKernel, T}"/>'s, over <see cref="GateGemm{TShape, T}"/>.) Sample s's vectors sit at s × stride in their spans (a stride per buffer, so that states, caches and carries are read
/// and written where the sequence layer keeps them); inputs are 4 × D dense values, or 4 one-hot indices.
/// </summary>
internal static partial class SimdGateMatrix4<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int Rows => CellShape<TShape>.GateRows;

    private static int BiasOffset => CellShape<TShape>.BiasOffset;

    // For each sample s: z_s [G] = [W | U]·[x_s; h_s] + b, or W[:, index_s] + U·h_s + b when indices is not empty (xs is
    // then not read). xs [4 × D]; h_s at s·hStride of hs; z_s at s·zStride of zs.
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zs, int zStride) =>
        Groups<AllColumns>(p, xs, indices, hs, hStride, zs, zStride, [0], [0]);        // one group: samples 0 … 3

    // z_s[r .. r + 2n) for the 4 samples: 8 accumulators.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows2<TLanes, TVector>(ref T w0, ref T x0, ref T h0, ref T z0, Samples samples, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, d = TShape.InputSize, hs = samples.HStride;
        nuint n = (nuint)TLanes.Count;
        TVector a00, a01, a10, a11, a20, a21, a30, a31;
        nuint at;
        if (samples.OneHot)
        {
            at = (nuint)((samples.Index0 * rows) + r);
            (a00, a01) = (TLanes.Load(ref w0, at), TLanes.Load(ref w0, at + n));
            at = (nuint)((samples.Index1 * rows) + r);
            (a10, a11) = (TLanes.Load(ref w0, at), TLanes.Load(ref w0, at + n));
            at = (nuint)((samples.Index2 * rows) + r);
            (a20, a21) = (TLanes.Load(ref w0, at), TLanes.Load(ref w0, at + n));
            at = (nuint)((samples.Index3 * rows) + r);
            (a30, a31) = (TLanes.Load(ref w0, at), TLanes.Load(ref w0, at + n));
        }
        else
        {
            a00 = a01 = a10 = a11 = a20 = a21 = a30 = a31 = TLanes.Zero;
            for (int k = 0; k < d; k++)
            {
                at = (nuint)((k * rows) + r);
                TVector w = TLanes.Load(ref w0, at), v = TLanes.Load(ref w0, at + n);
                TVector input = TLanes.Broadcast(Unsafe.Add(ref x0, k));
                a00 = TLanes.MultiplyAdd(w, input, a00);
                a01 = TLanes.MultiplyAdd(v, input, a01);
                input = TLanes.Broadcast(Unsafe.Add(ref x0, d + k));
                a10 = TLanes.MultiplyAdd(w, input, a10);
                a11 = TLanes.MultiplyAdd(v, input, a11);
                input = TLanes.Broadcast(Unsafe.Add(ref x0, (2 * d) + k));
                a20 = TLanes.MultiplyAdd(w, input, a20);
                a21 = TLanes.MultiplyAdd(v, input, a21);
                input = TLanes.Broadcast(Unsafe.Add(ref x0, (3 * d) + k));
                a30 = TLanes.MultiplyAdd(w, input, a30);
                a31 = TLanes.MultiplyAdd(v, input, a31);
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            at = (nuint)(((d + k) * rows) + r);
            TVector w = TLanes.Load(ref w0, at), v = TLanes.Load(ref w0, at + n);
            TVector input = TLanes.Broadcast(Unsafe.Add(ref h0, k));
            a00 = TLanes.MultiplyAdd(w, input, a00);
            a01 = TLanes.MultiplyAdd(v, input, a01);
            input = TLanes.Broadcast(Unsafe.Add(ref h0, hs + k));
            a10 = TLanes.MultiplyAdd(w, input, a10);
            a11 = TLanes.MultiplyAdd(v, input, a11);
            input = TLanes.Broadcast(Unsafe.Add(ref h0, (2 * hs) + k));
            a20 = TLanes.MultiplyAdd(w, input, a20);
            a21 = TLanes.MultiplyAdd(v, input, a21);
            input = TLanes.Broadcast(Unsafe.Add(ref h0, (3 * hs) + k));
            a30 = TLanes.MultiplyAdd(w, input, a30);
            a31 = TLanes.MultiplyAdd(v, input, a31);
        }

        if (TShape.HasBias)
        {
            at = (nuint)(BiasOffset + r);                                   // bias last
            TVector b0 = TLanes.Load(ref w0, at), b1 = TLanes.Load(ref w0, at + n);
            (a00, a10, a20, a30) = (TLanes.Add(a00, b0), TLanes.Add(a10, b0), TLanes.Add(a20, b0), TLanes.Add(a30, b0));
            (a01, a11, a21, a31) = (TLanes.Add(a01, b1), TLanes.Add(a11, b1), TLanes.Add(a21, b1), TLanes.Add(a31, b1));
        }

        nuint z = (nuint)r, zs = (nuint)samples.ZStride;
        TLanes.Store(a00, ref z0, z);
        TLanes.Store(a01, ref z0, z + n);
        TLanes.Store(a10, ref z0, zs + z);
        TLanes.Store(a11, ref z0, zs + z + n);
        TLanes.Store(a20, ref z0, (2 * zs) + z);
        TLanes.Store(a21, ref z0, (2 * zs) + z + n);
        TLanes.Store(a30, ref z0, (3 * zs) + z);
        TLanes.Store(a31, ref z0, (3 * zs) + z + n);
    }

    // The 4 samples' one-hot indices (all −1 for dense inputs) and the strides of their h and z vectors.
    private readonly record struct Samples(int Index0, int Index1, int Index2, int Index3, int HStride, int ZStride)
    {
        public bool OneHot => Index0 >= 0;
    }
}
