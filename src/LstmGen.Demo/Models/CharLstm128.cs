namespace LstmGen.Demo.Models;

/// <summary>The demo's default character model: seed 003's LSTM with a softmax head, vocabulary up to 64, H = 128, float.</summary>
[LstmCell(inputSize: 64, hiddenSize: 128, OutputSize = 64, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CharLstm128;

/// <summary>Adapter from <see cref="CharLstm128"/>'s generated functions to <see cref="CharModel"/>.</summary>
public sealed class CharLstm128Model(int maxWindow) : CharModel
{
    private readonly CharLstm128.Parameters _p = new();
    private readonly CharLstm128.Gradients _grads = new();
    private readonly CharLstm128.Workspace _workspace = new(maxWindow);
    private CharLstm128.State _training = CharLstm128.State.Zero;
    private CharLstm128.State _generation = CharLstm128.State.Zero;

    /// <inheritdoc/>
    public override string Name => "lstm128";

    /// <inheritdoc/>
    public override int InputSize => CharLstm128.InputSize;

    /// <inheritdoc/>
    public override int HiddenSize => CharLstm128.HiddenSize;

    /// <inheritdoc/>
    public override int OutputSize => CharLstm128.OutputSize;

    /// <inheritdoc/>
    public override int ParameterCount => CharLstm128.ParameterCount;

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
        (float loss, _training) = CharLstm128.CrossEntropyLossAndGradients(_p, inputs, targets, _training, _workspace, _grads);
        return loss;
    }

    /// <inheritdoc/>
    public override void ResetTrainingState() => _training = CharLstm128.State.Zero;

    /// <inheritdoc/>
    public override void SaveTrainingState(Span<float> destination)
    {
        _training.H.CopyTo(destination[..HiddenSize]);
        _training.C.CopyTo(destination.Slice(HiddenSize, HiddenSize));
    }

    /// <inheritdoc/>
    public override void RestoreTrainingState(ReadOnlySpan<float> source) =>
        _training = new CharLstm128.State(CharLstm128.Hidden.FromSpan(source[..HiddenSize]), CharLstm128.Hidden.FromSpan(source.Slice(HiddenSize, HiddenSize)));

    /// <inheritdoc/>
    public override void ResetGenerationState() => _generation = CharLstm128.State.Zero;

    /// <inheritdoc/>
    public override void Generate(int index, Span<float> logits)
    {
        (_generation, _) = CharLstm128.ForwardOneHot(_p, index, _generation);
        CharLstm128.HeadForward(_p, _generation.H).CopyTo(logits);
    }
}
