using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// <see cref="SimdGateMatrix{TShape, T}"/> for 4 samples at once, the batched sequences' kernels: one pass over the
/// weights serves 4 samples (each weight vector is loaded once and used in 4 fused multiply-adds), where 4 single-sample
/// calls would stream <c>[W | U]</c> from memory 4 times. Per sample the same operations in the same order as the
/// single-sample kernel, so the results are the same bit for bit: z per sample; in the backward, dx and dh per sample,
/// and dp as 4 single-sample calls in sample order (every element of dp receives the samples' terms in turn).
/// Sample s's vectors sit at s × stride in their spans (a stride per buffer, so that states, caches and carries are read
/// and written where the sequence layer keeps them); inputs are 4 × D dense values, or 4 one-hot indices.
/// </summary>
internal static partial class SimdGateMatrix4<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Block = SimdGateMatrix<TShape, T>.BackwardBlock;

    private static int Rows => CellShape<TShape>.GateRows;

    private static int BiasOffset => CellShape<TShape>.BiasOffset;

    // For each sample s: z_s [G] = [W | U]·[x_s; h_s] + b, or W[:, index_s] + U·h_s + b when indices is not empty (xs is
    // then not read). xs [4 × D]; h_s at s·hStride of hs; z_s at s·zStride of zs.
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zs, int zStride)
    {
        int d = TShape.InputSize, h = TShape.HiddenSize, rows = Rows;
        bool oneHot = !indices.IsEmpty;
        Guard.KernelSpans(p.Length >= CellShape<TShape>.ParameterCount && hStride >= h && zStride >= rows
            && hs.Length >= (3 * hStride) + h && zs.Length >= (3 * zStride) + rows
            && (oneHot
                ? indices.Length >= 4 && (uint)indices[0] < (uint)d && (uint)indices[1] < (uint)d && (uint)indices[2] < (uint)d && (uint)indices[3] < (uint)d
                : xs.Length >= 4 * d));
        switch (SimdGateMatrix<TShape, T>.Width)
        {
            case 512:
                Product<Lanes512<T>, Vector512<T>>(p, xs, indices, hs, hStride, zs, zStride);
                break;
            case 256:
                Product<Lanes256<T>, Vector256<T>>(p, xs, indices, hs, hStride, zs, zStride);
                break;
            case 128:
                Product<Lanes128<T>, Vector128<T>>(p, xs, indices, hs, hStride, zs, zStride);
                break;
            default:
                for (int s = 0; s < 4; s++)
                {
                    SimdGateMatrix<TShape, T>.PreActivations(p, oneHot ? default : xs.Slice(s * d, d), oneHot ? indices[s] : -1, hs.Slice(s * hStride, h), zs.Slice(s * zStride, rows));
                }

                break;
        }
    }

    // The backward of PreActivations for each sample s, from dz_s [G] at s·dzStride of dzs: db += dz_s; dW += dz_s x_sᵀ
    // (one-hot: dW[:, index_s] += dz_s, and no dx); dx_s [D] at s·D of dxs (unless dxs is empty); dU += dz_s h_sᵀ;
    // dh_s [H] at s·dhStride of dhs. dxs and dhs must not overlap p, dp, dzs or hs.
    public static void Backward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, ReadOnlySpan<T> dzs, int dzStride, Span<T> dxs, Span<T> dhs, int dhStride, Span<T> dp)
    {
        int d = TShape.InputSize, h = TShape.HiddenSize, rows = Rows, count = CellShape<TShape>.ParameterCount;
        bool oneHot = !indices.IsEmpty;
        Guard.KernelSpans(p.Length >= count && dp.Length >= count && hStride >= h && dzStride >= rows && dhStride >= h
            && hs.Length >= (3 * hStride) + h && dzs.Length >= (3 * dzStride) + rows && dhs.Length >= (3 * dhStride) + h
            && (oneHot
                ? indices.Length >= 4 && (uint)indices[0] < (uint)d && (uint)indices[1] < (uint)d && (uint)indices[2] < (uint)d && (uint)indices[3] < (uint)d
                : xs.Length >= 4 * d && (dxs.IsEmpty || dxs.Length >= 4 * d)));
        switch (SimdGateMatrix<TShape, T>.Width)
        {
            case 512:
                BackwardProduct<Lanes512<T>, Vector512<T>>(p, xs, indices, hs, hStride, dzs, dzStride, dxs, dhs, dhStride, dp);
                break;
            case 256:
                BackwardProduct<Lanes256<T>, Vector256<T>>(p, xs, indices, hs, hStride, dzs, dzStride, dxs, dhs, dhStride, dp);
                break;
            case 128:
                BackwardProduct<Lanes128<T>, Vector128<T>>(p, xs, indices, hs, hStride, dzs, dzStride, dxs, dhs, dhStride, dp);
                break;
            default:
                for (int s = 0; s < 4; s++)
                {
                    SimdGateMatrix<TShape, T>.Backward(
                        p, oneHot ? default : xs.Slice(s * d, d), oneHot ? indices[s] : -1, hs.Slice(s * hStride, h), dzs.Slice(s * dzStride, rows),
                        oneHot || dxs.IsEmpty ? default : dxs.Slice(s * d, d), dhs.Slice(s * dhStride, h), dp);
                }

                break;
        }
    }

    // G ≥ TLanes.Count here. Rows as the single-sample product splits them (per lane the same operations): blocks of 2
    // vectors (8 accumulators for the 4 samples), then single vectors, then one vector ending at row G − 1.
    private static void Product<TLanes, TVector>(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, Span<T> zs, int zStride)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, n = TLanes.Count;
        var samples = indices.IsEmpty ? new Samples(-1, -1, -1, -1, hStride, zStride) : new Samples(indices[0], indices[1], indices[2], indices[3], hStride, zStride);
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T x0 = ref MemoryMarshal.GetReference(xs);
        ref T h0 = ref MemoryMarshal.GetReference(hs);
        ref T z0 = ref MemoryMarshal.GetReference(zs);
        int r = 0;
        for (; r <= rows - (2 * n); r += 2 * n)
        {
            Rows2<TLanes, TVector>(ref w0, ref x0, ref h0, ref z0, samples, r);
        }

        for (; r <= rows - n; r += n)
        {
            Rows1<TLanes, TVector>(ref w0, ref x0, ref h0, ref z0, samples, r);
        }

        if (r < rows)
        {
            Rows1<TLanes, TVector>(ref w0, ref x0, ref h0, ref z0, samples, rows - n);
        }
    }

    // z_s[r .. r + n) for the 4 samples.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows1<TLanes, TVector>(ref T w0, ref T x0, ref T h0, ref T z0, Samples samples, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, d = TShape.InputSize, hs = samples.HStride;
        TVector a0, a1, a2, a3;
        if (samples.OneHot)
        {
            a0 = TLanes.Load(ref w0, (nuint)((samples.Index0 * rows) + r));
            a1 = TLanes.Load(ref w0, (nuint)((samples.Index1 * rows) + r));
            a2 = TLanes.Load(ref w0, (nuint)((samples.Index2 * rows) + r));
            a3 = TLanes.Load(ref w0, (nuint)((samples.Index3 * rows) + r));
        }
        else
        {
            a0 = a1 = a2 = a3 = TLanes.Zero;
            for (int k = 0; k < d; k++)
            {
                TVector w = TLanes.Load(ref w0, (nuint)((k * rows) + r));
                a0 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, k)), a0);
                a1 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, d + k)), a1);
                a2 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, (2 * d) + k)), a2);
                a3 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref x0, (3 * d) + k)), a3);
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            TVector w = TLanes.Load(ref w0, (nuint)(((d + k) * rows) + r));
            a0 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, k)), a0);
            a1 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, hs + k)), a1);
            a2 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, (2 * hs) + k)), a2);
            a3 = TLanes.MultiplyAdd(w, TLanes.Broadcast(Unsafe.Add(ref h0, (3 * hs) + k)), a3);
        }

        if (TShape.HasBias)
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

    // G ≥ TLanes.Count here. The bias and the one-hot columns sample by sample (the single-sample Column); the dense input
    // columns and the hidden columns one pass per column for the 4 samples (Column4).
    private static void BackwardProduct<TLanes, TVector>(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> hs, int hStride, ReadOnlySpan<T> dzs, int dzStride, Span<T> dxs, Span<T> dhs, int dhStride, Span<T> dp)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, d = TShape.InputSize;
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T dz0 = ref MemoryMarshal.GetReference(dzs);
        ref T dp0 = ref MemoryMarshal.GetReference(dp);
        ref T x0 = ref MemoryMarshal.GetReference(xs);
        ref T h0 = ref MemoryMarshal.GetReference(hs);
        ref T dx0 = ref MemoryMarshal.GetReference(dxs);
        ref T dh0 = ref MemoryMarshal.GetReference(dhs);
        for (int s = 0; TShape.HasBias && s < 4; s++)
        {
            SimdGateMatrix<TShape, T>.Column<TLanes, TVector>(ref w0, ref Unsafe.Add(ref dz0, s * dzStride), ref dp0, BiasOffset, T.One, dot: false);   // db += dz_s
        }

        if (!indices.IsEmpty)
        {
            for (int s = 0; s < 4; s++)
            {
                SimdGateMatrix<TShape, T>.Column<TLanes, TVector>(ref w0, ref Unsafe.Add(ref dz0, s * dzStride), ref dp0, indices[s] * rows, T.One, dot: false);
            }
        }
        else
        {
            bool dot = !dxs.IsEmpty;
            for (int k = 0; k < d; k++)
            {
                var inputs = new Inputs(Unsafe.Add(ref x0, k), Unsafe.Add(ref x0, d + k), Unsafe.Add(ref x0, (2 * d) + k), Unsafe.Add(ref x0, (3 * d) + k));
                Inputs sums = Column4<TLanes, TVector>(ref w0, ref dz0, dzStride, ref dp0, k * rows, inputs, dot);
                if (dot)
                {
                    Unsafe.Add(ref dx0, k) = sums.V0;
                    Unsafe.Add(ref dx0, d + k) = sums.V1;
                    Unsafe.Add(ref dx0, (2 * d) + k) = sums.V2;
                    Unsafe.Add(ref dx0, (3 * d) + k) = sums.V3;
                }
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            var inputs = new Inputs(Unsafe.Add(ref h0, k), Unsafe.Add(ref h0, hStride + k), Unsafe.Add(ref h0, (2 * hStride) + k), Unsafe.Add(ref h0, (3 * hStride) + k));
            Inputs sums = Column4<TLanes, TVector>(ref w0, ref dz0, dzStride, ref dp0, (d + k) * rows, inputs, dot: true);
            Unsafe.Add(ref dh0, k) = sums.V0;
            Unsafe.Add(ref dh0, dhStride + k) = sums.V1;
            Unsafe.Add(ref dh0, (2 * dhStride) + k) = sums.V2;
            Unsafe.Add(ref dh0, (3 * dhStride) + k) = sums.V3;
        }
    }

    // One column of G rows at p[at] (and dp[at]) for the 4 samples: dp[at .. at + G) += v_s·dz_s for s = 0 … 3 in turn, and,
    // if dot, the 4 products column·dz_s (else zeros). Per sample the single-sample Column's accumulators and order: Block
    // accumulators over whole blocks, single vectors into the first, the pairwise sum, then the tail rows by scalar fused
    // multiply-adds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Inputs Column4<TLanes, TVector>(ref T w0, ref T dz0, int dzStride, ref T dp0, int at, Inputs v, bool dot)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, n = TLanes.Count;
        ref T w = ref Unsafe.Add(ref w0, at);
        ref T dpColumn = ref Unsafe.Add(ref dp0, at);
        ref T d0 = ref dz0;
        ref T d1 = ref Unsafe.Add(ref dz0, dzStride);
        ref T d2 = ref Unsafe.Add(ref dz0, 2 * dzStride);
        ref T d3 = ref Unsafe.Add(ref dz0, 3 * dzStride);
        TVector v0 = TLanes.Broadcast(v.V0), v1 = TLanes.Broadcast(v.V1), v2 = TLanes.Broadcast(v.V2), v3 = TLanes.Broadcast(v.V3);
        TVector s00 = TLanes.Zero, s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        TVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int r = 0;
        for (; r <= rows - (Block * n); r += Block * n)
        {
            nuint r0 = (nuint)r, r1 = (nuint)(r + n), r2 = (nuint)(r + (2 * n)), r3 = (nuint)(r + (3 * n));
            Update<TLanes, TVector>(ref w, ref dpColumn, ref d0, ref d1, ref d2, ref d3, v0, v1, v2, v3, r0, dot, ref s00, ref s10, ref s20, ref s30);
            Update<TLanes, TVector>(ref w, ref dpColumn, ref d0, ref d1, ref d2, ref d3, v0, v1, v2, v3, r1, dot, ref s01, ref s11, ref s21, ref s31);
            Update<TLanes, TVector>(ref w, ref dpColumn, ref d0, ref d1, ref d2, ref d3, v0, v1, v2, v3, r2, dot, ref s02, ref s12, ref s22, ref s32);
            Update<TLanes, TVector>(ref w, ref dpColumn, ref d0, ref d1, ref d2, ref d3, v0, v1, v2, v3, r3, dot, ref s03, ref s13, ref s23, ref s33);
        }

        for (; r <= rows - n; r += n)
        {
            Update<TLanes, TVector>(ref w, ref dpColumn, ref d0, ref d1, ref d2, ref d3, v0, v1, v2, v3, (nuint)r, dot, ref s00, ref s10, ref s20, ref s30);
        }

        Inputs sums = dot
            ? new Inputs(
                TLanes.Sum(TLanes.Add(TLanes.Add(s00, s01), TLanes.Add(s02, s03))),
                TLanes.Sum(TLanes.Add(TLanes.Add(s10, s11), TLanes.Add(s12, s13))),
                TLanes.Sum(TLanes.Add(TLanes.Add(s20, s21), TLanes.Add(s22, s23))),
                TLanes.Sum(TLanes.Add(TLanes.Add(s30, s31), TLanes.Add(s32, s33))))
            : default;
        for (; r < rows; r++)
        {
            ref T target = ref Unsafe.Add(ref dpColumn, r);
            T g0 = Unsafe.Add(ref d0, r), g1 = Unsafe.Add(ref d1, r), g2 = Unsafe.Add(ref d2, r), g3 = Unsafe.Add(ref d3, r);
            target = T.FusedMultiplyAdd(g0, v.V0, target);
            target = T.FusedMultiplyAdd(g1, v.V1, target);
            target = T.FusedMultiplyAdd(g2, v.V2, target);
            target = T.FusedMultiplyAdd(g3, v.V3, target);
            if (dot)
            {
                T weight = Unsafe.Add(ref w, r);
                sums = new Inputs(
                    T.FusedMultiplyAdd(weight, g0, sums.V0),
                    T.FusedMultiplyAdd(weight, g1, sums.V1),
                    T.FusedMultiplyAdd(weight, g2, sums.V2),
                    T.FusedMultiplyAdd(weight, g3, sums.V3));
            }
        }

        return sums;
    }

    // One vector of rows at r: dp += v_s·dz_s for s = 0 … 3 in turn (one load and one store of dp), and the 4 dot
    // accumulators gain column·dz_s.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update<TLanes, TVector>(
        ref T w, ref T dpColumn, ref T d0, ref T d1, ref T d2, ref T d3, TVector v0, TVector v1, TVector v2, TVector v3, nuint r, bool dot,
        ref TVector s0, ref TVector s1, ref TVector s2, ref TVector s3)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        TVector g0 = TLanes.Load(ref d0, r), g1 = TLanes.Load(ref d1, r), g2 = TLanes.Load(ref d2, r), g3 = TLanes.Load(ref d3, r);
        TVector target = TLanes.Load(ref dpColumn, r);
        target = TLanes.MultiplyAdd(g0, v0, target);
        target = TLanes.MultiplyAdd(g1, v1, target);
        target = TLanes.MultiplyAdd(g2, v2, target);
        target = TLanes.MultiplyAdd(g3, v3, target);
        TLanes.Store(target, ref dpColumn, r);
        if (dot)
        {
            TVector weight = TLanes.Load(ref w, r);
            s0 = TLanes.MultiplyAdd(weight, g0, s0);
            s1 = TLanes.MultiplyAdd(weight, g1, s1);
            s2 = TLanes.MultiplyAdd(weight, g2, s2);
            s3 = TLanes.MultiplyAdd(weight, g3, s3);
        }
    }

    // The 4 samples' one-hot indices (all −1 for dense inputs) and the strides of their h and z vectors.
    private readonly record struct Samples(int Index0, int Index1, int Index2, int Index3, int HStride, int ZStride)
    {
        public bool OneHot => Index0 >= 0;
    }

    // One scalar per sample.
    private readonly record struct Inputs(T V0, T V1, T V2, T V3);
}
