using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The size-specialised math of one recurrent cell: its forward step, the backward twin of that step, the inference
/// step and the softmax head, over flat spans. This is all that depends on a cell's sizes; sequences, BPTT, batches,
/// losses and optimisers are written once, generic over <typeparamref name="TSelf"/>.
/// </summary>
/// <remarks>
/// <para>Shapes: <c>p</c> is the flat parameter buffer of <see cref="CellLayout"/>; <c>x</c> has D values; a state has S
/// values, <c>[h]</c> for an RNN (S = H) and <c>[h | c]</c> for an LSTM (S = 2H); a cache has
/// <see cref="CacheLength"/> values, exactly what <see cref="Backward"/> reads and nothing more (the input is not
/// cached: the caller still holds it). One argument order everywhere: parameters, inputs, state, buffers written,
/// gradient accumulator. Gradients are accumulated with <c>+=</c>.</para>
/// <para>Every member checks its spans' lengths on entry and throws <see cref="ArgumentException"/> before writing.</para>
/// <para>Aliasing, which the sequence layer relies on to carry the state and its gradient in one buffer: a forward
/// step's <c>next</c> may be its <c>state</c>, and a backward step's <c>dState</c> may be its <c>dNext</c>. No other
/// buffers may overlap.</para>
/// </remarks>
/// <typeparam name="TSelf">The implementing value type: one per declared cell.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public interface IRecurrentKernel<TSelf, T> : ICellShape
    where TSelf : struct, IRecurrentKernel<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The scalars one forward step caches for its backward twin.</summary>
    static abstract int CacheLength { get; }

    /// <summary>One forward step: p, x [D], state [S] → next [S], cache [<see cref="CacheLength"/>].</summary>
    static abstract void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache);

    /// <summary><see cref="Forward"/> for the one-hot input <c>e_index</c>: one column of W instead of a product.</summary>
    static abstract void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache);

    /// <summary>
    /// The backward twin of <see cref="Forward"/>: from dNext [S] (∂L/∂h of the step, its output's gradient included,
    /// and for an LSTM ∂L/∂c) writes dState [S] and dx [D] (or nothing, if dx is empty), and adds ∂L/∂θ into dp.
    /// </summary>
    static abstract void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp);

    /// <summary>The backward twin of <see cref="ForwardOneHot"/>: dW gains one column; there is no dx.</summary>
    static abstract void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp);

    /// <summary>The inference step: state [S] → next [S], nothing cached.</summary>
    static abstract void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next);

    /// <summary><see cref="Step"/> for a one-hot input.</summary>
    static abstract void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next);

    /// <summary>The softmax head's logits [V] = W_y h + b_y, from h [H].</summary>
    /// <exception cref="NotSupportedException">The cell has no head (V = 0).</exception>
    static abstract void HeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits);

    /// <summary>The backward twin of <see cref="HeadForward"/>: dh [H] = W_yᵀ dLogits; dW_y += dLogits hᵀ, db_y += dLogits.</summary>
    /// <exception cref="NotSupportedException">The cell has no head (V = 0).</exception>
    static abstract void HeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp);
}
