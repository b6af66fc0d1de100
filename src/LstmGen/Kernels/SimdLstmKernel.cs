using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The LSTM forward, backward and inference steps vectorised (<see cref="SimdGateMatrix{TShape, T}"/> for the gate product,
/// <see cref="VectorMath"/> for the activations over whole gate blocks and the state update): what the contract's
/// defaults run for a kernel whose <see cref="IRecurrentKernel{TSelf, T}.Strategy"/> is <see cref="KernelStrategy.Simd"/>.
/// State, cache and aliasing as <see cref="LstmLoopKernel{TShape, T}"/> (whose backward reads this cache):
/// state <c>[h | c]</c> (2H), cache <c>[h_prev | c_prev | i | f | g | o | tanh c]</c> (7H), next may be state.
/// </summary>
internal static class SimdLstmKernel<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    private static int StateLength => LstmLoopKernel<TShape, T>.StateLength;

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Forward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, x, -1, state, next, cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>
    public static void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, default, KernelArguments.OneHot<TShape>(index), state, next, cache);

    // x [D] or e_index, state [2H] → next [2H], cache [7H]. next may be state itself: the cache keeps the old state.
    private static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        KernelArguments.Cache(cache, LstmLoopKernel<TShape, T>.CacheLength);
        int h = H;
        state.CopyTo(cache[..(2 * h)]);                                   // h_prev, c_prev
        Span<T> z = cache.Slice(2 * h, 4 * h);                            // z [4H], activated in place into i, f, g, o
        SimdGateMatrix<TShape, T>.PreActivations(p, x, index, cache[..h], z);
        Update(cache.Slice(h, h), z, next.Slice(h, h), cache.Slice(6 * h, h), next[..h]);
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Backward"/>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        KernelArguments.Backward<TShape, T>(p, x, -1, cache, LstmLoopKernel<TShape, T>.CacheLength, dNext, StateLength, dState, dx, dp);
        Backward(p, x, -1, cache, dNext, dState, dx, dp);
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.BackwardOneHot"/>
    public static void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp)
    {
        KernelArguments.Backward<TShape, T>(p, default, KernelArguments.OneHot<TShape>(index), cache, LstmLoopKernel<TShape, T>.CacheLength, dNext, StateLength, dState, default, dp);
        Backward(p, default, index, cache, dNext, dState, default, dp);
    }

    // dNext [2H] = [dh | dc] → dState [2H] = [dh_prev | dc_prev] (may be dNext itself), dx [D]; dp += ∂L/∂θ. The
    // element-wise part computes the loop kernel's expressions in vectors (the same dz bit for bit); then the gate
    // product's backward.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        int h = H;
        Span<T> dz = stackalloc T[4 * h];                                // at most 16,384 values (H ≤ 4096): 128 KB of double
        SimdGateGradients<TShape, T>.Lstm(cache, dNext, dz, dState.Slice(h, h));
        SimdGateMatrix<TShape, T>.Backward(p, x, index, cache[..h], dz, dx, dState[..h], dp);
    }

    // The forward steps of every group of 4 samples of a batched step (sample g … g + 3 for each g in groups) with one pass
    // over the weights for all of them (SimdGateMatrix4's group product), per sample the values of Forward bit for bit:
    // xs [m × D] dense or indices [m] one-hot (the other empty), states [m × 2H] updated in place, caches [m × 7H]. The
    // caller (the batched sequences) has checked the arguments.
    internal static void ForwardGroups(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, Span<T> states, Span<T> caches, ReadOnlySpan<int> groups)
    {
        int h = H, s = StateLength, c = LstmLoopKernel<TShape, T>.CacheLength;
        foreach (int g in groups)
        {
            Guard.KernelSpans(g >= 0 && states.Length >= (g + 4) * s && caches.Length >= (g + 4) * c);
            for (int b = g; b < g + 4; b++)
            {
                states.Slice(b * s, s).CopyTo(caches.Slice(b * c, s));  // h_prev, c_prev
            }
        }

        SimdGateMatrix4<TShape, T>.PreActivations(p, xs, indices, caches, c, caches[(2 * h)..], c, groups);
        foreach (int g in groups)
        {
            for (int b = g; b < g + 4; b++)
            {
                Span<T> cache = caches.Slice(b * c, c), state = states.Slice(b * s, s);
                Update(cache.Slice(h, h), cache.Slice(2 * h, 4 * h), state.Slice(h, h), cache.Slice(6 * h, h), state[..h]);
            }
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
        int h = H;
        Span<T> scratch = stackalloc T[5 * h];                           // z [4H] | tanh c [H]; at most 160 KB of double (H ≤ 4096)
        Span<T> z = scratch[..(4 * h)];
        SimdGateMatrix<TShape, T>.PreActivations(p, x, index, state[..h], z);

        // c is written over i (same index, element by element), not into next: next may be state, whose c_prev the
        // update still reads. h_prev is no longer read, so h goes straight to next.
        Span<T> c = z[..h];
        Update(state.Slice(h, h), z, c, scratch.Slice(4 * h, h), next[..h]);
        c.CopyTo(next.Slice(h, h));
    }

    // z [4H] → σ/tanh in place (i, f, g, o); c [H] = f ⊙ c_prev + i ⊙ g (c may be z's i block, not c_prev);
    // tanhC [H] = tanh c; hNext [H] = o ⊙ tanh c, one pass over the units. The same operations, in the same order, in
    // Forward and Step.
    internal static void Update(ReadOnlySpan<T> cPrev, Span<T> z, Span<T> c, Span<T> tanhC, Span<T> hNext) =>
        VectorMath.LstmUpdate(cPrev[..H], z, c, tanhC, hNext);
}
