using System.Numerics;
using System.Numerics.Tensors;

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
    /// <summary>S: the state length, H for an RNN or a GRU (<c>[h]</c>), 2H for an LSTM (<c>[h | c]</c>).</summary>
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
    /// <paramref name="initial"/> itself). The batch of one of <see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / D.</exception>
    public static void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        Guard.Length(initial.Length, StateLength, "the initial state", nameof(initial));
        ForwardSequenceBatch(p, xs, 1, initial, final, caches, outputs);
    }

    /// <summary><see cref="ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs: T class indices in [0, D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D); checked before anything is written.</exception>
    public static void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        Guard.Length(initial.Length, StateLength, "the initial state", nameof(initial));
        ForwardSequenceBatch(p, indices, 1, initial, final, caches, outputs);
    }

    /// <summary>
    /// Runs m = <paramref name="batchSize"/> sequences of T steps, time-major: step t of sequence b is element t·m + b of
    /// xs [T × m × D], caches [T × m × CacheLength] and outputs [T × m × H]. The states are [m × S]: the initial ones
    /// (empty: all zero) and the final ones, written (<paramref name="final"/> may be <paramref name="initial"/> itself).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / (m·D).</exception>
    public static void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int steps = SequenceArguments.Steps(xs.Length, batchSize, TKernel.InputSize, "the inputs xs (T x m x D values)", nameof(xs));
        CheckForward(steps, batchSize, initial, final, caches, outputs);
        Forward(p, xs, default, steps, batchSize, initial, final, caches, outputs);
    }

    /// <summary><see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs: T × m class indices in [0, D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D), or the batch size is less than 1; checked before anything is written.</exception>
    public static void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int steps = Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices));
        CheckForward(steps, batchSize, initial, final, caches, outputs);
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Forward(p, default, indices, steps, batchSize, initial, final, caches, outputs);
    }

    // For each step t and sequence b: state_b, cache_{t,b} ← step(x_{t,b}, state_b); h_{t,b} = state_b[..H].
    // final carries the m states from step to step. A SIMD kernel runs the sequences in groups of 4 (SimdBatch: one pass
    // over the weights per group, the same values as the single steps), the rest one by one.
    private static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, int steps, int m, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int h = TKernel.HiddenSize, c = TKernel.CacheLength, d = TKernel.InputSize, s = StateLength;
        if (initial.IsEmpty)
        {
            final.Clear();
        }
        else
        {
            initial.CopyTo(final);
        }

        int groups = SimdBatch<TKernel, T>.Applies ? m / 4 * 4 : 0;
        for (int t = 0; t < steps; t++)
        {
            int b = 0;
            for (; b < groups; b += 4)
            {
                int k = (t * m) + b;
                SimdBatch<TKernel, T>.Forward(
                    p, indices.IsEmpty ? xs.Slice(k * d, 4 * d) : default, indices.IsEmpty ? default : indices.Slice(k, 4), final.Slice(b * s, 4 * s), caches.Slice(k * c, 4 * c));
            }

            for (; b < m; b++)
            {
                int k = (t * m) + b;
                Span<T> state = final.Slice(b * s, s), cache = caches.Slice(k * c, c);
                if (indices.IsEmpty)
                {
                    TKernel.Forward(p, xs.Slice(k * d, d), state, state, cache);
                }
                else
                {
                    TKernel.ForwardOneHot(p, indices[k], state, state, cache);
                }
            }

            for (b = 0; b < m; b++)
            {
                final.Slice(b * s, h).CopyTo(outputs.Slice(((t * m) + b) * h, h));
            }
        }
    }

    /// <summary>
    /// Backpropagation through time over the caches of <see cref="ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>:
    /// from ∂L/∂h_t [T × H] (the loss's gradient with respect to each hidden output) adds ∂L/∂θ into dp, writes
    /// ∂L/∂x_t into dxs [T × D] (unless it is empty) and ∂L/∂state_0 into <paramref name="dInitial"/> [S]. The reverse
    /// loop carries (dh, dc) in <paramref name="dInitial"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / D.</exception>
    public static void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp) =>
        BpttBatch(p, xs, 1, caches, dOutputs, dInitial, dxs, dp);

    /// <summary><see cref="Bptt(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs (no input gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D); checked before anything is written.</exception>
    public static void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp) =>
        BpttBatch(p, indices, 1, caches, dOutputs, dInitial, dp);

    /// <summary>
    /// BPTT over the caches of <see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>,
    /// time-major like it: dOutputs [T × m × H] in, dxs [T × m × D] (or empty) and dInitial [m × S] out; every sequence's
    /// ∂L/∂θ is added into dp.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / (m·D).</exception>
    public static void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        int steps = SequenceArguments.Steps(xs.Length, batchSize, TKernel.InputSize, "the inputs xs (T x m x D values)", nameof(xs));
        CheckBackward(steps, batchSize, caches, dOutputs, dInitial, dp);
        if (!dxs.IsEmpty)
        {
            Guard.Length(dxs.Length, xs.Length, "the input gradients dxs (as many values as xs, or empty)", nameof(dxs));
        }

        Backward(p, xs, default, steps, batchSize, caches, dOutputs, dInitial, dxs, dp);
    }

    /// <summary><see cref="BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs (no input gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D), or the batch size is less than 1; checked before anything is written.</exception>
    public static void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp)
    {
        int steps = Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices));
        CheckBackward(steps, batchSize, caches, dOutputs, dInitial, dp);
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Backward(p, default, indices, steps, batchSize, caches, dOutputs, dInitial, default, dp);
    }

    // for t = T−1 … 0, each sequence b: carry_b += [∂L/∂h_{t,b} | 0]; (carry_b, dx_{t,b}) ← backward(cache_{t,b}, carry_b).
    // A SIMD kernel runs the sequences in groups of 4 (SimdBatch), with the values of the single steps in the same order.
    private static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, int steps, int m, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> carries, Span<T> dxs, Span<T> dp)
    {
        int h = TKernel.HiddenSize, c = TKernel.CacheLength, d = TKernel.InputSize, s = StateLength;
        int groups = SimdBatch<TKernel, T>.Applies ? m / 4 * 4 : 0;
        Span<T> scratch = groups > 0 ? stackalloc T[SimdBatch<TKernel, T>.ScratchLength] : default;
        carries.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            for (int b = 0; b < m; b++)
            {
                Span<T> dh = carries.Slice(b * s, h);
                TensorPrimitives.Add(dh, dOutputs.Slice(((t * m) + b) * h, h), dh);
            }

            int g = 0;
            for (; g < groups; g += 4)
            {
                int k = (t * m) + g;
                SimdBatch<TKernel, T>.Backward(
                    p, indices.IsEmpty ? xs.Slice(k * d, 4 * d) : default, indices.IsEmpty ? default : indices.Slice(k, 4), caches.Slice(k * c, 4 * c),
                    carries.Slice(g * s, 4 * s), dxs.IsEmpty ? default : dxs.Slice(k * d, 4 * d), dp, scratch);
            }

            for (int b = g; b < m; b++)
            {
                int k = (t * m) + b;
                Span<T> carry = carries.Slice(b * s, s);
                ReadOnlySpan<T> cache = caches.Slice(k * c, c);
                if (indices.IsEmpty)
                {
                    TKernel.Backward(p, xs.Slice(k * d, d), cache, carry, carry, dxs.IsEmpty ? default : dxs.Slice(k * d, d), dp);
                }
                else
                {
                    TKernel.BackwardOneHot(p, indices[k], cache, carry, carry, dp);
                }
            }
        }
    }

    private static void CheckForward(int steps, int m, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        if (!initial.IsEmpty)
        {
            Guard.Length(initial.Length, m * StateLength, "the initial states (m x S values, or empty)", nameof(initial));
        }

        Guard.Length(final.Length, m * StateLength, "the final states (m x S values)", nameof(final));
        SequenceArguments.PerStep(caches.Length, steps * m, TKernel.CacheLength, "the step caches (T x m x CacheLength values)", nameof(caches));
        SequenceArguments.PerStep(outputs.Length, steps * m, TKernel.HiddenSize, "the hidden outputs (T x m x H values)", nameof(outputs));
    }

    private static void CheckBackward(int steps, int m, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp)
    {
        SequenceArguments.PerStep(caches.Length, steps * m, TKernel.CacheLength, "the step caches (T x m x CacheLength values)", nameof(caches));
        SequenceArguments.PerStep(dOutputs.Length, steps * m, TKernel.HiddenSize, "the output gradients (T x m x H values)", nameof(dOutputs));
        Guard.Length(dInitial.Length, m * StateLength, "the initial states' gradient (m x S values)", nameof(dInitial));
        Guard.Length(dp.Length, CellShape<TKernel>.ParameterCount, "the parameter gradients dp", nameof(dp));
    }
}
