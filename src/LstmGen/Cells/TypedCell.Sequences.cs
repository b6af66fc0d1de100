using System.Buffers;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

public static partial class TypedCell<TKernel, T>
{
    /// <summary>
    /// Runs <see cref="Forward"/> over T = <c>inputs.Length</c> steps from <paramref name="initial"/>: writes each step's cache
    /// (caches: [T × CacheLength]) and hidden output h_t, and returns the state after the last step.
    /// </summary>
    public static TState ForwardSequence<TIn, THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, in TState initial, Span<T> caches, Span<THidden> outputs)
        where TIn : unmanaged
        where THidden : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckSequence(inputs.Length, caches.Length, outputs.Length);
        TState final = default;
        Recurrent<TKernel, T>.ForwardSequence(p.Values, In(inputs, D), In(initial, S), Out(ref final, S), caches, Out(outputs, H));
        return final;
    }

    /// <summary><see cref="ForwardSequence{TIn, THidden, TState}"/> on one-hot inputs: T class indices in [0, D).</summary>
    public static TState ForwardSequence<THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, in TState initial, Span<T> caches, Span<THidden> outputs)
        where THidden : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckSequence(inputs.Length, caches.Length, outputs.Length);
        OneHot(inputs);
        TState final = default;
        Recurrent<TKernel, T>.ForwardSequence(p.Values, inputs, In(initial, S), Out(ref final, S), caches, Out(outputs, H));
        return final;
    }

    /// <summary>
    /// Backpropagation through time over the caches of <see cref="ForwardSequence{TIn, THidden, TState}"/> (the same
    /// inputs): from ∂L/∂h_t adds ∂L/∂θ into <paramref name="grads"/>, writes ∂L/∂x_t into
    /// <paramref name="inputGradients"/> unless it is empty, and returns ∂L/∂(initial state).
    /// </summary>
    public static TStateGradient Bptt<TIn, THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients,
        Gradients<TKernel, T> grads, Span<TIn> inputGradients)
        where TIn : unmanaged
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        CheckBptt(inputs.Length, caches.Length, outputGradients.Length, inputGradients.Length, Say.OutputGradients, Say.InputGradients);
        TStateGradient dInitial = default;
        Recurrent<TKernel, T>.Bptt(p.Values, In(inputs, D), caches, In(outputGradients, H), Out(ref dInitial, S), Out(inputGradients, D), grads.Values);
        return dInitial;
    }

    /// <summary><see cref="Bptt{TIn, THidden, TStateGradient}"/> for one-hot inputs (no input gradient).</summary>
    public static TStateGradient Bptt<THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        CheckBptt(inputs.Length, caches.Length, outputGradients.Length, 0, Say.OutputGradients, Say.InputGradients);
        OneHot(inputs);
        TStateGradient dInitial = default;
        Recurrent<TKernel, T>.Bptt(p.Values, inputs, caches, In(outputGradients, H), Out(ref dInitial, S), grads.Values);
        return dInitial;
    }

    /// <summary>
    /// One step of m = <c>states.Length</c> sequences: <c>next[b], cache b = Forward(inputs[b], states[b])</c>
    /// (caches: [m × CacheLength]; <paramref name="next"/> may be <paramref name="states"/>).
    /// </summary>
    public static void ForwardBatch<TIn, TState>(Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TState> states, Span<TState> next, Span<T> caches)
        where TIn : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        Guard.Length(inputs.Length, states.Length, Say.InputsPerState, nameof(inputs));
        ForwardBatchCore(p, In(inputs, D), default, states, next, caches);
    }

    /// <summary><see cref="ForwardBatch{TIn, TState}"/> on one-hot inputs: one class index in [0, D) per state.</summary>
    public static void ForwardBatch<TState>(Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TState> states, Span<TState> next, Span<T> caches)
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        Guard.Length(inputs.Length, states.Length, Say.InputsPerState, nameof(inputs));
        Guard.Indices(inputs, D, Say.OneHotIndices, nameof(inputs));
        ForwardBatchCore(p, default, inputs, states, next, caches);
    }

    /// <summary>
    /// The backward twin of <see cref="ForwardBatch{TIn, TState}"/>: for each sequence b, <see cref="Backward"/> from
    /// ∂L/∂h [b] and <paramref name="carry"/>[b] into <paramref name="carryOut"/>[b] (which may be the carry itself), and
    /// ∂L/∂x into <paramref name="inputGradients"/>[b] unless it is empty.
    /// </summary>
    public static void BackwardBatch<TIn, THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients,
        ReadOnlySpan<TStateGradient> carry, Span<TStateGradient> carryOut, Gradients<TKernel, T> grads, Span<TIn> inputGradients)
        where TIn : unmanaged
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        if (!inputGradients.IsEmpty)
        {
            Guard.Length(inputGradients.Length, inputs.Length, Say.InputGradients, nameof(inputGradients));
        }

        BackwardBatchCore(p, In(inputs, D), default, caches, outputGradients, carry, carryOut, grads, Out(inputGradients, D));
    }

    /// <summary><see cref="BackwardBatch{TIn, THidden, TStateGradient}"/> for one-hot inputs (no input gradient).</summary>
    public static void BackwardBatch<THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients,
        ReadOnlySpan<TStateGradient> carry, Span<TStateGradient> carryOut, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        Guard.Indices(inputs, D, Say.OneHotIndices, nameof(inputs));
        BackwardBatchCore(p, default, inputs, caches, outputGradients, carry, carryOut, grads, default);
    }

    /// <summary>
    /// Runs m = <paramref name="batchSize"/> sequences, time-major (step t of sequence b is element t·m + b of
    /// <paramref name="inputs"/>, of the caches [T × m × CacheLength] and of <paramref name="outputs"/>), from
    /// <paramref name="initial"/> (m states, or empty for zero states) into <paramref name="final"/> (m states).
    /// </summary>
    public static void ForwardSequenceBatch<TIn, THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, int batchSize, ReadOnlySpan<TState> initial, Span<TState> final, Span<T> caches, Span<THidden> outputs)
        where TIn : unmanaged
        where THidden : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckSequenceBatch(inputs.Length, batchSize, initial.Length, final.Length, caches.Length, outputs.Length);
        Recurrent<TKernel, T>.ForwardSequenceBatch(p.Values, In(inputs, D), batchSize, In(initial, S), Out(final, S), caches, Out(outputs, H));
    }

    /// <summary><see cref="ForwardSequenceBatch{TIn, THidden, TState}"/> on one-hot inputs (T × m class indices in [0, D)).</summary>
    public static void ForwardSequenceBatch<THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, int batchSize, ReadOnlySpan<TState> initial, Span<TState> final, Span<T> caches, Span<THidden> outputs)
        where THidden : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckSequenceBatch(inputs.Length, batchSize, initial.Length, final.Length, caches.Length, outputs.Length);
        OneHot(inputs);
        Recurrent<TKernel, T>.ForwardSequenceBatch(p.Values, inputs, batchSize, In(initial, S), Out(final, S), caches, Out(outputs, H));
    }

    /// <summary>
    /// BPTT over the caches of <see cref="ForwardSequenceBatch{TIn, THidden, TState}"/> (the same inputs), time-major:
    /// adds every sequence's ∂L/∂θ into <paramref name="grads"/>; writes ∂L/∂x [T × m] and ∂L/∂(initial states) [m]
    /// unless those spans are empty.
    /// </summary>
    public static void BpttBatch<TIn, THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients, int batchSize,
        Gradients<TKernel, T> grads, Span<TIn> inputGradients, Span<TStateGradient> initialGradients)
        where TIn : unmanaged
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        CheckBpttBatch(inputs.Length, batchSize, caches.Length, outputGradients.Length, inputGradients.Length, initialGradients.Length);
        ReadOnlySpan<T> xs = In(inputs, D);
        ReadOnlySpan<T> dOutputs = In(outputGradients, H);
        Span<T> dxs = Out(inputGradients, D);
        if (!initialGradients.IsEmpty)
        {
            Recurrent<TKernel, T>.BpttBatch(p.Values, xs, batchSize, caches, dOutputs, Out(initialGradients, S), dxs, grads.Values);
            return;
        }

        T[] scratch = ArrayPool<T>.Shared.Rent(Math.Max(batchSize, 1) * S);
        try
        {
            Recurrent<TKernel, T>.BpttBatch(p.Values, xs, batchSize, caches, dOutputs, scratch.AsSpan(0, Math.Max(batchSize, 1) * S), dxs, grads.Values);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    /// <summary><see cref="BpttBatch{TIn, THidden, TStateGradient}"/> for one-hot inputs (no input gradient).</summary>
    public static void BpttBatch<THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients, int batchSize,
        Gradients<TKernel, T> grads, Span<TStateGradient> initialGradients)
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        CheckBpttBatch(inputs.Length, batchSize, caches.Length, outputGradients.Length, 0, initialGradients.Length);
        OneHot(inputs);
        ReadOnlySpan<T> dOutputs = In(outputGradients, H);
        if (!initialGradients.IsEmpty)
        {
            Recurrent<TKernel, T>.BpttBatch(p.Values, inputs, batchSize, caches, dOutputs, Out(initialGradients, S), grads.Values);
            return;
        }

        T[] scratch = ArrayPool<T>.Shared.Rent(Math.Max(batchSize, 1) * S);
        try
        {
            Recurrent<TKernel, T>.BpttBatch(p.Values, inputs, batchSize, caches, dOutputs, scratch.AsSpan(0, Math.Max(batchSize, 1) * S), grads.Values);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    // The caller's argument is `inputs`: checked here, so that errors name it (the contract names its own `xs`/`indices`).
    private static void OneHot(ReadOnlySpan<int> inputs) => Guard.Indices(inputs, D, Say.OneHotIndices, "inputs");

    // The one-hot indices of a padded batch, at the valid steps only (padding is not read).
    private static void OneHot(ReadOnlySpan<int> inputs, int batchSize, ReadOnlySpan<int> lengths) =>
        SequenceLengths.Indices(inputs, batchSize, lengths, D, Say.OneHotIndices, "inputs");

    private static int BatchSteps(int length, int batchSize) =>
        SequenceArguments.Steps(length, batchSize, 1, Say.BatchedInputs, "inputs");

    private static void CheckSequence(int steps, int caches, int outputs)
    {
        CheckCaches(caches, steps, "caches");
        CheckRows(outputs, steps, Say.Outputs, "outputs");
    }

    private static void CheckBptt(int rows, int caches, int outputGradients, int inputGradients, string outputGradientsWhat, string inputGradientsWhat)
    {
        CheckCaches(caches, rows, "caches");
        CheckRows(outputGradients, rows, outputGradientsWhat, "outputGradients");
        CheckRows(inputGradients, rows, inputGradientsWhat, "inputGradients", optional: true);
    }

    private static void CheckSequenceBatch(int inputs, int batchSize, int initial, int final, int caches, int outputs)
    {
        BatchSteps(inputs, batchSize);
        CheckRows(initial, batchSize, Say.InitialStates, "initial", optional: true);
        CheckRows(final, batchSize, Say.FinalStates, "final");
        CheckCaches(caches, inputs, "caches");
        CheckRows(outputs, inputs, Say.BatchedOutputs, "outputs");
    }

    private static void CheckBpttBatch(int inputs, int batchSize, int caches, int outputGradients, int inputGradients, int initialGradients)
    {
        BatchSteps(inputs, batchSize);
        CheckBptt(inputs, caches, outputGradients, inputGradients, Say.BatchedOutputGradients, Say.BatchedInputGradients);
        CheckRows(initialGradients, batchSize, Say.InitialGradients, "initialGradients", optional: true);
    }

    private static void ForwardBatchCore<TState>(Parameters<TKernel, T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<TState> states, Span<TState> next, Span<T> caches)
        where TState : unmanaged
    {
        int m = states.Length, c = TKernel.CacheLength;
        Guard.Length(next.Length, m, Say.NextStates, nameof(next));
        CheckCaches(caches.Length, m, nameof(caches));
        ReadOnlySpan<T> from = In(states, S);
        Span<T> to = Out(next, S);
        for (int b = 0; b < m; b++)
        {
            ReadOnlySpan<T> state = from.Slice(b * S, S);
            Span<T> result = to.Slice(b * S, S), cache = caches.Slice(b * c, c);
            if (indices.IsEmpty)
            {
                TKernel.Forward(p.Values, xs.Slice(b * D, D), state, result, cache);
            }
            else
            {
                TKernel.ForwardOneHot(p.Values, indices[b], state, result, cache);
            }
        }
    }

    private static void BackwardBatchCore<THidden, TStateGradient>(
        Parameters<TKernel, T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, ReadOnlySpan<THidden> outputGradients,
        ReadOnlySpan<TStateGradient> carry, Span<TStateGradient> carryOut, Gradients<TKernel, T> grads, Span<T> dxs)
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        int m = indices.IsEmpty ? xs.Length / D : indices.Length, c = TKernel.CacheLength;
        CheckCaches(caches.Length, m, nameof(caches));
        Guard.Length(outputGradients.Length, m, Say.OutputGradientsPerInput, nameof(outputGradients));
        Guard.Length(carry.Length, m, Say.Carry, nameof(carry));
        Guard.Length(carryOut.Length, m, Say.CarryOut, nameof(carryOut));
        ReadOnlySpan<T> dh = In(outputGradients, H), dIn = In(carry, S);
        Span<T> dOut = Out(carryOut, S);
        for (int b = 0; b < m; b++)
        {
            // dNext = (dh + carry.dh, carry.dc), formed in carryOut[b] (which may alias carry[b]).
            Span<T> dNext = dOut.Slice(b * S, S);
            dIn.Slice(b * S, S).CopyTo(dNext);
            for (int j = 0; j < H; j++)
            {
                dNext[j] += dh[(b * H) + j];
            }

            ReadOnlySpan<T> cache = caches.Slice(b * c, c);
            if (indices.IsEmpty)
            {
                TKernel.Backward(p.Values, xs.Slice(b * D, D), cache, dNext, dNext, dxs.IsEmpty ? default : dxs.Slice(b * D, D), grads.Values);
            }
            else
            {
                TKernel.BackwardOneHot(p.Values, indices[b], cache, dNext, dNext, grads.Values);
            }
        }
    }
}
