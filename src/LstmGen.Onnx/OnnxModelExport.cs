using LstmGen.Models;
using LstmGen.Onnx.Proto;

namespace LstmGen.Onnx;

/// <summary>
/// Exports a <see cref="RecurrentModel{T}"/> (through its <see cref="ModelLayout"/>) as an ONNX model: one <c>LSTM</c> /
/// <c>GRU</c> (<c>linear_before_reset = 1</c>) / <c>RNN</c> node per layer, <c>direction</c> "forward" or "bidirectional",
/// each layer's Y [T, directions, m, H] reshaped to [T, m, directions·H] for the next, then the head (<c>MatMul</c> +
/// <c>Add</c>, and <c>Softmax</c> for a softmax head). Any stack the runtime accepts exports, mixed kinds and sizes included.
/// </summary>
/// <remarks>
/// <para>Inputs: <c>X</c> [sequence, batch, D]; with <see cref="OnnxExportOptions.InitialStateInputs"/>, per layer k
/// <c>initial_h_l{k}</c> (and for an LSTM layer <c>initial_c_l{k}</c>) [directions, batch, H]. Outputs: <c>hidden</c>
/// [sequence, batch, W] (the top layer's outputs), <c>Y_h_l{k}</c> (and <c>Y_c_l{k}</c>) [directions, batch, H] per layer;
/// with a softmax head <c>logits</c> and <c>probabilities</c>, with a linear head <c>prediction</c>, [sequence, batch, V]. See
/// <see cref="OnnxGraphNames"/>.</para>
/// <para>Each direction's weights are a cell's as <see cref="Interop.Layouts.OnnxLayout"/> writes them, stacked on the
/// num_directions axis (forward first): <c>W_l{k}</c>, <c>R_l{k}</c>, <c>B_l{k}</c>. Every sequence has the full length
/// (no <c>sequence_lens</c>); dropout is a training matter and is not exported. The model computes in float, like
/// <see cref="OnnxExport"/>. The same parameters always give the same bytes.</para>
/// </remarks>
public static class OnnxModelExport
{
    /// <summary>The ONNX model as bytes.</summary>
    /// <param name="layout">The model's layout (<c>Model.Layout</c>).</param>
    /// <param name="parameters">Its flat parameters, float or double.</param>
    /// <param name="options">Export choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements or (double) holds a finite value beyond float's range, or the graph name is empty.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double, or the weights exceed <see cref="OnnxExport.MaxWeightBytes"/>.</exception>
    public static byte[] ToBytes<T>(ModelLayout layout, ReadOnlySpan<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new OnnxExportOptions();
        if (string.IsNullOrEmpty(options.GraphName))
        {
            throw new ArgumentException("Expected a non-empty graph name in the export options, but it is empty.", nameof(options));
        }

        // A protobuf message cannot exceed 2 GB: each layer's directions as cells write them, and the head.
        long weightBytes = (long)(layout.ParameterCount - layout.HeadWeightOffset) * sizeof(float);
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            weightBytes += layout.Directions[k] * OnnxExport.WeightValues(layout.Cells[k]) * sizeof(float);
        }

        if (weightBytes > OnnxExport.MaxWeightBytes)
        {
            throw new NotSupportedException(
                $"Expected a model whose float weights fit in one ONNX file ({OnnxExport.MaxWeightBytes} bytes at most), but this one needs {weightBytes}.");
        }

        ReadOnlySpan<float> weights = FloatWeights.Of(parameters, layout.ParameterCount, "model");
        GraphMessage graph = OnnxModelGraphBuilder.Build(layout, weights, options);
        return new ModelMessage(OnnxExport.IrVersion, OnnxExport.ProducerName, OnnxExport.ProducerVersion, graph, OnnxExport.OpsetVersion).ToByteArray();
    }

    /// <summary>Writes the ONNX model to the file <paramref name="path"/> (created or overwritten, atomically).</summary>
    /// <param name="path">The file to write, conventionally ending in <c>.onnx</c>.</param>
    /// <param name="layout">The model's layout (<c>Model.Layout</c>).</param>
    /// <param name="parameters">Its flat parameters, float or double.</param>
    /// <param name="options">Export choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">As <see cref="ToBytes{T}"/>.</exception>
    /// <exception cref="NotSupportedException">As <see cref="ToBytes{T}"/>.</exception>
    /// <exception cref="IOException">The file cannot be written; an existing file there is left as it was.</exception>
    public static void Save<T>(string path, ModelLayout layout, ReadOnlySpan<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Interop.AtomicFile.WriteAllBytes(path, ToBytes(layout, parameters, options));
    }
}
