using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// The steps every framework layout shares: reading one checked tensor into a block of a staged copy of the
/// parameters, and writing one block out as a tensor. An import stages everything in a scratch copy and writes the
/// caller's buffer only once every tensor has been checked, so a failed import leaves the parameters unchanged.
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
    /// <exception cref="InvalidDataException">The tensor is missing or has another shape.</exception>
    public static T[] Read<T>(TensorSet tensors, string name, ReadOnlySpan<int> shape, string context)
        where T : unmanaged, INumberBase<T>
    {
        NamedTensor tensor = tensors.Require(name, shape, context);
        var values = new T[tensor.ElementCount];
        tensor.CopyTo<T>(values);
        return values;
    }

    /// <summary>Reads tensor <paramref name="name"/> (shape from <see cref="ParameterBlocks.Shape"/>) into <paramref name="block"/> of <paramref name="staged"/>.</summary>
    /// <exception cref="InvalidDataException">The tensor is missing or has another shape.</exception>
    public static void ReadBlock<T>(TensorSet tensors, string name, CellLayout layout, ParameterBlock block, Span<T> staged, GateOrder order, bool transposed, string context)
        where T : unmanaged, INumberBase<T>
    {
        T[] values = Read<T>(tensors, name, ParameterBlocks.Shape(layout, block, transposed), context);
        ParameterBlocks.Import<T>(layout, block, values, staged, order, transposed);
    }

    /// <summary><paramref name="block"/> of <paramref name="parameters"/> as a tensor called <paramref name="name"/>.</summary>
    public static NamedTensor WriteBlock<T>(string name, CellLayout layout, ParameterBlock block, ReadOnlySpan<T> parameters, GateOrder order, bool transposed)
        where T : unmanaged
    {
        int[] shape = ParameterBlocks.Shape(layout, block, transposed);
        var values = new T[shape.Aggregate(1, (product, dim) => product * dim)];
        ParameterBlocks.Export<T>(layout, block, parameters, values, order, transposed);
        return NamedTensor.FromValues<T>(name, shape, values);
    }

    /// <summary>Copies the fully checked staged values into the caller's buffer: the only write an import makes.</summary>
    public static void Commit<T>(ReadOnlySpan<T> staged, Span<T> parameters) => staged.CopyTo(parameters);
}
