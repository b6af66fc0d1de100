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

    /// <summary>
    /// A copy of <paramref name="values"/> starting on a 64-byte boundary (pinned, so it stays there): the bound kernels'
    /// operands, so that a bound runs at its best and never pays for cache-line splits (the library's own buffers are
    /// aligned the same way).
    /// </summary>
    public static unsafe ArraySegment<T> Aligned<T>(T[] values)
        where T : unmanaged
    {
        int padding = 64 / sizeof(T);
        T[] array = GC.AllocateArray<T>(values.Length + padding, pinned: true);
        nuint address = (nuint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array));
        int offset = (int)((64 - (address % 64)) % 64) / sizeof(T);
        values.CopyTo(array, offset);
        return new ArraySegment<T>(array, offset, values.Length);
    }

    /// <summary>Random class indices in [0, classes).</summary>
    public static int[] Classes(int seed, int count, int classes)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))];
    }
}
