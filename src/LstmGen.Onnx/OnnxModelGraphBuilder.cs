using LstmGen.Interop;
using LstmGen.Interop.Layouts;
using LstmGen.Models;
using LstmGen.Onnx.Proto;
using N = LstmGen.Onnx.OnnxGraphNames;

namespace LstmGen.Onnx;

/// <summary>
/// Builds the graph of an exported model: per layer k one <c>LSTM</c> / <c>GRU</c> (<c>linear_before_reset = 1</c>) /
/// <c>RNN</c> (tanh) node with <c>direction</c> "forward" or "bidirectional" and initializers <c>W_l{k}</c>, <c>R_l{k}</c>,
/// <c>B_l{k}</c> ([directions, …], forward first, each direction as <see cref="OnnxLayout"/> writes a cell's); its Y
/// [T, directions, m, H] is transposed to [T, m, directions, H] and reshaped to [T, m, directions·H], the next layer's input
/// (the top layer's is <c>hidden</c>); then the head: <c>MatMul</c> by W_y [W, V], <c>Add</c> b_y, and for a softmax head
/// <c>Softmax</c> on the last axis.
/// </summary>
internal static class OnnxModelGraphBuilder
{
    private const string Sequence = "sequence";
    private const string Batch = "batch";
    private const string MergeDirections = "merge_directions_shape";
    private const string HeadProduct = "head_matmul";

    internal static GraphMessage Build(ModelLayout layout, ReadOnlySpan<float> parameters, OnnxExportOptions options)
    {
        var inputs = new List<ValueInfoMessage> { new(N.Input, TensorMessageFloat, [Sequence, Batch, layout.Cells[0].InputSize]) };
        var outputs = new List<ValueInfoMessage>();
        var initializers = new List<TensorMessage> { TensorMessage.Int64Vector(MergeDirections, 0, 0, -1) };
        var nodes = new List<NodeMessage>();
        string layerInput = N.Input;
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            CellLayout cell = layout.Cells[k];
            int directions = layout.Directions[k], h = cell.HiddenSize;
            bool lstm = cell.Kind == RecurrentCellKind.Lstm;
            initializers.AddRange(Weights(layout, k, parameters).Select(TensorMessage.From));

            List<string> operands = RecurrentOperatorInputs.Of(
                layerInput, Name(OnnxLayout.InputWeightsName, k), Name(OnnxLayout.RecurrentWeightsName, k), cell.HasBias ? Name(OnnxLayout.BiasName, k) : null,
                options.InitialStateInputs, N.InitialHiddenOf(k), lstm ? N.InitialCellOf(k) : null);
            if (options.InitialStateInputs)
            {
                inputs.Add(new(N.InitialHiddenOf(k), TensorMessageFloat, [directions, Batch, h]));
                if (lstm)
                {
                    inputs.Add(new(N.InitialCellOf(k), TensorMessageFloat, [directions, Batch, h]));
                }
            }

            string y = Name("Y", k);
            var results = new List<string> { y, N.FinalHiddenOf(k) };
            outputs.Add(new(N.FinalHiddenOf(k), TensorMessageFloat, [directions, Batch, h]));
            if (lstm)
            {
                results.Add(N.FinalCellOf(k));
                outputs.Add(new(N.FinalCellOf(k), TensorMessageFloat, [directions, Batch, h]));
            }

            nodes.Add(new NodeMessage(Name("layer", k), OnnxLayout.OperatorName(cell.Kind), operands, results, Attributes(cell, directions)));

            // Y [T, directions, m, H] → [T, m, directions, H] → [T, m, directions·H] (forward at [0, H), reverse at [H, 2H)).
            string top = k == layout.Cells.Count - 1 ? N.Hidden : Name("output", k);
            nodes.Add(new NodeMessage(Name("transpose", k), "Transpose", [y], [Name("Y_batch_major", k)], [AttributeMessage.Ints("perm", 0, 2, 1, 3)]));
            nodes.Add(new NodeMessage(Name("merge_directions", k), "Reshape", [Name("Y_batch_major", k), MergeDirections], [top]));
            layerInput = top;
        }

        outputs.Insert(0, new(N.Hidden, TensorMessageFloat, [Sequence, Batch, layout.HeadInputSize]));
        if (layout.OutputSize > 0)
        {
            initializers.AddRange(Head(layout, parameters).Select(TensorMessage.From));
            bool softmax = layout.Output == OutputHead.Softmax;
            string y = softmax ? N.Logits : N.Prediction;
            nodes.Add(new("head_matmul", "MatMul", [N.Hidden, OnnxLayout.HeadWeightsName], [HeadProduct]));
            nodes.Add(new("head_bias", "Add", [HeadProduct, OnnxLayout.HeadBiasName], [y]));
            outputs.Add(new(y, TensorMessageFloat, [Sequence, Batch, layout.OutputSize]));
            if (softmax)
            {
                nodes.Add(new("softmax", "Softmax", [N.Logits], [N.Probabilities], [AttributeMessage.Int("axis", -1)]));
                outputs.Add(new(N.Probabilities, TensorMessageFloat, [Sequence, Batch, layout.OutputSize]));
            }
        }

        return new GraphMessage(options.GraphName, nodes, initializers, inputs, outputs);
    }

    private static int TensorMessageFloat => TensorMessage.ElementType(TensorDataType.Float32);

    /// <summary><c>{stem}_l{k}</c>: the per-layer names of weights, nodes and values.</summary>
    internal static string Name(string stem, int layer) => $"{stem}_l{layer}";

    private static List<AttributeMessage> Attributes(CellLayout cell, int directions)
    {
        var attributes = new List<AttributeMessage>
        {
            AttributeMessage.String("direction", directions == 2 ? "bidirectional" : "forward"),
            AttributeMessage.Int("hidden_size", cell.HiddenSize),
        };
        if (cell.Kind == RecurrentCellKind.Gru)
        {
            // linear_before_reset = 1 is PyTorch's GRU: the recurrent bias of h (b_hn) inside the reset product.
            attributes.Add(AttributeMessage.Int("linear_before_reset", 1));
        }
        else if (cell.Kind == RecurrentCellKind.TanhRnn)
        {
            attributes.Add(AttributeMessage.Strings("activations", [.. Enumerable.Repeat("Tanh", directions)]));
        }

        return attributes;
    }

    /// <summary>W_l{k}, R_l{k}, B_l{k}: each direction's <see cref="OnnxLayout"/> tensor stacked on the leading num_directions axis.</summary>
    private static List<NamedTensor> Weights(ModelLayout layout, int layer, ReadOnlySpan<float> parameters)
    {
        CellLayout cell = layout.Cells[layer];
        int directions = layout.Directions[layer];
        var perDirection = new TensorSet[directions];
        for (int d = 0; d < directions; d++)
        {
            perDirection[d] = OnnxLayout.Export<float>(cell, parameters.Slice(layout.ParameterOffset(layer, d), cell.ParameterCount));
        }

        var stacked = new List<NamedTensor>(3);
        string[] stems = cell.HasBias
            ? [OnnxLayout.InputWeightsName, OnnxLayout.RecurrentWeightsName, OnnxLayout.BiasName]
            : [OnnxLayout.InputWeightsName, OnnxLayout.RecurrentWeightsName];
        foreach (string stem in stems)
        {
            NamedTensor first = perDirection[0][stem];
            var values = new float[first.ElementCount * directions];
            for (int d = 0; d < directions; d++)
            {
                perDirection[d][stem].CopyTo<float>(values.AsSpan(d * first.ElementCount, first.ElementCount));
            }

            int[] shape = [.. first.Shape];
            shape[0] = directions;
            stacked.Add(NamedTensor.FromValues<float>(Name(stem, layer), shape, values));
        }

        return stacked;
    }

    /// <summary>W_y as the MatMul operand [W, V] (LstmGen's W_y is V × W) and b_y [V].</summary>
    private static NamedTensor[] Head(ModelLayout layout, ReadOnlySpan<float> parameters)
    {
        int v = layout.OutputSize, w = layout.HeadInputSize;
        var weights = new float[w * v];
        var bias = new float[v];
        for (int r = 0; r < v; r++)
        {
            for (int c = 0; c < w; c++)
            {
                weights[(c * v) + r] = parameters[layout.HeadWeightIndex(r, c)];
            }

            bias[r] = parameters[layout.HeadBiasIndex(r)];
        }

        return [NamedTensor.FromValues<float>(OnnxLayout.HeadWeightsName, [w, v], weights), NamedTensor.FromValues<float>(OnnxLayout.HeadBiasName, [v], bias)];
    }
}
