namespace LstmGen.Demo.Training;

/// <summary>What a training run reports after each step.</summary>
/// <param name="Step">Steps completed, counted over the whole run including resumed ones (1 after the first update).</param>
/// <param name="LastStep">The step this invocation stops at.</param>
/// <param name="Loss">This step's loss per character, in nats.</param>
/// <param name="SmoothedLoss">An exponential moving average of the loss per character, in nats: the first step's loss,
/// then 0.9·previous + 0.1·loss at each step (over the whole run, so a resumed run continues the same average).</param>
/// <param name="ItemsPerSecond">Items (characters, or a forecaster's windows) through forward and backward per second in this invocation so far.</param>
/// <param name="ItemsPerStep">Items per step (a character model's window length times its streams, a forecaster's batch).</param>
/// <param name="Unit">What <paramref name="ItemsPerSecond"/> counts, for the progress line: <c>chars</c>, or <c>windows</c> for a forecaster.</param>
public readonly record struct TrainingProgress(long Step, long LastStep, double Loss, double SmoothedLoss, double ItemsPerSecond, int ItemsPerStep, string Unit = "chars");

/// <summary>Receives a training run's progress; the console view renders it, tests record or ignore it.</summary>
public interface ITrainingObserver
{
    /// <summary>Called after every step.</summary>
    void OnStep(in TrainingProgress progress);

    /// <summary>Called every <see cref="TrainingOptions.SampleEvery"/> steps with text sampled from the model.</summary>
    void OnSample(long step, string sample);
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullTrainingObserver : ITrainingObserver
{
    /// <summary>The instance.</summary>
    public static NullTrainingObserver Instance { get; } = new();

    /// <inheritdoc/>
    public void OnStep(in TrainingProgress progress)
    {
    }

    /// <inheritdoc/>
    public void OnSample(long step, string sample)
    {
    }
}
