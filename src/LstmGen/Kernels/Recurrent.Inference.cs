using System.Runtime.CompilerServices;

namespace LstmGen.Kernels;

public static partial class Recurrent<TKernel, T>
{
    /// <summary>
    /// Batched inference: one step of m = <paramref name="batchSize"/> sequences that writes their states only, no cache
    /// (<see cref="ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>
    /// also writes every step's cache, for training). Sample b is <c>next[b] = Step(xs[b], states[b])</c>: xs [m × D],
    /// states [m × S] → next [m × S]. <paramref name="next"/> may be <paramref name="states"/> itself (the states advance
    /// in place); no other overlap is allowed.
    /// </summary>
    /// <remarks>
    /// A SIMD LSTM or tanh RNN kernel runs the samples in groups of 4 with one pass over the weights per group (the
    /// runtime's 4-sample gate product, then each sample's update), the rest one by one through
    /// <see cref="IRecurrentKernel{TSelf, T}.Step"/>; per sample the values of the runtime's single SIMD step bit for bit.
    /// Every other kernel (GRU, loops, unrolled) steps sample by sample through its own
    /// <see cref="IRecurrentKernel{TSelf, T}.Step"/>. Every argument is checked before anything is written; nothing is allocated.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit m.</exception>
    public static void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> states, Span<T> next)
    {
        CheckStepBatch(p, batchSize, states, next);
        Guard.Length(xs.Length, batchSize * TKernel.InputSize, "the inputs xs (m x D values)", nameof(xs));
        StepBatch(p, xs, default, batchSize, states, next);
    }

    /// <summary>
    /// <see cref="StepBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T})"/> for one-hot inputs:
    /// <paramref name="indices"/> [m], one class index in [0, D) per sequence.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1, or an index is outside [0, D).</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit m.</exception>
    public static void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> states, Span<T> next)
    {
        CheckStepBatch(p, batchSize, states, next);
        Guard.Length(indices.Length, batchSize, "the one-hot input indices (m values)", nameof(indices));
        Guard.Indices(indices, TKernel.InputSize, "the one-hot input indices", nameof(indices));
        StepBatch(p, default, indices, batchSize, states, next);
    }

    // Groups of 4 (SimdBatchInference) while 4 samples remain, if it applies; the rest one by one. The scratch is written
    // before it is read.
    [SkipLocalsInit]
    private static void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, int m, ReadOnlySpan<T> states, Span<T> next)
    {
        int d = TKernel.InputSize, s = StateLength, b = 0;
        bool oneHot = !indices.IsEmpty;
        if (SimdBatchInference<TKernel, T>.Applies && m >= 4)
        {
            Span<T> scratch = stackalloc T[SimdBatchInference<TKernel, T>.ScratchLength];
            for (; b <= m - 4; b += 4)
            {
                SimdBatchInference<TKernel, T>.Step4(
                    p, oneHot ? default : xs.Slice(b * d, 4 * d), oneHot ? indices.Slice(b, 4) : default, states.Slice(b * s, 4 * s), next.Slice(b * s, 4 * s), scratch);
            }
        }

        for (; b < m; b++)
        {
            if (oneHot)
            {
                TKernel.StepOneHot(p, indices[b], states.Slice(b * s, s), next.Slice(b * s, s));
            }
            else
            {
                TKernel.Step(p, xs.Slice(b * d, d), states.Slice(b * s, s), next.Slice(b * s, s));
            }
        }
    }

    private static void CheckStepBatch(ReadOnlySpan<T> p, int batchSize, ReadOnlySpan<T> states, Span<T> next)
    {
        Guard.Length(p.Length, CellShape<TKernel>.ParameterCount, "the parameters p", nameof(p));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1, nameof(batchSize));
        Guard.Length(states.Length, batchSize * StateLength, "the states (m x S values)", nameof(states));
        Guard.Length(next.Length, batchSize * StateLength, "the next states (m x S values)", nameof(next));
    }
}
