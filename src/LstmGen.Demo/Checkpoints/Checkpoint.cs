using LstmGen.Demo.Training;

namespace LstmGen.Demo.Checkpoints;

/// <summary>
/// Everything needed to continue a training run bit for bit or to sample from its model: the model's name and sizes,
/// the vocabulary, the hyper-parameters that shape the run, θ, Adam's moments, the LSTM state carried into the next
/// window and the loss history. <see cref="CheckpointFile"/> writes and validates it.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>The catalogue name of the model (<c>lstm128</c>).</summary>
    public required string ModelName { get; init; }

    /// <summary>D, as the saving cell declared it.</summary>
    public required int InputSize { get; init; }

    /// <summary>H.</summary>
    public required int HiddenSize { get; init; }

    /// <summary>V.</summary>
    public required int OutputSize { get; init; }

    /// <summary>The vocabulary's characters, sorted (class k is character k).</summary>
    public required string Vocabulary { get; init; }

    /// <summary>The optimiser.</summary>
    public required OptimizerKind Optimizer { get; init; }

    /// <summary>Its learning rate.</summary>
    public required double LearningRate { get; init; }

    /// <summary>The window length of truncated BPTT.</summary>
    public required int SeqLen { get; init; }

    /// <summary>The number of streams trained at once (the batch size m).</summary>
    public required int Batch { get; init; }

    /// <summary>The gradient-norm limit (0: off).</summary>
    public required double ClipNorm { get; init; }

    /// <summary>The run's seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Steps completed.</summary>
    public required long Step { get; init; }

    /// <summary>θ, the cell's flat parameter buffer.</summary>
    public required float[] Parameters { get; init; }

    /// <summary>Adam's step count t (0 for SGD).</summary>
    public required long AdamStepCount { get; init; }

    /// <summary>Adam's m (empty for SGD).</summary>
    public required float[] AdamFirstMoment { get; init; }

    /// <summary>Adam's v (empty for SGD).</summary>
    public required float[] AdamSecondMoment { get; init; }

    /// <summary>The LSTM state of each stream (h, then c; 2H·m values) carried into the next window.</summary>
    public required float[] TrainingState { get; init; }

    /// <summary>The loss per character of every step.</summary>
    public required double[] Losses { get; init; }
}
