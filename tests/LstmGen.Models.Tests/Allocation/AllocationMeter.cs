namespace LstmGen.Models.Tests.Allocation;

/// <summary>
/// Runs each operation <see cref="WarmUpCalls"/> times (tiered JIT, static initialisation), then measures
/// <c>GC.GetAllocatedBytesForCurrentThread()</c> over <see cref="MeasuredCalls"/> more calls; the expected delta is exactly 0.
/// Operations are pre-built <see cref="Action"/>s over buffers allocated beforehand: a closure is allocated when the
/// lambda is created, not when it is invoked. The counter is per thread; a synchronous xunit test runs on one thread.
/// </summary>
internal static class AllocationMeter
{
    public const int WarmUpCalls = 50;
    public const int MeasuredCalls = 20;

    public static void AssertNoAllocations(IReadOnlyDictionary<string, Action> operations)
    {
        var allocated = new Dictionary<string, long>();
        foreach (var (name, action) in operations)
        {
            for (int k = 0; k < WarmUpCalls; k++)
            {
                action();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < MeasuredCalls; k++)
            {
                action();
            }

            allocated[name] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.True(
            allocated.Values.All(bytes => bytes == 0),
            $"Bytes allocated over {MeasuredCalls} calls: " + string.Join(", ", allocated.Where(kv => kv.Value != 0).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations measured");
    }
}
