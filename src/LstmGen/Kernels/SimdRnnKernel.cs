using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The tanh RNN forward, backward and inference steps vectorised (<see cref="SimdGateMatrix{TShape, T}"/> for the product,
/// <see cref="VectorMath"/> for tanh): what the contract's defaults run for a kernel whose
/// <see cref="IRecurrentKernel{TSelf, T}.Strategy"/> is <see cref="KernelStrategy.Simd"/>. State, cache and aliasing as
/// <see cref="RnnLoopKernel{TShape, T}"/> (whose backward reads this cache): state <c>[h]</c> (H), cache
/// <c>[h_prev | h]</c> (2H), next may be state.
/// </summary>
internal static class SimdRnnKernel<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    private static int StateLength => RnnLoopKernel<TShape, T>.StateLength;

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
        KernelArguments.Cache(cache, RnnLoopKernel<TShape, T>.CacheLength);
        int h = H;
        state.CopyTo(cache[..h]);                                         // h_prev
        Span<T> hNew = cache.Slice(h, h);                                 // z, then tanh(z) in place
        SimdGateMatrix<TShape, T>.PreActivations(p, x, index, cache[..h], hNew);
        VectorMath.Tanh<T>(hNew, hNew);
        hNew.CopyTo(next);
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Backward"/>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        KernelArguments.Backward<TShape, T>(p, x, -1, cache, RnnLoopKernel<TShape, T>.CacheLength, dNext, StateLength, dState, dx, dp);
        Backward(p, x, -1, cache, dNext, dState, dx, dp);
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.BackwardOneHot"/>
    public static void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp)
    {
        KernelArguments.Backward<TShape, T>(p, default, KernelArguments.OneHot<TShape>(index), cache, RnnLoopKernel<TShape, T>.CacheLength, dNext, StateLength, dState, default, dp);
        Backward(p, default, index, cache, dNext, dState, default, dp);
    }

    // dNext [H] = dh → dState [H] = dh_prev (may be dNext itself: dz is computed in full first), dx [D]; dp += ∂L/∂θ.
    // The element-wise part computes the loop kernel's expression in vectors (the same dz bit for bit); then the gate
    // product's backward.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        Span<T> dz = stackalloc T[H];
        SimdGateGradients<TShape, T>.Rnn(cache, dNext, dz);
        SimdGateMatrix<TShape, T>.Backward(p, x, index, cache[..H], dz, dx, dState, dp);
    }

    // The forward steps of every group of 4 samples of a batched step (sample g … g + 3 for each g in groups) with one pass
    // over the weights for all of them, per sample the values of Forward bit for bit: xs [m × D] dense or indices [m]
    // one-hot (the other empty), states [m × H] updated in place, caches [m × 2H]. The caller has checked the arguments.
    internal static void ForwardGroups(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, Span<T> states, Span<T> caches, ReadOnlySpan<int> groups)
    {
        int h = H, c = RnnLoopKernel<TShape, T>.CacheLength;
        foreach (int g in groups)
        {
            Guard.KernelSpans(g >= 0 && states.Length >= (g + 4) * h && caches.Length >= (g + 4) * c);
            for (int b = g; b < g + 4; b++)
            {
                states.Slice(b * h, h).CopyTo(caches.Slice(b * c, h));  // h_prev
            }
        }

        SimdGateMatrix4<TShape, T>.PreActivations(p, xs, indices, caches, c, caches[h..], c, groups);
        foreach (int g in groups)
        {
            for (int b = g; b < g + 4; b++)
            {
                Span<T> hNew = caches.Slice((b * c) + h, h);
                VectorMath.Tanh<T>(hNew, hNew);
                hNew.CopyTo(states.Slice(b * h, h));
            }
        }
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Step"/>
    public static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next) =>
        Step(p, x, -1, state, next);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.StepOneHot"/>
    public static void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next) =>
        Step(p, default, KernelArguments.OneHot<TShape>(index), state, next);

    // As Forward without the cache: z [H] on the stack, then tanh in place (as Forward does), then next.
    private static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        Span<T> z = stackalloc T[H];
        SimdGateMatrix<TShape, T>.PreActivations(p, x, index, state, z);
        VectorMath.Tanh<T>(z, z);
        z.CopyTo(next);
    }
}
