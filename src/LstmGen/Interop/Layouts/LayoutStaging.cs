using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// The steps every framework layout (PyTorch, Keras, ONNX, LstmGen's own) shares: reading one checked tensor into a
/// block of a staged copy of the parameters, summing a split bias, and writing one block out as a tensor. An import
/// stages everything in a scratch copy and writes the caller's buffer only once every tensor has been checked and
/// converted, so a failed import leaves the parameters unchanged.
/// </summary>
internal static class LayoutStaging
{
    /// <summary>A scratch copy of <paramref name="parameters"/>, after checking its length against the layout.</summary>
    public static T[] Begin<T>(CellLayout layout, ReadOnlySpan<T> parameters, string parameterName)
        where T : unmanaged
    {
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", parameterName);
        return parameters.ToArray();
    }

    /// <summary>The values of tensor <paramref name="name"/>, required to have <paramref name="shape"/>, converted to <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidDataException">The tensor is missing, has another shape, or holds a value beyond <typeparamref name="T"/>'s range.</exception>
    public static T[] Read<T>(TensorSet tensors, string name, ReadOnlySpan<int> shape, string context)
        where T : unmanaged, INumberBase<T>
    {
        NamedTensor tensor = tensors.Require(name, shape, context);
        var values = new T[tensor.ElementCount];
        tensor.CopyTo<T>(values);
        return values;
    }

    /// <summary>
    /// Reads tensor <paramref name="name"/> into <paramref name="block"/> of <paramref name="staged"/>. Its shape is
    /// <see cref="ParameterBlocks.Shape"/>'s unless <paramref name="shape"/> gives another with the same row-major
    /// order (ONNX's leading num_directions = 1 axis).
    /// </summary>
    /// <exception cref="InvalidDataException">The tensor is missing, has another shape, or holds a value beyond <typeparamref name="T"/>'s range.</exception>
    public static void ReadBlock<T>(
        TensorSet tensors, string name, CellLayout layout, ParameterBlock block, Span<T> staged, GateOrder order, bool transposed, string context, int[]? shape = null)
        where T : unmanaged, INumberBase<T>
    {
        T[] values = Read<T>(tensors, name, shape ?? ParameterBlocks.Shape(layout, block, transposed), context);
        ParameterBlocks.Import<T>(layout, block, values, staged, order, transposed);
    }

    /// <summary>
    /// Writes the bias <c>b = first + second</c> (PyTorch's <c>bias_ih + bias_hh</c>, ONNX's <c>Wb + Rb</c>) into
    /// <paramref name="staged"/>: the two are added in double and rounded once to <typeparamref name="T"/>, so the
    /// result is the sum correctly rounded whatever the file's and the cell's precisions.
    /// </summary>
    /// <exception cref="InvalidDataException">A sum is finite but beyond <typeparamref name="T"/>'s range.</exception>
    public static void ImportBiasSum<T>(
        ReadOnlySpan<double> first, ReadOnlySpan<double> second, CellLayout layout, Span<T> staged, GateOrder order, string what)
        where T : unmanaged, INumberBase<T>
    {
        var bias = new T[layout.GateRows];
        for (int r = 0; r < bias.Length; r++)
        {
            double sum = first[r] + second[r];
            bias[r] = T.CreateChecked(sum);
            if (T.IsInfinity(bias[r]) && double.IsFinite(first[r]) && double.IsFinite(second[r]))
            {
                throw new InvalidDataException(
                    $"The bias {what} at row {r} is {first[r]:R} + {second[r]:R}, beyond the range of {typeof(T).Name}; it would become infinity.");
            }
        }

        ParameterBlocks.Import<T>(layout, ParameterBlock.Bias, bias, staged, order);
    }

    /// <summary>
    /// <paramref name="block"/> of <paramref name="parameters"/> as a tensor called <paramref name="name"/>, in
    /// <see cref="ParameterBlocks.Shape"/>'s shape unless <paramref name="shape"/> gives another with the same row-major order.
    /// </summary>
    public static NamedTensor WriteBlock<T>(
        string name, CellLayout layout, ParameterBlock block, ReadOnlySpan<T> parameters, GateOrder order, bool transposed, int[]? shape = null)
        where T : unmanaged
    {
        shape ??= ParameterBlocks.Shape(layout, block, transposed);
        var values = new T[ElementCount(shape)];
        ParameterBlocks.Export<T>(layout, block, parameters, values, order, transposed);
        return NamedTensor.FromValues<T>(name, shape, values);
    }

    /// <summary>Copies the fully checked staged values into the caller's buffer: the only write an import makes.</summary>
    public static void Commit<T>(ReadOnlySpan<T> staged, Span<T> parameters) => staged.CopyTo(parameters);

    /// <summary>The product of <paramref name="shape"/>'s dimensions.</summary>
    private static int ElementCount(ReadOnlySpan<int> shape)
    {
        int count = 1;
        foreach (int dim in shape)
        {
            count *= dim;
        }

        return count;
    }
}
