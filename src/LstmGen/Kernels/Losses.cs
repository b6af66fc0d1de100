using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The losses over a sequence's hidden outputs [T × H], written once over the cell contract. Each returns the summed
/// loss and writes (or, for the head's parameters, adds) its gradients; every target is checked before anything is
/// written.
/// </summary>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public static partial class Losses<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// L = Σ_t ½‖h_t − y_t‖² over outputs and targets [T × H] (for a time-major batch, [T × m × H]); writes
    /// ∂L/∂h_t = h_t − y_t into <paramref name="dOutputs"/>. With <see cref="BatchReduction.Mean"/> the loss and every
    /// gradient are divided by m = <paramref name="batchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The three buffers differ in length or are not whole steps of m·H values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    public static T SquaredError(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1)
    {
        int rows = SequenceArguments.Steps(outputs.Length, batchSize, TKernel.HiddenSize, "the hidden outputs (T x m x H values)", nameof(outputs)) * batchSize;
        SequenceArguments.PerStep(targets.Length, rows, TKernel.HiddenSize, "the targets (as many values as the outputs)", nameof(targets));
        SequenceArguments.PerStep(dOutputs.Length, rows, TKernel.HiddenSize, "the output gradients (as many values as the outputs)", nameof(dOutputs));
        T scale = Scale(reduction, batchSize);
        return scale * LossMath.HalfSquaredError(outputs, targets, dOutputs, scale);
    }

    /// <summary>
    /// Cross-entropy of the softmax head at every step: L = Σ_t −log softmax(W_y h_t + b_y)[class_t], over outputs
    /// [T × H] (for a time-major batch, [T × m × H], one class per element). Writes ∂L/∂h_t into
    /// <paramref name="dOutputs"/> and adds the head's ∂L/∂(W_y, b_y) into <paramref name="dp"/>. With
    /// <see cref="BatchReduction.Mean"/> the loss and every gradient are divided by m = <paramref name="batchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A class is outside [0, V), or the batch size is less than 1; checked before anything is written.</exception>
    /// <exception cref="NotSupportedException">The cell has no softmax head (none, or a linear head).</exception>
    public static T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1)
    {
        int h = TKernel.HiddenSize, v = SoftmaxHeadSize();

        Guard.BatchSteps(classes.Length, batchSize, "the target classes (T x m)", nameof(classes));
        SequenceArguments.PerStep(outputs.Length, classes.Length, h, "the hidden outputs (T x m x H values)", nameof(outputs));
        SequenceArguments.PerStep(dOutputs.Length, classes.Length, h, "the output gradients (T x m x H values)", nameof(dOutputs));
        Guard.Length(dp.Length, CellShape<TKernel>.ParameterCount, "the parameter gradients dp", nameof(dp));
        Guard.Indices(classes, v, "the target classes", nameof(classes));
        T scale = Scale(reduction, batchSize), loss = T.Zero;
        Span<T> logits = stackalloc T[v], dLogits = stackalloc T[v];
        for (int k = 0; k < classes.Length; k++)
        {
            loss += CrossEntropyRow(p, outputs.Slice(k * h, h), classes[k], default, scale, logits, dLogits, dOutputs.Slice(k * h, h), dp);
        }

        return scale * loss;
    }

    /// <summary>
    /// Cross-entropy of the softmax head against a target distribution q_t at every step:
    /// L = −Σ_t Σ_v q_t[v] log softmax(W_y h_t + b_y)[v], over outputs [T × H] and distributions [T × V] (for a
    /// time-major batch, [T × m × H] and [T × m × V]). Writes ∂L/∂h_t into <paramref name="dOutputs"/> and adds the
    /// head's ∂L/∂(W_y, b_y) into <paramref name="dp"/>; <see cref="BatchReduction.Mean"/> divides by m as above.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A length does not fit, or a row of <paramref name="distributions"/> is not a distribution (finite, non-negative,
    /// summing to 1 within 2·V·ε); checked before anything is written.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1.</exception>
    /// <exception cref="NotSupportedException">The cell has no softmax head (none, or a linear head).</exception>
    public static T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> distributions, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1)
    {
        int h = TKernel.HiddenSize, v = SoftmaxHeadSize();

        int rows = SequenceArguments.Steps(distributions.Length, batchSize, v, "the target distributions (T x m x V values)", nameof(distributions)) * batchSize;
        SequenceArguments.PerStep(outputs.Length, rows, h, "the hidden outputs (T x m x H values)", nameof(outputs));
        SequenceArguments.PerStep(dOutputs.Length, rows, h, "the output gradients (T x m x H values)", nameof(dOutputs));
        Guard.Length(dp.Length, CellShape<TKernel>.ParameterCount, "the parameter gradients dp", nameof(dp));
        Guard.Distributions(distributions, v, "the target distributions", nameof(distributions));
        T scale = Scale(reduction, batchSize), loss = T.Zero;
        Span<T> logits = stackalloc T[v], dLogits = stackalloc T[v];
        for (int k = 0; k < rows; k++)
        {
            loss += CrossEntropyRow(p, outputs.Slice(k * h, h), 0, distributions.Slice(k * v, v), scale, logits, dLogits, dOutputs.Slice(k * h, h), dp);
        }

        return scale * loss;
    }

    /// <summary>
    /// One row of the head's cross-entropy, unchecked: logits = W_y h + b_y, the loss against class
    /// <paramref name="target"/> (or against <paramref name="distribution"/> when it is not empty), unscaled; then
    /// ∂L/∂logits scaled by <paramref name="scale"/> through the head into <paramref name="dh"/> (written) and
    /// <paramref name="dp"/> (added). <paramref name="logits"/> and <paramref name="dLogits"/> are V-long scratch.
    /// </summary>
    internal static T CrossEntropyRow(
        ReadOnlySpan<T> p, ReadOnlySpan<T> h, int target, ReadOnlySpan<T> distribution, T scale, Span<T> logits, Span<T> dLogits, Span<T> dh, Span<T> dp)
    {
        TKernel.HeadForward(p, h, logits);
        T loss = distribution.IsEmpty
            ? SoftmaxMath.CrossEntropy<T>(logits, target, dLogits)
            : SoftmaxMath.CrossEntropy<T>(logits, distribution, dLogits);
        for (int r = 0; r < dLogits.Length; r++)
        {
            dLogits[r] *= scale;
        }

        TKernel.HeadBackward(p, h, dLogits, dh, dp);
        return loss;
    }

    private static T Scale(BatchReduction reduction, int batchSize) => LossMath.Scale<T>(reduction, batchSize);
}
