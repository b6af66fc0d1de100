using System.Numerics;

namespace LstmGen.Parallel;

/// <summary>
/// Data-parallel training of any cell (<see cref="IRecurrentCell{T}"/>: every kind, size and kernel strategy) on every
/// core, deterministically. A call takes a time-major batch of m sequences, splits the samples into a fixed partition
/// of contiguous shards (s = min(threads, m) shards, shard k holding samples [m·k/s, m·(k+1)/s)), runs forward, loss
/// and BPTT of each shard on its own thread and buffers (the cell's public batch members), then adds the shards'
/// gradients into the caller's dθ in shard order. Same thread count, same inputs: the same bits on every run and in
/// every process. Against one thread the results differ only by the order of floating-point sums.
/// </summary>
/// <remarks>
/// <para>Threads: the calling thread runs shard 0; <see cref="ThreadCount"/> − 1 background workers, created by the
/// constructor and parked between calls, run the others. A call allocates nothing after its first (on any thread). One
/// call at a time per trainer; a second, concurrent call throws <see cref="InvalidOperationException"/>.</para>
/// <para>Argument order and shapes are those of <see cref="Models.RecurrentModel{T}"/>'s <c>Gradient</c>: states are
/// [m × S] (sample-major; <c>initial</c> empty means zero, and <c>final</c> may be the same span as <c>initial</c> to
/// advance carried states in place), <c>final</c>, <c>dInitial</c> and <c>dxs</c> may be empty when not wanted, and dθ is
/// added to. Every argument is checked on the calling thread before anything is written; an exception thrown on a
/// worker is rethrown on the calling thread.</para>
/// </remarks>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed partial class ParallelCellTrainer<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly CellShard<T>[] _shards;
    private readonly WorkerPool _pool;

    /// <summary>Creates the per-shard buffers and starts the worker threads.</summary>
    /// <param name="cell">The cell to train, e.g. <c>RecurrentCell&lt;CharLstm.Kernel, float&gt;.Instance</c>.</param>
    /// <param name="maxSteps">The longest sequence (T) a call may pass.</param>
    /// <param name="maxBatchSize">The most sequences (m) a call may pass.</param>
    /// <param name="threadCount">Threads to use, the calling one included: 1 (every call runs inline) to <see cref="TrainerThreads.MaxThreadCount"/>; 0 (the default) for <see cref="TrainerThreads.DefaultThreadCount"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cell"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1, or the thread count is out of range.</exception>
    public ParallelCellTrainer(IRecurrentCell<T> cell, int maxSteps, int maxBatchSize, int threadCount = 0)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        (Cell, MaxSteps, MaxBatchSize, ThreadCount) = (cell, maxSteps, maxBatchSize, TrainerThreads.Resolve(threadCount, nameof(threadCount)));
        int threads = Math.Min(ThreadCount, maxBatchSize), capacity = ShardPartition.Capacity(maxBatchSize, ThreadCount);
        _shards = new CellShard<T>[threads];
        for (int k = 0; k < threads; k++)
        {
            _shards[k] = new CellShard<T>(cell, maxSteps, capacity);
        }

        _pool = new WorkerPool(threads, "LstmGen cell trainer");
    }

    /// <summary>The cell trained.</summary>
    public IRecurrentCell<T> Cell { get; }

    /// <summary>The threads a call uses at most (the calling one included); a batch of m runs on min(m, ThreadCount).</summary>
    public int ThreadCount { get; }

    /// <summary>The longest sequence a call accepts.</summary>
    public int MaxSteps { get; }

    /// <summary>The most sequences a call accepts.</summary>
    public int MaxBatchSize { get; }

    /// <summary>
    /// One training step's gradient over T × m one-hot inputs with the softmax head's cross-entropy against classes
    /// [T × m]: the shards' forward, loss and BPTT, reduced. Returns the loss (divided by m for
    /// <see cref="BatchReduction.Mean"/>, as the cell's batched loss); adds ∂L/∂θ into <paramref name="dp"/>; writes the
    /// final states and ∂L/∂(initial states) unless those spans are empty.
    /// </summary>
    /// <param name="p">θ [ParameterCount].</param>
    /// <param name="indices">One-hot inputs [T × m] in [0, D) at the valid steps.</param>
    /// <param name="batchSize">m.</param>
    /// <param name="lengths">Per-sequence lengths [m] in [1, T], or empty (all T).</param>
    /// <param name="initial">Initial states [m × S], or empty (zero).</param>
    /// <param name="classes">Target classes [T × m] in [0, V) at the steps with a loss.</param>
    /// <param name="final">Final states [m × S], or empty.</param>
    /// <param name="dInitial">∂L/∂(initial states) [m × S], or empty.</param>
    /// <param name="dp">dθ [ParameterCount], added to.</param>
    /// <param name="reduction">Sum, or Mean over the m sequences.</param>
    /// <param name="lossSteps">Every valid step, or each sequence's last.</param>
    /// <exception cref="NotSupportedException">The cell has no softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or T or m exceeds the trainer's sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index, class, length or the batch size is out of range, or an enum value is undefined.</exception>
    /// <exception cref="ObjectDisposedException">The trainer is disposed.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<int> classes,
        Span<T> final, Span<T> dInitial, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int steps = CheckOneHot(p, indices, batchSize, lengths, initial, final, dInitial, dp);
        T scale = CheckClasses(classes, steps, batchSize, lengths, reduction, lossSteps);
        return Run(new CallShape(steps, batchSize, ShardLossKind.CrossEntropy, lossSteps, scale), p, indices, default, lengths, initial, classes, default, final, dInitial, default, dp);
    }

    /// <summary>
    /// As the one-hot cross-entropy <c>Gradient</c>, with the squared error: on the linear head's output against
    /// targets [T × m × V], or (no head) on the hidden outputs against targets [T × m × H].
    /// </summary>
    /// <param name="p">θ [ParameterCount].</param>
    /// <param name="indices">One-hot inputs [T × m] in [0, D) at the valid steps.</param>
    /// <param name="batchSize">m.</param>
    /// <param name="lengths">Per-sequence lengths [m] in [1, T], or empty (all T).</param>
    /// <param name="initial">Initial states [m × S], or empty (zero).</param>
    /// <param name="targets">Targets [T × m × V] (linear head) or [T × m × H] (no head).</param>
    /// <param name="final">Final states [m × S], or empty.</param>
    /// <param name="dInitial">∂L/∂(initial states) [m × S], or empty.</param>
    /// <param name="dp">dθ [ParameterCount], added to.</param>
    /// <param name="reduction">Sum, or Mean over the m sequences.</param>
    /// <param name="lossSteps">Every valid step, or each sequence's last.</param>
    /// <exception cref="NotSupportedException">The cell has a softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or T or m exceeds the trainer's sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index, length or the batch size is out of range, or an enum value is undefined.</exception>
    /// <exception cref="ObjectDisposedException">The trainer is disposed.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<T> targets,
        Span<T> final, Span<T> dInitial, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int steps = CheckOneHot(p, indices, batchSize, lengths, initial, final, dInitial, dp);
        T scale = CheckTargets(targets, steps, batchSize, reduction, lossSteps);
        return Run(new CallShape(steps, batchSize, ShardLossKind.SquaredError, lossSteps, scale), p, indices, default, lengths, initial, default, targets, final, dInitial, default, dp);
    }

    /// <summary>As the one-hot cross-entropy <c>Gradient</c>, over dense inputs xs [T × m × D], also writing ∂L/∂xs unless <paramref name="dxs"/> is empty.</summary>
    /// <param name="p">θ [ParameterCount].</param>
    /// <param name="xs">Inputs [T × m × D].</param>
    /// <param name="batchSize">m.</param>
    /// <param name="lengths">Per-sequence lengths [m] in [1, T], or empty (all T).</param>
    /// <param name="initial">Initial states [m × S], or empty (zero).</param>
    /// <param name="classes">Target classes [T × m] in [0, V) at the steps with a loss.</param>
    /// <param name="final">Final states [m × S], or empty.</param>
    /// <param name="dInitial">∂L/∂(initial states) [m × S], or empty.</param>
    /// <param name="dxs">∂L/∂xs [T × m × D], or empty.</param>
    /// <param name="dp">dθ [ParameterCount], added to.</param>
    /// <param name="reduction">Sum, or Mean over the m sequences.</param>
    /// <param name="lossSteps">Every valid step, or each sequence's last.</param>
    /// <exception cref="NotSupportedException">The cell has no softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or T or m exceeds the trainer's sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class, length or the batch size is out of range, or an enum value is undefined.</exception>
    /// <exception cref="ObjectDisposedException">The trainer is disposed.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<int> classes,
        Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int steps = CheckDense(p, xs, batchSize, lengths, initial, final, dInitial, dxs, dp);
        T scale = CheckClasses(classes, steps, batchSize, lengths, reduction, lossSteps);
        return Run(new CallShape(steps, batchSize, ShardLossKind.CrossEntropy, lossSteps, scale), p, default, xs, lengths, initial, classes, default, final, dInitial, dxs, dp);
    }

    /// <summary>As the one-hot squared-error <c>Gradient</c>, over dense inputs xs [T × m × D], also writing ∂L/∂xs unless <paramref name="dxs"/> is empty.</summary>
    /// <param name="p">θ [ParameterCount].</param>
    /// <param name="xs">Inputs [T × m × D].</param>
    /// <param name="batchSize">m.</param>
    /// <param name="lengths">Per-sequence lengths [m] in [1, T], or empty (all T).</param>
    /// <param name="initial">Initial states [m × S], or empty (zero).</param>
    /// <param name="targets">Targets [T × m × V] (linear head) or [T × m × H] (no head).</param>
    /// <param name="final">Final states [m × S], or empty.</param>
    /// <param name="dInitial">∂L/∂(initial states) [m × S], or empty.</param>
    /// <param name="dxs">∂L/∂xs [T × m × D], or empty.</param>
    /// <param name="dp">dθ [ParameterCount], added to.</param>
    /// <param name="reduction">Sum, or Mean over the m sequences.</param>
    /// <param name="lossSteps">Every valid step, or each sequence's last.</param>
    /// <exception cref="NotSupportedException">The cell has a softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or T or m exceeds the trainer's sizes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length or the batch size is out of range, or an enum value is undefined.</exception>
    /// <exception cref="ObjectDisposedException">The trainer is disposed.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<T> targets,
        Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int steps = CheckDense(p, xs, batchSize, lengths, initial, final, dInitial, dxs, dp);
        T scale = CheckTargets(targets, steps, batchSize, reduction, lossSteps);
        return Run(new CallShape(steps, batchSize, ShardLossKind.SquaredError, lossSteps, scale), p, default, xs, lengths, initial, default, targets, final, dInitial, dxs, dp);
    }

    /// <summary>Stops the worker threads. Calls after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _pool.Dispose();
}
