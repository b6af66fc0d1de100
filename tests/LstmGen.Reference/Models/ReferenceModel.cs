using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>
/// Reference recurrent model in double precision, written from PyTorch's <c>nn.LSTM/GRU/RNN(num_layers, bidirectional)</c>
/// semantics over the reference cells: layer k's input at step t is layer k − 1's output at t; a bidirectional layer runs
/// its forward direction over t = 0 … L−1 and its reverse direction over t = L−1 … 0 of each sequence's own length L
/// (<c>pack_padded_sequence</c>), its output at t being [forward h_t | reverse h_t]; then an optional head
/// y_t = W_y o_t + b_y (linear, or the logits of a softmax) on the top layer's output o_t.
/// </summary>
/// <remarks>
/// Independent of the generator and of the runtime's model algorithms: every sequence is run alone, each direction by the
/// cell's own <c>Forward</c>, reversed by list reversal. States are listed per block, layer-major, forward before reverse
/// (PyTorch's <c>h_n</c> order).
/// </remarks>
public sealed partial class ReferenceModel
{
    /// <summary>Builds a model, checking that the layers fit together and the head's shapes.</summary>
    /// <param name="layers">Bottom first.</param>
    /// <param name="head">The head kind.</param>
    /// <param name="wy">W_y (V × W), null exactly without a head.</param>
    /// <param name="by">b_y (V), null exactly without a head.</param>
    public ReferenceModel(IReadOnlyList<ReferenceModelLayer> layers, ReferenceHead head = ReferenceHead.None, Matrix<double>? wy = null, Vector<double>? by = null)
    {
        if (layers.Count == 0)
        {
            throw new ArgumentException("Expected at least one layer.", nameof(layers));
        }

        for (int k = 0; k < layers.Count; k++)
        {
            ReferenceModelLayer layer = layers[k];
            if (layer.Reverse is { } reverse && (reverse.Kind != layer.Forward.Kind || reverse.InputSize != layer.Forward.InputSize || reverse.HiddenSize != layer.Forward.HiddenSize))
            {
                throw new ArgumentException($"Layer {k}'s reverse direction differs from its forward direction in kind or size.", nameof(layers));
            }

            if (k > 0 && layer.Forward.InputSize != layers[k - 1].OutputWidth)
            {
                throw new ArgumentException($"Layer {k} takes D = {layer.Forward.InputSize}, but layer {k - 1} outputs {layers[k - 1].OutputWidth}.", nameof(layers));
            }
        }

        if ((head == ReferenceHead.None) != (wy is null) || (wy is null) != (by is null))
        {
            throw new ArgumentException("Expected W_y and b_y exactly when the model has a head.");
        }

        Layers = layers;
        Head = head;
        Wy = wy;
        By = by;
        if (wy is not null)
        {
            Shapes.RequireShape(wy, wy.RowCount, OutputWidth, "Wy");
            Shapes.RequireLength(by!, wy.RowCount, "By");
        }
    }

    /// <summary>The layers, bottom first.</summary>
    public IReadOnlyList<ReferenceModelLayer> Layers { get; }

    /// <summary>The head kind.</summary>
    public ReferenceHead Head { get; }

    /// <summary>W_y (V × W) or null.</summary>
    public Matrix<double>? Wy { get; }

    /// <summary>b_y (V) or null.</summary>
    public Vector<double>? By { get; }

    /// <summary>D.</summary>
    public int InputSize => Layers[0].Forward.InputSize;

    /// <summary>W: the top layer's output width.</summary>
    public int OutputWidth => Layers[^1].OutputWidth;

    /// <summary>Every direction, layer-major, forward before reverse (the state blocks' order).</summary>
    public IReadOnlyList<ReferenceDirection> Blocks => [.. Layers.SelectMany(l => l.Reverse is null ? new[] { l.Forward } : [l.Forward, l.Reverse])];

    /// <summary>Every parameter: each block's <see cref="FlatParameters"/> vector in block order, then W_y row-major, then b_y.</summary>
    public double[] Flatten() =>
        [.. Blocks.SelectMany(b => b.Flatten()), .. Wy is null ? [] : Wy.ToRowMajorArray(), .. By is null ? [] : By.ToArray()];

    /// <summary>The same model with the parameters <paramref name="theta"/> (in <see cref="Flatten"/> order).</summary>
    public ReferenceModel WithParameters(IReadOnlyList<double> theta)
    {
        int position = 0;
        double[] Take(int count)
        {
            double[] slice = [.. theta.Skip(position).Take(count)];
            position += count;
            return slice;
        }

        ReferenceDirection Rebuild(ReferenceDirection d) => ReferenceDirection.FromFlat(
            d.Kind, Take(ReferenceDirection.ParameterCount(d.Kind, d.InputSize, d.HiddenSize)), d.InputSize, d.HiddenSize);

        var layers = new List<ReferenceModelLayer>();
        foreach (ReferenceModelLayer layer in Layers)
        {
            ReferenceDirection forward = Rebuild(layer.Forward);
            layers.Add(new ReferenceModelLayer(forward, layer.Reverse is null ? null : Rebuild(layer.Reverse)));
        }

        Matrix<double>? wy = Wy is null ? null : Matrix<double>.Build.DenseOfRowMajor(Wy.RowCount, Wy.ColumnCount, Take(Wy.RowCount * Wy.ColumnCount));
        Vector<double>? by = By is null ? null : Vector<double>.Build.DenseOfArray(Take(By.Count));
        if (position != theta.Count)
        {
            throw new ArgumentException($"Expected {position} parameters, got {theta.Count}.", nameof(theta));
        }

        return new ReferenceModel(layers, Head, wy, by);
    }

    /// <summary>Runs one sequence through every layer and the head, and evaluates its loss.</summary>
    public ModelRun Forward(ModelSequence sequence)
    {
        CheckTargets(sequence);
        int length = sequence.Inputs.Count;
        var layerInputs = new List<IReadOnlyList<Vector<double>>>();
        var finalH = new List<Vector<double>>();
        var finalC = new List<Vector<double>?>();
        IReadOnlyList<Vector<double>> input = sequence.Inputs;
        int block = 0;
        foreach (ReferenceModelLayer layer in Layers)
        {
            layerInputs.Add(input);
            DirectionRun forward = layer.Forward.Forward(input, State(sequence.H0, block), CellState(sequence.C0, block, layer.Forward));
            finalH.Add(forward.FinalH);
            finalC.Add(forward.FinalC);
            block++;
            Vector<double>[] output = [.. forward.Hidden];
            if (layer.Reverse is { } reverse)
            {
                // The reverse direction reads the valid steps backwards; its output at step t is its run's step L−1−t.
                DirectionRun backward = reverse.Forward(Reversed(input), State(sequence.H0, block), CellState(sequence.C0, block, reverse));
                finalH.Add(backward.FinalH);
                finalC.Add(backward.FinalC);
                block++;
                for (int t = 0; t < length; t++)
                {
                    output[t] = Concat(forward.Hidden[t], backward.Hidden[length - 1 - t]);
                }
            }

            input = output;
        }

        IReadOnlyList<Vector<double>> y = Wy is null ? input : [.. input.Select(o => (Wy * o) + By!)];
        double loss = 0;
        for (int t = 0; t < length; t++)
        {
            if (sequence.Targets.HasLossAt(t, length))
            {
                loss += sequence.Targets.Evaluate(t, y[t]).Value;
            }
        }

        return new ModelRun(layerInputs, input, y, finalH, finalC, loss);
    }

    /// <summary>The batch loss: Σ_s L_s, or its mean over the m sequences.</summary>
    public double BatchLoss(IReadOnlyList<ModelSequence> batch, BatchReduction reduction) =>
        batch.Sum(s => Forward(s).Loss) * reduction.Factor(batch.Count);

    private void CheckTargets(ModelSequence sequence)
    {
        if (sequence.Inputs.Count == 0 || sequence.Targets.Length != sequence.Inputs.Count)
        {
            throw new ArgumentException($"Expected at least one step and one target per step, got {sequence.Inputs.Count} steps and {sequence.Targets.Length} targets.");
        }

        if (sequence.Targets.NeedsSoftmax != (Head == ReferenceHead.Softmax))
        {
            throw new ArgumentException($"Expected cross-entropy targets exactly with a softmax head, but the head is {Head} and the targets are {sequence.Targets.GetType().Name}.");
        }
    }

    private static Vector<double>? State(IReadOnlyList<Vector<double>>? states, int block) => states?[block];

    private static Vector<double>? CellState(IReadOnlyList<Vector<double>>? states, int block, ReferenceDirection direction) =>
        direction.HasCellState ? states?[block] : null;

    internal static IReadOnlyList<Vector<double>> Reversed(IReadOnlyList<Vector<double>> sequence) => [.. sequence.Reverse()];

    private static Vector<double> Concat(Vector<double> first, Vector<double> second) =>
        Vector<double>.Build.DenseOfEnumerable(first.Concat(second));
}
