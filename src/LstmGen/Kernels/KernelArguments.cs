using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The argument checks of every kernel member, in one place: each span's length against the cell's sizes, and the
/// one-hot index against D. They run on entry, so a wrong argument throws before anything is written; the messages are
/// constant strings (the expected length is added by <see cref="Guard"/> on failure only), so a check allocates nothing.
/// </summary>
internal static class KernelArguments
{
    /// <summary>Checks a one-hot index and returns it.</summary>
    public static int OneHot<TShape>(int index)
        where TShape : ICellShape
    {
        Guard.Index(index, TShape.InputSize, "the one-hot input index (below D)", nameof(index));
        return index;
    }

    /// <summary>A step's parameters, input (dense when <paramref name="index"/> &lt; 0), state and next state.</summary>
    public static void Step<TShape, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, int stateLength, Span<T> next)
        where TShape : ICellShape
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Length(p.Length, CellShape<TShape>.ParameterCount, "the parameters p", nameof(p));
        if (index < 0)
        {
            Guard.Length(x.Length, TShape.InputSize, "the input x (D values)", nameof(x));
        }

        Guard.Length(state.Length, stateLength, "the state", nameof(state));
        Guard.Length(next.Length, stateLength, "the next state", nameof(next));
    }

    /// <summary>A step cache.</summary>
    public static void Cache<T>(ReadOnlySpan<T> cache, int cacheLength) =>
        Guard.Length(cache.Length, cacheLength, "the step cache", nameof(cache));

    /// <summary>A backward step's arguments; <paramref name="dx"/> may be empty (no input gradient wanted).</summary>
    public static void Backward<TShape, T>(
        ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, int cacheLength, ReadOnlySpan<T> dNext, int stateLength, Span<T> dState, Span<T> dx, Span<T> dp)
        where TShape : ICellShape
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Length(p.Length, CellShape<TShape>.ParameterCount, "the parameters p", nameof(p));
        if (index < 0)
        {
            Guard.Length(x.Length, TShape.InputSize, "the input x (D values)", nameof(x));
        }

        Cache(cache, cacheLength);
        Guard.Length(dNext.Length, stateLength, "the next state's gradient dNext", nameof(dNext));
        Guard.Length(dState.Length, stateLength, "the state gradient dState", nameof(dState));
        if (!dx.IsEmpty)
        {
            Guard.Length(dx.Length, TShape.InputSize, "the input gradient dx (D values, or empty)", nameof(dx));
        }

        Guard.Length(dp.Length, CellShape<TShape>.ParameterCount, "the parameter gradients dp", nameof(dp));
    }

    /// <summary>The head's parameters, hidden state and its V-long logits (or their gradient).</summary>
    /// <exception cref="NotSupportedException">The cell has no head.</exception>
    public static void Head<TShape, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> logits, string logitsName)
        where TShape : ICellShape
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (TShape.OutputSize == 0)
        {
            throw new NotSupportedException("This cell has no softmax head (OutputSize = 0).");
        }

        Guard.Length(p.Length, CellShape<TShape>.ParameterCount, "the parameters p", nameof(p));
        Guard.Length(h.Length, TShape.HiddenSize, "the hidden state h (H values)", nameof(h));
        Guard.Length(logits.Length, TShape.OutputSize, logitsName == "logits" ? "the logits (V values)" : "the logits' gradient (V values)", logitsName);
    }

    /// <summary>The head's backward arguments: <see cref="Head"/> for the logits' gradient, then dh [H] and dp.</summary>
    /// <exception cref="NotSupportedException">The cell has no head.</exception>
    public static void HeadBackward<TShape, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp)
        where TShape : ICellShape
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Head<TShape, T>(p, h, dLogits, nameof(dLogits));
        Guard.Length(dh.Length, TShape.HiddenSize, "dh", nameof(dh));
        Guard.Length(dp.Length, p.Length, "the parameter gradients dp", nameof(dp));
    }
}
