using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The fused gate matrix <c>[W | U]</c> of a cell (G = gates·H rows, D + H columns, stored column by column, then the bias
/// b of G values; see <see cref="CellLayout"/>): the product that every cell kind's step is built on, and its backward
/// twin. Loop bounds are <typeparamref name="TShape"/>'s sizes, constants after JIT specialisation.
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
        int rows = Rows, d = TShape.InputSize;
        p.Slice(BiasOffset, rows).CopyTo(z);
        if (index >= 0)
        {
            AddColumn(p.Slice(index * rows, rows), T.One, z);
        }
        else
        {
            for (int k = 0; k < d; k++)
            {
                AddColumn(p.Slice(k * rows, rows), x[k], z);
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            AddColumn(p.Slice((d + k) * rows, rows), h[k], z);
        }
    }

    // Backward of PreActivations for dz [G]: db += dz; dW += dz xᵀ (or the column index); dU += dz hᵀ;
    // dx [D] = Wᵀ dz (unless dx is empty); dh [H] = Uᵀ dz.
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> h, ReadOnlySpan<T> dz, Span<T> dx, Span<T> dh, Span<T> dp)
    {
        int rows = Rows, d = TShape.InputSize;
        AddColumn(dz, T.One, dp.Slice(BiasOffset, rows));
        if (index >= 0)
        {
            AddColumn(dz, T.One, dp.Slice(index * rows, rows));
        }
        else
        {
            for (int k = 0; k < d; k++)
            {
                AddColumn(dz, x[k], dp.Slice(k * rows, rows));
                if (!dx.IsEmpty)
                {
                    dx[k] = Dot(p.Slice(k * rows, rows), dz);
                }
            }
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            AddColumn(dz, h[k], dp.Slice((d + k) * rows, rows));
            dh[k] = Dot(p.Slice((d + k) * rows, rows), dz);
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
