namespace LstmGen.TestSupport;

/// <summary>
/// Shared by the test projects that assert zero allocations (linked into each; see their .csproj).
/// Runs each operation <see cref="WarmUpCalls"/> times (tiered JIT, static initialisation), then measures
/// <c>GC.GetAllocatedBytesForCurrentThread()</c> over <see cref="MeasuredCalls"/> more calls; the expected delta is exactly 0.
/// Operations are pre-built <see cref="Action"/>s over buffers allocated beforehand: a closure is allocated when the
/// lambda is created, not when it is invoked. The counter is per thread; a synchronous xunit test runs on one thread.
/// </summary>
/// <remarks>
/// The runtime itself can allocate a few KB on the calling thread when it promotes a method to the next JIT tier,
/// and under load that can happen after any fixed warm-up (seen once in CI: 7,304 B in one window of a cell that
/// measures 0 B everywhere else). So a measurement takes up to <see cref="Windows"/> windows and reports the smallest:
/// an operation that allocates on every call allocates in every window and still fails.
/// </remarks>
internal static class AllocationMeter
{
    public const int WarmUpCalls = 50;
    public const int MeasuredCalls = 20;
    public const int Windows = 5;

    /// <summary>
    /// Warms <paramref name="operation"/> up, then returns the bytes allocated on this thread over
    /// <paramref name="calls"/> calls, in the quietest of up to <see cref="Windows"/> windows (0 ends the search).
    /// </summary>
    public static long BytesAllocated(Action operation, int calls = MeasuredCalls, int warmUpCalls = WarmUpCalls)
    {
        for (int k = 0; k < warmUpCalls; k++)
        {
            operation();
        }

        long fewest = long.MaxValue;
        for (int window = 0; window < Windows && fewest != 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < calls; k++)
            {
                operation();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }

    /// <summary>Asserts that every operation allocates 0 bytes after warm-up, naming those that do not.</summary>
    /// <param name="operations">The operations by name.</param>
    /// <param name="minimumOperations">A floor on how many operations were measured (guards against an empty list).</param>
    public static void AssertNoAllocations(IReadOnlyDictionary<string, Action> operations, int minimumOperations = 1)
    {
        var allocated = new Dictionary<string, long>();
        foreach (var (name, action) in operations)
        {
            allocated[name] = BytesAllocated(action);
        }

        Xunit.Assert.True(
            allocated.Values.All(bytes => bytes == 0),
            $"Bytes allocated over {MeasuredCalls} calls: " + string.Join(", ", allocated.Where(kv => kv.Value != 0).Select(kv => $"{kv.Key} {kv.Value}")));
        Xunit.Assert.True(operations.Count >= minimumOperations, $"only {operations.Count} operations measured");
    }
}
