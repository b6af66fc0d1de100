namespace LstmGen.Benchmarks;

/// <summary>Deterministic random data for the benchmarks.</summary>
internal static class Data
{
    public const int Steps = 25;

    /// <summary>Uniform values in [−scale, scale].</summary>
    public static T[] Uniform<T>(int seed, int count, double scale)
        where T : System.Numerics.IFloatingPoint<T>
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => T.CreateTruncating(((random.NextDouble() * 2) - 1) * scale))];
    }

    /// <summary>Random class indices in [0, classes).</summary>
    public static int[] Classes(int seed, int count, int classes)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))];
    }
}
