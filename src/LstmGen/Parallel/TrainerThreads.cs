namespace LstmGen.Parallel;

/// <summary>
/// The thread counts the data-parallel trainers (<see cref="ParallelCellTrainer{T}"/>,
/// <see cref="ParallelModelTrainer{T}"/>) accept: between 1 and <see cref="MaxThreadCount"/>, by default every core.
/// </summary>
public static class TrainerThreads
{
    /// <summary>The most threads a trainer runs (the calling thread and up to 255 workers).</summary>
    public const int MaxThreadCount = 256;

    /// <summary>Every core the process may use (<see cref="Environment.ProcessorCount"/>), at most <see cref="MaxThreadCount"/>.</summary>
    public static int DefaultThreadCount => Math.Min(Environment.ProcessorCount, MaxThreadCount);

    /// <summary>Checks a thread count: 0 means <see cref="DefaultThreadCount"/>; returns the count to use.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or above <see cref="MaxThreadCount"/>.</exception>
    internal static int Resolve(int threadCount, string parameterName)
    {
        if (threadCount < 0 || threadCount > MaxThreadCount)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, threadCount, $"Expected a thread count between 1 and {MaxThreadCount} (or 0 for every core, {DefaultThreadCount} here).");
        }

        return threadCount == 0 ? DefaultThreadCount : threadCount;
    }
}
