namespace LstmGen.Demo.Models;

/// <summary>A smaller, faster character model: LSTM with a softmax head, vocabulary up to 64, H = 32, float.</summary>
[LstmCell(inputSize: 64, hiddenSize: 32, OutputSize = 64, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CharLstm32;

/// <summary>Adapter from <see cref="CharLstm32"/>'s generated functions to <see cref="CharModel"/>.</summary>
public sealed class CharLstm32Model(int maxWindow) : CharModel
{
    private readonly CharLstm32.Parameters _p = new();
    private readonly CharLstm32.Gradients _grads = new();
    private readonly CharLstm32.Workspace _workspace = new(maxWindow);
    private CharLstm32.State _training = CharLstm32.State.Zero;
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
    public override Span<float> Parameters => _p.AsSpan();

    /// <inheritdoc/>
    public override Span<float> Gradients => _grads.AsSpan();

    /// <inheritdoc/>
    public override float TrainWindow(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets)
    {
        _grads.Clear();
        (float loss, _training) = CharLstm32.CrossEntropyLossAndGradients(_p, inputs, targets, _training, _workspace, _grads);
        return loss;
    }

    /// <inheritdoc/>
    public override void ResetTrainingState() => _training = CharLstm32.State.Zero;

    /// <inheritdoc/>
    public override void SaveTrainingState(Span<float> destination)
    {
        _training.H.CopyTo(destination[..HiddenSize]);
        _training.C.CopyTo(destination.Slice(HiddenSize, HiddenSize));
    }

    /// <inheritdoc/>
    public override void RestoreTrainingState(ReadOnlySpan<float> source) =>
        _training = new CharLstm32.State(CharLstm32.Hidden.FromSpan(source[..HiddenSize]), CharLstm32.Hidden.FromSpan(source.Slice(HiddenSize, HiddenSize)));

    /// <inheritdoc/>
    public override void ResetGenerationState() => _generation = CharLstm32.State.Zero;

    /// <inheritdoc/>
    public override void Generate(int index, Span<float> logits)
    {
        (_generation, _) = CharLstm32.ForwardOneHot(_p, index, _generation);
        CharLstm32.HeadForward(_p, _generation.H).CopyTo(logits);
    }
}
