using System.Numerics;
using System.Numerics.Tensors;

namespace LstmGen.Kernels;

/// <summary>
/// Sequences and backpropagation through time, written once over the cell contract: every cell gets these by
/// forwarding to <typeparamref name="TKernel"/>'s step and its backward twin, except a <see cref="KernelStrategy.Simd"/>
/// kernel's batches (one included): their forward runs groups of 4 samples with one pass over the weights per step, and
/// their BPTT hoists the weight gradients out of the reverse loop as matrix–matrix products (BatchedBackward), so its
/// dθ, dh and dx equal the single backward steps' to rounding, not bit for bit. Buffers are flat and time-major, owned by
/// the caller: a sequence of T inputs is <c>xs</c> [T × D], its caches [T × CacheLength], its hidden outputs [T × H].
/// </summary>
/// <remarks>
/// Every length is checked before anything is written, and one-hot indices are checked before the first step, so a
/// throwing call leaves every caller buffer untouched. Nothing is allocated.
/// </remarks>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public static partial class Recurrent<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // The most groups of 4 samples one pass over the weights serves in a batched forward step (their indices on the stack).
    private const int MaxGroupsPerPass = 64;

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
        Forward(p, xs, default, default, steps, batchSize, initial, final, caches, outputs);
    }

    /// <summary><see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs: T × m class indices in [0, D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D), or the batch size is less than 1; checked before anything is written.</exception>
    public static void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int steps = Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices));
        CheckForward(steps, batchSize, initial, final, caches, outputs);
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Forward(p, default, indices, default, steps, batchSize, initial, final, caches, outputs);
    }

    /// <summary>
    /// <see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>
    /// for sequences of different lengths padded to T steps (PyTorch's <c>pack_padded_sequence</c>): sequence b has
    /// <paramref name="lengths"/>[b] valid steps, each length in [1, T] (none need equal T; empty: all have T). At a
    /// padded step t ≥ lengths[b] the input is not read, the state is kept, the cache is not written and the output row
    /// is zero (as PyTorch's <c>pad_packed_sequence</c> gives); the final state is the one after the last valid step.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside [1, T], a valid step's one-hot index is outside [0, D), or the batch size is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit T = xs.Length / (m·D), or lengths does not hold m values.</exception>
    public static void ForwardSequenceBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int steps = SequenceArguments.Steps(xs.Length, batchSize, TKernel.InputSize, "the inputs xs (T x m x D values)", nameof(xs));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckForward(steps, batchSize, initial, final, caches, outputs);
        Forward(p, xs, default, lengths, steps, batchSize, initial, final, caches, outputs);
    }

    /// <summary><see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs: T × m class indices, in [0, D) at the valid steps (padding is not read).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside [1, T], a valid step's index is outside [0, D), or the batch size is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    public static void ForwardSequenceBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
    {
        int steps = Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckForward(steps, batchSize, initial, final, caches, outputs);
        SequenceLengths.Indices(indices, batchSize, lengths, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Forward(p, default, indices, lengths, steps, batchSize, initial, final, caches, outputs);
    }

    // For each step t and sequence b: state_b, cache_{t,b} ← step(x_{t,b}, state_b); h_{t,b} = state_b[..H]. At a padded
    // step (t ≥ lengths[b]) nothing of b changes and h_{t,b} = 0. final carries the m states from step to step. A SIMD
    // kernel runs the sequences in groups of 4 while all 4 have step t (SimdBatch: one pass over the weights for up to
    // MaxGroupsPerPass groups, the same values as the single steps), else (and for the rest) one by one.
    private static void Forward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<int> lengths, int steps, int m, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs)
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
        Span<int> starts = stackalloc int[Math.Min(groups / 4, Math.Min(MaxGroupsPerPass, SimdBatch<TKernel, T>.GroupsPerPass))];    // groups of 4 that all have step t
        for (int t = 0; t < steps; t++)
        {
            int count = 0;
            for (int g = 0; g < groups; g += 4)
            {
                if (SequenceLengths.GroupIsValid(lengths, g, t))
                {
                    starts[count++] = g;
                }

                if (count > 0 && (count == starts.Length || g + 4 >= groups))
                {
                    int k = t * m;
                    SimdBatch<TKernel, T>.Forward(
                        p, indices.IsEmpty ? xs.Slice(k * d, m * d) : default, indices.IsEmpty ? default : indices.Slice(k, m), final, caches.Slice(k * c, m * c), starts[..count]);
                    count = 0;
                }
            }

            for (int b = 0; b < m; b++)
            {
                if (b >= groups || !SequenceLengths.GroupIsValid(lengths, b / 4 * 4, t))
                {
                    ForwardOne(p, xs, indices, lengths, t, b, m, final.Slice(b * s, s), caches);
                }
            }

            for (int b = 0; b < m; b++)
            {
                Span<T> output = outputs.Slice(((t * m) + b) * h, h);
                if (SequenceLengths.IsValid(lengths, b, t))
                {
                    final.Slice(b * s, h).CopyTo(output);
                }
                else
                {
                    output.Clear();
                }
            }
        }
    }

    // One sequence's step t, unless it is padding.
    private static void ForwardOne(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<int> lengths, int t, int b, int m, Span<T> state, Span<T> caches)
    {
        if (!SequenceLengths.IsValid(lengths, b, t))
        {
            return;
        }

        int k = (t * m) + b, c = TKernel.CacheLength, d = TKernel.InputSize;
        Span<T> cache = caches.Slice(k * c, c);
        if (indices.IsEmpty)
        {
            TKernel.Forward(p, xs.Slice(k * d, d), state, state, cache);
        }
        else
        {
            TKernel.ForwardOneHot(p, indices[k], state, state, cache);
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

        Backward(p, xs, default, default, steps, batchSize, caches, dOutputs, dInitial, dxs, dp);
    }

    /// <summary><see cref="BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs (no input gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, D), or the batch size is less than 1; checked before anything is written.</exception>
    public static void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp)
    {
        int steps = Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices));
        CheckBackward(steps, batchSize, caches, dOutputs, dInitial, dp);
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Backward(p, default, indices, default, steps, batchSize, caches, dOutputs, dInitial, default, dp);
    }

    /// <summary>
    /// BPTT over the caches of <see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>
    /// with the same <paramref name="lengths"/>: the output gradients at padded steps are not read, their input
    /// gradients are zero, and each sequence's ∂L/∂state_0 and share of dp come from its valid steps alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside [1, T], or the batch size is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    public static void BpttBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        int steps = SequenceArguments.Steps(xs.Length, batchSize, TKernel.InputSize, "the inputs xs (T x m x D values)", nameof(xs));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckBackward(steps, batchSize, caches, dOutputs, dInitial, dp);
        if (!dxs.IsEmpty)
        {
            Guard.Length(dxs.Length, xs.Length, "the input gradients dxs (as many values as xs, or empty)", nameof(dxs));
        }

        Backward(p, xs, default, lengths, steps, batchSize, caches, dOutputs, dInitial, dxs, dp);
    }

    /// <summary><see cref="BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for one-hot inputs (no input gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside [1, T], a valid step's index is outside [0, D), or the batch size is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    public static void BpttBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp)
    {
        int steps = Guard.BatchSteps(indices.Length, batchSize, "the one-hot input indices (T x m)", nameof(indices));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckBackward(steps, batchSize, caches, dOutputs, dInitial, dp);
        SequenceLengths.Indices(indices, batchSize, lengths, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        Backward(p, default, indices, lengths, steps, batchSize, caches, dOutputs, dInitial, default, dp);
    }

    // for t = T−1 … 0, each sequence b with step t: carry_b += [∂L/∂h_{t,b} | 0]; (carry_b, dx_{t,b}) ← backward(cache_{t,b}, carry_b);
    // a padded step leaves carry_b alone and writes dx_{t,b} = 0. A SIMD kernel whose gate rows fill a vector runs
    // BatchedBackward instead: the weight gradients hoisted out of the reverse loop as GEMMs.
    private static void Backward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<int> lengths, int steps, int m, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> carries, Span<T> dxs, Span<T> dp)
    {
        if (BatchedBackward<TKernel, T>.Applies(dense: indices.IsEmpty))
        {
            BatchedBackward<TKernel, T>.Run(p, xs, indices, lengths, steps, m, caches, dOutputs, carries, dxs, dp);
            return;
        }

        int h = TKernel.HiddenSize, s = StateLength;
        carries.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            for (int b = 0; b < m; b++)
            {
                if (SequenceLengths.IsValid(lengths, b, t))
                {
                    Span<T> dh = carries.Slice(b * s, h);
                    TensorPrimitives.Add(dh, dOutputs.Slice(((t * m) + b) * h, h), dh);
                }

                BackwardOne(p, xs, indices, lengths, t, b, m, caches, carries.Slice(b * s, s), dxs, dp);
            }
        }
    }

    // One sequence's step t backward, or for a padded step a zero input gradient.
    private static void BackwardOne(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<int> lengths, int t, int b, int m, ReadOnlySpan<T> caches, Span<T> carry, Span<T> dxs, Span<T> dp)
    {
        int k = (t * m) + b, c = TKernel.CacheLength, d = TKernel.InputSize;
        Span<T> dx = dxs.IsEmpty ? default : dxs.Slice(k * d, d);
        if (!SequenceLengths.IsValid(lengths, b, t))
        {
            dx.Clear();
            return;
        }

        ReadOnlySpan<T> cache = caches.Slice(k * c, c);
        if (indices.IsEmpty)
        {
            TKernel.Backward(p, xs.Slice(k * d, d), cache, carry, carry, dx, dp);
        }
        else
        {
            TKernel.BackwardOneHot(p, indices[k], cache, carry, carry, dp);
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
