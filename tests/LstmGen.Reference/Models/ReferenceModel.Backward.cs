using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>BPTT through the head, every layer and every direction of a <see cref="ReferenceModel"/>.</summary>
public sealed partial class ReferenceModel
{
    /// <summary>
    /// Runs one sequence forward, then backward: the loss's gradient dy_t through the head (dW_y += dy_t o_tᵀ, db_y += dy_t,
    /// do_t = W_yᵀ dy_t), then from the top layer down, each direction's own BPTT on its share of do_t (the reverse one on
    /// the reversed sequence), the layer's dx_t (the sum of both directions') becoming the gradient of the layer below.
    /// </summary>
    public ModelGradients Backward(ModelSequence sequence)
    {
        ModelRun run = Forward(sequence);
        int length = sequence.Inputs.Count;

        // The loss's gradient with respect to the head output y_t, then to the top layer's output o_t: [L × W].
        Matrix<double>? dWy = Wy is null ? null : Matrix<double>.Build.Dense(Wy.RowCount, Wy.ColumnCount);
        Vector<double>? dBy = By is null ? null : Vector<double>.Build.Dense(By.Count);
        var dOutput = new Vector<double>[length];
        for (int t = 0; t < length; t++)
        {
            Vector<double> dy = sequence.Targets.HasLossAt(t, length)
                ? sequence.Targets.Evaluate(t, run.HeadOutputs[t]).DY
                : Vector<double>.Build.Dense(run.HeadOutputs[t].Count);
            if (Wy is null)
            {
                dOutput[t] = dy;
                continue;
            }

            dWy!.Add(dy.OuterProduct(run.Outputs[t]), dWy);
            dBy!.Add(dy, dBy);
            dOutput[t] = Wy.TransposeThisAndMultiply(dy);
        }

        int blockCount = Layers.Sum(l => l.Directions);
        var blocks = new double[blockCount][];
        var dH0 = new Vector<double>[blockCount];
        var dC0 = new Vector<double>?[blockCount];
        IReadOnlyList<Vector<double>> dAbove = dOutput;
        int block = blockCount;
        for (int k = Layers.Count - 1; k >= 0; k--)
        {
            ReferenceModelLayer layer = Layers[k];
            IReadOnlyList<Vector<double>> input = run.LayerInputs[k];
            int h = layer.Forward.HiddenSize;
            block -= layer.Directions;

            // do_t = [d forward h_t | d reverse h_t].
            Vector<double>[] dForward = [.. dAbove.Select(g => g.SubVector(0, h))];
            DirectionGradients forward = layer.Forward.Backward(input, dForward, State(sequence.H0, block), CellState(sequence.C0, block, layer.Forward));
            (blocks[block], dH0[block], dC0[block]) = (forward.Parameters, forward.DH0, forward.DC0);
            Vector<double>[] dInput = [.. forward.DX];
            if (layer.Reverse is { } reverse)
            {
                // The reverse run's step s is sequence step L−1−s, for its upstream gradients and its dx alike.
                IReadOnlyList<Vector<double>> dReverse = Reversed([.. dAbove.Select(g => g.SubVector(h, h))]);
                DirectionGradients backward = reverse.Backward(Reversed(input), dReverse, State(sequence.H0, block + 1), CellState(sequence.C0, block + 1, reverse));
                (blocks[block + 1], dH0[block + 1], dC0[block + 1]) = (backward.Parameters, backward.DH0, backward.DC0);
                for (int t = 0; t < length; t++)
                {
                    dInput[t] += backward.DX[length - 1 - t];
                }
            }

            dAbove = dInput;
        }

        return new ModelGradients(run.Loss, blocks, dWy, dBy, dAbove, dH0, dC0);
    }

    /// <summary>
    /// Backward over every sequence of a batch: the parameter gradients summed in batch order (then × 1/m for the mean);
    /// the per-sequence results (dx, dh0, dc0) scaled by the same factor.
    /// </summary>
    /// <returns>The batch's parameter gradients and loss (with empty DX, DH0, DC0), and each sequence's scaled gradients.</returns>
    public (ModelGradients Batch, IReadOnlyList<ModelGradients> Sequences) BatchBackward(IReadOnlyList<ModelSequence> batch, BatchReduction reduction)
    {
        double factor = reduction.Factor(batch.Count);
        ModelGradients[] sequences = [.. batch.Select(s => Backward(s).Scale(factor))];
        ModelGradients first = sequences[0];
        double[][] blocks = [.. first.Blocks.Select((b, i) => sequences.Select(s => s.Blocks[i]).Aggregate(new double[b.Length], (sum, g) => [.. sum.Zip(g, (x, y) => x + y)]))];
        Matrix<double>? dWy = first.DWy is null ? null : sequences.Select(s => s.DWy!).Aggregate((a, b) => a + b);
        Vector<double>? dBy = first.DBy is null ? null : sequences.Select(s => s.DBy!).Aggregate((a, b) => a + b);
        var total = new ModelGradients(sequences.Sum(s => s.Loss), blocks, dWy, dBy, [], [], []);
        return (total, sequences);
    }
}
