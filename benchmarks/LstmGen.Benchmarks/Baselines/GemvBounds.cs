using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Benchmarks.Baselines;

/// <summary>
/// Inference bounds for B (one sample) and C (32 samples): hand-written Vector512 float kernels over the column-major
/// gate matrix (element (r, k) at k·rows + r), sizes at run time. Rows must be a multiple of 256, columns of 4.
/// </summary>
internal static class GemvBounds
{
    /// <summary>
    /// z = M·v, column-blocked: the columns in blocks of 4 (4 broadcasts of v per block), and for each block one sweep
    /// over the rows that adds the block's 4 columns into z (one load and one store of z per 16 rows and 4 columns), so
    /// that z's 4·rows bytes stay in L1 and each weight is loaded once, in memory order. The first block writes z.
    /// </summary>
    public static void ColumnBlocked(ReadOnlySpan<float> m, ReadOnlySpan<float> v, Span<float> z, int rows, int columns)
    {
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        ref float z0 = ref MemoryMarshal.GetReference(z);
        for (int k = 0; k < columns; k += 4)
        {
            var x0 = Vector512.Create(Unsafe.Add(ref v0, k));
            var x1 = Vector512.Create(Unsafe.Add(ref v0, k + 1));
            var x2 = Vector512.Create(Unsafe.Add(ref v0, k + 2));
            var x3 = Vector512.Create(Unsafe.Add(ref v0, k + 3));
            ref float c0 = ref Unsafe.Add(ref m0, k * rows);
            ref float c1 = ref Unsafe.Add(ref c0, rows);
            ref float c2 = ref Unsafe.Add(ref c1, rows);
            ref float c3 = ref Unsafe.Add(ref c2, rows);
            bool first = k == 0;
            for (nuint r = 0; r < (nuint)rows; r += 32)
            {
                Vector512<float> a = first ? Vector512<float>.Zero : Vector512.LoadUnsafe(ref z0, r);
                Vector512<float> b = first ? Vector512<float>.Zero : Vector512.LoadUnsafe(ref z0, r + 16);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c0, r), x0, a);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c0, r + 16), x0, b);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c1, r), x1, a);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c1, r + 16), x1, b);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c2, r), x2, a);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c2, r + 16), x2, b);
                a = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c3, r), x3, a);
                b = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c3, r + 16), x3, b);
                a.StoreUnsafe(ref z0, r);
                b.StoreUnsafe(ref z0, r + 16);
            }
        }
    }

    /// <summary>
    /// z = M·v, row-blocked wide: 256 rows (16 accumulators, half the register file) per sweep over the columns, two
    /// columns per iteration, so the accumulators never leave registers and v is read rows/256 times.
    /// </summary>
    public static void RowBlocked256(ReadOnlySpan<float> m, ReadOnlySpan<float> v, Span<float> z, int rows, int columns)
    {
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        ref float z0 = ref MemoryMarshal.GetReference(z);
        for (int r = 0; r < rows; r += 256)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            Vector512<float> a8 = default, a9 = default, a10 = default, a11 = default, a12 = default, a13 = default, a14 = default, a15 = default;
            for (int k = 0; k < columns; k++)
            {
                var x = Vector512.Create(Unsafe.Add(ref v0, k));
                ref float c = ref Unsafe.Add(ref m0, (k * rows) + r);
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 0), x, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 16), x, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 32), x, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 48), x, a3);
                a4 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 64), x, a4);
                a5 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 80), x, a5);
                a6 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 96), x, a6);
                a7 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 112), x, a7);
                a8 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 128), x, a8);
                a9 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 144), x, a9);
                a10 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 160), x, a10);
                a11 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 176), x, a11);
                a12 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 192), x, a12);
                a13 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 208), x, a13);
                a14 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 224), x, a14);
                a15 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c, 240), x, a15);
            }

            ref float o = ref Unsafe.Add(ref z0, r);
            a0.StoreUnsafe(ref o, 0);
            a1.StoreUnsafe(ref o, 16);
            a2.StoreUnsafe(ref o, 32);
            a3.StoreUnsafe(ref o, 48);
            a4.StoreUnsafe(ref o, 64);
            a5.StoreUnsafe(ref o, 80);
            a6.StoreUnsafe(ref o, 96);
            a7.StoreUnsafe(ref o, 112);
            a8.StoreUnsafe(ref o, 128);
            a9.StoreUnsafe(ref o, 144);
            a10.StoreUnsafe(ref o, 160);
            a11.StoreUnsafe(ref o, 176);
            a12.StoreUnsafe(ref o, 192);
            a13.StoreUnsafe(ref o, 208);
            a14.StoreUnsafe(ref o, 224);
            a15.StoreUnsafe(ref o, 240);
        }
    }
}
