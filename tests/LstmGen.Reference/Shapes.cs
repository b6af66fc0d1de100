using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Argument checks shared by the reference types.</summary>
internal static class Shapes
{
    public static void RequireLength(Vector<double> vector, int length, string name)
    {
        if (vector.Count != length)
        {
            throw new ArgumentException($"{name} has length {vector.Count}; expected {length}.", name);
        }
    }

    public static void RequireShape(Matrix<double> matrix, int rows, int columns, string name)
    {
        if (matrix.RowCount != rows || matrix.ColumnCount != columns)
        {
            throw new ArgumentException(
                $"{name} is {matrix.RowCount}×{matrix.ColumnCount}; expected {rows}×{columns}.", name);
        }
    }

    public static void RequireCount<T>(IReadOnlyCollection<T> items, int count, string name)
    {
        if (items.Count != count)
        {
            throw new ArgumentException($"{name} has {items.Count} entries; expected {count}.", name);
        }
    }

    /// <summary>Checks an optional softmax head: both null, or Wy V×H and By of length V.</summary>
    public static void RequireHead(Matrix<double>? wy, Vector<double>? by, int hiddenSize)
    {
        if ((wy is null) != (by is null))
        {
            throw new ArgumentException("Wy and By must be both null or both set.");
        }

        if (wy is not null && by is not null)
        {
            RequireShape(wy, wy.RowCount, hiddenSize, "Wy");
            RequireLength(by, wy.RowCount, "By");
        }
    }

    /// <summary>Returns <paramref name="state"/> after checking its length, or a new zero vector when null.</summary>
    public static Vector<double> StateOrZeros(Vector<double>? state, int hiddenSize, string name)
    {
        if (state is null)
        {
            return Vector<double>.Build.Dense(hiddenSize);
        }

        RequireLength(state, hiddenSize, name);
        return state;
    }
}
