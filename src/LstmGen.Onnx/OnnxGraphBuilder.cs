using LstmGen.Interop;
using LstmGen.Interop.Layouts;
using LstmGen.Onnx.Proto;
using N = LstmGen.Onnx.OnnxGraphNames;

namespace LstmGen.Onnx;

/// <summary>
/// Builds the exported graph: <c>LSTM</c> (or <c>GRU</c> with <c>linear_before_reset = 1</c>, or <c>RNN</c> with tanh) over
/// <c>X</c> with initializers W, R, B from
/// <see cref="OnnxLayout"/>; <c>Squeeze</c> drops the num_directions axis of Y to give <c>hidden</c>; with a head,
/// <c>MatMul</c> by W_y [H, V], <c>Add</c> b_y, then for a softmax head <c>Softmax</c> on the last axis (a linear head's
/// output is <c>prediction</c>).
/// </summary>
internal static class OnnxGraphBuilder
{
    private const string Sequence = "sequence";
    private const string Batch = "batch";
    private const string SqueezeAxes = "squeeze_axes";
    private const string RecurrentOutput = "Y";
    private const string HeadProduct = "head_matmul";

    internal static GraphMessage Build(CellLayout layout, TensorSet tensors, OnnxExportOptions options)
    {
        bool lstm = layout.Kind == RecurrentCellKind.Lstm;
        int elementType = TensorMessage.ElementType(tensors[0].DataType);
        int h = layout.HiddenSize;

        var inputs = new List<ValueInfoMessage> { new(N.Input, elementType, [Sequence, Batch, layout.InputSize]) };
        if (options.InitialStateInputs)
        {
            inputs.Add(new(N.InitialHidden, elementType, [1, Batch, h]));
            if (lstm)
            {
                inputs.Add(new(N.InitialCell, elementType, [1, Batch, h]));
            }
        }

        var initializers = new List<TensorMessage>();
        initializers.AddRange(tensors.Select(TensorMessage.From));
        initializers.Add(TensorMessage.Int64Vector(SqueezeAxes, 1));

        var outputs = new List<ValueInfoMessage>
        {
            new(N.Hidden, elementType, [Sequence, Batch, h]),
            new(N.FinalHidden, elementType, [1, Batch, h]),
        };
        if (lstm)
        {
            outputs.Add(new(N.FinalCell, elementType, [1, Batch, h]));
        }

        var nodes = new List<NodeMessage> { RecurrentNode(layout, options), new("squeeze_directions", "Squeeze", [RecurrentOutput, SqueezeAxes], [N.Hidden]) };
        if (layout.Head == OutputHead.Linear)
        {
            // A linear head is the affine map alone: y = hidden · W_y + b_y, no softmax.
            nodes.Add(new("head_matmul", "MatMul", [N.Hidden, OnnxLayout.HeadWeightsName], [HeadProduct]));
            nodes.Add(new("head_bias", "Add", [HeadProduct, OnnxLayout.HeadBiasName], [N.Prediction]));
            outputs.Add(new(N.Prediction, elementType, [Sequence, Batch, layout.OutputSize]));
        }
        else if (layout.HasHead)
        {
            nodes.Add(new("head_matmul", "MatMul", [N.Hidden, OnnxLayout.HeadWeightsName], [HeadProduct]));
            nodes.Add(new("head_bias", "Add", [HeadProduct, OnnxLayout.HeadBiasName], [N.Logits]));
            nodes.Add(new("softmax", "Softmax", [N.Logits], [N.Probabilities], [AttributeMessage.Int("axis", -1)]));
            outputs.Add(new(N.Logits, elementType, [Sequence, Batch, layout.OutputSize]));
            outputs.Add(new(N.Probabilities, elementType, [Sequence, Batch, layout.OutputSize]));
        }

        return new GraphMessage(options.GraphName, nodes, initializers, inputs, outputs);
    }

    private static NodeMessage RecurrentNode(CellLayout layout, OnnxExportOptions options)
    {
        bool lstm = layout.Kind == RecurrentCellKind.Lstm;
        List<string> inputs = RecurrentOperatorInputs.Of(
            N.Input, OnnxLayout.InputWeightsName, OnnxLayout.RecurrentWeightsName, layout.HasBias ? OnnxLayout.BiasName : null,
            options.InitialStateInputs, N.InitialHidden, lstm ? N.InitialCell : null);
        AttributeMessage hiddenSize = AttributeMessage.Int("hidden_size", layout.HiddenSize);
        if (lstm)
        {
            return new NodeMessage("lstm", "LSTM", inputs, [RecurrentOutput, N.FinalHidden, N.FinalCell], [hiddenSize]);
        }

        if (layout.Kind == RecurrentCellKind.Gru)
        {
            // linear_before_reset = 1 is PyTorch's GRU: the recurrent bias of h (b_hn) inside the reset product.
            return new NodeMessage("gru", "GRU", inputs, [RecurrentOutput, N.FinalHidden], [hiddenSize, AttributeMessage.Int("linear_before_reset", 1)]);
        }

        AttributeMessage tanh = AttributeMessage.Strings("activations", "Tanh");
        return new NodeMessage("rnn", "RNN", inputs, [RecurrentOutput, N.FinalHidden], [tanh, hiddenSize]);
    }
}
