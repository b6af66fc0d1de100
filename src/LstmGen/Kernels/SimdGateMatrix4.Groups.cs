using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The 4-sample forward product for every group of a batched step at once, the row blocks outermost: a block of the
/// weights is read from memory once per step and then from L1 by every group, where a call per group streams
/// <c>[W | U]</c> once per group of 4 samples. Per sample the same operations in the same order as the single-sample
/// product, so the same z bit for bit; under Vector512 the blocks are 4 vectors of rows (16 accumulators for the 4
/// samples: 4 weight loads and 4 broadcasts per 16 fused multiply-adds), else 2. The GRU's split product (zx = W·x + b and
/// zh = U·h apart) runs the same blocks over the input or the hidden columns.
/// </summary>
internal static partial class SimdGateMatrix4<TShape, T>
{
    // For each g in groups and each sample s = g … g + 3: z_s [G] = [W | U]·[x_s; h_s] + b (one-hot: W[:, index_s] + U·h_s + b):
    // x_s at s·D of xs, index_s = indices[s], h_s at s·hStride of hs, z_s at s·zStride of zs.
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zs, int zStride, ReadOnlySpan<int> groups) =>
        Groups<AllColumns>(p, xs, indices, hs, hStride, zs, zStride, groups, groups);

    // Split (GRU), as the single-sample split product: zx_s [G] = W·x_s + b (one-hot: W[:, index_s] + b) at s·zxStride of
    // zxs; zh [G] = U·h_s for sample s = g + j of the i-th group at (zhSlots[i] + j)·zhStride of zhs (a compact scratch).
    public static void PreActivations(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zxs, int zxStride, Span<T> zhs, int zhStride,
        ReadOnlySpan<int> groups, ReadOnlySpan<int> zhSlots)
    {
        Groups<InputColumns>(p, xs, indices, hs, hStride, zxs, zxStride, groups, groups);
        Groups<HiddenColumns>(p, xs, indices, hs, hStride, zhs, zhStride, groups, zhSlots);
    }

    // zSlots[i]: where the i-th group's z vectors start, in vectors of zStride (the groups themselves when z is per sample).
    private static void Groups<TColumns>(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zs, int zStride, ReadOnlySpan<int> groups, ReadOnlySpan<int> zSlots)
        where TColumns : IGateColumns
    {
        int d = TShape.InputSize, h = TShape.HiddenSize, rows = Rows;
        bool valid = p.Length >= CellShape<TShape>.ParameterCount && hStride >= h && zStride >= rows && zSlots.Length >= groups.Length;
        for (int i = 0; valid && i < groups.Length; i++)
        {
            int g = groups[i];
            valid &= g >= 0 && zSlots[i] >= 0 && hs.Length >= ((g + 3) * hStride) + h && zs.Length >= ((zSlots[i] + 3) * zStride) + rows
                && (indices.IsEmpty
                    ? xs.Length >= (g + 4) * d
                    : indices.Length >= g + 4 && (uint)indices[g] < (uint)d && (uint)indices[g + 1] < (uint)d && (uint)indices[g + 2] < (uint)d && (uint)indices[g + 3] < (uint)d);
        }

        Guard.KernelSpans(valid);
        switch (SimdGateMatrix<TShape, T>.Width)
        {
            case 512:
                GroupProduct<Lanes512<T>, Vector512<T>, TColumns>(p, xs, indices, hs, hStride, zs, zStride, groups, zSlots);
                break;
            case 256:
                GroupProduct<Lanes256<T>, Vector256<T>, TColumns>(p, xs, indices, hs, hStride, zs, zStride, groups, zSlots);
                break;
            case 128:
                GroupProduct<Lanes128<T>, Vector128<T>, TColumns>(p, xs, indices, hs, hStride, zs, zStride, groups, zSlots);
                break;
            default:
                for (int i = 0; i < groups.Length; i++)
                {
                    for (int j = 0; j < 4; j++)
                    {
                        int s = groups[i] + j;
                        Single<TColumns>(p, indices.IsEmpty ? xs.Slice(s * d, d) : default, indices.IsEmpty ? -1 : indices[s], hs.Slice(s * hStride, h), zs.Slice((zSlots[i] + j) * zStride, rows));
                    }
                }

                break;
        }
    }

    // The scalar fallback: the single-sample product's pass over TColumns (GateMatrix when no vector fits).
    private static void Single<TColumns>(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, Span<T> z)
        where TColumns : IGateColumns
    {
        if (TColumns.Input && TColumns.Hidden)
        {
            SimdGateMatrix<TShape, T>.PreActivations(p, x, index, h, z);
            return;
        }

        Span<T> other = stackalloc T[Rows];                                 // the other pass's output, discarded
        if (TColumns.Input)
        {
            SimdGateMatrix<TShape, T>.PreActivations(p, x, index, h, z, other);
        }
        else
        {
            SimdGateMatrix<TShape, T>.PreActivations(p, x, index, h, other, z);
        }
    }

    private static void GroupProduct<TLanes, TVector, TColumns>(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zs, int zStride, ReadOnlySpan<int> groups, ReadOnlySpan<int> zSlots)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns
    {
        int rows = Rows, n = TLanes.Count, d = TShape.InputSize;
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T x0 = ref MemoryMarshal.GetReference(xs);
        ref T h0 = ref MemoryMarshal.GetReference(hs);
        ref T z0 = ref MemoryMarshal.GetReference(zs);
        int r = 0;
        if (typeof(TVector) == typeof(Vector512<T>))
        {
            for (; r <= rows - (4 * n); r += 4 * n)
            {
                for (int i = 0; i < groups.Length; i++)
                {
                    int g = groups[i];
                    Rows4<TLanes, TVector, TColumns>(ref w0, ref Unsafe.Add(ref x0, g * d), ref Unsafe.Add(ref h0, g * hStride), ref Unsafe.Add(ref z0, zSlots[i] * zStride), SamplesOf(indices, g, hStride, zStride), r);
                }
            }
        }

        for (; TColumns.Input && TColumns.Hidden && r <= rows - (2 * n); r += 2 * n)
        {
            for (int i = 0; i < groups.Length; i++)
            {
                int g = groups[i];
                Rows2<TLanes, TVector>(ref w0, ref Unsafe.Add(ref x0, g * d), ref Unsafe.Add(ref h0, g * hStride), ref Unsafe.Add(ref z0, zSlots[i] * zStride), SamplesOf(indices, g, hStride, zStride), r);
            }
        }

        for (; r <= rows - n; r += n)
        {
            for (int i = 0; i < groups.Length; i++)
            {
                int g = groups[i];
                Rows1<TLanes, TVector, TColumns>(ref w0, ref Unsafe.Add(ref x0, g * d), ref Unsafe.Add(ref h0, g * hStride), ref Unsafe.Add(ref z0, zSlots[i] * zStride), SamplesOf(indices, g, hStride, zStride), r);
            }
        }

        if (r < rows)
        {
            for (int i = 0; i < groups.Length; i++)
            {
                int g = groups[i];
                Rows1<TLanes, TVector, TColumns>(ref w0, ref Unsafe.Add(ref x0, g * d), ref Unsafe.Add(ref h0, g * hStride), ref Unsafe.Add(ref z0, zSlots[i] * zStride), SamplesOf(indices, g, hStride, zStride), rows - n);
            }
        }
    }

    // z_s[r .. r + n) for the 4 samples over TColumns (every column and the bias for the fused product): per lane the
    // single-sample product's Rows1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows1<TLanes, TVector, TColumns>(ref T w0, ref T x0, ref T h0, ref T z0, Samples samples, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns
    {
        int rows = Rows, d = TShape.InputSize, hs = samples.HStride;
        TVector a0, a1, a2, a3;
        if (TColumns.Input && samples.OneHot)
        {
            a0 = TLanes.Load(ref w0, (nuint)((samples.Index0 * rows) + r));
            a1 = TLanes.Load(ref w0, (nuint)((samples.Index1 * rows) + r));
            a2 = TLanes.Load(ref w0, (nuint)((samples.Index2 * rows) + r));
            a3 = TLanes.Load(ref w0, (nuint)((samples.Index3 * rows) + r));
        }
        else
        {
            a0 = a1 = a2 = a3 = TLanes.Zero;
            for (int k = 0; TColumns.Input && k < d; k++)
            {
                TVector w = TLanes.Load(ref w0, (nuint)((k * rows) + r));
                a0 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, k)), a0);
                a1 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, d + k)), a1);
                a2 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, (2 * d) + k)), a2);
                a3 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, (3 * d) + k)), a3);
            }
        }

        for (int k = 0; TColumns.Hidden && k < TShape.HiddenSize; k++)
        {
            TVector w = TLanes.Load(ref w0, (nuint)(((d + k) * rows) + r));
            a0 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, k)), a0);
            a1 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, hs + k)), a1);
            a2 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, (2 * hs) + k)), a2);
            a3 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, (3 * hs) + k)), a3);
        }

        if (TColumns.Input && TShape.HasBias)
        {
            TVector b = TLanes.Load(ref w0, (nuint)(BiasOffset + r));         // bias last
            (a0, a1, a2, a3) = (TLanes.Add(a0, b), TLanes.Add(a1, b), TLanes.Add(a2, b), TLanes.Add(a3, b));
        }

        int zs = samples.ZStride;
        TLanes.Store(a0, ref z0, (nuint)r);
        TLanes.Store(a1, ref z0, (nuint)(zs + r));
        TLanes.Store(a2, ref z0, (nuint)((2 * zs) + r));
        TLanes.Store(a3, ref z0, (nuint)((3 * zs) + r));
    }

    private static Samples SamplesOf(ReadOnlySpan<int> indices, int g, int hStride, int zStride) =>
        indices.IsEmpty ? new Samples(-1, -1, -1, -1, hStride, zStride) : new Samples(indices[g], indices[g + 1], indices[g + 2], indices[g + 3], hStride, zStride);

    // z_s[r .. r + 4n) for the 4 samples: 16 accumulators (Vector512's 32 registers hold them, the 4 weight vectors and a
    // broadcast). Per lane the operations of Rows1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows4<TLanes, TVector, TColumns>(ref T w0, ref T x0, ref T h0, ref T z0, Samples samples, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns
    {
        int rows = Rows, d = TShape.InputSize, hs = samples.HStride;
        nuint n = (nuint)TLanes.Count;
        TVector a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33;
        if (TColumns.Input && samples.OneHot)
        {
            (a00, a01, a02, a03) = Column(ref w0, (nuint)((samples.Index0 * rows) + r), n);
            (a10, a11, a12, a13) = Column(ref w0, (nuint)((samples.Index1 * rows) + r), n);
            (a20, a21, a22, a23) = Column(ref w0, (nuint)((samples.Index2 * rows) + r), n);
            (a30, a31, a32, a33) = Column(ref w0, (nuint)((samples.Index3 * rows) + r), n);
        }
        else
        {
            a00 = a01 = a02 = a03 = a10 = a11 = a12 = a13 = a20 = a21 = a22 = a23 = a30 = a31 = a32 = a33 = TLanes.Zero;
            for (int k = 0; TColumns.Input && k < d; k++)
            {
                nuint at = (nuint)((k * rows) + r);
                TVector w = TLanes.Load(ref w0, at), v = TLanes.Load(ref w0, at + n), u = TLanes.Load(ref w0, at + (2 * n)), y = TLanes.Load(ref w0, at + (3 * n));
                TVector b = TLanes.Broadcast(Unsafe.Add(ref x0, k));
                (a00, a01, a02, a03) = (TLanes.MultiplyAdd(w, b, a00), TLanes.MultiplyAdd(v, b, a01), TLanes.MultiplyAdd(u, b, a02), TLanes.MultiplyAdd(y, b, a03));
                b = TLanes.Broadcast(Unsafe.Add(ref x0, d + k));
                (a10, a11, a12, a13) = (TLanes.MultiplyAdd(w, b, a10), TLanes.MultiplyAdd(v, b, a11), TLanes.MultiplyAdd(u, b, a12), TLanes.MultiplyAdd(y, b, a13));
                b = TLanes.Broadcast(Unsafe.Add(ref x0, (2 * d) + k));
                (a20, a21, a22, a23) = (TLanes.MultiplyAdd(w, b, a20), TLanes.MultiplyAdd(v, b, a21), TLanes.MultiplyAdd(u, b, a22), TLanes.MultiplyAdd(y, b, a23));
                b = TLanes.Broadcast(Unsafe.Add(ref x0, (3 * d) + k));
                (a30, a31, a32, a33) = (TLanes.MultiplyAdd(w, b, a30), TLanes.MultiplyAdd(v, b, a31), TLanes.MultiplyAdd(u, b, a32), TLanes.MultiplyAdd(y, b, a33));
            }
        }

        for (int k = 0; TColumns.Hidden && k < TShape.HiddenSize; k++)
        {
            nuint at = (nuint)(((d + k) * rows) + r);
            TVector w = TLanes.Load(ref w0, at), v = TLanes.Load(ref w0, at + n), u = TLanes.Load(ref w0, at + (2 * n)), y = TLanes.Load(ref w0, at + (3 * n));
            TVector b = TLanes.Broadcast(Unsafe.Add(ref h0, k));
            (a00, a01, a02, a03) = (TLanes.MultiplyAdd(w, b, a00), TLanes.MultiplyAdd(v, b, a01), TLanes.MultiplyAdd(u, b, a02), TLanes.MultiplyAdd(y, b, a03));
            b = TLanes.Broadcast(Unsafe.Add(ref h0, hs + k));
            (a10, a11, a12, a13) = (TLanes.MultiplyAdd(w, b, a10), TLanes.MultiplyAdd(v, b, a11), TLanes.MultiplyAdd(u, b, a12), TLanes.MultiplyAdd(y, b, a13));
            b = TLanes.Broadcast(Unsafe.Add(ref h0, (2 * hs) + k));
            (a20, a21, a22, a23) = (TLanes.MultiplyAdd(w, b, a20), TLanes.MultiplyAdd(v, b, a21), TLanes.MultiplyAdd(u, b, a22), TLanes.MultiplyAdd(y, b, a23));
            b = TLanes.Broadcast(Unsafe.Add(ref h0, (3 * hs) + k));
            (a30, a31, a32, a33) = (TLanes.MultiplyAdd(w, b, a30), TLanes.MultiplyAdd(v, b, a31), TLanes.MultiplyAdd(u, b, a32), TLanes.MultiplyAdd(y, b, a33));
        }

        int zs = samples.ZStride;
        Store(ref w0, ref z0, r, a00, a01, a02, a03);
        Store(ref w0, ref Unsafe.Add(ref z0, zs), r, a10, a11, a12, a13);
        Store(ref w0, ref Unsafe.Add(ref z0, 2 * zs), r, a20, a21, a22, a23);
        Store(ref w0, ref Unsafe.Add(ref z0, 3 * zs), r, a30, a31, a32, a33);

        // A one-hot sample's sums start from its column of W, as Rows1's do.
        static (TVector, TVector, TVector, TVector) Column(ref T w0, nuint at, nuint n) =>
            (TLanes.Load(ref w0, at), TLanes.Load(ref w0, at + n), TLanes.Load(ref w0, at + (2 * n)), TLanes.Load(ref w0, at + (3 * n)));

        // z[r .. r + 4n) = the sums, the bias added last.
        static void Store(ref T w0, ref T z, int r, TVector a0, TVector a1, TVector a2, TVector a3)
        {
            nuint at = (nuint)r, n = (nuint)TLanes.Count;
            if (TColumns.Input && TShape.HasBias)
            {
                nuint b = (nuint)(BiasOffset + r);
                (a0, a1, a2, a3) = (TLanes.Add(a0, TLanes.Load(ref w0, b)), TLanes.Add(a1, TLanes.Load(ref w0, b + n)), TLanes.Add(a2, TLanes.Load(ref w0, b + (2 * n))), TLanes.Add(a3, TLanes.Load(ref w0, b + (3 * n))));
            }

            TLanes.Store(a0, ref z, at);
            TLanes.Store(a1, ref z, at + n);
            TLanes.Store(a2, ref z, at + (2 * n));
            TLanes.Store(a3, ref z, at + (3 * n));
        }
    }
}
