using LstmGen.Kernels;

namespace LstmGen.Parallel;

// The checks of every entry point, all on the calling thread before anything is written. The shards call the cell's
// public members, which check again; these checks make sure none of them can throw after a shard has written.
public sealed partial class ParallelCellTrainer<T>
{
    private const string StateShape = "m x S values, or empty";

    private int CheckOneHot(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> dInitial, Span<T> dp)
    {
        int steps = CheckSteps(Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices)), batchSize, nameof(indices));
        CheckCommon(p, batchSize, steps, lengths, initial, final, dInitial, dp);
        SequenceLengths.Indices(indices, batchSize, lengths, Cell.InputSize, "the one-hot input indices", nameof(indices));
        return steps;
    }

    private int CheckDense(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        int steps = CheckSteps(SequenceArguments.Steps(xs.Length, batchSize, Cell.InputSize, "the inputs xs (T x m x D values)", nameof(xs)), batchSize, nameof(xs));
        CheckCommon(p, batchSize, steps, lengths, initial, final, dInitial, dp);
        if (!dxs.IsEmpty)
        {
            Guard.Length(dxs.Length, xs.Length, "the input gradients dxs (as many values as xs, or empty)", nameof(dxs));
        }

        return steps;
    }

    private int CheckSteps(int steps, int batchSize, string parameterName)
    {
        ObjectDisposedException.ThrowIf(_pool.IsDisposed, this);
        if (batchSize > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"Expected at most {MaxBatchSize} sequences, the trainer's MaxBatchSize.");
        }

        if (steps < 1 || steps > MaxSteps)
        {
            throw new ArgumentException($"Expected the inputs to hold between 1 and {MaxSteps} steps (the trainer's MaxSteps) of m = {batchSize} sequences, but they hold {steps}.", parameterName);
        }

        return steps;
    }

    private void CheckCommon(
        ReadOnlySpan<T> p, int batchSize, int steps, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> dInitial, Span<T> dp)
    {
        Guard.Length(p.Length, Cell.ParameterCount, "the parameters p (ParameterCount values)", nameof(p));
        Guard.Length(dp.Length, Cell.ParameterCount, "the parameter gradients dp (ParameterCount values)", nameof(dp));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckStates(initial.Length, batchSize, "the initial states (" + StateShape + ")", nameof(initial));
        CheckStates(final.Length, batchSize, "the final states (" + StateShape + ")", nameof(final));
        CheckStates(dInitial.Length, batchSize, "the initial states' gradient dInitial (" + StateShape + ")", nameof(dInitial));
    }

    private void CheckStates(int length, int batchSize, string what, string parameterName)
    {
        if (length != 0)
        {
            Guard.Length(length, batchSize * Cell.StateLength, what, parameterName);
        }
    }

    // Cross-entropy: a softmax head, T x m classes in [0, V) where a loss is taken. Returns the reduction's factor.
    private T CheckClasses(ReadOnlySpan<int> classes, int steps, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction, LossSteps lossSteps)
    {
        if (Cell.Layout.Head != OutputHead.Softmax)
        {
            throw new NotSupportedException($"Expected a cell with a softmax head for the cross-entropy, but {Cell.Layout} has {HeadName}: pass targets for the squared error.");
        }

        T scale = CheckLossOptions(batchSize, reduction, lossSteps);
        Guard.Length(classes.Length, steps * batchSize, "the target classes (T x m values)", nameof(classes));
        SequenceLengths.Classes(classes, batchSize, lengths, lossSteps, Cell.OutputSize, "the target classes", nameof(classes));
        return scale;
    }

    // Squared error: a linear head (targets of V values per step) or none (H values per step).
    private T CheckTargets(ReadOnlySpan<T> targets, int steps, int batchSize, BatchReduction reduction, LossSteps lossSteps)
    {
        int width = Cell.Layout.Head switch
        {
            OutputHead.Linear => Cell.OutputSize,
            OutputHead.None => Cell.HiddenSize,
            _ => throw new NotSupportedException($"Expected a cell with a linear head or none for the squared error, but {Cell.Layout} has a softmax head: pass classes for the cross-entropy."),
        };
        T scale = CheckLossOptions(batchSize, reduction, lossSteps);
        SequenceArguments.PerStep(targets.Length, steps * batchSize, width, "the targets (T x m x V values for a linear head, T x m x H without a head)", nameof(targets));
        return scale;
    }

    private static T CheckLossOptions(int batchSize, BatchReduction reduction, LossSteps lossSteps)
    {
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        return LossMath.Scale<T>(reduction, batchSize);
    }

    private string HeadName => Cell.Layout.Head == OutputHead.None ? "no head" : "a linear head";
}
