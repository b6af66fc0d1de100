using LstmGen.Parallel;

namespace LstmGen.Demo.Models;

/// <summary>
/// <see cref="CharModel"/> over any generated float cell with a softmax head, held as <see cref="IRecurrentCell{T}"/>:
/// the one adapter for every cell the demo offers. Owns flat buffers sized once (parameters, gradients, the caches,
/// outputs and output gradients of the largest batch of windows, the carried states, one generation state per stream);
/// nothing is allocated per call. A batch trains on several threads through <see cref="ParallelCellTrainer{T}"/> when
/// more than one is asked for.
/// </summary>
public sealed class CellCharModel : CharModel
{
    private readonly IRecurrentCell<float> _cell;
    private readonly Memory<float> _p, _grads, _caches, _outputs, _dOutputs;          // on 64-byte boundaries: the kernels' operands
    private readonly float[] _training, _dInitial, _generation;
    private readonly ParallelCellTrainer<float>? _trainer;

    /// <summary>Sizes the buffers for windows of up to <paramref name="maxWindow"/> steps and <paramref name="maxBatch"/> streams.</summary>
    /// <param name="name">What <c>--model</c> selects, e.g. <c>lstm128</c>.</param>
    /// <param name="cell">The cell, e.g. <c>RecurrentCell&lt;CharLstm128.Kernel, float&gt;.Instance</c>; it must have a head.</param>
    /// <param name="maxWindow">The longest training window.</param>
    /// <param name="maxBatch">The most streams trained at once.</param>
    /// <param name="threads">Threads a batch trains on (1: the calling thread only).</param>
    /// <exception cref="ArgumentException">The cell has no softmax head.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWindow"/> or <paramref name="maxBatch"/> is less than 1, or <paramref name="threads"/> is out of range.</exception>
    public CellCharModel(string name, IRecurrentCell<float> cell, int maxWindow, int maxBatch = 1, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        if (!cell.Layout.HasHead)
        {
            throw new ArgumentException($"Expected a cell with a softmax head, but {cell.Layout} has none.", nameof(cell));
        }

        (Name, _cell, MaxWindow, MaxBatch) = (name, cell, maxWindow, maxBatch);
        int elements = maxWindow * maxBatch, h = cell.HiddenSize, s = cell.StateLength;
        (_p, _grads) = (AlignedMemory.Allocate<float>(cell.ParameterCount), AlignedMemory.Allocate<float>(cell.ParameterCount));
        (_caches, _outputs, _dOutputs) = (AlignedMemory.Allocate<float>(elements * cell.CacheLength), AlignedMemory.Allocate<float>(elements * h), AlignedMemory.Allocate<float>(elements * h));
        (_training, _dInitial, _generation) = (new float[maxBatch * s], new float[maxBatch * s], new float[maxBatch * s]);
        _trainer = threads > 1 && maxBatch > 1 ? new ParallelCellTrainer<float>(cell, maxWindow, maxBatch, threads) : null;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int InputSize => _cell.InputSize;

    /// <inheritdoc/>
    public override int HiddenSize => _cell.HiddenSize;

    /// <inheritdoc/>
    public override int OutputSize => _cell.OutputSize;

    /// <inheritdoc/>
    public override int ParameterCount => _cell.ParameterCount;

    /// <inheritdoc/>
    public override int MaxWindow { get; }

    /// <inheritdoc/>
    public override int MaxBatch { get; }

    /// <inheritdoc/>
    public override Span<float> Parameters => _p.Span;

    /// <inheritdoc/>
    public override Span<float> Gradients => _grads.Span;

    /// <inheritdoc/>
    public override float TrainWindow(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        int steps = inputs.Length, h = HiddenSize, s = _cell.StateLength;
        Span<float> state = _training.AsSpan(0, s), caches = _caches.Span.Slice(0, steps * _cell.CacheLength);
        Span<float> outputs = _outputs.Span.Slice(0, steps * h), dOutputs = _dOutputs.Span.Slice(0, steps * h);
        _grads.Span.Clear();
        _cell.ForwardSequence(_p.Span, inputs, state, state, caches, outputs);      // the carried state advances in place
        float loss = _cell.CrossEntropy(_p.Span, outputs, targets, dOutputs, _grads.Span);
        _cell.Bptt(_p.Span, inputs, caches, dOutputs, _dInitial.AsSpan(0, s), _grads.Span);
        return loss;
    }

    /// <inheritdoc/>
    public override float TrainBatch(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatch);
        if (_trainer is not null)
        {
            // every core: the streams in fixed shards, one per thread, dθ added in shard order; states advance in place
            Span<float> carried = _training.AsSpan(0, batchSize * _cell.StateLength);
            _grads.Span.Clear();
            return _trainer.Gradient(_p.Span, inputs, batchSize, default, carried, targets, carried, default, _grads.Span, BatchReduction.Mean);
        }

        int elements = inputs.Length, h = HiddenSize, s = _cell.StateLength;
        Span<float> states = _training.AsSpan(0, batchSize * s), caches = _caches.Span.Slice(0, elements * _cell.CacheLength);
        Span<float> outputs = _outputs.Span.Slice(0, elements * h), dOutputs = _dOutputs.Span.Slice(0, elements * h);
        _grads.Span.Clear();
        _cell.ForwardSequenceBatch(_p.Span, inputs, batchSize, states, states, caches, outputs);
        float loss = _cell.CrossEntropy(_p.Span, outputs, targets, dOutputs, _grads.Span, BatchReduction.Mean, batchSize);
        _cell.BpttBatch(_p.Span, inputs, batchSize, caches, dOutputs, _dInitial.AsSpan(0, batchSize * s), _grads.Span);
        return loss;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _trainer?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override void ResetTrainingState() => Array.Clear(_training);

    /// <inheritdoc/>
    public override void SaveTrainingState(Span<float> destination) => _training.CopyTo(destination);

    /// <inheritdoc/>
    public override void RestoreTrainingState(ReadOnlySpan<float> source) => source.CopyTo(_training);

    /// <inheritdoc/>
    public override void ResetGenerationState() => Array.Clear(_generation);

    /// <inheritdoc/>
    public override void Generate(int index, Span<float> logits)
    {
        Span<float> state = _generation.AsSpan(0, _cell.StateLength);
        _cell.StepOneHot(_p.Span, index, state, state);                          // streaming inference: no cache written
        _cell.HeadForward(_p.Span, state[..HiddenSize], logits);
    }

    /// <inheritdoc/>
    public override void GenerateBatch(ReadOnlySpan<int> indices, Span<float> logits)
    {
        int m = indices.Length, s = _cell.StateLength, v = OutputSize;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, MaxBatch, nameof(indices));
        ArgumentOutOfRangeException.ThrowIfNotEqual(logits.Length, m * v, nameof(logits));
        Span<float> states = _generation.AsSpan(0, m * s);
        _cell.StepBatch(_p.Span, indices, m, states, states);                    // m streams, one pass over U per 4: no caches
        for (int b = 0; b < m; b++)
        {
            _cell.HeadForward(_p.Span, states.Slice(b * s, HiddenSize), logits.Slice(b * v, v));
        }
    }
}
