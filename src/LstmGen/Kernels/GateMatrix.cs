using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The fused gate matrix <c>[W | U]</c> of a cell (G = gates·H rows, D + H columns, stored column by column, then the bias
/// b of G values; see <see cref="CellLayout"/>): the product that every cell kind's step is built on, and its backward
/// twin. Loop bounds are <typeparamref name="TShape"/>'s sizes, constants after JIT specialisation.
/// <para>Two forms: fused (<c>z = b + W x + U h</c>, one sum per row: LSTM and tanh RNN) and split (<c>zx = b + W x</c> and
/// <c>zh = U h</c> kept apart: the GRU, whose reset gate multiplies the recurrent part of n only). The split backward
/// takes one gradient for the bias and input columns and another for the hidden columns.</para>
/// <para>A bias-free cell (<see cref="ICellShape.HasBias"/> false) has no b: its sums start with the first column's term.</para>
/// </summary>
internal static class GateMatrix<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int Rows => CellShape<TShape>.GateRows;

    private static int BiasOffset => CellShape<TShape>.BiasOffset;

    // z [G] = b + W x + U h; x [D] dense, or e_index when index ≥ 0 (x is then ignored); h [H].
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, Span<T> z)
    {
        InputPart(p, x, index, z);
        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            AddColumn(p.Slice((TShape.InputSize + k) * Rows, Rows), h[k], z);
        }
    }

    // Split: zx [G] = b + W x (the bias, then columns 0, 1, …; one-hot: b + W[:, index]); zh [G] = U h, starting with the
    // k = 0 term (not 0 + …), then k = 1, …. The GRU's definition (docs/architecture.md), which the unrolled GRU repeats.
    public static void PreActivations(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, Span<T> zx, Span<T> zh)
    {
        int rows = Rows, d = TShape.InputSize;
        InputPart(p, x, index, zx);
        ReadOnlySpan<T> first = p.Slice(d * rows, rows);
        T h0 = h[0];
        for (int r = 0; r < rows; r++)
        {
            zh[r] = h0 * first[r];
        }

        for (int k = 1; k < TShape.HiddenSize; k++)
        {
            AddColumn(p.Slice((d + k) * rows, rows), h[k], zh);
        }
    }

    // Backward of the fused PreActivations for dz [G]: db += dz; dW += dz xᵀ (or the column index); dU += dz hᵀ;
    // dx [D] = Wᵀ dz (unless dx is empty); dh [H] = Uᵀ dz.
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, ReadOnlySpan<T> dz, Span<T> dx, Span<T> dh, Span<T> dp) =>
        Backward(p, x, index, h, dz, dz, dx, dh, dp);

    // Backward of the split PreActivations: dzx [G] for the bias and the input columns (db += dzx; dW += dzx xᵀ or the
    // column index; dx = Wᵀ dzx unless empty), dzh [G] for the hidden columns (dU += dzh hᵀ; dh = Uᵀ dzh, rows from 0 up).
    // With dzx = dzh = dz, the fused backward.
    public static void Backward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, ReadOnlySpan<T> dzx, ReadOnlySpan<T> dzh, Span<T> dx, Span<T> dh, Span<T> dp)
    {
        int rows = Rows, d = TShape.InputSize;
        if (TShape.HasBias)
        {
            AddColumn(dzx, T.One, dp.Slice(BiasOffset, rows));
        }

        if (index >= 0)
        {
            AddColumn(dzx, T.One, dp.Slice(index * rows, rows));
        }
        else
        {
            for (int k = 0; k < d; k++)
            {
                AddColumn(dzx, x[k], dp.Slice(k * rows, rows));
                if (!dx.IsEmpty)
                {
                    dx[k] = Dot(p.Slice(k * rows, rows), dzx);
                }
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            AddColumn(dzh, h[k], dp.Slice((d + k) * rows, rows));
            dh[k] = Dot(p.Slice((d + k) * rows, rows), dzh);
        }
    }

    // z [G] = b + W x (or b + W[:, index]): the bias, then the input columns from 0 up. Bias-free (TShape.HasBias false,
    // a constant): z = W x starting with the k = 0 term (not 0 + …), or the column W[:, index] itself.
    private static void InputPart(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, Span<T> z)
    {
        int rows = Rows, d = TShape.InputSize;
        if (TShape.HasBias)
        {
            p.Slice(BiasOffset, rows).CopyTo(z);
            if (index >= 0)
            {
                AddColumn(p.Slice(index * rows, rows), T.One, z);
                return;
            }

            for (int k = 0; k < d; k++)
            {
                AddColumn(p.Slice(k * rows, rows), x[k], z);
            }
        }
        else if (index >= 0)
        {
            p.Slice(index * rows, rows).CopyTo(z);
        }
        else
        {
            ReadOnlySpan<T> first = p[..rows];
            T x0 = x[0];
            for (int r = 0; r < rows; r++)
            {
                z[r] = x0 * first[r];
            }

            for (int k = 1; k < d; k++)
            {
                AddColumn(p.Slice(k * rows, rows), x[k], z);
            }
        }
    }

    // z += a · column
    private static void AddColumn(ReadOnlySpan<T> column, T a, Span<T> z)
    {
        for (int r = 0; r < z.Length; r++)
        {
            z[r] += a * column[r];
        }
    }

    private static T Dot(ReadOnlySpan<T> column, ReadOnlySpan<T> v)
    {
        T sum = T.Zero;
        for (int r = 0; r < v.Length; r++)
        {
            sum += column[r] * v[r];
        }

        return sum;
    }
}
