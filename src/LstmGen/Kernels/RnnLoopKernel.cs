using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The tanh RNN step with loops over <typeparamref name="TShape"/>'s sizes (constants after JIT specialisation): what a
/// generated loop-strategy RNN kernel forwards to. State <c>[h]</c> (H); cache <c>[h_prev | h]</c> (2H).
/// <code>
/// h = tanh(b + W x + U h_prev)
/// </code>
/// </summary>
public static class RnnLoopKernel<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    /// <summary>S = H: <c>[h]</c>.</summary>
    public static int StateLength => H;

    /// <summary>2H: <c>[h_prev | h]</c>.</summary>
    public static int CacheLength => 2 * H;

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Forward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, x, -1, state, next, cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>
    public static void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, default, KernelArguments.OneHot<TShape>(index), state, next, cache);

    // x [D] or e_index, state [H] → next [H], cache [2H]. next may be state itself: the cache keeps h_prev.
    private static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        KernelArguments.Cache(cache, CacheLength);
        int h = H;
        state.CopyTo(cache[..h]);                                         // h_prev
        Span<T> hNew = cache.Slice(h, h);                                 // z, then tanh(z) in place
        GateMatrix<TShape, T>.PreActivations(p, x, index, cache[..h], hNew);
        Activate(hNew);
        hNew.CopyTo(next);
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Backward"/>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        KernelArguments.Backward<TShape, T>(p, x, -1, cache, CacheLength, dNext, StateLength, dState, dx, dp);
        Backward(p, x, -1, cache, dNext, dState, dx, dp);
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.BackwardOneHot"/>
    public static void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp)
    {
        KernelArguments.Backward<TShape, T>(p, default, KernelArguments.OneHot<TShape>(index), cache, CacheLength, dNext, StateLength, dState, default, dp);
        Backward(p, default, index, cache, dNext, dState, default, dp);
    }

    // dNext [H] = dh → dState [H] = dh_prev (may be dNext itself), dx [D]; dp += ∂L/∂θ.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        int h = H;
        Span<T> dz = stackalloc T[h];
        GateGradients(cache, dNext, dz);
        GateMatrix<TShape, T>.Backward(p, x, index, cache[..h], dz, dx, dState, dp);
    }

    // The element-wise part of the backward step (SimdGateGradients vectorises it, same expression): cache [2H], dNext [H] → dz [H] = dh ⊙ (1 − h²).
    // dNext is read in full before the gate product writes dState (which may be dNext).
    internal static void GateGradients(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dz)
    {
        int h = H;
        ReadOnlySpan<T> hNew = cache.Slice(h, h);
        for (int j = 0; j < h; j++)
        {
            dz[j] = dNext[j] * (T.One - (hNew[j] * hNew[j]));               // ∂L/∂z = dh ⊙ (1 − h²)
        }
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Step"/>
    public static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next) =>
        Step(p, x, -1, state, next);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.StepOneHot"/>
    public static void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next) =>
        Step(p, default, KernelArguments.OneHot<TShape>(index), state, next);

    private static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        Span<T> z = stackalloc T[H];
        GateMatrix<TShape, T>.PreActivations(p, x, index, state, z);
        Activate(z);
        z.CopyTo(next);
    }

    private static void Activate(Span<T> z)
    {
        for (int j = 0; j < z.Length; j++)
        {
            z[j] = ScalarActivations<T>.Tanh(z[j]);
        }
    }
}
