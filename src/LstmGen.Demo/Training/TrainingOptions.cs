using LstmGen.Demo.Sampling;
using LstmGen.Parallel;

namespace LstmGen.Demo.Training;

/// <summary>The optimiser a training run uses.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with bias correction (<see cref="Adam{T}"/>), β1 = 0.9, β2 = 0.999, ε = 1e-8.</summary>
    Adam,

    /// <summary>Plain stochastic gradient descent, θ ← θ − lr·dθ.</summary>
    Sgd,
}

/// <summary>
/// Hyper-parameters of a training run. The defaults are what <c>train</c> uses with no options and what the main job's
/// default run uses: they bring the embedded corpus's loss from ln 48 ≈ 3.87 nats per character to below
/// <see cref="DefaultLossThreshold"/> within <see cref="DefaultSteps"/> steps.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Default number of steps (one window of <see cref="SeqLen"/> characters and one update each).</summary>
    public const int DefaultSteps = 1500;

    /// <summary>The loss per character (nats, averaged over the last 20 steps) the default run reaches on the embedded corpus.</summary>
    public const double DefaultLossThreshold = 1.5;

    /// <summary>The largest <see cref="Batch"/> accepted.</summary>
    public const int MaxBatch = 256;

    /// <summary>Steps to run.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Characters per window of truncated BPTT; the state is carried from one window to the next.</summary>
    public int SeqLen { get; init; } = 32;

    /// <summary>Streams trained at once: the corpus is cut into this many equal streams, each carrying its own state,
    /// and each step trains one window of every stream as one time-major batch (mean loss over the batch).</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Threads a batch trains on (<see cref="ParallelCellTrainer{T}"/>: the streams split into fixed shards, one
    /// per thread, gradients added in shard order), by default every core. The same seed and thread count give the same
    /// run bit for bit; another thread count changes only the order of floating-point sums. A batch of m streams uses
    /// at most m threads (one stream: one thread).</summary>
    public int Threads { get; init; } = TrainerThreads.DefaultThreadCount;

    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Learning rate (Adam's lr, or SGD's step size).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Gradients are scaled so that their global L2 norm is at most this (0 turns clipping off). 1 rather than
    /// min-char-rnn's 5: with Adam at lr 0.01, a limit of 5 let an occasional exploding window through (a loss spike to
    /// 20 nats per character around step 430 of the default run); 1 gave smooth curves for every seed we tried.</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Seeds the parameter initialisation and every sample's <see cref="Random"/>: the same seed gives the same run bit for bit.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Every this many steps, a text is sampled from the model (0: never).</summary>
    public int SampleEvery { get; init; } = 500;

    /// <summary>Characters per sample (at most <see cref="Sampler.MaxLength"/>).</summary>
    public int SampleLength { get; init; } = 200;

    /// <summary>Softmax temperature of the samples (lower is more conservative; 0 picks the most likely character).</summary>
    public double Temperature { get; init; } = 0.8;

    /// <summary>Checks every value's range.</summary>
    /// <exception cref="DemoException">A value is out of range.</exception>
    public void Validate()
    {
        Require(Steps >= 0, $"--steps must be 0 or more, got {Steps}.");
        Require(SeqLen >= 1, $"--seq-len must be at least 1, got {SeqLen}.");
        Require(Batch is >= 1 and <= MaxBatch, $"--batch must be between 1 and {MaxBatch}, got {Batch}.");
        Require(Threads is >= 1 and <= TrainerThreads.MaxThreadCount, $"--threads must be between 1 and {TrainerThreads.MaxThreadCount}, got {Threads}.");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, $"--lr must be positive and finite, got {LearningRate}.");
        Require(double.IsFinite(ClipNorm) && ClipNorm >= 0, $"--clip must be 0 (off) or positive, got {ClipNorm}.");
        Require(SampleEvery >= 0, $"--sample-every must be 0 (never) or more, got {SampleEvery}.");
        Require(SampleLength is >= 0 and <= Sampler.MaxLength, F($"--sample-length must be between 0 and {Sampler.MaxLength:N0}, got {SampleLength}."));
        Require(double.IsFinite(Temperature) && Temperature >= 0, $"--temperature must be 0 or positive, got {Temperature}.");
    }

    private static string F(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DemoException(message);
        }
    }
}
