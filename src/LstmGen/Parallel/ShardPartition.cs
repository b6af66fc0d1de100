namespace LstmGen.Parallel;

/// <summary>
/// The fixed partition of a batch of m samples into contiguous shards: s = min(threads, m) shards, shard k holding
/// samples [m·k/s, m·(k+1)/s). It depends on m and the thread count only, so a given thread count always splits a batch
/// the same way (the first half of the determinism guarantee; the fixed reduction order is the second).
/// </summary>
internal static class ShardPartition
{
    /// <summary>s: the number of shards of a batch of <paramref name="batchSize"/> samples on <paramref name="threads"/> threads.</summary>
    public static int Count(int batchSize, int threads) => Math.Min(batchSize, threads);

    /// <summary>The first sample of shard <paramref name="shard"/> of <paramref name="shards"/> (shard s: m, the end).</summary>
    public static int Start(int batchSize, int shards, int shard) => (int)((long)batchSize * shard / shards);

    /// <summary>The most samples any shard of a batch of up to <paramref name="maxBatchSize"/> holds on <paramref name="threads"/> threads.</summary>
    public static int Capacity(int maxBatchSize, int threads) => (maxBatchSize + threads - 1) / threads;
}
