using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

public static partial class TypedCell<TKernel, T>
{
    private static int V => TKernel.OutputSize;

    /// <summary>The head's affine map <c>W_y h + b_y</c> [V]: a softmax head's logits z, a linear head's output y.</summary>
    public static TOutput HeadForward<THidden, TOutput>(Parameters<TKernel, T> p, in THidden h)
        where THidden : unmanaged
        where TOutput : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        TOutput logits = default;
        TKernel.HeadForward(p.Values, In(h, H), Out(ref logits, V));
        return logits;
    }

    /// <summary>The head's backward twin: adds ∂L/∂(W_y, b_y) into <paramref name="grads"/> and returns ∂L/∂h = W_yᵀ dLogits (for a linear head, dLogits is ∂L/∂y).</summary>
    public static THidden HeadBackward<THidden, TOutput>(Parameters<TKernel, T> p, in THidden h, in TOutput dLogits, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TOutput : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        THidden dh = default;
        TKernel.HeadBackward(p.Values, In(h, H), In(dLogits, V), Out(ref dh, H), grads.Values);
        return dh;
    }

    /// <summary>softmax(z), computed stably (the largest logit subtracted first).</summary>
    public static TOutput Softmax<TOutput>(in TOutput logits)
        where TOutput : unmanaged
    {
        TOutput probabilities = default;
        SoftmaxMath.Softmax(In(logits, V), Out(ref probabilities, V));
        return probabilities;
    }

    /// <summary>log softmax(z) = z − logΣexp(z), computed stably.</summary>
    public static TOutput LogSoftmax<TOutput>(in TOutput logits)
        where TOutput : unmanaged
    {
        TOutput result = default;
        SoftmaxMath.LogSoftmax(In(logits, V), Out(ref result, V));
        return result;
    }

    /// <summary>Cross-entropy against a class, <c>L = −log softmax(z)[target]</c>, with dL/dz = softmax(z) − onehot(target).</summary>
    public static T CrossEntropyLoss<TOutput>(in TOutput logits, int target, out TOutput dLogits)
        where TOutput : unmanaged
    {
        dLogits = default;
        return SoftmaxMath.CrossEntropy(In(logits, V), target, Out(ref dLogits, V));
    }

    /// <summary>Cross-entropy against a distribution q (finite, ≥ 0, summing to 1), with dL/dz = softmax(z)·Σq − q.</summary>
    public static T CrossEntropyLoss<TOutput>(in TOutput logits, in TOutput target, out TOutput dLogits)
        where TOutput : unmanaged
    {
        TOutput gradient = default;
        T loss = SoftmaxMath.CrossEntropy(In(logits, V), In(target, V), Out(ref gradient, V));
        dLogits = gradient;
        return loss;
    }

    /// <summary>
    /// Streaming inference with the head: <see cref="Step{TIn, TState}(Parameters{TKernel, T}, in TIn, in TState)"/>,
    /// then the head's output into <paramref name="output"/>: softmax(W_y h + b_y) (class probabilities) for a softmax
    /// head, the prediction y = W_y h + b_y for a linear head.
    /// </summary>
    public static TState Step<TIn, TState, TOutput>(Parameters<TKernel, T> p, in TIn x, in TState state, out TOutput output)
        where TIn : unmanaged
        where TState : unmanaged
        where TOutput : unmanaged
    {
        TState next = Step(p, x, state);
        output = HeadOutput<TState, TOutput>(p, next);
        return next;
    }

    /// <summary>Streaming inference with the head on a one-hot input: <see cref="StepOneHot{TState}(Parameters{TKernel, T}, int, in TState)"/>, then the head's output (class probabilities, or a linear head's y).</summary>
    public static TState StepOneHot<TState, TOutput>(Parameters<TKernel, T> p, int index, in TState state, out TOutput output)
        where TState : unmanaged
        where TOutput : unmanaged
    {
        TState next = StepOneHot(p, index, state);
        output = HeadOutput<TState, TOutput>(p, next);
        return next;
    }

    // softmax(W_y h + b_y) (a linear head: W_y h + b_y) for the h at the front of a state.
    private static TOutput HeadOutput<TState, TOutput>(Parameters<TKernel, T> p, in TState state)
        where TState : unmanaged
        where TOutput : unmanaged
    {
        TOutput result = default;
        Span<T> values = Out(ref result, V);
        TKernel.HeadForward(p.Values, In(state, S)[..H], values);
        if (TKernel.Head != OutputHead.Linear)
        {
            SoftmaxMath.Softmax<T>(values, values);
        }

        return result;
    }
}
