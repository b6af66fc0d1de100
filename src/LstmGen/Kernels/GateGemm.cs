using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The two matrix–matrix products of the batched backward (<see cref="BatchedBackward{TKernel, T}"/>), over many rows at
/// once (a row: one sample at one step) on the gate matrix's column layout (column k of a block of G rows at k·G):
/// <list type="bullet">
/// <item><see cref="TransposedProduct"/>: out_j = Mᵀ dz_j for every row j (dh_prev = Uᵀ dz, dx = Wᵀ dz), register tiles of
/// 4 rows × 4 columns under Vector512 (so each loaded column and dz vector serves 4 fused multiply-adds; 1 row × 4
/// columns under the narrower vectors, whose 16 registers would spill 16 accumulators);</item>
/// <item><see cref="RankUpdate"/>: dM += Σ_j dz_j v_jᵀ (dU over h_prev, dW over x), register tiles of 4 vectors of gate
/// rows × 4 columns (× 1 column under the narrower vectors) held across all the rows, so the gradient is loaded and
/// stored once per call, not once per row.</item>
/// </list>
/// Every output element is one chain of the same operations in the same order whatever tile computes it: an element of
/// <see cref="TransposedProduct"/> is the sum of its vector accumulator (4 at a time, by <c>ILanes.Sum4</c>'s transposing
/// reduction, each sum its own vector's), then the rows past the last whole vector by scalar fused multiply-adds; an element of <see cref="RankUpdate"/> gains the rows' terms in row order. So a sample's dh and dx
/// do not depend on the batch around it, and dp depends only on the order of the rows.
/// </summary>
internal static partial class GateGemm<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int G => CellShape<TShape>.GateRows;

    /// <summary>The vector width in bits the products run at (the gate rows' <see cref="LaneWidth"/>), 0 when they cannot run.</summary>
    public static int Width => LaneWidth.For<T>(G);

    /// <summary>
    /// For each row j &lt; rows and column k &lt; columns: output[offsets[j] + k] = Σ_r M[r, k]·dz[j·G + r] (or += when
    /// accumulate), where column k of M is m[k·G .. (k+1)·G). Requires <see cref="Width"/> &gt; 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]      // its own inlining budget: the tiles' vector operations must all inline
    public static void TransposedProduct(ReadOnlySpan<T> m, int columns, ReadOnlySpan<T> dz, int rows, Span<T> output, ReadOnlySpan<int> offsets, bool accumulate)
    {
        int g = G;
        bool valid = Width > 0 && columns >= 1 && rows >= 0 && m.Length >= columns * g && dz.Length >= rows * g && offsets.Length >= rows;
        for (int j = 0; valid && j < rows; j++)
        {
            valid = offsets[j] >= 0 && offsets[j] <= output.Length - columns;
        }

        Guard.KernelSpans(valid);
        switch (Width)
        {
            case 512:
                TransposedProduct<Lanes512<T>, Vector512<T>>(m, columns, dz, rows, output, offsets, accumulate);
                break;
            case 256:
                TransposedProduct<Lanes256<T>, Vector256<T>>(m, columns, dz, rows, output, offsets, accumulate);
                break;
            default:
                TransposedProduct<Lanes128<T>, Vector128<T>>(m, columns, dz, rows, output, offsets, accumulate);
                break;
        }
    }

    /// <summary>
    /// For each column k &lt; columns: dM[:, k] += Σ_j dz_j · v[j·vStride + k], the rows j = 0 … rows − 1 in order, where
    /// dz_j is dz[j·G .. (j+1)·G) and column k of dM is dm[k·G .. (k+1)·G). Requires <see cref="Width"/> &gt; 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void RankUpdate(Span<T> dm, int columns, ReadOnlySpan<T> dz, int rows, ReadOnlySpan<T> v, int vStride)
    {
        int g = G;
        Guard.KernelSpans(Width > 0 && columns >= 1 && rows >= 0 && vStride >= columns && dm.Length >= columns * g && dz.Length >= rows * g
            && (rows == 0 || v.Length >= ((rows - 1) * vStride) + columns));
        switch (Width)
        {
            case 512:
                RankUpdate<Lanes512<T>, Vector512<T>>(dm, columns, dz, rows, v, vStride);
                break;
            case 256:
                RankUpdate<Lanes256<T>, Vector256<T>>(dm, columns, dz, rows, v, vStride);
                break;
            default:
                RankUpdate<Lanes128<T>, Vector128<T>>(dm, columns, dz, rows, v, vStride);
                break;
        }
    }

    // ---- Mᵀ dz: tiles of 4 rows × 4 columns (the last tile's columns clamped to the last column, written once) ----

    private static void TransposedProduct<TLanes, TVector>(ReadOnlySpan<T> m, int columns, ReadOnlySpan<T> dz, int rows, Span<T> output, ReadOnlySpan<int> offsets, bool accumulate)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G;
        ref T m0 = ref MemoryMarshal.GetReference(m);
        ref T dz0 = ref MemoryMarshal.GetReference(dz);
        ref T out0 = ref MemoryMarshal.GetReference(output);
        int j = 0;
        for (; typeof(TVector) == typeof(Vector512<T>) && j <= rows - 4; j += 4)   // 16 accumulators: Vector512's 32 registers
        {
            ref T d0 = ref Unsafe.Add(ref dz0, j * g);
            ref T d1 = ref Unsafe.Add(ref dz0, (j + 1) * g);
            ref T d2 = ref Unsafe.Add(ref dz0, (j + 2) * g);
            ref T d3 = ref Unsafe.Add(ref dz0, (j + 3) * g);
            for (int k = 0; k < columns; k += 4)
            {
                Tile4<TLanes, TVector>(ref m0, columns, k, ref d0, ref d1, ref d2, ref d3, ref out0, offsets.Slice(j, 4), accumulate);
            }
        }

        for (; j < rows; j++)
        {
            ref T d0 = ref Unsafe.Add(ref dz0, j * g);
            for (int k = 0; k < columns; k += 4)
            {
                Tile1<TLanes, TVector>(ref m0, columns, k, ref d0, ref Unsafe.Add(ref out0, offsets[j]), accumulate);
            }
        }
    }

    // Columns k … k + 3 (clamped to columns − 1) against 4 rows: 16 accumulators.
    private static void Tile4<TLanes, TVector>(
        ref T m0, int columns, int k, ref T d0, ref T d1, ref T d2, ref T d3, ref T out0, ReadOnlySpan<int> offsets, bool accumulate)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G, n = TLanes.Count, whole = g / n * n;
        ref T c0 = ref Unsafe.Add(ref m0, k * g);
        ref T c1 = ref Unsafe.Add(ref m0, Math.Min(k + 1, columns - 1) * g);
        ref T c2 = ref Unsafe.Add(ref m0, Math.Min(k + 2, columns - 1) * g);
        ref T c3 = ref Unsafe.Add(ref m0, Math.Min(k + 3, columns - 1) * g);
        TVector s00 = TLanes.Zero, s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        TVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        for (int r = 0; r < whole; r += n)
        {
            nuint at = (nuint)r;
            TVector w0 = TLanes.Load(ref c0, at), w1 = TLanes.Load(ref c1, at), w2 = TLanes.Load(ref c2, at), w3 = TLanes.Load(ref c3, at);
            TVector z = TLanes.Load(ref d0, at);
            (s00, s01, s02, s03) = (TLanes.MultiplyAdd(w0, z, s00), TLanes.MultiplyAdd(w1, z, s01), TLanes.MultiplyAdd(w2, z, s02), TLanes.MultiplyAdd(w3, z, s03));
            z = TLanes.Load(ref d1, at);
            (s10, s11, s12, s13) = (TLanes.MultiplyAdd(w0, z, s10), TLanes.MultiplyAdd(w1, z, s11), TLanes.MultiplyAdd(w2, z, s12), TLanes.MultiplyAdd(w3, z, s13));
            z = TLanes.Load(ref d2, at);
            (s20, s21, s22, s23) = (TLanes.MultiplyAdd(w0, z, s20), TLanes.MultiplyAdd(w1, z, s21), TLanes.MultiplyAdd(w2, z, s22), TLanes.MultiplyAdd(w3, z, s23));
            z = TLanes.Load(ref d3, at);
            (s30, s31, s32, s33) = (TLanes.MultiplyAdd(w0, z, s30), TLanes.MultiplyAdd(w1, z, s31), TLanes.MultiplyAdd(w2, z, s32), TLanes.MultiplyAdd(w3, z, s33));
        }

        Write<TLanes, TVector>(ref out0, offsets[0], columns, k, ref c0, ref c1, ref c2, ref c3, ref d0, s00, s01, s02, s03, accumulate);
        Write<TLanes, TVector>(ref out0, offsets[1], columns, k, ref c0, ref c1, ref c2, ref c3, ref d1, s10, s11, s12, s13, accumulate);
        Write<TLanes, TVector>(ref out0, offsets[2], columns, k, ref c0, ref c1, ref c2, ref c3, ref d2, s20, s21, s22, s23, accumulate);
        Write<TLanes, TVector>(ref out0, offsets[3], columns, k, ref c0, ref c1, ref c2, ref c3, ref d3, s30, s31, s32, s33, accumulate);
    }

    // Columns k … k + 3 (clamped) against one row: 4 accumulators.
    private static void Tile1<TLanes, TVector>(ref T m0, int columns, int k, ref T d0, ref T out0, bool accumulate)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G, n = TLanes.Count, whole = g / n * n;
        ref T c0 = ref Unsafe.Add(ref m0, k * g);
        ref T c1 = ref Unsafe.Add(ref m0, Math.Min(k + 1, columns - 1) * g);
        ref T c2 = ref Unsafe.Add(ref m0, Math.Min(k + 2, columns - 1) * g);
        ref T c3 = ref Unsafe.Add(ref m0, Math.Min(k + 3, columns - 1) * g);
        TVector s0 = TLanes.Zero, s1 = s0, s2 = s0, s3 = s0;
        for (int r = 0; r < whole; r += n)
        {
            nuint at = (nuint)r;
            TVector z = TLanes.Load(ref d0, at);
            s0 = TLanes.MultiplyAdd(TLanes.Load(ref c0, at), z, s0);
            s1 = TLanes.MultiplyAdd(TLanes.Load(ref c1, at), z, s1);
            s2 = TLanes.MultiplyAdd(TLanes.Load(ref c2, at), z, s2);
            s3 = TLanes.MultiplyAdd(TLanes.Load(ref c3, at), z, s3);
        }

        Write<TLanes, TVector>(ref out0, 0, columns, k, ref c0, ref c1, ref c2, ref c3, ref d0, s0, s1, s2, s3, accumulate);
    }

    // One row's 4 column sums (only the columns below columns): the 4 accumulators reduced together (Sum4), then each
    // gains the rows past the last whole vector.
    private static void Write<TLanes, TVector>(
        ref T out0, int offset, int columns, int k, ref T c0, ref T c1, ref T c2, ref T c3, ref T dz, TVector s0, TVector s1, TVector s2, TVector s3, bool accumulate)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        ref T row = ref Unsafe.Add(ref out0, offset + k);
        (T t0, T t1, T t2, T t3) = TLanes.Sum4(s0, s1, s2, s3);
        Store(ref row, Tail<TLanes, TVector>(t0, ref c0, ref dz), accumulate);
        if (k + 1 < columns)
        {
            Store(ref Unsafe.Add(ref row, 1), Tail<TLanes, TVector>(t1, ref c1, ref dz), accumulate);
        }

        if (k + 2 < columns)
        {
            Store(ref Unsafe.Add(ref row, 2), Tail<TLanes, TVector>(t2, ref c2, ref dz), accumulate);
        }

        if (k + 3 < columns)
        {
            Store(ref Unsafe.Add(ref row, 3), Tail<TLanes, TVector>(t3, ref c3, ref dz), accumulate);
        }
    }

    // A sum plus the column's rows past the last whole vector, by scalar fused multiply-adds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Tail<TLanes, TVector>(T total, ref T column, ref T dz)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G;
        for (int r = g / TLanes.Count * TLanes.Count; r < g; r++)
        {
            total = T.FusedMultiplyAdd(Unsafe.Add(ref column, r), Unsafe.Add(ref dz, r), total);
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref T target, T value, bool accumulate) => target = accumulate ? target + value : value;
}
