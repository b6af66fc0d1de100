namespace LstmGen.Demo.Training;

/// <summary>A training run the console view can drive: character models (<see cref="TrainingSession"/>) and forecasters alike.</summary>
public interface ITrainingRun
{
    /// <summary>Steps completed (including those before a resume).</summary>
    long Step { get; }

    /// <summary>Runs <paramref name="steps"/> more steps, reporting to <paramref name="observer"/>, until done or cancelled.</summary>
    /// <returns>The loss of each step run by this call.</returns>
    IReadOnlyList<double> Run(int steps, ITrainingObserver observer, CancellationToken cancellation = default);
}
