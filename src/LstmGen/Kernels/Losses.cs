using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The losses over a sequence's hidden outputs [T × H], written once over the cell contract. Each returns the summed
/// loss and writes (or, for the head's parameters, adds) its gradients; every target is checked before anything is
/// written.
/// </summary>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public static class Losses<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>L = Σ_t ½‖h_t − y_t‖²; writes ∂L/∂h_t = h_t − y_t into <paramref name="dOutputs"/> [T × H].</summary>
    /// <exception cref="ArgumentException">The three buffers differ in length or are not whole steps of H values.</exception>
    public static T SquaredError(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs)
    {
        int steps = SequenceArguments.Steps(outputs.Length, TKernel.HiddenSize, "the hidden outputs (T x H values)", nameof(outputs));
        SequenceArguments.PerStep(targets.Length, steps, TKernel.HiddenSize, "the targets (T x H values)", nameof(targets));
        SequenceArguments.PerStep(dOutputs.Length, steps, TKernel.HiddenSize, "the output gradients (T x H values)", nameof(dOutputs));
        T half = T.One / (T.One + T.One), loss = T.Zero;
        for (int k = 0; k < outputs.Length; k++)
        {
            T difference = outputs[k] - targets[k];
            dOutputs[k] = difference;
            loss += half * difference * difference;
        }

        return loss;
    }

    /// <summary>
    /// Cross-entropy of the softmax head at every step: L = Σ_t −log softmax(W_y h_t + b_y)[class_t]. Writes ∂L/∂h_t
    /// into <paramref name="dOutputs"/> [T × H] and adds the head's ∂L/∂(W_y, b_y) into <paramref name="dp"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A class is outside [0, V); checked before anything is written.</exception>
    /// <exception cref="NotSupportedException">The cell has no head.</exception>
    public static T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp)
    {
        int h = TKernel.HiddenSize, v = TKernel.OutputSize;
        if (v == 0)
        {
            throw new NotSupportedException("This cell has no softmax head (OutputSize = 0).");
        }

        SequenceArguments.PerStep(outputs.Length, classes.Length, h, "the hidden outputs (T x H values)", nameof(outputs));
        SequenceArguments.PerStep(dOutputs.Length, classes.Length, h, "the output gradients (T x H values)", nameof(dOutputs));
        Guard.Length(dp.Length, CellShape<TKernel>.ParameterCount, "the parameter gradients dp", nameof(dp));
        Guard.Indices(classes, v, "the target classes", nameof(classes));
        Span<T> logits = stackalloc T[v], dLogits = stackalloc T[v];
        T loss = T.Zero;
        for (int t = 0; t < classes.Length; t++)
        {
            ReadOnlySpan<T> ht = outputs.Slice(t * h, h);
            TKernel.HeadForward(p, ht, logits);
            loss += SoftmaxMath.CrossEntropy<T>(logits, classes[t], dLogits);
            TKernel.HeadBackward(p, ht, dLogits, dOutputs.Slice(t * h, h), dp);
        }

        return loss;
    }
}
