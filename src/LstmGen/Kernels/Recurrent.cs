using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// Sequences and backpropagation through time, written once over the cell contract: every cell gets these by
/// forwarding to <typeparamref name="TKernel"/>'s step and its backward twin. Buffers are flat and time-major, owned by
/// the caller: a sequence of T inputs is <c>xs</c> [T × D], its caches [T × CacheLength], its hidden outputs [T × H].
/// </summary>
/// <remarks>
/// Every length is checked before anything is written, and one-hot indices are checked before the first step, so a
/// throwing call leaves every caller buffer untouched. Nothing is allocated.
/// </remarks>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public static class Recurrent<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>S: the state length, H for an RNN, 2H for an LSTM (<c>[h | c]</c>).</summary>
    public static int StateLength => (TKernel.Kind == RecurrentCellKind.Lstm ? 2 : 1) * TKernel.HiddenSize;

    /// <summary>The scalars one step caches (<see cref="IRecurrentKernel{TSelf, T}.CacheLength"/>).</summary>
    public static int CacheLength => TKernel.CacheLength;

    // One step and its backward twin, as the kernel defines them (callable without a generic constraint of your own).

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Forward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) => TKernel.Forward(p, x, state, next, cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>
    public static void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) => TKernel.ForwardOneHot(p, index, state, next, cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Backward"/>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp) =>
        TKernel.Backward(p, x, cache, dNext, dState, dx, dp);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.BackwardOneHot"/>
    public static void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp) =>
        TKernel.BackwardOneHot(p, index, cache, dNext, dState, dp);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Step"/>
    public static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next) => TKernel.Step(p, x, state, next);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.StepOneHot"/>
    public static void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next) => TKernel.StepOneHot(p, index, state, next);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadForward"/>
    public static void HeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits) => TKernel.HeadForward(p, h, logits);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadBackward"/>
    public static void HeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp) => TKernel.HeadBackward(p, h, dLogits, dh, dp);

    /// <summary>
    /// Runs the cell over xs [T × D] from <paramref name="initial"/> [S]: writes each step's cache [T × CacheLength] and
    /// hidden output h_t [T × H], and the state after the last step into <paramref name="final"/> [S] (which may be
    /// <paramref name="initial"/> itself).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / D.</exception>
    public static void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int steps = SequenceArguments.Steps(xs.Length, TKernel.InputSize, "the inputs xs (T x D values)", nameof(xs));
        CheckForward(steps, initial, final, caches, outputs);
        int d = TKernel.InputSize;
        Forward(p, xs, default, steps, d, initial, final, caches, outputs);
    }

    /// <summary><see cref="ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs: T class indices in [0, D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D); checked before anything is written.</exception>
    public static void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        CheckForward(indices.Length, initial, final, caches, outputs);
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Forward(p, default, indices, indices.Length, 0, initial, final, caches, outputs);
    }

    // state_{t+1}, cache_t = step(x_t, state_t); h_t = state_{t+1}[..H]. final carries the state from step to step.
    private static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, int steps, int d, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int h = TKernel.HiddenSize, c = TKernel.CacheLength;
        initial.CopyTo(final);
        for (int t = 0; t < steps; t++)
        {
            Span<T> cache = caches.Slice(t * c, c);
            if (indices.IsEmpty)
            {
                TKernel.Forward(p, xs.Slice(t * d, d), final, final, cache);
            }
            else
            {
                TKernel.ForwardOneHot(p, indices[t], final, final, cache);
            }

            final[..h].CopyTo(outputs.Slice(t * h, h));
        }
    }

    /// <summary>
    /// Backpropagation through time over the caches of <see cref="ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>:
    /// from ∂L/∂h_t [T × H] (the loss's gradient with respect to each hidden output) adds ∂L/∂θ into dp, writes
    /// ∂L/∂x_t into dxs [T × D] (unless it is empty) and ∂L/∂state_0 into <paramref name="dInitial"/> [S]. The reverse
    /// loop carries (dh, dc) in <paramref name="dInitial"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / D.</exception>
    public static void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        int steps = SequenceArguments.Steps(xs.Length, TKernel.InputSize, "the inputs xs (T x D values)", nameof(xs));
        CheckBackward(steps, caches, dOutputs, dInitial, dp);
        if (!dxs.IsEmpty)
        {
            Guard.Length(dxs.Length, xs.Length, "the input gradients dxs (T x D values, or empty)", nameof(dxs));
        }

        Backward(p, xs, default, caches, dOutputs, dInitial, dxs, dp, steps);
    }

    /// <summary><see cref="Bptt(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs (no input gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D); checked before anything is written.</exception>
    public static void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp)
    {
        CheckBackward(indices.Length, caches, dOutputs, dInitial, dp);
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Backward(p, default, indices, caches, dOutputs, dInitial, default, dp, indices.Length);
    }

    // for t = T−1 … 0: carry += [∂L/∂h_t | 0]; (carry, dx_t) ← backward(cache_t, carry); dp += ∂L/∂θ_t.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> carry, Span<T> dxs, Span<T> dp, int steps)
    {
        int h = TKernel.HiddenSize, c = TKernel.CacheLength, d = TKernel.InputSize;
        carry.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            ReadOnlySpan<T> dh = dOutputs.Slice(t * h, h);
            for (int j = 0; j < h; j++)
            {
                carry[j] += dh[j];
            }

            ReadOnlySpan<T> cache = caches.Slice(t * c, c);
            if (indices.IsEmpty)
            {
                TKernel.Backward(p, xs.Slice(t * d, d), cache, carry, carry, dxs.IsEmpty ? default : dxs.Slice(t * d, d), dp);
            }
            else
            {
                TKernel.BackwardOneHot(p, indices[t], cache, carry, carry, dp);
            }
        }
    }

    private static void CheckForward(int steps, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        Guard.Length(initial.Length, StateLength, "the initial state", nameof(initial));
        Guard.Length(final.Length, StateLength, "the final state", nameof(final));
        SequenceArguments.PerStep(caches.Length, steps, TKernel.CacheLength, "the step caches (T x CacheLength values)", nameof(caches));
        SequenceArguments.PerStep(outputs.Length, steps, TKernel.HiddenSize, "the hidden outputs (T x H values)", nameof(outputs));
    }

    private static void CheckBackward(int steps, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp)
    {
        SequenceArguments.PerStep(caches.Length, steps, TKernel.CacheLength, "the step caches (T x CacheLength values)", nameof(caches));
        SequenceArguments.PerStep(dOutputs.Length, steps, TKernel.HiddenSize, "the output gradients (T x H values)", nameof(dOutputs));
        Guard.Length(dInitial.Length, StateLength, "the initial state's gradient", nameof(dInitial));
        Guard.Length(dp.Length, CellShape<TKernel>.ParameterCount, "the parameter gradients dp", nameof(dp));
    }
}
