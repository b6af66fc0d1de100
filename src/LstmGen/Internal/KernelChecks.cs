using System.ComponentModel;
using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.Internal;

/// <summary>
/// The argument checks of each <see cref="IRecurrentKernel{TSelf, T}"/> step member, for a generated kernel that
/// overrides the member with straight-line code: the same checks, in the same order, with the same exceptions and
/// messages as the runtime's loop kernels (<see cref="LstmLoopKernel{TShape, T}"/>, <see cref="RnnLoopKernel{TShape, T}"/>,
/// <see cref="SoftmaxHead{TShape, T}"/>), all of which throw before anything is written.
/// </summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelChecks
{
    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.Forward"/>.</summary>
    public static void Forward<TKernel, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Step<TKernel, T>(p, x, -1, state, Recurrent<TKernel, T>.StateLength, next);
        KernelArguments.Cache(cache, TKernel.CacheLength);
    }

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>.</summary>
    public static void ForwardOneHot<TKernel, T>(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.Step<TKernel, T>(p, default, KernelArguments.OneHot<TKernel>(index), state, Recurrent<TKernel, T>.StateLength, next);
        KernelArguments.Cache(cache, TKernel.CacheLength);
    }

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.Backward"/>.</summary>
    public static void Backward<TKernel, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KernelArguments.Backward<TKernel, T>(p, x, -1, cache, TKernel.CacheLength, dNext, Recurrent<TKernel, T>.StateLength, dState, dx, dp);

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.BackwardOneHot"/>.</summary>
    public static void BackwardOneHot<TKernel, T>(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KernelArguments.Backward<TKernel, T>(
            p, default, KernelArguments.OneHot<TKernel>(index), cache, TKernel.CacheLength, dNext, Recurrent<TKernel, T>.StateLength, dState, default, dp);

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.Step"/>.</summary>
    public static void Step<TKernel, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KernelArguments.Step<TKernel, T>(p, x, -1, state, Recurrent<TKernel, T>.StateLength, next);

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.StepOneHot"/>.</summary>
    public static void StepOneHot<TKernel, T>(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KernelArguments.Step<TKernel, T>(p, default, KernelArguments.OneHot<TKernel>(index), state, Recurrent<TKernel, T>.StateLength, next);

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.HeadForward"/>.</summary>
    /// <exception cref="NotSupportedException">The cell has no head.</exception>
    public static void HeadForward<TKernel, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KernelArguments.Head<TKernel, T>(p, h, logits, nameof(logits));

    /// <summary>The checks of <see cref="IRecurrentKernel{TSelf, T}.HeadBackward"/>.</summary>
    /// <exception cref="NotSupportedException">The cell has no head.</exception>
    public static void HeadBackward<TKernel, T>(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        KernelArguments.HeadBackward<TKernel, T>(p, h, dLogits, dh, dp);
}
