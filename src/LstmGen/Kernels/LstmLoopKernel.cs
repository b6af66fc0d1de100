using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The LSTM step with loops over <typeparamref name="TShape"/>'s sizes (constants after JIT specialisation): what a
/// generated loop-strategy LSTM kernel forwards to. Gates in the order i, f, g, o; state <c>[h | c]</c> (2H); cache
/// <c>[h_prev | c_prev | i | f | g | o | tanh c]</c> (7H).
/// <code>
/// i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)     with z = b + W x + U h_prev
/// c = f ⊙ c_prev + i ⊙ g    h = o ⊙ tanh c
/// </code>
/// </summary>
public static class LstmLoopKernel<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    /// <summary>S = 2H: <c>[h | c]</c>.</summary>
    public static int StateLength => 2 * H;

    /// <summary>7H: <c>[h_prev | c_prev | i | f | g | o | tanh c]</c>.</summary>
    public static int CacheLength => 7 * H;

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
        KernelArguments.Cache(cache, CacheLength);
        int h = H;
        state.CopyTo(cache[..(2 * h)]);                                   // h_prev, c_prev
        Span<T> z = cache.Slice(2 * h, 4 * h);                            // z [4H], activated in place into i, f, g, o
        GateMatrix<TShape, T>.PreActivations(p, x, index, cache[..h], z);
        Update(cache.Slice(h, h), z, cache.Slice(6 * h, h), next);
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

    // dNext [2H] = [dh | dc] → dState [2H] = [dh_prev | dc_prev] (may be dNext itself), dx [D]; dp += ∂L/∂θ.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        int h = H;
        Span<T> dz = stackalloc T[4 * h];                                // at most 16,384 values (H ≤ 4096): 128 KB of double
        GateGradients(cache, dNext, dz, dState.Slice(h, h));
        GateMatrix<TShape, T>.Backward(p, x, index, cache[..h], dz, dx, dState[..h], dp);
    }

    // The element-wise part of the backward step (SimdGateGradients vectorises it, same expressions): cache [7H], dNext [2H] = [dh | dc] →
    // dz [4H] = ∂L/∂z (gates i, f, g, o), dcPrev [H] = ∂L/∂c_prev. dcPrev may be dNext's dc block (element j of dNext is
    // read before element j of dcPrev is written); dNext's dh block is only read.
    internal static void GateGradients(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dz, Span<T> dcPrev)
    {
        int h = H;
        ReadOnlySpan<T> cPrev = cache.Slice(h, h), i = cache.Slice(2 * h, h), f = cache.Slice(3 * h, h);
        ReadOnlySpan<T> g = cache.Slice(4 * h, h), o = cache.Slice(5 * h, h), tanhC = cache.Slice(6 * h, h);
        for (int j = 0; j < h; j++)
        {
            T dh = dNext[j];
            T dO = dh * tanhC[j];
            T dc = dNext[h + j] + (dh * o[j] * (T.One - (tanhC[j] * tanhC[j])));
            dz[j] = dc * g[j] * i[j] * (T.One - i[j]);                      // ∂L/∂z_i
            dz[h + j] = dc * cPrev[j] * f[j] * (T.One - f[j]);               // ∂L/∂z_f
            dz[(2 * h) + j] = dc * i[j] * (T.One - (g[j] * g[j]));           // ∂L/∂z_g
            dz[(3 * h) + j] = dO * o[j] * (T.One - o[j]);                    // ∂L/∂z_o
            dcPrev[j] = dc * f[j];                                           // ∂L/∂c_prev
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
        Span<T> z = stackalloc T[4 * h];
        GateMatrix<TShape, T>.PreActivations(p, x, index, state[..h], z);
        Span<T> tanhC = stackalloc T[h];
        Update(state.Slice(h, h), z, tanhC, next);                       // reads c_prev[j] before writing c[j]
    }

    // z [4H] → σ/tanh in place (i, f, g, o); c [H] = f ⊙ c_prev + i ⊙ g; tanhC [H]; next = [o ⊙ tanh c | c].
    private static void Update(ReadOnlySpan<T> cPrev, Span<T> z, Span<T> tanhC, Span<T> next)
    {
        int h = H;
        for (int j = 0; j < h; j++)
        {
            T i = z[j] = ScalarActivations<T>.Sigmoid(z[j]);
            T f = z[h + j] = ScalarActivations<T>.Sigmoid(z[h + j]);
            T g = z[(2 * h) + j] = ScalarActivations<T>.Tanh(z[(2 * h) + j]);
            T o = z[(3 * h) + j] = ScalarActivations<T>.Sigmoid(z[(3 * h) + j]);
            T c = (f * cPrev[j]) + (i * g);
            T t = tanhC[j] = ScalarActivations<T>.Tanh(c);
            next[h + j] = c;
            next[j] = o * t;
        }
    }
}
