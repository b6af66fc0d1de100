using System.Numerics;
using System.Numerics.Tensors;

namespace LstmGen.Kernels;

/// <summary>
/// The GRU forward, backward and inference steps vectorised: the split gate product of
/// <see cref="SimdGateMatrix{TShape, T}"/> (zx = W x + b and zh = U h_prev), the activations and the update over whole
/// gate blocks (<see cref="VectorMath"/>, <see cref="TensorPrimitives"/>), the backward's element-wise part by
/// <see cref="SimdGateGradients{TShape, T}"/>. What the contract's defaults run for a GRU kernel whose
/// <see cref="IRecurrentKernel{TSelf, T}.Strategy"/> is <see cref="KernelStrategy.Simd"/>. State, cache and aliasing as
/// <see cref="GruLoopKernel{TShape, T}"/> (whose backward reads this cache): state <c>[h]</c> (H), cache
/// <c>[h_prev | r | z | n | hn]</c> (5H), next may be state, dState may be dNext. Values agree with the loop kernel
/// within rounding (the product fuses its multiply-adds and adds the bias last; σ and tanh are TensorPrimitives').
/// </summary>
internal static class SimdGruKernel<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int H => TShape.HiddenSize;

    private static int StateLength => GruLoopKernel<TShape, T>.StateLength;

    private static int CacheLength => GruLoopKernel<TShape, T>.CacheLength;

    private static int RecurrentBiasOffset => CellShape<TShape>.RecurrentBiasOffset;

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Forward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, x, -1, state, next, cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>
    public static void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        Forward(p, default, KernelArguments.OneHot<TShape>(index), state, next, cache);

    // x [D] or e_index, state [H] → next [H], cache [5H]. next may be state itself: the cache keeps h_prev, and the update
    // reads h_prev from the cache.
    private static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        KernelArguments.Cache(cache, CacheLength);
        int h = H;
        state.CopyTo(cache[..h]);                                         // h_prev
        Span<T> gates = cache.Slice(h, 3 * h);                            // zx [3H], activated in place into r, z, n
        Span<T> zh = stackalloc T[3 * h];                                 // at most 96 KB of double (H ≤ 4096)
        SimdGateMatrix<TShape, T>.PreActivations(p, x, index, cache[..h], gates, zh);
        Update(p, cache[..h], gates, zh, cache.Slice(4 * h, h), next);
    }

    // The forward steps of every group of 4 samples of a batched step (sample g … g + 3 for each g in groups), the split
    // product with one pass over the weights for all of them (SimdGateMatrix4's group product), per sample the values of
    // Forward bit for bit: xs [m × D] dense or indices [m] one-hot (the other empty), states [m × H] updated in place,
    // caches [m × 5H]; zhs [4·|groups| × 3H] is scratch. The caller (the batched sequences) has checked the arguments.
    internal static void ForwardGroups(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, Span<T> states, Span<T> caches, ReadOnlySpan<int> groups, Span<T> zhs)
    {
        int h = H, c = CacheLength, g3 = 3 * h;
        Guard.KernelSpans(zhs.Length >= groups.Length * 4 * g3);
        foreach (int g in groups)
        {
            Guard.KernelSpans(g >= 0 && states.Length >= (g + 4) * h && caches.Length >= (g + 4) * c);
            for (int b = g; b < g + 4; b++)
            {
                states.Slice(b * h, h).CopyTo(caches.Slice(b * c, h));  // h_prev
            }
        }

        Span<int> slots = stackalloc int[groups.Length];                    // group i's zh rows: 4 vectors from 4·i of zhs
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = 4 * i;
        }

        SimdGateMatrix4<TShape, T>.PreActivations(p, xs, indices, caches, c, caches[h..], c, zhs, g3, groups, slots);
        for (int i = 0; i < groups.Length; i++)
        {
            for (int b = groups[i]; b < groups[i] + 4; b++)
            {
                Span<T> cache = caches.Slice(b * c, c);
                Update(p, cache[..h], cache.Slice(h, g3), zhs.Slice(((i * 4) + (b - groups[i])) * g3, g3), cache.Slice(4 * h, h), states.Slice(b * h, h));
            }
        }
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

    // dNext [H] = dh' → dState [H] = dh_prev (may be dNext itself: the element-wise part reads dNext in full first), dx [D];
    // dp += ∂L/∂θ. As GruLoopKernel's backward: the element-wise part (the same values bit for bit), the split gate
    // product's backward (dzx for b, W, dx; dzh for U, dh_prev), then db_hn += dhn and dh_prev += dh' ⊙ z.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        int h = H;
        Span<T> scratch = stackalloc T[7 * h];                           // dzx [3H] | dzh [3H] | direct [H]: at most 224 KB of double (H ≤ 4096)
        Span<T> dzx = scratch[..(3 * h)], dzh = scratch.Slice(3 * h, 3 * h), direct = scratch.Slice(6 * h, h);
        SimdGateGradients<TShape, T>.Gru(cache, dNext, dzx, dzh, direct);
        SimdGateMatrix<TShape, T>.Backward(p, x, index, cache[..h], dzx, dzh, dx, dState, dp);
        if (TShape.HasBias)
        {
            Span<T> dbhn = dp.Slice(RecurrentBiasOffset, h);
            TensorPrimitives.Add(dbhn, dzh.Slice(2 * h, h), dbhn);      // db_hn += dhn
        }

        TensorPrimitives.Add(dState, direct, dState);                    // dh_prev = (Uᵀ dzh) + dh' z
    }

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Step"/>
    public static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next) =>
        Step(p, x, -1, state, next);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.StepOneHot"/>
    public static void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next) =>
        Step(p, default, KernelArguments.OneHot<TShape>(index), state, next);

    // As Forward without the cache: zx, zh, hn and h on the stack (the update writes h before next, which may be state).
    private static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int index, ReadOnlySpan<T> state, Span<T> next)
    {
        KernelArguments.Step<TShape, T>(p, x, index, state, StateLength, next);
        int h = H;
        Span<T> scratch = stackalloc T[8 * h];                           // zx [3H] | zh [3H] | hn [H] | h [H]: at most 256 KB of double
        Span<T> gates = scratch[..(3 * h)], zh = scratch.Slice(3 * h, 3 * h), hNew = scratch.Slice(7 * h, h);
        SimdGateMatrix<TShape, T>.PreActivations(p, x, index, state, gates, zh);
        Update(p, state, gates, zh, scratch.Slice(6 * h, h), hNew);
        hNew.CopyTo(next);
    }

    // gates [3H] = zx → r, z, n in place (zh [3H] the recurrent parts); hn [H] = zh_n + b_hn (bias-free: zh_n);
    // hNew [H] = ((1 − z) ⊙ n) + (z ⊙ h_prev), products rounded separately (no fused multiply-add). hNew must not be hPrev.
    internal static void Update(ReadOnlySpan<T> p, ReadOnlySpan<T> hPrev, Span<T> gates, ReadOnlySpan<T> zh, Span<T> hn, Span<T> hNew)
    {
        int h = H;
        Span<T> rz = gates[..(2 * h)], r = gates[..h], z = gates.Slice(h, h), n = gates.Slice(2 * h, h);
        TensorPrimitives.Add(rz, zh[..(2 * h)], rz);                     // zx_r + zh_r, zx_z + zh_z
        VectorMath.Sigmoid<T>(rz, rz);
        if (TShape.HasBias)
        {
            TensorPrimitives.Add(zh.Slice(2 * h, h), p.Slice(RecurrentBiasOffset, h), hn);
        }
        else
        {
            zh.Slice(2 * h, h).CopyTo(hn);                                // bias-free: hn = zh_n
        }

        TensorPrimitives.MultiplyAdd(r, hn, n, n);                        // zx_n + r ⊙ hn
        VectorMath.Tanh<T>(n, n);
        TensorPrimitives.Subtract(T.One, z, hNew);                        // 1 − z
        TensorPrimitives.Multiply(hNew, n, hNew);                         // (1 − z) ⊙ n
        TensorPrimitives.MultiplyAdd(z, hPrev, hNew, hNew);               // + z ⊙ h_prev
    }
}
