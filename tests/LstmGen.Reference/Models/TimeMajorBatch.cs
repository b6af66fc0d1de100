using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>
/// A batch of m sequences in PyTorch's time-major tensors: x [T, m, D], states [blocks, m, H] (layer-major, forward before
/// reverse), targets [T, m, V] or class indices [T, m], per-sequence lengths (<c>pack_padded_sequence</c>: steps t ≥ L_b
/// are padding). Converts them to the reference model's sequences and its results back to those tensors.
/// </summary>
/// <param name="Steps">T.</param>
/// <param name="Lengths">L_b per sequence (each in [1, T]).</param>
public sealed record TimeMajorBatch(int Steps, IReadOnlyList<int> Lengths)
{
    /// <summary>m.</summary>
    public int Batch => Lengths.Count;

    /// <summary>The reference sequences: valid steps only, the states of every block, the targets of the valid steps.</summary>
    /// <param name="model">The model (its head picks class targets or squared-error targets of V values).</param>
    /// <param name="x">[T, m, D].</param>
    /// <param name="h0">[blocks, m, H] (one H for every block, as PyTorch).</param>
    /// <param name="c0">[blocks, m, H] or null (no LSTM).</param>
    /// <param name="target">[T, m, V] or class indices [T, m] stored as doubles.</param>
    /// <param name="steps">Loss on every step or the last.</param>
    public ModelSequence[] Sequences(ReferenceModel model, double[] x, double[] h0, double[]? c0, double[] target, ModelLossSteps steps)
    {
        int m = Batch, d = model.InputSize, h = model.Blocks[0].HiddenSize, blocks = model.Blocks.Count;
        int v = model.Wy?.RowCount ?? model.OutputWidth;
        var batch = new ModelSequence[m];
        for (int b = 0; b < m; b++)
        {
            int s = b, length = Lengths[b];
            Vector<double>[] inputs = [.. Enumerable.Range(0, length).Select(t => Slice(x, ((t * m) + s) * d, d))];
            Vector<double>[] State(double[] values) => [.. Enumerable.Range(0, blocks).Select(k => Slice(values, ((k * m) + s) * h, h))];
            ModelTargets targets = model.Head == ReferenceHead.Softmax
                ? new ModelClassTargets([.. Enumerable.Range(0, length).Select(t => checked((int)target[(t * m) + s]))], steps)
                : new ModelSquaredErrorTargets([.. Enumerable.Range(0, length).Select(t => Slice(target, ((t * m) + s) * v, v))], steps);
            batch[b] = new ModelSequence(inputs, targets, State(h0), c0 is null ? null : State(c0));
        }

        return batch;
    }

    /// <summary>[T, m, width] from one vector per valid step of each sequence, zeros at padded steps.</summary>
    public double[] TimeMajor(int width, Func<int, int, Vector<double>> at) =>
        [.. from t in Enumerable.Range(0, Steps)
            from b in Enumerable.Range(0, Batch)
            from value in t < Lengths[b] ? at(t, b) : Vector<double>.Build.Dense(width)
            select value];

    /// <summary>[blocks, m, H] from one vector per block and sequence.</summary>
    public double[] BlockMajor(int blocks, Func<int, int, Vector<double>> at) =>
        [.. from k in Enumerable.Range(0, blocks) from b in Enumerable.Range(0, Batch) from value in at(k, b) select value];

    /// <summary>
    /// The reference's forward and backward results under the fixture names of PyTorch's: output.h, output.h_n,
    /// output.c_n (LSTM), output.loss, grad.input.x, grad.input.h0, grad.input.c0 (LSTM). Parameter gradients are the caller's.
    /// </summary>
    public Dictionary<string, double[]> Results(ReferenceModel model, IReadOnlyList<ModelSequence> batch, BatchReduction reduction, out ModelGradients total)
    {
        ModelRun[] runs = [.. batch.Select(model.Forward)];
        (total, IReadOnlyList<ModelGradients> sequences) = model.BatchBackward(batch, reduction);
        int blocks = model.Blocks.Count;
        var results = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["output.loss"] = [total.Loss],
            ["output.h"] = TimeMajor(model.OutputWidth, (t, b) => runs[b].Outputs[t]),
            ["output.h_n"] = BlockMajor(blocks, (k, b) => runs[b].FinalH[k]),
            ["grad.input.x"] = TimeMajor(model.InputSize, (t, b) => sequences[b].DX[t]),
            ["grad.input.h0"] = BlockMajor(blocks, (k, b) => sequences[b].DH0[k]),
        };
        if (model.Blocks[0].HasCellState)
        {
            results["output.c_n"] = BlockMajor(blocks, (k, b) => runs[b].FinalC[k]!);
            results["grad.input.c0"] = BlockMajor(blocks, (k, b) => sequences[b].DC0[k]!);
        }

        return results;
    }

    private static Vector<double> Slice(double[] values, int start, int count) => Vector<double>.Build.DenseOfArray(values.AsSpan(start, count).ToArray());
}
