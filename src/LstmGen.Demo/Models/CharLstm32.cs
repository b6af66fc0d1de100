using System.Runtime.InteropServices;

namespace LstmGen.Demo.Models;

/// <summary>A smaller, faster character model: LSTM with a softmax head, vocabulary up to 64, H = 32, float.</summary>
[LstmCell(inputSize: 64, hiddenSize: 32, OutputSize = 64, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CharLstm32;

/// <summary>Adapter from <see cref="CharLstm32"/>'s generated functions to <see cref="CharModel"/>.</summary>
/// <param name="maxWindow">The longest training window.</param>
/// <param name="maxBatch">The most streams trained at once.</param>
public sealed class CharLstm32Model(int maxWindow, int maxBatch = 1) : CharModel
{
    private readonly CharLstm32.Parameters _p = new();
    private readonly CharLstm32.Gradients _grads = new();
    private readonly CharLstm32.Workspace _workspace = new(maxWindow, maxBatch);
    private readonly CharLstm32.State[] _training = new CharLstm32.State[maxBatch];
    private CharLstm32.State _generation = CharLstm32.State.Zero;

    /// <inheritdoc/>
    public override string Name => "lstm32";

    /// <inheritdoc/>
    public override int InputSize => CharLstm32.InputSize;

    /// <inheritdoc/>
    public override int HiddenSize => CharLstm32.HiddenSize;

    /// <inheritdoc/>
    public override int OutputSize => CharLstm32.OutputSize;

    /// <inheritdoc/>
    public override int ParameterCount => CharLstm32.ParameterCount;

    /// <inheritdoc/>
    public override int MaxWindow => _workspace.MaxSteps;

    /// <inheritdoc/>
    public override int MaxBatch => _workspace.MaxBatch;

    /// <inheritdoc/>
    public override Span<float> Parameters => _p.AsSpan();

    /// <inheritdoc/>
    public override Span<float> Gradients => _grads.AsSpan();

    /// <inheritdoc/>
    public override float TrainWindow(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        _grads.Clear();
        (float loss, _training[0]) = CharLstm32.CrossEntropyLossAndGradients(_p, inputs, targets, _training[0], _workspace, _grads);
        return loss;
    }

    /// <inheritdoc/>
    public override float TrainBatch(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int batchSize)
    {
        _grads.Clear();
        float loss = CharLstm32.CrossEntropyLossAndGradientsBatch(_p, inputs, targets, batchSize, BatchReduction.Mean, _workspace, _grads, _training.AsSpan(0, batchSize));
        MemoryMarshal.Cast<float, CharLstm32.State>(_workspace.States)[..batchSize].CopyTo(_training);   // rows [h | c]
        return loss;
    }

    /// <inheritdoc/>
    public override void ResetTrainingState() => Array.Clear(_training);

    /// <inheritdoc/>
    public override void SaveTrainingState(Span<float> destination)
    {
        for (int b = 0; b < _training.Length; b++)
        {
            Span<float> stream = destination.Slice(b * 2 * HiddenSize, 2 * HiddenSize);
            ((ReadOnlySpan<float>)_training[b].H).CopyTo(stream[..HiddenSize]);
            ((ReadOnlySpan<float>)_training[b].C).CopyTo(stream[HiddenSize..]);
        }
    }

    /// <inheritdoc/>
    public override void RestoreTrainingState(ReadOnlySpan<float> source)
    {
        for (int b = 0; b < _training.Length; b++)
        {
            ReadOnlySpan<float> stream = source.Slice(b * 2 * HiddenSize, 2 * HiddenSize);
            _training[b] = new CharLstm32.State(Vector32<float>.FromSpan(stream[..HiddenSize]), Vector32<float>.FromSpan(stream[HiddenSize..]));
        }
    }

    /// <inheritdoc/>
    public override void ResetGenerationState() => _generation = CharLstm32.State.Zero;

    /// <inheritdoc/>
    public override void Generate(int index, Span<float> logits)
    {
        _generation = CharLstm32.StepOneHot(_p, index, _generation);   // streaming inference: no cache written
        Vector64<float> output = CharLstm32.HeadForward(_p, _generation.H);
        ((ReadOnlySpan<float>)output).CopyTo(logits);
    }
}
