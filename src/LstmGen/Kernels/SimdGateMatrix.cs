using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The forward product of the fused gate matrix <c>[W | U]</c> (G rows, D + H columns, column by column: element (r, k)
/// at <c>k·G + r</c>; then the bias b), vectorised as the generator's SIMD cells do it: rows in blocks of vectors, one
/// accumulator per vector, a fused multiply-add per column, the bias added last, and the rows past the last whole vector
/// by one vector ending at the last row (the rows it repeats get the same values again: same operations, same order).
/// Vector512 when accelerated and G ≥ its lane count, else Vector256, else Vector128, else the scalar
/// <see cref="GateMatrix{TShape, T}"/>; every size is <typeparamref name="TShape"/>'s, a constant after JIT
/// specialisation.
/// <para>The backward twin (<c>Backward</c>) runs one pass per column: the column's dp block gains v_k·dz by
/// fused multiply-adds while the column·dz products accumulate for dx_k or dh_k (a horizontal sum per column). Its tail
/// rows (past the last whole vector) are scalar: dp is accumulated, so the forward's overlapping vector would add twice
/// into the rows it repeats.</para>
/// <para>Split forms for the GRU (<see cref="PreActivations(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T})"/>):
/// zx = [W]·x + b and zh = [U]·h in separate outputs, each by the same row blocks (<see cref="IGateColumns"/> selects the
/// columns a pass covers); the backward takes dzx for the bias and input columns and dzh for the hidden columns. The fused
/// forms are the same code with every column selected, so LSTM and RNN results do not change.</para>
/// </summary>
internal static class SimdGateMatrix<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Vectors per row block of the forward product: 8 independent fused multiply-add chains cover the FMA latency of two
    // FMA pipes (4 cycles x 2), and 8 accumulators, a broadcast and a load fit even AVX2's 16 registers.
    private const int ForwardBlock = 8;

    // Vectors per row block of the backward pass: 4 dot-product accumulators, 4 dz vectors and the loads.
    private const int BackwardBlock = 4;

    private static int Rows => CellShape<TShape>.GateRows;

    private static int BiasOffset => CellShape<TShape>.BiasOffset;

    // z [G] = [W | U]·[x; h] + b; x [D] dense, or e_index when index ≥ 0 (x is then not read); h [H].
    // The caller has checked p, x and index (KernelArguments); the reads below are unchecked, so the lengths they rely on
    // are checked once more here (one branch).
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, Span<T> z)
    {
        Guard.KernelSpans(p.Length >= CellShape<TShape>.ParameterCount && h.Length >= TShape.HiddenSize && z.Length >= Rows
            && (index < 0 ? x.Length >= TShape.InputSize : index < TShape.InputSize));
        switch (Width)
        {
            case 512:
                Product<Lanes512<T>, Vector512<T>, AllColumns>(p, x, index, h, z);
                break;
            case 256:
                Product<Lanes256<T>, Vector256<T>, AllColumns>(p, x, index, h, z);
                break;
            case 128:
                Product<Lanes128<T>, Vector128<T>, AllColumns>(p, x, index, h, z);
                break;
            default:
                GateMatrix<TShape, T>.PreActivations(p, x, index, h, z);
                break;
        }
    }

    // Split (GRU): zx [G] = [W]·x + b (one-hot: W[:, index] + b), zh [G] = [U]·h, by the row blocks of the fused product
    // (fused multiply-adds over the columns from 0 up, the bias added last). Checked as the fused form.
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, Span<T> zx, Span<T> zh)
    {
        Guard.KernelSpans(p.Length >= CellShape<TShape>.ParameterCount && h.Length >= TShape.HiddenSize && zx.Length >= Rows && zh.Length >= Rows
            && (index < 0 ? x.Length >= TShape.InputSize : index < TShape.InputSize));
        switch (Width)
        {
            case 512:
                Product<Lanes512<T>, Vector512<T>, InputColumns>(p, x, index, h, zx);
                Product<Lanes512<T>, Vector512<T>, HiddenColumns>(p, x, index, h, zh);
                break;
            case 256:
                Product<Lanes256<T>, Vector256<T>, InputColumns>(p, x, index, h, zx);
                Product<Lanes256<T>, Vector256<T>, HiddenColumns>(p, x, index, h, zh);
                break;
            case 128:
                Product<Lanes128<T>, Vector128<T>, InputColumns>(p, x, index, h, zx);
                Product<Lanes128<T>, Vector128<T>, HiddenColumns>(p, x, index, h, zh);
                break;
            default:
                GateMatrix<TShape, T>.PreActivations(p, x, index, h, zx[..Rows], zh[..Rows]);
                break;
        }
    }

    // Backward of PreActivations for dz [G]: db += dz; dW[:, k] += x_k·dz (one-hot: dW[:, index] += dz, and no dx);
    // dx_k = W[:, k]·dz (unless dx is empty); dU[:, k] += h_k·dz; dh_k = U[:, k]·dz. The same contract as
    // GateMatrix.Backward; dx and dh must not overlap dz, p or dp. The caller has checked the arguments (KernelArguments);
    // the lengths the unchecked accesses rely on are checked once more here (one branch).
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, ReadOnlySpan<T> dz, Span<T> dx, Span<T> dh, Span<T> dp) =>
        Backward(p, x, index, h, dz, dz, dx, dh, dp);

    // Backward of the split PreActivations (GRU): dzx [G] for the bias and the input columns (db += dzx; dW[:, k] += x_k·dzx
    // or dW[:, index] += dzx; dx_k = W[:, k]·dzx), dzh [G] for the hidden columns (dU[:, k] += h_k·dzh; dh_k = U[:, k]·dzh).
    // With dzx = dzh = dz, the fused backward. dx and dh must not overlap dzx, dzh, p or dp.
    public static void Backward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, ReadOnlySpan<T> dzx, ReadOnlySpan<T> dzh, Span<T> dx, Span<T> dh, Span<T> dp)
    {
        Guard.KernelSpans(p.Length >= CellShape<TShape>.ParameterCount && dp.Length >= CellShape<TShape>.ParameterCount
            && h.Length >= TShape.HiddenSize && dh.Length >= TShape.HiddenSize && dzx.Length >= Rows && dzh.Length >= Rows
            && (index < 0 ? x.Length >= TShape.InputSize && (dx.IsEmpty || dx.Length >= TShape.InputSize) : index < TShape.InputSize));
        switch (Width)
        {
            case 512:
                BackwardProduct<Lanes512<T>, Vector512<T>>(p, x, index, h, dzx, dzh, dx, dh, dp);
                break;
            case 256:
                BackwardProduct<Lanes256<T>, Vector256<T>>(p, x, index, h, dzx, dzh, dx, dh, dp);
                break;
            case 128:
                BackwardProduct<Lanes128<T>, Vector128<T>>(p, x, index, h, dzx, dzh, dx, dh, dp);
                break;
            default:
                GateMatrix<TShape, T>.Backward(p, x, index, h, dzx[..Rows], dzh[..Rows], dx, dh, dp);
                break;
        }
    }

    // The vector width in bits the products (single and 4-sample) run at in this process, or 0 for the scalar
    // GateMatrix: the widest the CPU accelerates whose lanes fit in the G rows.
    internal static int Width => LaneWidth.For<T>(Rows);

    // G ≥ TLanes.Count here. Rows [0, G) as: whole blocks of ForwardBlock vectors, then single vectors, then one vector ending at
    // row G − 1 if G is not a multiple of the lane count.
    private static void Product<TLanes, TVector, TColumns>(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, Span<T> z)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns
    {
        int rows = Rows, n = TLanes.Count;
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T x0 = ref MemoryMarshal.GetReference(x);
        ref T h0 = ref MemoryMarshal.GetReference(h);
        ref T z0 = ref MemoryMarshal.GetReference(z);
        int r = 0;
        for (; r <= rows - (ForwardBlock * n); r += ForwardBlock * n)
        {
            Rows8<TLanes, TVector, TColumns>(ref w0, ref x0, index, ref h0, ref z0, r);
        }

        for (; r <= rows - n; r += n)
        {
            Rows1<TLanes, TVector, TColumns>(ref w0, ref x0, index, ref h0, ref z0, r);
        }

        if (r < rows)
        {
            Rows1<TLanes, TVector, TColumns>(ref w0, ref x0, index, ref h0, ref z0, rows - n);
        }
    }

    // z[r .. r + n) for one vector of rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows1<TLanes, TVector, TColumns>(ref T w0, ref T x0, int index, ref T h0, ref T z0, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns
    {
        int rows = Rows, d = TShape.InputSize;
        TVector a;
        if (TColumns.Input && index >= 0)
        {
            a = TLanes.Load(ref w0, (nuint)((index * rows) + r));             // one-hot: column index of W
        }
        else
        {
            a = TLanes.Zero;
            for (int k = 0; TColumns.Input && k < d; k++)
            {
                a = TLanes.MultiplyAdd(TLanes.Load(ref w0, (nuint)((k * rows) + r)), TLanes.Broadcast(Unsafe.Add(ref x0, k)), a);
            }
        }

        for (int k = 0; TColumns.Hidden && k < TShape.HiddenSize; k++)
        {
            a = TLanes.MultiplyAdd(TLanes.Load(ref w0, (nuint)(((d + k) * rows) + r)), TLanes.Broadcast(Unsafe.Add(ref h0, k)), a);
        }

        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a, ref w0, (nuint)(BiasOffset + r)), ref z0, (nuint)r);   // bias last
    }

    // z[r .. r + 8n) for ForwardBlock = 8 vectors of rows: per lane the same operations in the same order as Rows1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows8<TLanes, TVector, TColumns>(ref T w0, ref T x0, int index, ref T h0, ref T z0, int r)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns
    {
        int rows = Rows, d = TShape.InputSize;
        nuint n = (nuint)TLanes.Count;
        TVector a0, a1, a2, a3, a4, a5, a6, a7;
        nuint at;
        if (TColumns.Input && index >= 0)
        {
            at = (nuint)((index * rows) + r);                               // one-hot: column index of W
            a0 = TLanes.Load(ref w0, at);
            a1 = TLanes.Load(ref w0, at + n);
            a2 = TLanes.Load(ref w0, at + (2 * n));
            a3 = TLanes.Load(ref w0, at + (3 * n));
            a4 = TLanes.Load(ref w0, at + (4 * n));
            a5 = TLanes.Load(ref w0, at + (5 * n));
            a6 = TLanes.Load(ref w0, at + (6 * n));
            a7 = TLanes.Load(ref w0, at + (7 * n));
        }
        else
        {
            a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = TLanes.Zero;
            for (int k = 0; TColumns.Input && k < d; k++)
            {
                TVector input = TLanes.Broadcast(Unsafe.Add(ref x0, k));
                at = (nuint)((k * rows) + r);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at), input, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + n), input, a1);
                a2 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (2 * n)), input, a2);
                a3 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (3 * n)), input, a3);
                a4 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (4 * n)), input, a4);
                a5 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (5 * n)), input, a5);
                a6 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (6 * n)), input, a6);
                a7 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (7 * n)), input, a7);
            }
        }

        for (int k = 0; TColumns.Hidden && k < TShape.HiddenSize; k++)
        {
            TVector input = TLanes.Broadcast(Unsafe.Add(ref h0, k));
            at = (nuint)(((d + k) * rows) + r);
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at), input, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + n), input, a1);
            a2 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (2 * n)), input, a2);
            a3 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (3 * n)), input, a3);
            a4 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (4 * n)), input, a4);
            a5 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (5 * n)), input, a5);
            a6 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (6 * n)), input, a6);
            a7 = TLanes.MultiplyAdd(TLanes.Load(ref w0, at + (7 * n)), input, a7);
        }

        at = (nuint)(BiasOffset + r);                                       // bias last
        nuint z = (nuint)r;
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a0, ref w0, at), ref z0, z);
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a1, ref w0, at + n), ref z0, z + n);
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a2, ref w0, at + (2 * n)), ref z0, z + (2 * n));
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a3, ref w0, at + (3 * n)), ref z0, z + (3 * n));
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a4, ref w0, at + (4 * n)), ref z0, z + (4 * n));
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a5, ref w0, at + (5 * n)), ref z0, z + (5 * n));
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a6, ref w0, at + (6 * n)), ref z0, z + (6 * n));
        TLanes.Store(WithBias<TLanes, TVector, TColumns>(a7, ref w0, at + (7 * n)), ref z0, z + (7 * n));
    }

    // a + b[at .. at + n) when the pass covers the input columns (the bias goes with them) and the cell has a bias, else a.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector WithBias<TLanes, TVector, TColumns>(TVector a, ref T w0, nuint at)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
        where TColumns : IGateColumns => TColumns.Input && TShape.HasBias ? TLanes.Add(a, TLanes.Load(ref w0, at)) : a;

    // G ≥ TLanes.Count here. The bias, then the input columns (or the one-hot column), then the hidden columns; one
    // pass each (Column).
    private static void BackwardProduct<TLanes, TVector>(
        ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, ReadOnlySpan<T> dzx, ReadOnlySpan<T> dzh, Span<T> dx, Span<T> dh, Span<T> dp)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, d = TShape.InputSize;
        ref T w0 = ref MemoryMarshal.GetReference(p);
        ref T dz0 = ref MemoryMarshal.GetReference(dzx);                // the bias and the input columns
        ref T dzh0 = ref MemoryMarshal.GetReference(dzh);               // the hidden columns (dzx itself for the fused product)
        ref T dp0 = ref MemoryMarshal.GetReference(dp);
        ref T x0 = ref MemoryMarshal.GetReference(x);
        ref T h0 = ref MemoryMarshal.GetReference(h);
        ref T dx0 = ref MemoryMarshal.GetReference(dx);
        ref T dh0 = ref MemoryMarshal.GetReference(dh);
        if (TShape.HasBias)
        {
            Column<TLanes, TVector>(ref w0, ref dz0, ref dp0, BiasOffset, T.One, dot: false);     // db += dz
        }

        if (index >= 0)
        {
            Column<TLanes, TVector>(ref w0, ref dz0, ref dp0, index * rows, T.One, dot: false);   // dW[:, index] += dz
        }
        else if (dx.IsEmpty)
        {
            for (int k = 0; k < d; k++)
            {
                Column<TLanes, TVector>(ref w0, ref dz0, ref dp0, k * rows, Unsafe.Add(ref x0, k), dot: false);
            }
        }
        else
        {
            for (int k = 0; k < d; k++)
            {
                Unsafe.Add(ref dx0, k) = Column<TLanes, TVector>(ref w0, ref dz0, ref dp0, k * rows, Unsafe.Add(ref x0, k), dot: true);
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            Unsafe.Add(ref dh0, k) = Column<TLanes, TVector>(ref w0, ref dzh0, ref dp0, (d + k) * rows, Unsafe.Add(ref h0, k), dot: true);
        }
    }

    // One column of G rows starting at p[at] (and dp[at]): dp[at .. at + G) += v·dz, and, if dot, returns column·dz
    // (else 0). Rows as: whole blocks of BackwardBlock vectors (an accumulator each), then single vectors, then the tail rows
    // one by one (scalar fused multiply-adds: each dp element is added to exactly once).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Column<TLanes, TVector>(ref T w0, ref T dz0, ref T dp0, int at, T v, bool dot)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int rows = Rows, n = TLanes.Count;
        ref T w = ref Unsafe.Add(ref w0, at);
        ref T dpColumn = ref Unsafe.Add(ref dp0, at);
        TVector scale = TLanes.Broadcast(v);
        TVector s0 = TLanes.Zero, s1 = TLanes.Zero, s2 = TLanes.Zero, s3 = TLanes.Zero;
        int r = 0;
        for (; r <= rows - (BackwardBlock * n); r += BackwardBlock * n)
        {
            nuint r0 = (nuint)r, r1 = (nuint)(r + n), r2 = (nuint)(r + (2 * n)), r3 = (nuint)(r + (3 * n));
            TVector g0 = TLanes.Load(ref dz0, r0), g1 = TLanes.Load(ref dz0, r1), g2 = TLanes.Load(ref dz0, r2), g3 = TLanes.Load(ref dz0, r3);
            TLanes.Store(TLanes.MultiplyAdd(g0, scale, TLanes.Load(ref dpColumn, r0)), ref dpColumn, r0);
            TLanes.Store(TLanes.MultiplyAdd(g1, scale, TLanes.Load(ref dpColumn, r1)), ref dpColumn, r1);
            TLanes.Store(TLanes.MultiplyAdd(g2, scale, TLanes.Load(ref dpColumn, r2)), ref dpColumn, r2);
            TLanes.Store(TLanes.MultiplyAdd(g3, scale, TLanes.Load(ref dpColumn, r3)), ref dpColumn, r3);
            if (dot)
            {
                s0 = TLanes.MultiplyAdd(TLanes.Load(ref w, r0), g0, s0);
                s1 = TLanes.MultiplyAdd(TLanes.Load(ref w, r1), g1, s1);
                s2 = TLanes.MultiplyAdd(TLanes.Load(ref w, r2), g2, s2);
                s3 = TLanes.MultiplyAdd(TLanes.Load(ref w, r3), g3, s3);
            }
        }

        for (; r <= rows - n; r += n)
        {
            TVector g = TLanes.Load(ref dz0, (nuint)r);
            TLanes.Store(TLanes.MultiplyAdd(g, scale, TLanes.Load(ref dpColumn, (nuint)r)), ref dpColumn, (nuint)r);
            if (dot)
            {
                s0 = TLanes.MultiplyAdd(TLanes.Load(ref w, (nuint)r), g, s0);
            }
        }

        T sum = dot ? TLanes.Sum(TLanes.Add(TLanes.Add(s0, s1), TLanes.Add(s2, s3))) : T.Zero;
        for (; r < rows; r++)
        {
            T g = Unsafe.Add(ref dz0, r);
            ref T target = ref Unsafe.Add(ref dpColumn, r);
            target = T.FusedMultiplyAdd(g, v, target);
            if (dot)
            {
                sum = T.FusedMultiplyAdd(Unsafe.Add(ref w, r), g, sum);
            }
        }

        return sum;
    }
}

/// <summary>Which columns of <c>[W | U]</c> one pass of the SIMD gate product covers (the bias goes with the input columns); constants after JIT specialisation.</summary>
internal interface IGateColumns
{
    /// <summary>The input columns W (or the one-hot column) and the bias b.</summary>
    static abstract bool Input { get; }

    /// <summary>The hidden columns U.</summary>
    static abstract bool Hidden { get; }
}

/// <summary>Every column and the bias: the fused product of the LSTM and the tanh RNN.</summary>
internal readonly struct AllColumns : IGateColumns
{
    public static bool Input => true;

    public static bool Hidden => true;
}

/// <summary>The input columns and the bias: a GRU's zx.</summary>
internal readonly struct InputColumns : IGateColumns
{
    public static bool Input => true;

    public static bool Hidden => false;
}

/// <summary>The hidden columns: a GRU's zh.</summary>
internal readonly struct HiddenColumns : IGateColumns
{
    public static bool Input => false;

    public static bool Hidden => true;
}
