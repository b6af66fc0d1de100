using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The size-specialised math of one recurrent cell: its forward step, the backward twin of that step, the inference
/// step and the softmax head, over flat spans. This is all that depends on a cell's sizes; sequences, BPTT, batches,
/// losses and optimisers are written once, generic over <typeparamref name="TSelf"/> (<see cref="Recurrent{TKernel, T}"/>,
/// <see cref="Losses{TKernel, T}"/>).
/// </summary>
/// <remarks>
/// <para>A kernel declares its sizes (<see cref="ICellShape"/>) and, optionally, its <see cref="Strategy"/>; every step
/// member has a default implementation, the runtime's loop kernels (<see cref="LstmLoopKernel{TShape, T}"/>,
/// <see cref="RnnLoopKernel{TShape, T}"/>, <see cref="GruLoopKernel{TShape, T}"/>) or, for <see cref="KernelStrategy.Simd"/>, its vectorised kernels, which the JIT compiles once per
/// kernel with the sizes as constants. A kernel overrides a member where it has faster code for its size
/// (straight-line code for small cells).</para>
/// <para>Shapes: <c>p</c> is the flat parameter buffer of <see cref="CellLayout"/>; <c>x</c> has D values; a state has S
/// values, <c>[h]</c> for an RNN or a GRU (S = H) and <c>[h | c]</c> for an LSTM (S = 2H); a cache has
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
    private static bool IsLstm => TSelf.Kind == RecurrentCellKind.Lstm;

    private static bool IsGru => TSelf.Kind == RecurrentCellKind.Gru;

    private static bool IsSimd => TSelf.Strategy == KernelStrategy.Simd;

    /// <summary>
    /// Which of the runtime's kernels serve the step members this kernel does not override:
    /// <see cref="KernelStrategy.Simd"/> selects the vectorised kernels (Vector512, else Vector256, else Vector128, else
    /// scalar, as the CPU and the gate rows allow); anything else the loop kernels (<see cref="LstmLoopKernel{TShape, T}"/>,
    /// <see cref="RnnLoopKernel{TShape, T}"/>, <see cref="GruLoopKernel{TShape, T}"/>). A constant, so the JIT keeps only the chosen branch. Both use the same
    /// cache layout, so a cache written by one is read by the other's backward. For <see cref="KernelStrategy.Simd"/> the
    /// head members are vectorised too, and the sequences of <see cref="Recurrent{TKernel, T}"/> run through the runtime's
    /// SIMD kernels, not through this kernel's step members: the batched forward in groups of 4 samples (one pass over the
    /// weights per step for all groups; per sample the values of the runtime's SIMD steps, bit for bit), and BPTT, batched
    /// or not, with the weight gradients hoisted out of the reverse loop as matrix–matrix products (equal to the SIMD
    /// backward steps' to rounding).
    /// </summary>
    static virtual KernelStrategy Strategy => KernelStrategy.Loops;

    /// <summary>
    /// The head on top of h: <see cref="OutputHead.Softmax"/> (trained with cross-entropy) or <see cref="OutputHead.Linear"/>
    /// (regression, trained with squared error on y), both the affine map <see cref="HeadForward"/> over the same
    /// parameters; <see cref="OutputHead.None"/> when V = 0. By default Softmax when V &gt; 0, so a kernel declares it
    /// only for a linear head. The losses read it to refuse a loss that does not fit the head.
    /// </summary>
    static virtual OutputHead Head => TSelf.OutputSize > 0 ? OutputHead.Softmax : OutputHead.None;

    /// <summary>The scalars one forward step caches for its backward twin.</summary>
    static virtual int CacheLength =>
        IsLstm ? LstmLoopKernel<TSelf, T>.CacheLength : IsGru ? GruLoopKernel<TSelf, T>.CacheLength : RnnLoopKernel<TSelf, T>.CacheLength;

    /// <summary>One forward step: p, x [D], state [S] → next [S], cache [<see cref="CacheLength"/>].</summary>
    static virtual void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
    {
        if (IsLstm)
        {
            if (IsSimd)
            {
                SimdLstmKernel<TSelf, T>.Forward(p, x, state, next, cache);
            }
            else
            {
                LstmLoopKernel<TSelf, T>.Forward(p, x, state, next, cache);
            }
        }
        else if (IsGru)
        {
            if (IsSimd)
            {
                SimdGruKernel<TSelf, T>.Forward(p, x, state, next, cache);
            }
            else
            {
                GruLoopKernel<TSelf, T>.Forward(p, x, state, next, cache);
            }
        }
        else if (IsSimd)
        {
            SimdRnnKernel<TSelf, T>.Forward(p, x, state, next, cache);
        }
        else
        {
            RnnLoopKernel<TSelf, T>.Forward(p, x, state, next, cache);
        }
    }

    /// <summary><see cref="Forward"/> for the one-hot input <c>e_index</c>: one column of W instead of a product.</summary>
    static virtual void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
    {
        if (IsLstm)
        {
            if (IsSimd)
            {
                SimdLstmKernel<TSelf, T>.ForwardOneHot(p, index, state, next, cache);
            }
            else
            {
                LstmLoopKernel<TSelf, T>.ForwardOneHot(p, index, state, next, cache);
            }
        }
        else if (IsGru)
        {
            if (IsSimd)
            {
                SimdGruKernel<TSelf, T>.ForwardOneHot(p, index, state, next, cache);
            }
            else
            {
                GruLoopKernel<TSelf, T>.ForwardOneHot(p, index, state, next, cache);
            }
        }
        else if (IsSimd)
        {
            SimdRnnKernel<TSelf, T>.ForwardOneHot(p, index, state, next, cache);
        }
        else
        {
            RnnLoopKernel<TSelf, T>.ForwardOneHot(p, index, state, next, cache);
        }
    }

    /// <summary>
    /// The backward twin of <see cref="Forward"/>: from dNext [S] (∂L/∂h of the step, its output's gradient included,
    /// and for an LSTM ∂L/∂c) writes dState [S] and dx [D] (or nothing, if dx is empty), and adds ∂L/∂θ into dp.
    /// </summary>
    static virtual void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
    {
        if (IsLstm)
        {
            if (IsSimd)
            {
                SimdLstmKernel<TSelf, T>.Backward(p, x, cache, dNext, dState, dx, dp);
            }
            else
            {
                LstmLoopKernel<TSelf, T>.Backward(p, x, cache, dNext, dState, dx, dp);
            }
        }
        else if (IsGru)
        {
            if (IsSimd)
            {
                SimdGruKernel<TSelf, T>.Backward(p, x, cache, dNext, dState, dx, dp);
            }
            else
            {
                GruLoopKernel<TSelf, T>.Backward(p, x, cache, dNext, dState, dx, dp);
            }
        }
        else if (IsSimd)
        {
            SimdRnnKernel<TSelf, T>.Backward(p, x, cache, dNext, dState, dx, dp);
        }
        else
        {
            RnnLoopKernel<TSelf, T>.Backward(p, x, cache, dNext, dState, dx, dp);
        }
    }

    /// <summary>The backward twin of <see cref="ForwardOneHot"/>: dW gains one column; there is no dx.</summary>
    static virtual void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp)
    {
        if (IsLstm)
        {
            if (IsSimd)
            {
                SimdLstmKernel<TSelf, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
            }
            else
            {
                LstmLoopKernel<TSelf, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
            }
        }
        else if (IsGru)
        {
            if (IsSimd)
            {
                SimdGruKernel<TSelf, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
            }
            else
            {
                GruLoopKernel<TSelf, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
            }
        }
        else if (IsSimd)
        {
            SimdRnnKernel<TSelf, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
        }
        else
        {
            RnnLoopKernel<TSelf, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
        }
    }

    /// <summary>The inference step: state [S] → next [S], nothing cached.</summary>
    static virtual void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next)
    {
        if (IsLstm)
        {
            if (IsSimd)
            {
                SimdLstmKernel<TSelf, T>.Step(p, x, state, next);
            }
            else
            {
                LstmLoopKernel<TSelf, T>.Step(p, x, state, next);
            }
        }
        else if (IsGru)
        {
            if (IsSimd)
            {
                SimdGruKernel<TSelf, T>.Step(p, x, state, next);
            }
            else
            {
                GruLoopKernel<TSelf, T>.Step(p, x, state, next);
            }
        }
        else if (IsSimd)
        {
            SimdRnnKernel<TSelf, T>.Step(p, x, state, next);
        }
        else
        {
            RnnLoopKernel<TSelf, T>.Step(p, x, state, next);
        }
    }

    /// <summary><see cref="Step"/> for a one-hot input.</summary>
    static virtual void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next)
    {
        if (IsLstm)
        {
            if (IsSimd)
            {
                SimdLstmKernel<TSelf, T>.StepOneHot(p, index, state, next);
            }
            else
            {
                LstmLoopKernel<TSelf, T>.StepOneHot(p, index, state, next);
            }
        }
        else if (IsGru)
        {
            if (IsSimd)
            {
                SimdGruKernel<TSelf, T>.StepOneHot(p, index, state, next);
            }
            else
            {
                GruLoopKernel<TSelf, T>.StepOneHot(p, index, state, next);
            }
        }
        else if (IsSimd)
        {
            SimdRnnKernel<TSelf, T>.StepOneHot(p, index, state, next);
        }
        else
        {
            RnnLoopKernel<TSelf, T>.StepOneHot(p, index, state, next);
        }
    }

    /// <summary>The head's affine map [V] = W_y h + b_y, from h [H]: the logits of a softmax head, the output y of a linear one.</summary>
    /// <exception cref="NotSupportedException">The cell has no head (V = 0).</exception>
    static virtual void HeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits)
    {
        if (IsSimd)
        {
            SimdSoftmaxHead<TSelf, T>.Forward(p, h, logits);
        }
        else
        {
            SoftmaxHead<TSelf, T>.Forward(p, h, logits);
        }
    }

    /// <summary>The backward twin of <see cref="HeadForward"/>: dh [H] = W_yᵀ dLogits; dW_y += dLogits hᵀ, db_y += dLogits (dLogits is ∂L/∂y for a linear head).</summary>
    /// <exception cref="NotSupportedException">The cell has no head (V = 0).</exception>
    static virtual void HeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp)
    {
        if (IsSimd)
        {
            SimdSoftmaxHead<TSelf, T>.Backward(p, h, dLogits, dh, dp);
        }
        else
        {
            SoftmaxHead<TSelf, T>.Backward(p, h, dLogits, dh, dp);
        }
    }
}
