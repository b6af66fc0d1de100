using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// The steps every framework layout (PyTorch, Keras, ONNX, LstmGen's own) shares: reading one checked tensor into a
/// block of a staged copy of the parameters, summing a framework's two biases (keeping a GRU's n rows apart), and
/// writing one block out as a tensor. An import
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
    /// Writes a framework's two biases, <paramref name="input"/> and <paramref name="recurrent"/> (PyTorch's
    /// <c>bias_ih</c>, <c>bias_hh</c>; ONNX's <c>Wb</c>, <c>Rb</c>; Keras GRU's two bias rows), each GateRows values in
    /// <paramref name="order"/>, into <paramref name="staged"/>. Where the framework only uses their sum (every row of an
    /// LSTM or RNN, the r and z rows of a GRU) <c>b = input + recurrent</c>, added in double and rounded once to
    /// <typeparamref name="T"/>, so the result is the sum correctly rounded whatever the file's and the cell's precisions.
    /// A GRU's n rows are kept apart: <c>b_in = input</c>, <c>b_hn = recurrent</c> (b_hn is inside the reset product).
    /// </summary>
    /// <exception cref="InvalidDataException">A value (or sum) is finite but beyond <typeparamref name="T"/>'s range.</exception>
    public static void ImportBiasPair<T>(
        ReadOnlySpan<double> input, ReadOnlySpan<double> recurrent, CellLayout layout, Span<T> staged, GateOrder order, string what)
        where T : unmanaged, INumberBase<T>
    {
        int candidateRows = layout.GateRows - layout.RecurrentBiasCount;
        for (int r = 0; r < layout.GateRows; r++)
        {
            int row = order.ToLstmGenRow(layout, r);
            if (row < candidateRows)
            {
                staged[layout.BiasIndex(row)] = Narrow<T>(input[r] + recurrent[r], input[r], recurrent[r], what, r);
            }
            else
            {
                staged[layout.BiasIndex(row)] = Narrow<T>(input[r], input[r], 0, what, r);
                staged[layout.RecurrentBiasIndex(row - candidateRows)] = Narrow<T>(recurrent[r], 0, recurrent[r], what, r);
            }
        }
    }

    /// <summary>
    /// The inverse of <see cref="ImportBiasPair{T}"/>, as export writes it: <c>input = b</c> and <c>recurrent = 0</c>,
    /// except a GRU's n rows, where <c>recurrent = b_hn</c>; both GateRows values in <paramref name="order"/>. The
    /// framework computes the same function, and an import of the pair restores b (and b_hn) exactly.
    /// </summary>
    public static (T[] Input, T[] Recurrent) ExportBiasPair<T>(CellLayout layout, ReadOnlySpan<T> parameters, GateOrder order)
        where T : unmanaged
    {
        var input = new T[layout.GateRows];
        var recurrent = new T[layout.GateRows];
        ParameterBlocks.Export(layout, ParameterBlock.Bias, parameters, input, order);
        int candidateRows = layout.GateRows - layout.RecurrentBiasCount;
        for (int r = 0; r < layout.GateRows; r++)
        {
            int row = order.ToLstmGenRow(layout, r);
            if (row >= candidateRows)
            {
                recurrent[r] = parameters[layout.RecurrentBiasIndex(row - candidateRows)];
            }
        }

        return (input, recurrent);
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

    /// <summary>
    /// For a bias-free cell (<see cref="CellLayout.HasBias"/> false): refuses any of the bias tensors
    /// <paramref name="names"/> the set holds, naming it, since the cell has nowhere to put its values (dropping them
    /// would compute another function). Call it only for a bias-free cell; a cell with biases requires them instead.
    /// </summary>
    /// <exception cref="InvalidDataException">One of the tensors is present.</exception>
    public static void RefuseBiases(TensorSet tensors, CellLayout layout, string context, params ReadOnlySpan<string> names)
    {
        foreach (string name in names)
        {
            if (tensors.TryGet(name, out NamedTensor? tensor))
            {
                throw new InvalidDataException(
                    $"Expected no bias tensor '{name}' for {context}: the cell is bias-free (declared with Bias = false, PyTorch's bias=False), " +
                    $"but the set has it ({tensor.Describe()}). Declare the cell with biases, or export the module without them.");
            }
        }
    }

    /// <summary>Copies the fully checked staged values into the caller's buffer: the only write an import makes.</summary>
    public static void Commit<T>(ReadOnlySpan<T> staged, Span<T> parameters) => staged.CopyTo(parameters);

    /// <summary><paramref name="value"/> rounded to <typeparamref name="T"/>; refused when it would become infinity from finite parts.</summary>
    private static T Narrow<T>(double value, double first, double second, string what, int row)
        where T : unmanaged, INumberBase<T>
    {
        T narrowed = T.CreateChecked(value);
        if (T.IsInfinity(narrowed) && double.IsFinite(first) && double.IsFinite(second))
        {
            throw new InvalidDataException(
                $"The bias {what} at row {row} is {first:R} + {second:R}, beyond the range of {typeof(T).Name}; it would become infinity.");
        }

        return narrowed;
    }

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
