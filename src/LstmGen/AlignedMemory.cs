using LstmGen.Internal;

namespace LstmGen;

/// <summary>
/// Buffers for the kernels' operands that start on a 64-byte boundary (a cache line, one <c>Vector512</c>) and stay
/// there (pinned). Any span works wherever the library asks for parameters, gradients or caches; these are faster,
/// because a vector load from a weight column that starts off a cache line splits the line (config B's gate GEMV
/// measured 2.25 µs aligned against 2.69 µs off it). The library's own buffers (<c>Parameters</c>, <c>Gradients</c>,
/// workspaces) are allocated this way already.
/// </summary>
public static class AlignedMemory
{
    /// <summary><paramref name="length"/> zeros on a 64-byte boundary.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative, or too long for one array with its padding.</exception>
    public static Memory<T> Allocate<T>(int length)
        where T : unmanaged => new AlignedArray<T>(length).Memory;
}
