using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Models;

namespace LstmGen.Parallel;

/// <summary>
/// Data-parallel training of a <see cref="RecurrentModel{T}"/> (stacks, bidirectional layers, dropout, heads) on every
/// core, deterministically: <see cref="ParallelCellTrainer{T}"/>'s partition, threads and fixed-order reduction, with
/// <see cref="RecurrentModel{T}.Gradient(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, Span{T}, ModelWorkspace{T}, BatchReduction, LossSteps, ulong?)"/>
/// run on each shard with its own workspace. Dropout masks are keyed by each sample's index in the whole batch, so they
/// do not depend on the thread count.
/// </summary>
/// <remarks>
/// Arguments as the model's <c>Gradient</c> (no workspace: the trainer owns one per shard); states in the model's block
/// order (<see cref="ModelLayout.StateOffset"/>), <c>final</c> may be the same span as <c>initial</c>. Every argument is
/// checked on the calling thread before anything is written; a call allocates nothing after its first; one call at a
/// time.
/// </remarks>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed partial class ParallelModelTrainer<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ModelShard<T>[] _shards;
    private readonly ModelStateBlocks _blocks;
    private readonly WorkerPool _pool;

    /// <summary>Creates one workspace and buffer set per shard and starts the worker threads.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="maxSteps">The longest sequence (T) a call may pass.</param>
    /// <param name="maxBatchSize">The most sequences (m) a call may pass.</param>
    /// <param name="threadCount">Threads to use, the calling one included: 1 to <see cref="TrainerThreads.MaxThreadCount"/>; 0 (the default) for <see cref="TrainerThreads.DefaultThreadCount"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1, or the thread count is out of range.</exception>
    public ParallelModelTrainer(RecurrentModel<T> model, int maxSteps, int maxBatchSize, int threadCount = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        (Model, MaxSteps, MaxBatchSize, ThreadCount) = (model, maxSteps, maxBatchSize, TrainerThreads.Resolve(threadCount, nameof(threadCount)));
        int threads = Math.Min(ThreadCount, maxBatchSize), capacity = ShardPartition.Capacity(maxBatchSize, ThreadCount);
        _shards = new ModelShard<T>[threads];
        for (int k = 0; k < threads; k++)
        {
            _shards[k] = new ModelShard<T>(model, maxSteps, capacity);
        }

        _blocks = new ModelStateBlocks(model.Layout);
        _pool = new WorkerPool(threads, "LstmGen model trainer");
    }

    /// <summary>The model trained.</summary>
    public RecurrentModel<T> Model { get; }

    /// <summary>The threads a call uses at most (the calling one included); a batch of m runs on min(m, ThreadCount).</summary>
    public int ThreadCount { get; }

    /// <summary>The longest sequence a call accepts.</summary>
    public int MaxSteps { get; }

    /// <summary>The most sequences a call accepts.</summary>
    public int MaxBatchSize { get; }

    /// <summary>
    /// One training step's gradient with the squared error (linear head, or none), as the model's <c>Gradient</c>: returns
    /// the loss (divided by m for <see cref="BatchReduction.Mean"/>), adds ∂L/∂θ into <paramref name="dp"/>, writes the
    /// final states, ∂L/∂(initial states) and ∂L/∂xs unless they are empty.
    /// </summary>
    /// <param name="p">θ [ParameterCount], <see cref="ModelLayout"/> order.</param>
    /// <param name="xs">Inputs [T × m × D].</param>
    /// <param name="batchSize">m.</param>
    /// <param name="lengths">Per-sequence lengths [m] in [1, T], or empty (all T).</param>
    /// <param name="initial">Initial states [m × StateLength] in block order, or empty (zero).</param>
    /// <param name="targets">Targets [T × m × V] (linear head) or [T × m × W] (no head).</param>
    /// <param name="final">Final states, as <paramref name="initial"/>, or empty.</param>
    /// <param name="dInitial">∂L/∂(initial states), as <paramref name="initial"/>, or empty.</param>
    /// <param name="dxs">∂L/∂xs [T × m × D], or empty.</param>
    /// <param name="dp">dθ [ParameterCount], added to.</param>
    /// <param name="reduction">Sum, or Mean over the m sequences.</param>
    /// <param name="lossSteps">Every valid step, or each sequence's last.</param>
    /// <param name="dropoutSeed">null: no dropout; a seed: the model's dropout masks of this seed.</param>
    /// <exception cref="NotSupportedException">The model has a softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or T or m exceeds the trainer's sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length or the batch size is out of range, or an enum value is undefined.</exception>
    /// <exception cref="ObjectDisposedException">The trainer is disposed.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<T> targets,
        Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every,
        ulong? dropoutSeed = null)
    {
        int width = Model.Output switch
        {
            OutputHead.Linear => Model.OutputSize,
            OutputHead.None => Model.OutputWidth,
            _ => throw new NotSupportedException($"Expected a model with a linear head or none for the squared error, but {Model} has a softmax head: pass classes."),
        };
        int steps = Check(p, xs, batchSize, lengths, initial, final, dInitial, dxs, dp);
        T scale = CheckLossOptions(batchSize, reduction, lossSteps);
        SequenceArguments.PerStep(targets.Length, steps * batchSize, width, "the targets (T x m x V values for a linear head, T x m x W without a head)", nameof(targets));
        return Run(new ModelCallShape(steps, batchSize, ShardLossKind.SquaredError, lossSteps, scale, dropoutSeed), p, xs, lengths, initial, default, targets, final, dInitial, dxs, dp);
    }

    /// <summary>As the squared-error <c>Gradient</c>, with the softmax head's cross-entropy against classes [T × m].</summary>
    /// <param name="p">θ [ParameterCount], <see cref="ModelLayout"/> order.</param>
    /// <param name="xs">Inputs [T × m × D].</param>
    /// <param name="batchSize">m.</param>
    /// <param name="lengths">Per-sequence lengths [m] in [1, T], or empty (all T).</param>
    /// <param name="initial">Initial states [m × StateLength] in block order, or empty (zero).</param>
    /// <param name="classes">Target classes [T × m] in [0, V) at the steps with a loss.</param>
    /// <param name="final">Final states, as <paramref name="initial"/>, or empty.</param>
    /// <param name="dInitial">∂L/∂(initial states), as <paramref name="initial"/>, or empty.</param>
    /// <param name="dxs">∂L/∂xs [T × m × D], or empty.</param>
    /// <param name="dp">dθ [ParameterCount], added to.</param>
    /// <param name="reduction">Sum, or Mean over the m sequences.</param>
    /// <param name="lossSteps">Every valid step, or each sequence's last.</param>
    /// <param name="dropoutSeed">null: no dropout; a seed: the model's dropout masks of this seed.</param>
    /// <exception cref="NotSupportedException">The model has no softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or T or m exceeds the trainer's sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class, length or the batch size is out of range, or an enum value is undefined.</exception>
    /// <exception cref="ObjectDisposedException">The trainer is disposed.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<int> classes,
        Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every,
        ulong? dropoutSeed = null)
    {
        if (Model.Output != OutputHead.Softmax)
        {
            throw new NotSupportedException($"Expected a model with a softmax head for the cross-entropy, but {Model} has none: pass targets.");
        }

        int steps = Check(p, xs, batchSize, lengths, initial, final, dInitial, dxs, dp);
        T scale = CheckLossOptions(batchSize, reduction, lossSteps);
        Guard.Length(classes.Length, steps * batchSize, "the target classes (T x m values)", nameof(classes));
        SequenceLengths.Classes(classes, batchSize, lengths, lossSteps, Model.OutputSize, "the target classes", nameof(classes));
        return Run(new ModelCallShape(steps, batchSize, ShardLossKind.CrossEntropy, lossSteps, scale, dropoutSeed), p, xs, lengths, initial, classes, default, final, dInitial, dxs, dp);
    }

    /// <summary>Stops the worker threads. Calls after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _pool.Dispose();

    private int Check(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        ObjectDisposedException.ThrowIf(_pool.IsDisposed, this);
        int steps = SequenceArguments.Steps(xs.Length, batchSize, Model.InputSize, "the inputs xs (T x m x D values)", nameof(xs));
        if (batchSize > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"Expected at most {MaxBatchSize} sequences, the trainer's MaxBatchSize.");
        }

        if (steps < 1 || steps > MaxSteps)
        {
            throw new ArgumentException($"Expected the inputs xs to hold between 1 and {MaxSteps} steps (the trainer's MaxSteps) of m x D values, but they hold {steps}.", nameof(xs));
        }

        Guard.Length(p.Length, Model.ParameterCount, "the model's parameters p (ParameterCount values)", nameof(p));
        Guard.Length(dp.Length, Model.ParameterCount, "the parameter gradients dp (ParameterCount values)", nameof(dp));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckStates(initial.Length, batchSize, "the initial states (m x StateLength values, or empty)", nameof(initial));
        CheckStates(final.Length, batchSize, "the final states (m x StateLength values, or empty)", nameof(final));
        CheckStates(dInitial.Length, batchSize, "the initial states' gradient dInitial (m x StateLength values, or empty)", nameof(dInitial));
        if (!dxs.IsEmpty)
        {
            Guard.Length(dxs.Length, xs.Length, "the input gradients dxs (as many values as xs, or empty)", nameof(dxs));
        }

        return steps;
    }

    private void CheckStates(int length, int batchSize, string what, string parameterName)
    {
        if (length != 0)
        {
            Guard.Length(length, batchSize * Model.StateLength, what, parameterName);
        }
    }

    private static T CheckLossOptions(int batchSize, BatchReduction reduction, LossSteps lossSteps)
    {
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        return LossMath.Scale<T>(reduction, batchSize);
    }
}
