using System.Numerics;
using System.Runtime.CompilerServices;
using LstmGen.Internal;

namespace LstmGen.Models;

/// <summary>
/// Every buffer one call of a <see cref="RecurrentModel{T}"/> needs for up to <see cref="Steps"/> steps of up to
/// <see cref="BatchSize"/> sequences, carved once out of one array (<see cref="RecurrentModel{T}.CreateWorkspace"/>):
/// each layer's outputs and each direction's caches, the reversed copies of a bidirectional layer, the gradients passed
/// down the stack. <see cref="RecurrentModel{T}.Forward"/> fills it; <see cref="RecurrentModel{T}.Backward"/> reads what
/// the last forward left (its sizes, lengths and dropout seed are remembered, so backward recomputes the same masks).
/// </summary>
/// <remarks>Not thread-safe: one workspace per thread. The model itself holds no mutable state.</remarks>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed class ModelWorkspace<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedArray<T> _buffer;
    private readonly Region[] _outputs;           // per layer k: [T × m × W_k], after dropout (layer k + 1's input)
    private readonly Region[] _outputGradients;   // per layer k: [T × m × W_k], ∂L/∂(layer k's output)
    private readonly Region[] _caches;            // per layer and direction (2k + d): [T × m × CacheLength_k]
    private readonly Region[] _directionOutputs;  // per layer and direction of a bidirectional layer: [T × m × H_k]
    private readonly Region[] _reversedInputs;    // per bidirectional layer: its input, each sequence reversed [T × m × D_k]
    private readonly Region _reversedInputGradient; // [T × m × max D_k over bidirectional layers]
    private readonly Region _finalStates;         // [m × StateLength], when the caller wants none
    private readonly Region _initialGradients;    // [m × StateLength], when the caller wants none
    private readonly int[] _lengths;

    internal ModelWorkspace(RecurrentModel<T> model, int steps, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1, nameof(steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1, nameof(batchSize));
        Model = model;
        Steps = steps;
        BatchSize = batchSize;
        int rows = Guard.BufferLength(steps, batchSize, nameof(steps), nameof(batchSize));
        var layers = model.Layers;
        _outputs = new Region[layers.Count];
        _outputGradients = new Region[layers.Count];
        _caches = new Region[2 * layers.Count];
        _directionOutputs = new Region[2 * layers.Count];
        _reversedInputs = new Region[layers.Count];
        long length = 0;
        int reversedWidth = 0;
        for (int k = 0; k < layers.Count; k++)
        {
            IRecurrentCell<T> cell = layers[k].Cell;
            _outputs[k] = Carve(ref length, rows, layers[k].OutputWidth);
            _outputGradients[k] = Carve(ref length, rows, layers[k].OutputWidth);
            for (int d = 0; d < layers[k].Directions; d++)
            {
                _caches[(2 * k) + d] = Carve(ref length, rows, cell.CacheLength);
            }

            if (layers[k].Bidirectional)
            {
                _directionOutputs[2 * k] = Carve(ref length, rows, cell.HiddenSize);
                _directionOutputs[(2 * k) + 1] = Carve(ref length, rows, cell.HiddenSize);
                _reversedInputs[k] = Carve(ref length, rows, cell.InputSize);
                reversedWidth = Math.Max(reversedWidth, cell.InputSize);
            }
        }

        _reversedInputGradient = Carve(ref length, rows, reversedWidth);
        _finalStates = Carve(ref length, batchSize, model.StateLength);
        _initialGradients = Carve(ref length, batchSize, model.StateLength);
        if (length > AlignedArray<T>.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(steps), steps, $"Expected a workspace that fits in one array ({AlignedArray<T>.MaxLength} values), but {steps} steps of {batchSize} sequences need {length}.");
        }

        _buffer = new AlignedArray<T>((int)length);
        _lengths = new int[batchSize];
    }

    /// <summary>The most steps T one call may run.</summary>
    public int Steps { get; }

    /// <summary>The most sequences m one call may run.</summary>
    public int BatchSize { get; }

    /// <summary>The top layer's outputs [T × m × W] of the last <see cref="RecurrentModel{T}.Forward"/> (zero at padded steps).</summary>
    public ReadOnlySpan<T> Outputs => LayerOutputs(Model.Layers.Count - 1);

    /// <summary>The model that created this workspace (the only one that may use it).</summary>
    internal RecurrentModel<T> Model { get; }

    /// <summary>T of the last forward; 0 before the first.</summary>
    internal int ForwardSteps { get; private set; }

    /// <summary>m of the last forward.</summary>
    internal int ForwardBatch { get; private set; }

    /// <summary>The dropout seed of the last forward (null: inference, no mask).</summary>
    internal ulong? DropoutSeed { get; private set; }

    /// <summary>The lengths of the last forward (empty: every sequence had all T steps).</summary>
    internal ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, HasLengths ? ForwardBatch : 0);

    private bool HasLengths { get; set; }

    private int Rows => ForwardSteps * ForwardBatch;

    /// <summary>
    /// Layer <paramref name="layer"/>'s outputs [T × m × W_k] of the last forward, as the layer above read them (after
    /// dropout in training; zero at padded steps).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such layer.</exception>
    public ReadOnlySpan<T> LayerOutputs(int layer)
    {
        Guard.Index(layer, _outputs.Length, "a layer", nameof(layer));
        return Slice(_outputs[layer], Rows);
    }

    /// <summary>
    /// The batch index of this workspace's sequence 0 in the dropout masks: 0, or, in a shard of
    /// <see cref="Parallel.ParallelModelTrainer{T}"/>, the shard's first sample.
    /// </summary>
    internal int FirstSequence { get; set; }

    /// <summary>Records the sizes, lengths and seed of a forward about to run.</summary>
    internal void BeginForward(int steps, int batchSize, ReadOnlySpan<int> lengths, ulong? dropoutSeed)
    {
        ForwardSteps = steps;
        ForwardBatch = batchSize;
        HasLengths = !lengths.IsEmpty;
        lengths.CopyTo(_lengths);
        DropoutSeed = dropoutSeed;
    }

    internal Span<T> Output(int layer, int rows) => Slice(_outputs[layer], rows);

    internal Span<T> OutputGradient(int layer, int rows) => Slice(_outputGradients[layer], rows);

    internal Span<T> Caches(int layer, int direction, int rows) => Slice(_caches[(2 * layer) + direction], rows);

    internal Span<T> DirectionOutput(int layer, int direction, int rows) => Slice(_directionOutputs[(2 * layer) + direction], rows);

    internal Span<T> ReversedInput(int layer, int rows) => Slice(_reversedInputs[layer], rows);

    internal Span<T> ReversedInputGradient(int rows, int width) => _buffer.Span.Slice((int)_reversedInputGradient.Offset, rows * width);

    internal Span<T> FinalStates(int batchSize) => Slice(_finalStates, batchSize);

    internal Span<T> InitialGradients(int batchSize) => Slice(_initialGradients, batchSize);

    // Each region starts on a 64-byte boundary of the (aligned) buffer.
    private static Region Carve(ref long length, int rows, int width)
    {
        long elements = AlignedArray<T>.Alignment / Unsafe.SizeOf<T>();
        length = (length + elements - 1) / elements * elements;
        var region = new Region(length, width);
        length += (long)rows * width;
        return region;
    }

    private Span<T> Slice(Region region, int rows) => _buffer.Span.Slice((int)region.Offset, rows * region.Width);

    // One buffer of the workspace: where it starts and how many values each of its rows (a step of a sequence) holds.
    private readonly record struct Region(long Offset, int Width);
}
