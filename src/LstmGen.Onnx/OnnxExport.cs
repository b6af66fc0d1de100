using LstmGen.Internal;
using LstmGen.Interop;
using LstmGen.Interop.Layouts;
using LstmGen.Onnx.Proto;

namespace LstmGen.Onnx;

/// <summary>
/// Exports a generated LSTM, GRU or tanh-RNN cell (with its softmax head, if any) as an ONNX model that ONNX Runtime and
/// other ONNX tools run: the ONNX <c>LSTM</c> / <c>GRU</c> (<c>linear_before_reset = 1</c>) / <c>RNN</c> operator over a
/// time-major sequence, then the head.
/// </summary>
/// <remarks>
/// <para>Inputs: <c>X</c> [sequence, batch, D]; with <see cref="OnnxExportOptions.InitialStateInputs"/>, <c>initial_h</c>
/// (and <c>initial_c</c>) [1, batch, H]. Outputs: <c>hidden</c> [sequence, batch, H], <c>Y_h</c> (and <c>Y_c</c>)
/// [1, batch, H]; with a head, <c>logits</c> and <c>probabilities</c> [sequence, batch, V]. See <see cref="OnnxGraphNames"/>.</para>
/// <para>Weights are stored as <see cref="OnnxLayout"/> describes (gate order i, o, f, c, or z, r, h for a GRU; B = b ‖ 0,
/// with b_hn in a GRU's h rows of the second half). The model computes
/// in float: ONNX Runtime's LSTM and RNN kernels are float-only, so a double cell's weights are rounded to float.
/// Opset <see cref="OpsetVersion"/>, IR version <see cref="IrVersion"/>. The same cell always gives the same bytes.</para>
/// </remarks>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the model imports (default domain).</summary>
    public const int OpsetVersion = 17;

    /// <summary>The ONNX IR version written in the model (8 is the IR version of opset 17's release).</summary>
    public const int IrVersion = 8;

    /// <summary>The largest weight payload exported: protobuf limits a message to 2 GB, and the graph needs a little room.</summary>
    public const long MaxWeightBytes = 2_000_000_000;

    /// <summary>The model's <c>producer_name</c>.</summary>
    public const string ProducerName = "LstmGen";

    /// <summary>The ONNX model as bytes.</summary>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">Its flat parameters (<c>Parameters.AsSpan()</c>), float or double.</param>
    /// <param name="options">Export choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements or (double) holds a finite value beyond float's range, or the graph name is empty.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double, or the weights exceed <see cref="MaxWeightBytes"/>.</exception>
    public static byte[] ToBytes<T>(CellLayout layout, ReadOnlySpan<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged
    {
        options ??= new OnnxExportOptions();
        if (string.IsNullOrEmpty(options.GraphName))
        {
            throw new ArgumentException("Expected a non-empty graph name in the export options, but it is empty.", nameof(options));
        }

        // A protobuf message cannot exceed 2 GB; larger ONNX models need external data files, which this exporter does not write.
        long weightBytes = WeightValues(layout) * sizeof(float);
        if (weightBytes > MaxWeightBytes)
        {
            throw new NotSupportedException(
                $"Expected a cell whose float weights fit in one ONNX file ({MaxWeightBytes} bytes at most), but the {layout} cell needs {weightBytes}.");
        }

        TensorSet tensors = OnnxLayout.Export<float>(layout, FloatWeights.Of(parameters, layout.ParameterCount, $"{layout} cell"));
        GraphMessage graph = OnnxGraphBuilder.Build(layout, tensors, options);
        return new ModelMessage(IrVersion, ProducerName, ProducerVersion, graph, OpsetVersion).ToByteArray();
    }

    /// <summary>Writes the ONNX model to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">Its flat parameters (<c>Parameters.AsSpan()</c>), float or double.</param>
    /// <param name="options">Export choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements or (double) holds a finite value beyond float's range, or the graph name is empty.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double, or the weights exceed <see cref="MaxWeightBytes"/>.</exception>
    public static void WriteTo<T>(Stream stream, CellLayout layout, ReadOnlySpan<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes(layout, parameters, options));
    }

    /// <summary>Writes the ONNX model to the file <paramref name="path"/> (created or overwritten).</summary>
    /// <param name="path">The file to write, conventionally ending in <c>.onnx</c>.</param>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">Its flat parameters (<c>Parameters.AsSpan()</c>), float or double.</param>
    /// <param name="options">Export choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements or (double) holds a finite value beyond float's range, or the graph name is empty.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double, or the weights exceed <see cref="MaxWeightBytes"/>.</exception>
    /// <exception cref="IOException">
    /// The file cannot be written (missing folder, no permission…): the message names <paramref name="path"/>, and an
    /// existing file there is left as it was (the model is written beside it first, then moved over it).
    /// </exception>
    public static void Save<T>(string path, CellLayout layout, ReadOnlySpan<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LstmGen.Interop.AtomicFile.WriteAllBytes(path, ToBytes(layout, parameters, options));
    }

    /// <summary>The model's <c>producer_version</c>: this assembly's version.</summary>
    internal static string ProducerVersion { get; } =
        typeof(OnnxExport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// The float values a cell's ONNX initializers hold: its parameters, and, with biases, GateRows more (ONNX's B is
    /// [Wb | Rb], so the recurrent half, zero, is written out too).
    /// </summary>
    internal static long WeightValues(CellLayout layout) => layout.ParameterCount + (layout.HasBias ? (long)layout.GateRows : 0);
}
