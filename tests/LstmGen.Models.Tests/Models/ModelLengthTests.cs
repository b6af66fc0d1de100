using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// Per-sequence lengths through a whole model (RNN ×2 → LSTM with a linear head, m = 6, lengths {5, 2, 4, 1, 5, 3}: the
/// first SIMD group of 4 mixes lengths): the padded batch equals each sequence run alone (m = 1, T = its length), and
/// the values at padded steps (poisoned with NaN) change nothing when replaced.
/// </summary>
/// <remarks>
/// Outputs, final states, losses, initial-state and input gradients are compared bit for bit: each sequence goes
/// through the same kernel calls in the same order batched or alone (a SIMD group of 4 computes the values of the
/// single steps). The parameter gradient sums the sequences' contributions step by step instead of sequence by sequence,
/// so it is compared with 1e-12 relative (a handful of roundings of terms of order 1).
/// </remarks>
public sealed class ModelLengthTests
{
    private static readonly int[] Lengths = [5, 2, 4, 1, 5, 3];

    [Fact]
    public void A_padded_batch_equals_each_sequence_run_alone()
    {
        RecurrentModel<double> model = TestModels.BiRnnLstm(OutputHead.Linear, 2);
        var c = new ModelProblem(model, steps: 5, batchSize: 6, Lengths, seed: 31);
        int m = c.M, w = model.OutputWidth, d = model.InputSize, tw = c.TargetWidth;
        var ws = model.CreateWorkspace(c.Steps, m);
        double[] final = new double[m * model.StateLength], dp = new double[model.ParameterCount], dInitial = new double[final.Length], dxs = new double[c.Xs.Length];
        double loss = c.Gradient(ws, c.P, c.Xs, c.Initial, dp, dInitial, dxs, final: final);
        double[] outputs = ws.Outputs.ToArray();

        var alone = model.CreateWorkspace(c.Steps, 1);
        double[] dpSum = new double[dp.Length];
        double lossSum = 0;
        for (int b = 0; b < m; b++)
        {
            int length = Lengths[b];
            double[] xs = new double[length * d], targets = new double[length * tw];
            for (int t = 0; t < length; t++)
            {
                Array.Copy(c.Xs, ((t * m) + b) * d, xs, t * d, d);
                Array.Copy(c.Targets, ((t * m) + b) * tw, targets, t * tw, tw);
            }

            double[] initial = Sequence(model, c.Initial, b, m), finalB = new double[model.StateLength], dInitialB = new double[model.StateLength];
            double[] dxsB = new double[xs.Length];
            lossSum += model.Gradient(c.P, xs, 1, [], initial, targets, finalB, dInitialB, dxsB, dpSum, alone);
            for (int t = 0; t < c.Steps; t++)
            {
                double[] expected = t < length ? alone.Outputs.Slice(t * w, w).ToArray() : new double[w];
                Assert.Equal(expected, outputs.AsSpan(((t * m) + b) * w, w).ToArray());
                double[] expectedDx = t < length ? dxsB.AsSpan(t * d, d).ToArray() : new double[d];
                Assert.Equal(expectedDx, dxs.AsSpan(((t * m) + b) * d, d).ToArray());
            }

            Assert.Equal(finalB, Sequence(model, final, b, m));
            Assert.Equal(dInitialB, Sequence(model, dInitial, b, m));
        }

        Assert.Equal(lossSum, loss);
        for (int k = 0; k < dp.Length; k++)
        {
            Assert.True(Math.Abs(dp[k] - dpSum[k]) <= 1e-12 * Math.Max(1, Math.Abs(dpSum[k])), $"dθ[{k}]: batched {dp[k]:R}, alone {dpSum[k]:R}");
        }
    }

    [Fact]
    public void Values_at_padded_steps_change_nothing()
    {
        RecurrentModel<double> model = TestModels.BiRnnLstm(OutputHead.Softmax, 3, dropout: 0.2);
        var c = new ModelProblem(model, steps: 5, batchSize: 6, Lengths, seed: 32, LossSteps.Last);
        var (loss, results) = Run(model, c, c.Xs, c.Classes);
        Assert.True(double.IsFinite(loss));
        Assert.All(results, r => Assert.All(r, v => Assert.True(double.IsFinite(v))));

        double[] xs = [.. c.Xs.Select((v, k) => double.IsNaN(v) ? 1e3 * Math.Sin(k) : v)];
        int[] classes = [.. c.Classes.Select((v, k) => v < 0 ? k % 3 : v)];
        var (loss2, results2) = Run(model, c, xs, classes);
        Assert.Equal(loss, loss2);
        for (int k = 0; k < results.Length; k++)
        {
            Assert.Equal(results[k], results2[k]);
        }
    }

    private static (double Loss, double[][] Results) Run(RecurrentModel<double> model, ModelProblem c, double[] xs, int[] classes)
    {
        var ws = model.CreateWorkspace(c.Steps, c.M);
        double[] final = new double[c.M * model.StateLength], dp = new double[model.ParameterCount], dInitial = new double[final.Length], dxs = new double[xs.Length];
        double loss = model.Gradient(c.P, xs, c.M, c.Lengths, c.Initial, classes, final, dInitial, dxs, dp, ws, BatchReduction.Sum, c.LossSteps, 5UL);
        return (loss, [ws.Outputs.ToArray(), ws.LayerOutputs(0).ToArray(), final, dp, dInitial, dxs]);
    }

    // Sequence b's model state [StateLength] out of m states [m × StateLength] (block by block).
    private static double[] Sequence(RecurrentModel<double> model, double[] states, int b, int m)
    {
        var result = new List<double>();
        for (int k = 0; k < model.Layers.Count; k++)
        {
            int s = model.Layout.CellStateLength(k);
            for (int d = 0; d < model.Layers[k].Directions; d++)
            {
                result.AddRange(states.AsSpan(model.Layout.StateOffset(k, d, m) + (b * s), s).ToArray());
            }
        }

        return [.. result];
    }
}
