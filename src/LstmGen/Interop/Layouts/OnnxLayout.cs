using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// A cell's parameters as the inputs of the ONNX <c>LSTM</c> / <c>GRU</c> / <c>RNN</c> operators (one forward direction) plus the
/// softmax head as the right operand of a <c>MatMul</c>:
/// <list type="table">
/// <item><term><c>W</c></term><description>[1, GateRows, D]: input weights, gate blocks in ONNX order i, o, f, c, or z, r, h for a GRU (<see cref="GateOrder.Onnx"/>).</description></item>
/// <item><term><c>R</c></term><description>[1, GateRows, H]: recurrent weights, same order.</description></item>
/// <item><term><c>B</c></term><description>[1, 2 GateRows]: <c>Wb ‖ Rb</c>, same order. Export writes <c>Wb = b</c>, <c>Rb = 0</c>; import sums the halves (ONNX adds both).
/// A GRU's h rows are kept apart (the GRU operator with <c>linear_before_reset = 1</c>, PyTorch's semantics, puts Rbh inside
/// the reset product): <c>Wb = [b_z, b_r, b_in]</c>, <c>Rb = [0, 0, b_hn]</c>, and import reads b_in and b_hn back from them.</description></item>
/// <item><term><c>W_y</c></term><description>[H, V]: the head weights transposed (LstmGen's W_y is V x H), so that <c>logits = MatMul(h, W_y) + b_y</c>. Only with a head.</description></item>
/// <item><term><c>b_y</c></term><description>[V]: the head bias. Only with a head.</description></item>
/// </list>
/// GateRows is 4H for an LSTM, 3H for a GRU and H for an RNN. Names may carry a prefix (e.g. <c>"lstm."</c>).
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
            LayoutStaging.WriteBlock(prefix + InputWeightsName, layout, ParameterBlock.InputWeights, parameters, GateOrder.Onnx, transposed: false, InputWeightsShape(layout)),
            LayoutStaging.WriteBlock(prefix + RecurrentWeightsName, layout, ParameterBlock.RecurrentWeights, parameters, GateOrder.Onnx, transposed: false, RecurrentWeightsShape(layout)),
        };

        // B = Wb ‖ Rb with Wb = b and Rb = 0 (a GRU's h rows: b_hn): ONNX adds the two, so the sum is LstmGen's single bias.
        // A bias-free cell has no B: the operator's optional input is omitted (ONNX then adds zeros).
        if (layout.HasBias)
        {
            (T[] inputBias, T[] recurrentBias) = LayoutStaging.ExportBiasPair(layout, parameters, GateOrder.Onnx);
            T[] bias = [.. inputBias, .. recurrentBias];
            tensors.Add(NamedTensor.FromValues<T>(prefix + BiasName, BiasShape(layout), bias));
        }

        if (layout.HasHead)
        {
            tensors.Add(LayoutStaging.WriteBlock(prefix + HeadWeightsName, layout, ParameterBlock.HeadWeights, parameters, GateOrder.Onnx, transposed: true));
            tensors.Add(LayoutStaging.WriteBlock(prefix + HeadBiasName, layout, ParameterBlock.HeadBias, parameters, GateOrder.Onnx, transposed: false));
        }

        return new TensorSet(tensors);
    }

    /// <summary>
    /// Reads W, R, B (and W_y, b_y with a head) into <paramref name="parameters"/>, converting F32/F64 to
    /// <typeparamref name="T"/>; the bias becomes <c>Wb + Rb</c>, added in double and rounded once. Every tensor is
    /// checked before anything is written: on any error <paramref name="parameters"/> is unchanged. Extra tensors in
    /// the set are ignored.
    /// </summary>
    /// <param name="tensors">The tensors, e.g. from <see cref="Export{T}"/> or read from a weight file.</param>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">Receives the flat parameters; <see cref="CellLayout.ParameterCount"/> of them.</param>
    /// <param name="prefix">Prepended to every tensor name.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have the layout's length.</exception>
    /// <exception cref="InvalidDataException">
    /// A tensor is missing or has another shape (the message names both shapes), an F64 value is beyond float's
    /// range for a float cell, or a bias-free cell (no <c>B</c>) meets a <c>B</c>.
    /// </exception>
    public static void Import<T>(TensorSet tensors, CellLayout layout, Span<T> parameters, string prefix = "")
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(prefix);
        T[] staged = LayoutStaging.Begin<T>(layout, parameters, nameof(parameters));
        string context = $"ONNX {OperatorName(layout.Kind)} tensors for a {layout} cell";
        LayoutStaging.ReadBlock<T>(
            tensors, prefix + InputWeightsName, layout, ParameterBlock.InputWeights, staged, GateOrder.Onnx, transposed: false, context, InputWeightsShape(layout));
        LayoutStaging.ReadBlock<T>(
            tensors, prefix + RecurrentWeightsName, layout, ParameterBlock.RecurrentWeights, staged, GateOrder.Onnx, transposed: false, context, RecurrentWeightsShape(layout));
        if (layout.HasBias)
        {
            double[] bias = LayoutStaging.Read<double>(tensors, prefix + BiasName, BiasShape(layout), context);
            int gateRows = layout.GateRows;
            LayoutStaging.ImportBiasPair<T>(bias.AsSpan(0, gateRows), bias.AsSpan(gateRows), layout, staged, GateOrder.Onnx, $"{prefix + BiasName} (Wb + Rb)");
        }
        else
        {
            LayoutStaging.RefuseBiases(tensors, layout, context, prefix + BiasName);
        }
        if (layout.HasHead)
        {
            LayoutStaging.ReadBlock<T>(tensors, prefix + HeadWeightsName, layout, ParameterBlock.HeadWeights, staged, GateOrder.Onnx, transposed: true, context);
            LayoutStaging.ReadBlock<T>(tensors, prefix + HeadBiasName, layout, ParameterBlock.HeadBias, staged, GateOrder.Onnx, transposed: false, context);
        }

        LayoutStaging.Commit<T>(staged, parameters);
    }

    /// <summary>The ONNX operator of a cell kind: "LSTM", "GRU" or "RNN".</summary>
    public static string OperatorName(RecurrentCellKind kind) => kind switch
    {
        RecurrentCellKind.Lstm => "LSTM",
        RecurrentCellKind.Gru => "GRU",
        _ => "RNN",
    };
}
