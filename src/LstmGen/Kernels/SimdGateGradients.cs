using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The element-wise part of the SIMD backward steps, vectorised over the H hidden units: the loop kernels'
/// <c>GateGradients</c> expressions, operation for operation in the same order (so the same dz and dc_prev bit for bit),
/// in vectors of the widest accelerated width whose lanes fit in H, then scalar for the units past the last whole vector
/// (not an overlapping vector: dc_prev may be dNext's dc block, which a repeated unit would read after it was written).
/// LSTM, tanh RNN and GRU.
/// </summary>
internal static class SimdGateGradients<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    /// <summary>
    /// LSTM: cache [7H] = [h_prev | c_prev | i | f | g | o | tanh c], dNext [2H] = [dh | dc] → dz [4H] (gates i, f, g, o),
    /// dcPrev [H] (may be dNext's dc block). As <see cref="LstmLoopKernel{TShape, T}"/>'s GateGradients.
    /// </summary>
    public static void Lstm(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dz, Span<T> dcPrev)
    {
        int h = H;
        Guard.KernelSpans(cache.Length >= 7 * h && dNext.Length >= 2 * h && dz.Length >= 4 * h && dcPrev.Length >= h);
        switch (LaneWidth.For<T>(h))
        {
            case 512:
                Lstm<Lanes512<T>, Vector512<T>>(cache, dNext, dz, dcPrev);
                break;
            case 256:
                Lstm<Lanes256<T>, Vector256<T>>(cache, dNext, dz, dcPrev);
                break;
            case 128:
                Lstm<Lanes128<T>, Vector128<T>>(cache, dNext, dz, dcPrev);
                break;
            default:
                LstmLoopKernel<TShape, T>.GateGradients(cache, dNext, dz, dcPrev);
                break;
        }
    }

    /// <summary>
    /// tanh RNN: cache [2H] = [h_prev | h], dNext [H] → dz [H] = dh ⊙ (1 − h²). As <see cref="RnnLoopKernel{TShape, T}"/>'s
    /// GateGradients.
    /// </summary>
    public static void Rnn(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dz)
    {
        int h = H;
        Guard.KernelSpans(cache.Length >= 2 * h && dNext.Length >= h && dz.Length >= h);
        switch (LaneWidth.For<T>(h))
        {
            case 512:
                Rnn<Lanes512<T>, Vector512<T>>(cache, dNext, dz);
                break;
            case 256:
                Rnn<Lanes256<T>, Vector256<T>>(cache, dNext, dz);
                break;
            case 128:
                Rnn<Lanes128<T>, Vector128<T>>(cache, dNext, dz);
                break;
            default:
                RnnLoopKernel<TShape, T>.GateGradients(cache, dNext, dz);
                break;
        }
    }

    /// <summary>
    /// GRU: cache [5H] = [h_prev | r | z | n | hn], dNext [H] = dh' → dzx [3H] = [dar | daz | dan], dzh [3H] =
    /// [dar | daz | dhn], direct [H] = dh' ⊙ z. As <see cref="GruLoopKernel{TShape, T}"/>'s GateGradients; dNext is only read.
    /// </summary>
    public static void Gru(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dzx, Span<T> dzh, Span<T> direct)
    {
        int h = H;
        Guard.KernelSpans(cache.Length >= 5 * h && dNext.Length >= h && dzx.Length >= 3 * h && dzh.Length >= 3 * h && direct.Length >= h);
        switch (LaneWidth.For<T>(h))
        {
            case 512:
                Gru<Lanes512<T>, Vector512<T>>(cache, dNext, dzx, dzh, direct);
                break;
            case 256:
                Gru<Lanes256<T>, Vector256<T>>(cache, dNext, dzx, dzh, direct);
                break;
            case 128:
                Gru<Lanes128<T>, Vector128<T>>(cache, dNext, dzx, dzh, direct);
                break;
            default:
                GruLoopKernel<TShape, T>.GateGradients(cache, dNext, dzx, dzh, direct);
                break;
        }
    }

    private static void Gru<TLanes, TVector>(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dzx, Span<T> dzh, Span<T> direct)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int h = H, n = TLanes.Count;
        ref T hPrev = ref MemoryMarshal.GetReference(cache);
        ref T r = ref Unsafe.Add(ref hPrev, h);
        ref T z = ref Unsafe.Add(ref hPrev, 2 * h);
        ref T nGate = ref Unsafe.Add(ref hPrev, 3 * h);
        ref T hn = ref Unsafe.Add(ref hPrev, 4 * h);
        ref T dh = ref MemoryMarshal.GetReference(dNext);
        ref T dzx0 = ref MemoryMarshal.GetReference(dzx);
        ref T dzh0 = ref MemoryMarshal.GetReference(dzh);
        ref T direct0 = ref MemoryMarshal.GetReference(direct);
        TVector one = TLanes.Broadcast(T.One);
        nuint zRows = (nuint)h, nRows = (nuint)(2 * h);
        int j = 0;
        for (; j <= h - n; j += n)
        {
            nuint at = (nuint)j;
            TVector dhj = TLanes.Load(ref dh, at), rj = TLanes.Load(ref r, at), zj = TLanes.Load(ref z, at), nj = TLanes.Load(ref nGate, at);
            TVector dn = TLanes.Multiply(dhj, TLanes.Subtract(one, zj));
            TVector dzGate = TLanes.Multiply(dhj, TLanes.Subtract(TLanes.Load(ref hPrev, at), nj));
            TVector dan = TLanes.Multiply(dn, TLanes.Subtract(one, TLanes.Multiply(nj, nj)));
            TVector dhn = TLanes.Multiply(dan, rj);
            TVector dr = TLanes.Multiply(dan, TLanes.Load(ref hn, at));
            TVector dar = TLanes.Multiply(TLanes.Multiply(dr, rj), TLanes.Subtract(one, rj));
            TVector daz = TLanes.Multiply(TLanes.Multiply(dzGate, zj), TLanes.Subtract(one, zj));
            TLanes.Store(dar, ref dzx0, at);
            TLanes.Store(dar, ref dzh0, at);
            TLanes.Store(daz, ref dzx0, at + zRows);
            TLanes.Store(daz, ref dzh0, at + zRows);
            TLanes.Store(dan, ref dzx0, at + nRows);
            TLanes.Store(dhn, ref dzh0, at + nRows);
            TLanes.Store(TLanes.Multiply(dhj, zj), ref direct0, at);
        }

        for (; j < h; j++)
        {
            T dhj = Unsafe.Add(ref dh, j), rj = Unsafe.Add(ref r, j), zj = Unsafe.Add(ref z, j), nj = Unsafe.Add(ref nGate, j);
            T dn = dhj * (T.One - zj);
            T dzGate = dhj * (Unsafe.Add(ref hPrev, j) - nj);
            T dan = dn * (T.One - (nj * nj));
            T dhn = dan * rj;
            T dr = dan * Unsafe.Add(ref hn, j);
            T dar = dr * rj * (T.One - rj);
            T daz = dzGate * zj * (T.One - zj);
            Unsafe.Add(ref dzx0, j) = Unsafe.Add(ref dzh0, j) = dar;
            Unsafe.Add(ref dzx0, h + j) = Unsafe.Add(ref dzh0, h + j) = daz;
            Unsafe.Add(ref dzx0, (2 * h) + j) = dan;
            Unsafe.Add(ref dzh0, (2 * h) + j) = dhn;
            Unsafe.Add(ref direct0, j) = dhj * zj;
        }
    }

    private static void Lstm<TLanes, TVector>(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dz, Span<T> dcPrev)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int h = H, n = TLanes.Count;
        ref T c0 = ref MemoryMarshal.GetReference(cache);
        ref T cPrev = ref Unsafe.Add(ref c0, h);
        ref T i = ref Unsafe.Add(ref c0, 2 * h);
        ref T f = ref Unsafe.Add(ref c0, 3 * h);
        ref T g = ref Unsafe.Add(ref c0, 4 * h);
        ref T o = ref Unsafe.Add(ref c0, 5 * h);
        ref T tanhC = ref Unsafe.Add(ref c0, 6 * h);
        ref T dh = ref MemoryMarshal.GetReference(dNext);
        ref T dcNext = ref Unsafe.Add(ref dh, h);
        ref T dz0 = ref MemoryMarshal.GetReference(dz);
        ref T dcOut = ref MemoryMarshal.GetReference(dcPrev);
        TVector one = TLanes.Broadcast(T.One);
        int j = 0;
        for (; j <= h - n; j += n)
        {
            nuint at = (nuint)j;
            TVector dhj = TLanes.Load(ref dh, at), t = TLanes.Load(ref tanhC, at), oj = TLanes.Load(ref o, at);
            TVector ij = TLanes.Load(ref i, at), fj = TLanes.Load(ref f, at), gj = TLanes.Load(ref g, at);
            TVector dO = TLanes.Multiply(dhj, t);
            TVector dc = TLanes.Add(TLanes.Load(ref dcNext, at), TLanes.Multiply(TLanes.Multiply(dhj, oj), TLanes.Subtract(one, TLanes.Multiply(t, t))));
            TLanes.Store(TLanes.Multiply(TLanes.Multiply(TLanes.Multiply(dc, gj), ij), TLanes.Subtract(one, ij)), ref dz0, at);
            TLanes.Store(TLanes.Multiply(TLanes.Multiply(TLanes.Multiply(dc, TLanes.Load(ref cPrev, at)), fj), TLanes.Subtract(one, fj)), ref dz0, at + (nuint)h);
            TLanes.Store(TLanes.Multiply(TLanes.Multiply(dc, ij), TLanes.Subtract(one, TLanes.Multiply(gj, gj))), ref dz0, at + (nuint)(2 * h));
            TLanes.Store(TLanes.Multiply(TLanes.Multiply(dO, oj), TLanes.Subtract(one, oj)), ref dz0, at + (nuint)(3 * h));
            TLanes.Store(TLanes.Multiply(dc, fj), ref dcOut, at);
        }

        for (; j < h; j++)
        {
            T dhj = Unsafe.Add(ref dh, j), t = Unsafe.Add(ref tanhC, j), oj = Unsafe.Add(ref o, j);
            T ij = Unsafe.Add(ref i, j), fj = Unsafe.Add(ref f, j), gj = Unsafe.Add(ref g, j);
            T dO = dhj * t;
            T dc = Unsafe.Add(ref dcNext, j) + (dhj * oj * (T.One - (t * t)));
            Unsafe.Add(ref dz0, j) = dc * gj * ij * (T.One - ij);
            Unsafe.Add(ref dz0, h + j) = dc * Unsafe.Add(ref cPrev, j) * fj * (T.One - fj);
            Unsafe.Add(ref dz0, (2 * h) + j) = dc * ij * (T.One - (gj * gj));
            Unsafe.Add(ref dz0, (3 * h) + j) = dO * oj * (T.One - oj);
            Unsafe.Add(ref dcOut, j) = dc * fj;
        }
    }

    private static void Rnn<TLanes, TVector>(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dz)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int h = H, n = TLanes.Count;
        ref T hNew = ref Unsafe.Add(ref MemoryMarshal.GetReference(cache), h);
        ref T dh = ref MemoryMarshal.GetReference(dNext);
        ref T dz0 = ref MemoryMarshal.GetReference(dz);
        TVector one = TLanes.Broadcast(T.One);
        int j = 0;
        for (; j <= h - n; j += n)
        {
            TVector hj = TLanes.Load(ref hNew, (nuint)j);
            TLanes.Store(TLanes.Multiply(TLanes.Load(ref dh, (nuint)j), TLanes.Subtract(one, TLanes.Multiply(hj, hj))), ref dz0, (nuint)j);
        }

        for (; j < h; j++)
        {
            T hj = Unsafe.Add(ref hNew, j);
            Unsafe.Add(ref dz0, j) = Unsafe.Add(ref dh, j) * (T.One - (hj * hj));
        }
    }
}
