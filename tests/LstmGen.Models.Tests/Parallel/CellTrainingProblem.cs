using System.Numerics;

using LstmGen.Parallel;

namespace LstmGen.Models.Tests.Parallel;

/// <summary>
/// One random batch for a cell: parameters, one-hot or dense inputs [T × m (× D)], initial states, classes or targets,
/// and the one-thread reference result of the cell's public batch members (forward, batched loss, BPTT over all m).
/// </summary>
internal sealed class CellTrainingProblem<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public CellTrainingProblem(IRecurrentCell<T> cell, int steps, int batchSize, bool dense, int seed, int[]? lengths = null)
    {
        var random = new Random(seed);
        T Next(double scale) => T.CreateTruncating((random.NextDouble() - 0.5) * 2 * scale);
        (Cell, Steps, M, Dense, Lengths) = (cell, steps, batchSize, dense, lengths ?? []);
        int rows = steps * batchSize;
        P = [.. Enumerable.Range(0, cell.ParameterCount).Select(_ => Next(0.5))];
        Indices = [.. Enumerable.Range(0, rows).Select(_ => random.Next(cell.InputSize))];
        Xs = [.. Enumerable.Range(0, rows * cell.InputSize).Select(_ => Next(1.0))];
        Initial = [.. Enumerable.Range(0, batchSize * cell.StateLength).Select(_ => Next(0.5))];
        Classes = [.. Enumerable.Range(0, rows).Select(_ => cell.OutputSize > 0 ? random.Next(cell.OutputSize) : 0)];
        TargetWidth = cell.Layout.Head == OutputHead.Linear ? cell.OutputSize : cell.HiddenSize;
        Targets = [.. Enumerable.Range(0, rows * TargetWidth).Select(_ => Next(0.8))];
    }

    public IRecurrentCell<T> Cell { get; }

    public int Steps { get; }

    public int M { get; }

    public bool Dense { get; }

    public int[] Lengths { get; }

    public T[] P { get; }

    public int[] Indices { get; }

    public T[] Xs { get; }

    public T[] Initial { get; }

    public int[] Classes { get; }

    public int TargetWidth { get; }

    public T[] Targets { get; }

    public bool CrossEntropy => Cell.Layout.Head == OutputHead.Softmax;

    /// <summary>Through the trainer: loss, dp (from zero), final states, dInitial, dxs (dense).</summary>
    public Result Train(ParallelCellTrainer<T> trainer, BatchReduction reduction, LossSteps lossSteps = LossSteps.Every)
    {
        var r = Result.For(Cell, Steps, M, Dense);
        r.Loss = (Dense, CrossEntropy) switch
        {
            (false, true) => trainer.Gradient(P, Indices, M, Lengths, Initial, Classes, r.Final, r.DInitial, r.Dp, reduction, lossSteps),
            (false, false) => trainer.Gradient(P, Indices, M, Lengths, Initial, Targets, r.Final, r.DInitial, r.Dp, reduction, lossSteps),
            (true, true) => trainer.Gradient(P, Xs, M, Lengths, Initial, Classes, r.Final, r.DInitial, r.Dxs, r.Dp, reduction, lossSteps),
            (true, false) => trainer.Gradient(P, Xs, M, Lengths, Initial, Targets, r.Final, r.DInitial, r.Dxs, r.Dp, reduction, lossSteps),
        };
        return r;
    }

    /// <summary>One thread, the cell's own batch members over all m (no lengths unless the cell has a linear head).</summary>
    public Result Reference(BatchReduction reduction, LossSteps lossSteps = LossSteps.Every)
    {
        var r = Result.For(Cell, Steps, M, Dense);
        int rows = Steps * M;
        T[] caches = new T[rows * Cell.CacheLength], outputs = new T[rows * Cell.HiddenSize], dOutputs = new T[rows * Cell.HiddenSize];
        if (Dense)
        {
            Cell.ForwardSequenceBatch(P, Xs, M, Lengths, Initial, r.Final, caches, outputs);
        }
        else
        {
            Cell.ForwardSequenceBatch(P, Indices, M, Lengths, Initial, r.Final, caches, outputs);
        }

        r.Loss = Cell.Layout.Head switch
        {
            OutputHead.Softmax => Cell.CrossEntropy(P, outputs, Classes, dOutputs, r.Dp, reduction, M),
            OutputHead.Linear => Cell.HeadSquaredError(P, outputs, Targets, dOutputs, r.Dp, M, Lengths, reduction, lossSteps),
            _ => Cell.SquaredError(outputs, Targets, dOutputs, reduction, M),
        };
        if (Dense)
        {
            Cell.BpttBatch(P, Xs, M, Lengths, caches, dOutputs, r.DInitial, r.Dxs, r.Dp);
        }
        else
        {
            Cell.BpttBatch(P, Indices, M, Lengths, caches, dOutputs, r.DInitial, r.Dp);
        }

        return r;
    }

    internal sealed class Result
    {
        public T Loss { get; set; }

        public required T[] Dp { get; init; }

        public required T[] Final { get; init; }

        public required T[] DInitial { get; init; }

        public required T[] Dxs { get; init; }

        public static Result For(IRecurrentCell<T> cell, int steps, int m, bool dense) => new()
        {
            Dp = new T[cell.ParameterCount],
            Final = new T[m * cell.StateLength],
            DInitial = new T[m * cell.StateLength],
            Dxs = dense ? new T[steps * m * cell.InputSize] : [],
        };

        public IEnumerable<(string Name, double[] Values)> Tensors() =>
        [
            ("loss", [double.CreateTruncating(Loss)]), ("dp", Doubles(Dp)), ("final", Doubles(Final)), ("dInitial", Doubles(DInitial)), ("dxs", Doubles(Dxs)),
        ];

        private static double[] Doubles(T[] values) => [.. values.Select(double.CreateTruncating)];
    }
}
