using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary><see cref="GateGemm{TShape, T}.RankUpdate"/>'s blocks: dM += Σ_j dz_j v_jᵀ, the gradient held in registers across the rows.</summary>
internal static partial class GateGemm<TShape, T>
{
    // ---- dM += Σ_j dz_j v_jᵀ: blocks of 4 vectors of gate rows × 4 columns, then narrower blocks, then scalar rows ----

    private static void RankUpdate<TLanes, TVector>(Span<T> dm, int columns, ReadOnlySpan<T> dz, int rows, ReadOnlySpan<T> v, int vStride)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G, n = TLanes.Count, whole = g / n * n;
        ref T dm0 = ref MemoryMarshal.GetReference(dm);
        ref T dz0 = ref MemoryMarshal.GetReference(dz);
        ref T v0 = ref MemoryMarshal.GetReference(v);
        int r = 0;
        for (; r <= whole - (4 * n); r += 4 * n)
        {
            int k = 0;
            for (; typeof(TVector) == typeof(Vector512<T>) && k <= columns - 4; k += 4)   // 16 accumulators: Vector512 only
            {
                Block4x4<TLanes, TVector>(ref dm0, ref dz0, rows, ref v0, vStride, r, k);
            }

            for (; k < columns; k++)
            {
                Block4x1<TLanes, TVector>(ref dm0, ref dz0, rows, ref v0, vStride, r, k);
            }
        }

        for (; r < whole; r += n)
        {
            for (int k = 0; k < columns; k++)
            {
                Block1x1<TLanes, TVector>(ref dm0, ref dz0, rows, ref v0, vStride, r, k);
            }
        }

        for (; r < g; r++)
        {
            for (int k = 0; k < columns; k++)
            {
                ref T target = ref Unsafe.Add(ref dm0, (k * g) + r);
                T sum = target;
                for (int j = 0; j < rows; j++)
                {
                    sum = T.FusedMultiplyAdd(Unsafe.Add(ref dz0, (j * g) + r), Unsafe.Add(ref v0, (j * vStride) + k), sum);
                }

                target = sum;
            }
        }
    }

    // dM[r .. r + 4n, k .. k + 4): 16 accumulators, loaded once, stored once.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x4<TLanes, TVector>(ref T dm0, ref T dz0, int rows, ref T v0, int vStride, int r, int k)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G;
        nuint n = (nuint)TLanes.Count;
        ref T m0 = ref Unsafe.Add(ref dm0, (k * g) + r);
        ref T m1 = ref Unsafe.Add(ref m0, g);
        ref T m2 = ref Unsafe.Add(ref m0, 2 * g);
        ref T m3 = ref Unsafe.Add(ref m0, 3 * g);
        TVector a00 = TLanes.Load(ref m0, 0), a01 = TLanes.Load(ref m0, n), a02 = TLanes.Load(ref m0, 2 * n), a03 = TLanes.Load(ref m0, 3 * n);
        TVector a10 = TLanes.Load(ref m1, 0), a11 = TLanes.Load(ref m1, n), a12 = TLanes.Load(ref m1, 2 * n), a13 = TLanes.Load(ref m1, 3 * n);
        TVector a20 = TLanes.Load(ref m2, 0), a21 = TLanes.Load(ref m2, n), a22 = TLanes.Load(ref m2, 2 * n), a23 = TLanes.Load(ref m2, 3 * n);
        TVector a30 = TLanes.Load(ref m3, 0), a31 = TLanes.Load(ref m3, n), a32 = TLanes.Load(ref m3, 2 * n), a33 = TLanes.Load(ref m3, 3 * n);
        for (int j = 0; j < rows; j++)
        {
            ref T z = ref Unsafe.Add(ref dz0, (j * g) + r);
            ref T x = ref Unsafe.Add(ref v0, (j * vStride) + k);
            TVector z0 = TLanes.Load(ref z, 0), z1 = TLanes.Load(ref z, n), z2 = TLanes.Load(ref z, 2 * n), z3 = TLanes.Load(ref z, 3 * n);
            TVector b = TLanes.Broadcast(x);
            (a00, a01, a02, a03) = (TLanes.MultiplyAdd(z0, b, a00), TLanes.MultiplyAdd(z1, b, a01), TLanes.MultiplyAdd(z2, b, a02), TLanes.MultiplyAdd(z3, b, a03));
            b = TLanes.Broadcast(Unsafe.Add(ref x, 1));
            (a10, a11, a12, a13) = (TLanes.MultiplyAdd(z0, b, a10), TLanes.MultiplyAdd(z1, b, a11), TLanes.MultiplyAdd(z2, b, a12), TLanes.MultiplyAdd(z3, b, a13));
            b = TLanes.Broadcast(Unsafe.Add(ref x, 2));
            (a20, a21, a22, a23) = (TLanes.MultiplyAdd(z0, b, a20), TLanes.MultiplyAdd(z1, b, a21), TLanes.MultiplyAdd(z2, b, a22), TLanes.MultiplyAdd(z3, b, a23));
            b = TLanes.Broadcast(Unsafe.Add(ref x, 3));
            (a30, a31, a32, a33) = (TLanes.MultiplyAdd(z0, b, a30), TLanes.MultiplyAdd(z1, b, a31), TLanes.MultiplyAdd(z2, b, a32), TLanes.MultiplyAdd(z3, b, a33));
        }

        TLanes.Store(a00, ref m0, 0);
        TLanes.Store(a01, ref m0, n);
        TLanes.Store(a02, ref m0, 2 * n);
        TLanes.Store(a03, ref m0, 3 * n);
        TLanes.Store(a10, ref m1, 0);
        TLanes.Store(a11, ref m1, n);
        TLanes.Store(a12, ref m1, 2 * n);
        TLanes.Store(a13, ref m1, 3 * n);
        TLanes.Store(a20, ref m2, 0);
        TLanes.Store(a21, ref m2, n);
        TLanes.Store(a22, ref m2, 2 * n);
        TLanes.Store(a23, ref m2, 3 * n);
        TLanes.Store(a30, ref m3, 0);
        TLanes.Store(a31, ref m3, n);
        TLanes.Store(a32, ref m3, 2 * n);
        TLanes.Store(a33, ref m3, 3 * n);
    }

    // dM[r .. r + 4n, k]: one column's 4 vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x1<TLanes, TVector>(ref T dm0, ref T dz0, int rows, ref T v0, int vStride, int r, int k)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G;
        nuint n = (nuint)TLanes.Count;
        ref T m0 = ref Unsafe.Add(ref dm0, (k * g) + r);
        TVector a0 = TLanes.Load(ref m0, 0), a1 = TLanes.Load(ref m0, n), a2 = TLanes.Load(ref m0, 2 * n), a3 = TLanes.Load(ref m0, 3 * n);
        for (int j = 0; j < rows; j++)
        {
            ref T z = ref Unsafe.Add(ref dz0, (j * g) + r);
            TVector b = TLanes.Broadcast(Unsafe.Add(ref v0, (j * vStride) + k));
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref z, 0), b, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref z, n), b, a1);
            a2 = TLanes.MultiplyAdd(TLanes.Load(ref z, 2 * n), b, a2);
            a3 = TLanes.MultiplyAdd(TLanes.Load(ref z, 3 * n), b, a3);
        }

        TLanes.Store(a0, ref m0, 0);
        TLanes.Store(a1, ref m0, n);
        TLanes.Store(a2, ref m0, 2 * n);
        TLanes.Store(a3, ref m0, 3 * n);
    }

    // dM[r .. r + n, k]: one vector.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1x1<TLanes, TVector>(ref T dm0, ref T dz0, int rows, ref T v0, int vStride, int r, int k)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G;
        ref T m0 = ref Unsafe.Add(ref dm0, (k * g) + r);
        TVector a = TLanes.Load(ref m0, 0);
        for (int j = 0; j < rows; j++)
        {
            a = TLanes.MultiplyAdd(TLanes.Load(ref dz0, (nuint)((j * g) + r)), TLanes.Broadcast(Unsafe.Add(ref v0, (j * vStride) + k)), a);
        }

        TLanes.Store(a, ref m0, 0);
    }
}
