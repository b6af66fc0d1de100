using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Benchmarks.Baselines;

/// <summary>
/// The "bound": hand-written, best-effort Vector512 float kernels for the dense work of configurations B and C, with
/// sizes passed at run time (as a hand-tuned library would). Matrices are column-major (element (r, k) at k·rows + r),
/// the layout of the generated cells' weights. Rows must be a multiple of 128 and columns of 4 (true for H = 128).
/// </summary>
internal static class BoundKernels
{
    /// <summary>z = M·v: 8 accumulators of 16 rows each while the columns stream past.</summary>
    public static void Gemv(ReadOnlySpan<float> m, ReadOnlySpan<float> v, Span<float> z, int rows, int columns)
    {
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        ref float z0 = ref MemoryMarshal.GetReference(z);
        for (int r = 0; r < rows; r += 128)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
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
        }
    }

    /// <summary>d = Mᵀ·z: one dot product per column, 4 columns at a time so each z vector is loaded once per 4 columns.</summary>
    public static void GemvTransposed(ReadOnlySpan<float> m, ReadOnlySpan<float> z, Span<float> d, int rows, int columns)
    {
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float z0 = ref MemoryMarshal.GetReference(z);
        for (int k = 0; k < columns; k += 4)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            ref float c0 = ref Unsafe.Add(ref m0, k * rows);
            ref float c1 = ref Unsafe.Add(ref c0, rows);
            ref float c2 = ref Unsafe.Add(ref c1, rows);
            ref float c3 = ref Unsafe.Add(ref c2, rows);
            for (int r = 0; r < rows; r += 16)
            {
                var zr = Vector512.LoadUnsafe(ref z0, (nuint)r);
                s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c0, (nuint)r), zr, s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c1, (nuint)r), zr, s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c2, (nuint)r), zr, s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref c3, (nuint)r), zr, s3);
            }

            d[k] = Vector512.Sum(s0);
            d[k + 1] = Vector512.Sum(s1);
            d[k + 2] = Vector512.Sum(s2);
            d[k + 3] = Vector512.Sum(s3);
        }
    }

    /// <summary>dM += z·vᵀ: a rank-1 update, column by column.</summary>
    public static void OuterAccumulate(Span<float> dm, ReadOnlySpan<float> z, ReadOnlySpan<float> v, int rows, int columns)
    {
        ref float d0 = ref MemoryMarshal.GetReference(dm);
        ref float z0 = ref MemoryMarshal.GetReference(z);
        for (int k = 0; k < columns; k++)
        {
            var x = Vector512.Create(v[k]);
            ref float c = ref Unsafe.Add(ref d0, k * rows);
            for (int r = 0; r < rows; r += 64)
            {
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref z0, (nuint)r), x, Vector512.LoadUnsafe(ref c, (nuint)r)).StoreUnsafe(ref c, (nuint)r);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref z0, (nuint)r + 16), x, Vector512.LoadUnsafe(ref c, (nuint)r + 16)).StoreUnsafe(ref c, (nuint)r + 16);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref z0, (nuint)r + 32), x, Vector512.LoadUnsafe(ref c, (nuint)r + 32)).StoreUnsafe(ref c, (nuint)r + 32);
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref z0, (nuint)r + 48), x, Vector512.LoadUnsafe(ref c, (nuint)r + 48)).StoreUnsafe(ref c, (nuint)r + 48);
            }
        }
    }

    /// <summary>
    /// Z = M·X for n samples (X: columns × n, Z: rows × n, both column-major, one sample per column): register blocks of
    /// 64 rows × 4 samples (16 accumulators), so each loaded weight vector feeds 4 fused multiply-adds.
    /// </summary>
    public static void Gemm(ReadOnlySpan<float> m, ReadOnlySpan<float> x, Span<float> z, int rows, int columns, int samples)
    {
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float z0 = ref MemoryMarshal.GetReference(z);
        for (int n = 0; n < samples; n += 4)
        {
            for (int r = 0; r < rows; r += 64)
            {
                Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
                Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
                Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
                Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
                for (int k = 0; k < columns; k++)
                {
                    ref float c = ref Unsafe.Add(ref m0, (k * rows) + r);
                    var w0 = Vector512.LoadUnsafe(ref c, 0);
                    var w1 = Vector512.LoadUnsafe(ref c, 16);
                    var w2 = Vector512.LoadUnsafe(ref c, 32);
                    var w3 = Vector512.LoadUnsafe(ref c, 48);
                    var b0 = Vector512.Create(Unsafe.Add(ref x0, (n * columns) + k));
                    var b1 = Vector512.Create(Unsafe.Add(ref x0, ((n + 1) * columns) + k));
                    var b2 = Vector512.Create(Unsafe.Add(ref x0, ((n + 2) * columns) + k));
                    var b3 = Vector512.Create(Unsafe.Add(ref x0, ((n + 3) * columns) + k));
                    a00 = Vector512.FusedMultiplyAdd(w0, b0, a00);
                    a01 = Vector512.FusedMultiplyAdd(w1, b0, a01);
                    a02 = Vector512.FusedMultiplyAdd(w2, b0, a02);
                    a03 = Vector512.FusedMultiplyAdd(w3, b0, a03);
                    a10 = Vector512.FusedMultiplyAdd(w0, b1, a10);
                    a11 = Vector512.FusedMultiplyAdd(w1, b1, a11);
                    a12 = Vector512.FusedMultiplyAdd(w2, b1, a12);
                    a13 = Vector512.FusedMultiplyAdd(w3, b1, a13);
                    a20 = Vector512.FusedMultiplyAdd(w0, b2, a20);
                    a21 = Vector512.FusedMultiplyAdd(w1, b2, a21);
                    a22 = Vector512.FusedMultiplyAdd(w2, b2, a22);
                    a23 = Vector512.FusedMultiplyAdd(w3, b2, a23);
                    a30 = Vector512.FusedMultiplyAdd(w0, b3, a30);
                    a31 = Vector512.FusedMultiplyAdd(w1, b3, a31);
                    a32 = Vector512.FusedMultiplyAdd(w2, b3, a32);
                    a33 = Vector512.FusedMultiplyAdd(w3, b3, a33);
                }

                Store(ref z0, (n * rows) + r, a00, a01, a02, a03);
                Store(ref z0, ((n + 1) * rows) + r, a10, a11, a12, a13);
                Store(ref z0, ((n + 2) * rows) + r, a20, a21, a22, a23);
                Store(ref z0, ((n + 3) * rows) + r, a30, a31, a32, a33);
            }
        }
    }

    /// <summary>
    /// The single-core fused-multiply-add peak: <paramref name="vectorFmas"/> Vector512 FMAs in 12 independent chains
    /// (enough to cover the FMA latency on every current core), no memory traffic. Its time for a given count of float
    /// FMAs (16 per vector) is the peak-throughput time of that much GEMM work.
    /// </summary>
    public static float FmaPeak(int vectorFmas)
    {
        var m = Vector512.Create(0.999f);
        var a = Vector512.Create(1e-3f);
        Vector512<float> s0 = a, s1 = a, s2 = a, s3 = a, s4 = a, s5 = a, s6 = a, s7 = a, s8 = a, s9 = a, s10 = a, s11 = a;
        for (int i = 0; i < vectorFmas; i += 12)
        {
            s0 = Vector512.FusedMultiplyAdd(s0, m, a);
            s1 = Vector512.FusedMultiplyAdd(s1, m, a);
            s2 = Vector512.FusedMultiplyAdd(s2, m, a);
            s3 = Vector512.FusedMultiplyAdd(s3, m, a);
            s4 = Vector512.FusedMultiplyAdd(s4, m, a);
            s5 = Vector512.FusedMultiplyAdd(s5, m, a);
            s6 = Vector512.FusedMultiplyAdd(s6, m, a);
            s7 = Vector512.FusedMultiplyAdd(s7, m, a);
            s8 = Vector512.FusedMultiplyAdd(s8, m, a);
            s9 = Vector512.FusedMultiplyAdd(s9, m, a);
            s10 = Vector512.FusedMultiplyAdd(s10, m, a);
            s11 = Vector512.FusedMultiplyAdd(s11, m, a);
        }

        return Vector512.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float z0, int at, Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d)
    {
        ref float o = ref Unsafe.Add(ref z0, at);
        a.StoreUnsafe(ref o, 0);
        b.StoreUnsafe(ref o, 16);
        c.StoreUnsafe(ref o, 32);
        d.StoreUnsafe(ref o, 48);
    }
}
