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
    /// A copy of <paramref name="values"/> starting on a 64-byte boundary (<see cref="AlignedMemory"/>, pinned): the bound
    /// kernels' operands, so that a bound runs at its best and never pays for cache-line splits, as the library's own
    /// buffers do not. An <see cref="ArraySegment{T}"/>, so that it converts to a span like the arrays it replaces.
    /// </summary>
    public static ArraySegment<T> Aligned<T>(T[] values)
        where T : unmanaged
    {
        Memory<T> memory = AlignedMemory.Allocate<T>(values.Length);
        values.CopyTo(memory);
        return System.Runtime.InteropServices.MemoryMarshal.TryGetArray<T>(memory, out ArraySegment<T> segment)
            ? segment
            : throw new InvalidOperationException("AlignedMemory is expected to be backed by an array.");
    }

    /// <summary>Random class indices in [0, classes).</summary>
    public static int[] Classes(int seed, int count, int classes)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))];
    }
}
