using LstmGen.Reference;
using MathNet.Numerics.LinearAlgebra;
using RefReduction = LstmGen.Reference.BatchReduction;

namespace LstmGen.Models.Tests.Support;

/// <summary>Runs a <see cref="BatchProblem"/> through the independent MathNet reference (<see cref="ReferenceLstm"/>, <see cref="ReferenceRnn"/>, <see cref="ReferenceGru"/>, by the cell's kind).</summary>
internal static class ReferenceRunner
{
    /// <summary>
    /// Forward pass (states, probabilities) and <c>BatchBackward</c> (loss, gradients, dx, initial-state gradients, all
    /// multiplied by the reduction factor) of the reference cell built from <paramref name="theta"/> (reference flat order).
    /// </summary>
    public static BatchRun Run(ICellDriver cell, double[] theta, BatchProblem problem, RefReduction reduction)
    {
        int m = problem.Batch, n = problem.Count;
        SequenceSample[] samples = [.. Enumerable.Range(0, m).Select(b => Sample(cell, problem, b))];
        var h = new double[n][];
        var c = new double[n][];
        var p = new double[n][];
        var logP = new double[n][];
        var dx = new double[n][];
        var finalH = new double[m][];
        var finalC = new double[m][];
        double[] gradients;
        double loss;
        double[][] dh0, dc0;
        if (cell.IsLstm)
        {
            ReferenceLstm lstm = FlatParameters.ToLstm(theta, cell.InputSize, cell.HiddenSize, cell.OutputSize, cell.HasBias);
            LstmBatchGradients g = lstm.BatchBackward(samples, reduction);
            for (int b = 0; b < m; b++)
            {
                IReadOnlyList<LstmStep> steps = lstm.Forward(samples[b].Inputs, samples[b].H0, samples[b].C0);
                for (int t = 0; t < problem.Steps; t++)
                {
                    int at = problem.At(t, b);
                    (h[at], c[at], dx[at]) = (steps[t].H.ToArray(), steps[t].C.ToArray(), g.Samples[b].DX[t].ToArray());
                    (p[at], logP[at]) = (steps[t].Probabilities?.ToArray()!, steps[t].LogProbabilities?.ToArray()!);
                }

                (finalH[b], finalC[b]) = (steps[^1].H.ToArray(), steps[^1].C.ToArray());
            }

            (loss, gradients) = (g.Loss, FlatParameters.Flatten(g.Parameters, cell.HasBias));
            dh0 = [.. g.Samples.Select(s => s.DH0.ToArray())];
            dc0 = [.. g.Samples.Select(s => s.DC0.ToArray())];
        }
        else if (cell.Kind == RecurrentCellKind.Gru)
        {
            ReferenceGru gru = FlatParameters.ToGru(theta, cell.InputSize, cell.HiddenSize, cell.OutputSize, cell.HasBias);
            GruBatchGradients g = gru.BatchBackward(samples, reduction);
            for (int b = 0; b < m; b++)
            {
                IReadOnlyList<GruStep> steps = gru.Forward(samples[b].Inputs, samples[b].H0);
                for (int t = 0; t < problem.Steps; t++)
                {
                    int at = problem.At(t, b);
                    (h[at], dx[at]) = (steps[t].H.ToArray(), g.Samples[b].DX[t].ToArray());
                    (p[at], logP[at]) = (steps[t].Probabilities?.ToArray()!, steps[t].LogProbabilities?.ToArray()!);
                }

                finalH[b] = steps[^1].H.ToArray();
            }

            (loss, gradients) = (g.Loss, FlatParameters.Flatten(g.Parameters, cell.HasBias));
            dh0 = [.. g.Samples.Select(s => s.DH0.ToArray())];
            dc0 = [];
        }
        else
        {
            ReferenceRnn rnn = FlatParameters.ToRnn(theta, cell.InputSize, cell.HiddenSize, cell.OutputSize, cell.HasBias);
            RnnBatchGradients g = rnn.BatchBackward(samples, reduction);
            for (int b = 0; b < m; b++)
            {
                IReadOnlyList<RnnStep> steps = rnn.Forward(samples[b].Inputs, samples[b].H0);
                for (int t = 0; t < problem.Steps; t++)
                {
                    int at = problem.At(t, b);
                    (h[at], dx[at]) = (steps[t].H.ToArray(), g.Samples[b].DX[t].ToArray());
                    (p[at], logP[at]) = (steps[t].Probabilities?.ToArray()!, steps[t].LogProbabilities?.ToArray()!);
                }

                finalH[b] = steps[^1].H.ToArray();
            }

            (loss, gradients) = (g.Loss, FlatParameters.Flatten(g.Parameters, cell.HasBias));
            dh0 = [.. g.Samples.Select(s => s.DH0.ToArray())];
            dc0 = [];
        }

        bool head = problem.Loss != LossKind.Mse;
        return new BatchRun(
            loss, h, cell.IsLstm ? c : null, head ? p : null, head ? logP : null, gradients, dx, dh0,
            cell.IsLstm ? dc0 : null, finalH, cell.IsLstm ? finalC : null);
    }

    /// <summary>Sequence <paramref name="b"/> of the problem as a reference sample.</summary>
    public static SequenceSample Sample(ICellDriver cell, BatchProblem problem, int b)
    {
        int[] at = [.. Enumerable.Range(0, problem.Steps).Select(t => problem.At(t, b))];
        Vector<double>[] inputs = [.. at.Select(i => V(problem.Xs[i]))];
        SequenceTargets targets = problem.Loss switch
        {
            LossKind.Mse => new MseTargets([.. at.Select(i => V(problem.HiddenTargets![i]))]),
            LossKind.ClassIndex => new ClassIndexTargets([.. at.Select(i => problem.Classes![i])]),
            _ => new DistributionTargets([.. at.Select(i => V(problem.Distributions![i]))]),
        };
        return new SequenceSample(inputs, targets, V(problem.H0[b]), cell.IsLstm ? V(problem.C0![b]) : null);
    }

    public static Vector<double> V(double[] values) => Vector<double>.Build.DenseOfArray(values);
}
