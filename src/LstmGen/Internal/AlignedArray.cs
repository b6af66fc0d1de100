using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmGen.Internal;

/// <summary>
/// <see cref="Length"/> zeros whose first element sits on a 64-byte boundary (a cache line, one <c>Vector512</c>): a
/// managed array on the pinned object heap (the GC never moves it, so the boundary holds for its lifetime), with up to
/// 63 bytes of padding in front. The runtime's parameter buffers and workspaces live in these: a Vector512 load from an
/// unaligned matrix column splits a cache line every time, which measured 2.25 against 2.69 µs (19%) for config B's
/// gate GEMV (docs/performance-notes.md).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct AlignedArray<T>
    where T : unmanaged
{
    /// <summary>The boundary, in bytes.</summary>
    public const int Alignment = 64;

    private readonly T[] _array;
    private readonly int _offset;

    /// <summary>Allocates <paramref name="length"/> zeros on a 64-byte boundary.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or exceeds <see cref="MaxLength"/>.</exception>
    public unsafe AlignedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        _array = GC.AllocateArray<T>(length + (Alignment / sizeof(T)), pinned: true);
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
        _offset = (int)((Alignment - (address % Alignment)) % Alignment) / sizeof(T);
        Length = length;
    }

    /// <summary>A copy of <paramref name="values"/> on a 64-byte boundary.</summary>
    public AlignedArray(ReadOnlySpan<T> values)
        : this(values.Length) => values.CopyTo(Span);

    /// <summary>The longest aligned array: <see cref="Array.MaxLength"/> less the padding.</summary>
    public static unsafe int MaxLength => Array.MaxLength - (Alignment / sizeof(T));

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements, starting on the boundary.</summary>
    public Span<T> Span => _array.AsSpan(_offset, Length);

    /// <summary>The elements as <see cref="Memory{T}"/>, for a caller who keeps them.</summary>
    public Memory<T> Memory => _array.AsMemory(_offset, Length);
}
