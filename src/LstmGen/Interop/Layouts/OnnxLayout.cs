using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// A cell's parameters as the inputs of the ONNX <c>LSTM</c> / <c>RNN</c> operators (one forward direction) plus the
/// softmax head as the right operand of a <c>MatMul</c>:
/// <list type="table">
/// <item><term><c>W</c></term><description>[1, GateRows, D]: input weights, gate blocks in ONNX order i, o, f, c (<see cref="GateOrder.Onnx"/>).</description></item>
/// <item><term><c>R</c></term><description>[1, GateRows, H]: recurrent weights, same order.</description></item>
/// <item><term><c>B</c></term><description>[1, 2 GateRows]: <c>Wb ‖ Rb</c>, same order. Export writes <c>Wb = b</c>, <c>Rb = 0</c>; import sums the halves (ONNX adds both).</description></item>
/// <item><term><c>W_y</c></term><description>[H, V]: the head weights transposed (LstmGen's W_y is V x H), so that <c>logits = MatMul(h, W_y) + b_y</c>. Only with a head.</description></item>
/// <item><term><c>b_y</c></term><description>[V]: the head bias. Only with a head.</description></item>
/// </list>
/// GateRows is 4H for an LSTM and H for an RNN. Names may carry a prefix (e.g. <c>"lstm."</c>).
/// </summary>
public static class OnnxLayout
{
    /// <summary>Name of the input weights W [1, GateRows, D].</summary>
    public const string InputWeightsName = "W";

    /// <summary>Name of the recurrent weights R [1, GateRows, H].</summary>
    public const string RecurrentWeightsName = "R";

    /// <summary>Name of the bias B [1, 2 GateRows] (Wb ‖ Rb).</summary>
    public const string BiasName = "B";

    /// <summary>Name of the head weights as a MatMul operand, [H, V].</summary>
    public const string HeadWeightsName = "W_y";

    /// <summary>Name of the head bias [V].</summary>
    public const string HeadBiasName = "b_y";

    /// <summary>The shape of W: [1, GateRows, D].</summary>
    public static int[] InputWeightsShape(CellLayout layout) => [1, layout.GateRows, layout.InputSize];

    /// <summary>The shape of R: [1, GateRows, H].</summary>
    public static int[] RecurrentWeightsShape(CellLayout layout) => [1, layout.GateRows, layout.HiddenSize];

    /// <summary>The shape of B: [1, 2 GateRows].</summary>
    public static int[] BiasShape(CellLayout layout) => [1, 2 * layout.GateRows];

    /// <summary>The shape of W_y as a MatMul operand: [H, V].</summary>
    public static int[] HeadWeightsShape(CellLayout layout) => [layout.HiddenSize, layout.OutputSize];

    /// <summary>
    /// The cell's parameters as ONNX tensors W, R, B (and W_y, b_y with a head), named <paramref name="prefix"/> + name,
    /// with element type <typeparamref name="T"/> (float → F32, double → F64).
    /// </summary>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">The flat parameters (<c>Parameters.AsSpan()</c>), <see cref="CellLayout.ParameterCount"/> of them.</param>
    /// <param name="prefix">Prepended to every tensor name.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have the layout's length.</exception>
    public static TensorSet Export<T>(CellLayout layout, ReadOnlySpan<T> parameters, string prefix = "")
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        int gateRows = layout.GateRows;
        var tensors = new List<NamedTensor>(5)
        {
            Block(layout, ParameterBlock.InputWeights, parameters, prefix + InputWeightsName, InputWeightsShape(layout), transposed: false),
            Block(layout, ParameterBlock.RecurrentWeights, parameters, prefix + RecurrentWeightsName, RecurrentWeightsShape(layout), transposed: false),
        };

        // B = Wb ‖ Rb with Wb = b and Rb = 0: ONNX adds the two, so the sum is LstmGen's single bias.
        T[] bias = new T[2 * gateRows];
        ParameterBlocks.Export(layout, ParameterBlock.Bias, parameters, bias.AsSpan(0, gateRows), GateOrder.Onnx);
        tensors.Add(NamedTensor.FromValues<T>(prefix + BiasName, BiasShape(layout), bias));

        if (layout.HasHead)
        {
            tensors.Add(Block(layout, ParameterBlock.HeadWeights, parameters, prefix + HeadWeightsName, HeadWeightsShape(layout), transposed: true));
            tensors.Add(Block(layout, ParameterBlock.HeadBias, parameters, prefix + HeadBiasName, [layout.OutputSize], transposed: false));
        }

        return new TensorSet(tensors);
    }

    /// <summary>
    /// Reads W, R, B (and W_y, b_y with a head) into <paramref name="parameters"/>, converting F32/F64 to
    /// <typeparamref name="T"/>; the bias becomes <c>Wb + Rb</c>. Every tensor is checked before anything is written:
    /// on any error <paramref name="parameters"/> is unchanged. Extra tensors in the set are ignored.
    /// </summary>
    /// <param name="tensors">The tensors, e.g. from <see cref="Export{T}"/> or read from a weight file.</param>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">Receives the flat parameters; <see cref="CellLayout.ParameterCount"/> of them.</param>
    /// <param name="prefix">Prepended to every tensor name.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have the layout's length.</exception>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape; the message names both shapes.</exception>
    public static void Import<T>(TensorSet tensors, CellLayout layout, Span<T> parameters, string prefix = "")
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(prefix);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        string context = $"ONNX {(layout.Kind == RecurrentCellKind.Lstm ? "LSTM" : "RNN")} tensors for a {layout} cell";

        // Validate every tensor first, so that a bad set leaves the parameters untouched.
        NamedTensor w = tensors.Require(prefix + InputWeightsName, InputWeightsShape(layout), context);
        NamedTensor r = tensors.Require(prefix + RecurrentWeightsName, RecurrentWeightsShape(layout), context);
        NamedTensor b = tensors.Require(prefix + BiasName, BiasShape(layout), context);
        NamedTensor? wy = layout.HasHead ? tensors.Require(prefix + HeadWeightsName, HeadWeightsShape(layout), context) : null;
        NamedTensor? by = layout.HasHead ? tensors.Require(prefix + HeadBiasName, [layout.OutputSize], context) : null;

        // Stage into a scratch buffer; the target is written only once everything has been read.
        T[] staged = parameters.ToArray();
        ImportBlock(w, layout, ParameterBlock.InputWeights, staged, transposed: false);
        ImportBlock(r, layout, ParameterBlock.RecurrentWeights, staged, transposed: false);

        int gateRows = layout.GateRows;
        T[] bias = new T[gateRows];
        for (int k = 0; k < gateRows; k++)
        {
            bias[k] = T.CreateChecked(b.ReadAsDouble(k) + b.ReadAsDouble(gateRows + k));
        }

        ParameterBlocks.Import<T>(layout, ParameterBlock.Bias, bias, staged, GateOrder.Onnx);
        if (wy is not null && by is not null)
        {
            ImportBlock(wy, layout, ParameterBlock.HeadWeights, staged, transposed: true);
            ImportBlock(by, layout, ParameterBlock.HeadBias, staged, transposed: false);
        }

        staged.CopyTo(parameters);
    }

    private static NamedTensor Block<T>(CellLayout layout, ParameterBlock block, ReadOnlySpan<T> parameters, string name, int[] shape, bool transposed)
        where T : unmanaged
    {
        T[] values = new T[ElementCount(shape)];
        ParameterBlocks.Export(layout, block, parameters, values, GateOrder.Onnx, transposed);
        return NamedTensor.FromValues<T>(name, shape, values);
    }

    private static void ImportBlock<T>(NamedTensor tensor, CellLayout layout, ParameterBlock block, T[] staged, bool transposed)
        where T : unmanaged, INumberBase<T>
    {
        // The leading num_directions = 1 dimension does not change the row-major order, so the 2-D block maps directly.
        T[] values = new T[tensor.ElementCount];
        tensor.CopyTo<T>(values);
        ParameterBlocks.Import<T>(layout, block, values, staged, GateOrder.Onnx, transposed);
    }

    private static int ElementCount(int[] shape)
    {
        int count = 1;
        foreach (int dim in shape)
        {
            count *= dim;
        }

        return count;
    }
}
