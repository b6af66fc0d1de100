namespace LstmGen.Parallel;

/// <summary>
/// A span the calling thread has pinned (<c>fixed</c>) for the length of a parallel call, as a pointer and a length, so
/// that worker threads can read or write it: a span itself cannot leave its thread. Valid only while the caller's
/// <c>fixed</c> block runs; the caller does not leave it before every worker has finished.
/// </summary>
internal readonly unsafe struct PinnedSpan<TElement>
    where TElement : unmanaged
{
    private readonly TElement* _pointer;

    public PinnedSpan(TElement* pointer, int length)
    {
        _pointer = pointer;
        Length = length;
    }

    public int Length { get; }

    public bool IsEmpty => Length == 0;

    public Span<TElement> Span => new(_pointer, Length);
}
