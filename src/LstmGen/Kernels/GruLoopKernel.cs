using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The GRU step (PyTorch's <c>nn.GRU</c>) with loops over <typeparamref name="TShape"/>'s sizes (constants after JIT
/// specialisation): what a generated loop-strategy GRU kernel forwards to, and the arithmetic the unrolled GRU repeats
/// bit for bit (docs/architecture.md, "The GRU"). Gates in the order r, z, n; state <c>[h]</c> (H); cache
/// <c>[h_prev | r | z | n | hn]</c> (5H).
/// <code>
/// zx = b + W x     zh = U h_prev                      (G = 3H rows each, kept apart)
/// r = σ(zx_r + zh_r)   z = σ(zx_z + zh_z)   hn = zh_n + b_hn   n = tanh(zx_n + r ⊙ hn)
/// h = ((1 − z) ⊙ n) + (z ⊙ h_prev)
/// </code>
/// A bias-free GRU (<see cref="ICellShape.HasBias"/> false) has neither b nor b_hn: zx = W x, hn = zh_n.
/// </summary>
public static class GruLoopKernel<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    private static int RecurrentBiasOffset => CellShape<TShape>.RecurrentBiasOffset;

    /// <summary>S = H: <c>[h]</c>.</summary>
    public static int StateLength => H;

    /// <summary>5H: <c>[h_prev | r | z | n | hn]</c>.</summary>
    public static int CacheLength => 5 * H;

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Forward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, x, -1, state, next, cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>
    public static void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, default, KernelArguments.OneHot<TShape>(index), state, next, cache);

    // x [D] or e_index, state [H] → next [H], cache [5H]. next may be state itself: the cache keeps h_prev.
    private static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        KernelArguments.Cache(cache, CacheLength);
        int h = H;
        state.CopyTo(cache[..h]);                                         // h_prev
        Span<T> gates = cache.Slice(h, 3 * h);                            // zx [3H], activated in place into r, z, n
        Span<T> zh = stackalloc T[3 * h];                                 // at most 12,288 values (H ≤ 4096): 96 KB of double
        GateMatrix<TShape, T>.PreActivations(p, x, index, cache[..h], gates, zh);
        Update(p, cache[..h], gates, zh, cache.Slice(4 * h, h), next);
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

    // dNext [H] = dh' → dState [H] = dh_prev (may be dNext itself: dNext is read in full by GateGradients first), dx [D];
    // dp += ∂L/∂θ. dzx = [dar | daz | dan] serves b, W and dx; dzh = [dar | daz | dhn] serves U and dh_prev; b_hn gains dhn;
    // dh_prev = Uᵀ dzh + dh' ⊙ z, the direct term added last.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        int h = H;
        Span<T> scratch = stackalloc T[7 * h];                           // dzx [3H] | dzh [3H] | direct [H]: at most 224 KB of double (H ≤ 4096)
        Span<T> dzx = scratch[..(3 * h)], dzh = scratch.Slice(3 * h, 3 * h), direct = scratch.Slice(6 * h, h);
        GateGradients(cache, dNext, dzx, dzh, direct);
        GateMatrix<TShape, T>.Backward(p, x, index, cache[..h], dzx, dzh, dx, dState, dp);
        if (TShape.HasBias)
        {
            Span<T> dbhn = dp.Slice(RecurrentBiasOffset, h);
            for (int j = 0; j < h; j++)
            {
                dbhn[j] += dzh[(2 * h) + j];                             // db_hn += dhn
            }
        }

        for (int j = 0; j < h; j++)
        {
            dState[j] += direct[j];                                      // dh_prev = (Uᵀ dzh) + dh' z
        }
    }

    // The element-wise part of the backward step (SimdGateGradients vectorises it, same expressions): cache [5H],
    // dNext [H] = dh' → dzx [3H] = [dar | daz | dan], dzh [3H] = [dar | daz | dhn], direct [H] = dh' ⊙ z (the term of
    // dh_prev that bypasses U). Reads dNext in full before the gate product writes dState (which may be dNext).
    internal static void GateGradients(ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dzx, Span<T> dzh, Span<T> direct)
    {
        int h = H;
        ReadOnlySpan<T> hPrev = cache[..h], r = cache.Slice(h, h), z = cache.Slice(2 * h, h), n = cache.Slice(3 * h, h), hn = cache.Slice(4 * h, h);
        for (int j = 0; j < h; j++)
        {
            T dh = dNext[j];
            T dn = dh * (T.One - z[j]);
            T dzGate = dh * (hPrev[j] - n[j]);
            T dan = dn * (T.One - (n[j] * n[j]));                          // ∂L/∂(zx_n + r hn): of zx_n, b_in
            T dhn = dan * r[j];                                              // ∂L/∂hn: of zh_n, b_hn
            T dr = dan * hn[j];
            T dar = dr * r[j] * (T.One - r[j]);                              // (dr·r)·(1 − r)
            T daz = dzGate * z[j] * (T.One - z[j]);                          // (dz·z)·(1 − z)
            dzx[j] = dzh[j] = dar;
            dzx[h + j] = dzh[h + j] = daz;
            dzx[(2 * h) + j] = dan;
            dzh[(2 * h) + j] = dhn;
            direct[j] = dh * z[j];
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
        Span<T> scratch = stackalloc T[7 * h];                           // zx [3H] | zh [3H] | hn [H]
        Span<T> gates = scratch[..(3 * h)], zh = scratch.Slice(3 * h, 3 * h);
        GateMatrix<TShape, T>.PreActivations(p, x, index, state, gates, zh);
        Update(p, state, gates, zh, scratch.Slice(6 * h, h), next);      // reads h_prev[j] before writing h[j]
    }

    // gates [3H] = zx → r, z, n in place; hn [H] = zh_n + b_hn (bias-free: zh_n); next [H] = ((1 − z) n) + (z h_prev). next may be hPrev
    // (element j of h_prev is read before element j of next is written). The same operations in Forward and Step.
    private static void Update(ReadOnlySpan<T> p, ReadOnlySpan<T> hPrev, Span<T> gates, ReadOnlySpan<T> zh, Span<T> hn, Span<T> next)
    {
        int h = H;
        ReadOnlySpan<T> bhn = TShape.HasBias ? p.Slice(RecurrentBiasOffset, h) : default;
        for (int j = 0; j < h; j++)
        {
            T r = gates[j] = ScalarActivations<T>.Sigmoid(gates[j] + zh[j]);
            T z = gates[h + j] = ScalarActivations<T>.Sigmoid(gates[h + j] + zh[h + j]);
            T hnj = hn[j] = TShape.HasBias ? zh[(2 * h) + j] + bhn[j] : zh[(2 * h) + j];
            T n = gates[(2 * h) + j] = ScalarActivations<T>.Tanh(gates[(2 * h) + j] + (r * hnj));
            next[j] = ((T.One - z) * n) + (z * hPrev[j]);
        }
    }
}
