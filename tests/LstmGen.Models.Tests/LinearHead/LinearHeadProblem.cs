using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using RefReduction = LstmGen.Reference.BatchReduction;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace LstmGen.Models.Tests.LinearHead;

/// <summary>
/// One padded batch for a linear-head cell, drawn from a seed: parameters θ in the reference's flat order, inputs
/// [T × m × D], zero initial states, per-sequence lengths, targets [T × m × V]. Runs it through the generated cell (the
/// contract: <c>ForwardSequenceBatch</c> with lengths, <c>Losses.HeadSquaredError</c>, <c>BpttBatch</c>) and through the
/// MathNet reference (each sequence cut to its length, the linear head and ½‖y − target‖² written from the formula).
/// </summary>
internal sealed record LinearHeadProblem(double[] Theta, double[] Xs, double[] Targets, int[] Lengths, int Steps, int Batch, LossSteps LossSteps)
{
    public static LinearHeadProblem Draw(ICellDriver cell, int seed, int steps, int batch, LossSteps lossSteps, bool padded)
    {
        var random = new Random(seed);
        double Next(double scale) => scale * ((2 * random.NextDouble()) - 1);
        double[] theta = [.. Enumerable.Range(0, cell.ParameterCount).Select(_ => Next(0.6))];
        double[] xs = [.. Enumerable.Range(0, steps * batch * cell.InputSize).Select(_ => Next(1.0))];
        double[] targets = [.. Enumerable.Range(0, steps * batch * cell.OutputSize).Select(_ => Next(1.5))];
        int[] lengths = padded ? [.. Enumerable.Range(0, batch).Select(b => b == 0 ? steps : 1 + random.Next(steps))] : [];
        return new LinearHeadProblem(
            [.. theta.Select(cell.Round)], [.. xs.Select(cell.Round)], [.. targets.Select(cell.Round)], lengths, steps, batch, lossSteps);
    }

    public int Length(int b) => Lengths.Length == 0 ? Steps : Lengths[b];

    public bool HasLoss(int b, int t) => LossSteps == LossSteps.Every ? t < Length(b) : t == Length(b) - 1;

    /// <summary>The generated cell's loss, parameter gradient (reference order) and input gradients [T × m × D].</summary>
    public (double Loss, double[] Gradient, double[] Dxs) RunGenerated<TKernel, T>(ICellDriver driver, BatchReduction reduction, double[]? theta = null)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        theta ??= Theta;
        int m = Batch, rows = Steps * m, h = TKernel.HiddenSize, s = Recurrent<TKernel, T>.StateLength;
        var p = new T[driver.ParameterCount];
        for (int k = 0; k < theta.Length; k++)
        {
            p[driver.GeneratedIndexOfReference[k]] = T.CreateTruncating(theta[k]);
        }

        T[] xs = [.. Xs.Select(T.CreateTruncating)], targets = [.. Targets.Select(T.CreateTruncating)];
        T[] caches = new T[rows * TKernel.CacheLength], outputs = new T[rows * h], dOutputs = new T[rows * h];
        T[] final = new T[m * s], dInitial = new T[m * s], dxs = new T[xs.Length], dp = new T[p.Length];
        Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, m, Lengths, default, final, caches, outputs);
        T loss = Losses<TKernel, T>.HeadSquaredError(p, outputs, targets, dOutputs, dp, m, Lengths, reduction, LossSteps);
        Recurrent<TKernel, T>.BpttBatch(p, xs, m, Lengths, caches, dOutputs, dInitial, dxs, dp);
        double[] gradient = [.. driver.GeneratedIndexOfReference.Select(index => double.CreateTruncating(dp[index]))];
        return (double.CreateTruncating(loss), gradient, [.. dxs.Select(double.CreateTruncating)]);
    }

    /// <summary>The reference's loss, parameter gradient (reference order) and input gradients [T × m × D] (zero at padding).</summary>
    public (double Loss, double[] Gradient, double[] Dxs) RunReference(ICellDriver cell, RefReduction reduction)
    {
        int d = cell.InputSize, v = cell.OutputSize;
        SequenceSample[] samples = [.. Enumerable.Range(0, Batch).Select(b => new SequenceSample(
            [.. Enumerable.Range(0, Length(b)).Select(t => Vector.Build.Dense(d, k => Xs[(((t * Batch) + b) * d) + k]))],
            new LinearHeadTargets([.. Enumerable.Range(0, Length(b)).Select(t => HasLoss(b, t)
                ? Vector.Build.Dense(v, k => Targets[(((t * Batch) + b) * v) + k])
                : null)])))];
        (double loss, double[] gradient, IReadOnlyList<IReadOnlyList<Vector>> dx) = cell.Kind switch
        {
            RecurrentCellKind.Lstm => Lstm(FlatParameters.ToLstm(Theta, d, cell.HiddenSize, v).BatchBackward(samples, reduction)),
            RecurrentCellKind.Gru => Gru(FlatParameters.ToGru(Theta, d, cell.HiddenSize, v).BatchBackward(samples, reduction)),
            _ => Rnn(FlatParameters.ToRnn(Theta, d, cell.HiddenSize, v).BatchBackward(samples, reduction)),
        };
        var dxs = new double[Xs.Length];
        for (int b = 0; b < Batch; b++)
        {
            for (int t = 0; t < Length(b); t++)
            {
                dx[b][t].ToArray().CopyTo(dxs, ((t * Batch) + b) * d);
            }
        }

        return (loss, gradient, dxs);
    }

    private static (double, double[], IReadOnlyList<IReadOnlyList<Vector>>) Lstm(LstmBatchGradients g) =>
        (g.Loss, FlatParameters.Flatten(g.Parameters), [.. g.Samples.Select(s => s.DX)]);

    private static (double, double[], IReadOnlyList<IReadOnlyList<Vector>>) Gru(GruBatchGradients g) =>
        (g.Loss, FlatParameters.Flatten(g.Parameters), [.. g.Samples.Select(s => s.DX)]);

    private static (double, double[], IReadOnlyList<IReadOnlyList<Vector>>) Rnn(RnnBatchGradients g) =>
        (g.Loss, FlatParameters.Flatten(g.Parameters), [.. g.Samples.Select(s => s.DX)]);
}
