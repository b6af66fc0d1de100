using System.Numerics;

namespace LstmGen.Kernels;

public static partial class Losses<TKernel, T>
{
    /// <summary>
    /// <see cref="SquaredError(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, BatchReduction, int)"/> over a padded batch
    /// of m = <paramref name="batchSize"/> sequences with per-sequence <paramref name="lengths"/> (each in [1, T]; empty:
    /// all T), the loss on the steps <paramref name="lossSteps"/> selects (every valid step, or each sequence's last).
    /// The other rows add no loss, get a zero gradient, and their targets are not read. Each sequence's loss is summed
    /// over its steps first (in the order of a lone sequence), then over the batch; <see cref="BatchReduction.Mean"/>
    /// divides by m (sequences, not valid steps).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1, a length is outside [1, T], or an enum value is undefined.</exception>
    public static T SquaredError(
        ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, int batchSize, ReadOnlySpan<int> lengths,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int h = TKernel.HiddenSize;
        int steps = SequenceArguments.Steps(outputs.Length, batchSize, h, "the hidden outputs (T x m x H values)", nameof(outputs));
        SequenceArguments.PerStep(targets.Length, steps * batchSize, h, "the targets (as many values as the outputs)", nameof(targets));
        SequenceArguments.PerStep(dOutputs.Length, steps * batchSize, h, "the output gradients (as many values as the outputs)", nameof(dOutputs));
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        T scale = Scale(reduction, batchSize), half = T.One / (T.One + T.One), loss = T.Zero;
        for (int b = 0; b < batchSize; b++)
        {
            T sequenceLoss = T.Zero;
            for (int t = 0; t < steps; t++)
            {
                int at = ((t * batchSize) + b) * h;
                Span<T> dh = dOutputs.Slice(at, h);
                if (!SequenceLengths.HasLoss(lengths, lossSteps, steps, b, t))
                {
                    dh.Clear();
                    continue;
                }

                for (int k = 0; k < h; k++)
                {
                    T difference = outputs[at + k] - targets[at + k];
                    dh[k] = scale * difference;
                    sequenceLoss += half * difference * difference;
                }
            }

            loss += sequenceLoss;
        }

        return scale * loss;
    }

    /// <summary>
    /// <see cref="CrossEntropy(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{int}, Span{T}, Span{T}, BatchReduction, int)"/>
    /// over a padded batch with per-sequence <paramref name="lengths"/>, the loss on the steps
    /// <paramref name="lossSteps"/> selects; the other rows add nothing, get a zero gradient, and their classes are not
    /// read (nor checked). Summed per sequence first; <see cref="BatchReduction.Mean"/> divides by m.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A read class is outside [0, V), a length outside [1, T], the batch size less than 1, or an enum value undefined.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    /// <exception cref="NotSupportedException">The cell has no softmax head (none, or a linear head).</exception>
    public static T CrossEntropy(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp, int batchSize, ReadOnlySpan<int> lengths,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int v = SoftmaxHeadSize();
        int steps = Guard.BatchSteps(classes.Length, batchSize, "the target classes (T x m)", nameof(classes));
        CheckHeadRows(steps * batchSize, outputs, dOutputs, dp);
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        SequenceLengths.Classes(classes, batchSize, lengths, lossSteps, v, "the target classes", nameof(classes));
        return HeadLoss(p, outputs, classes, default, dOutputs, dp, batchSize, steps, lengths, Scale(reduction, batchSize), lossSteps);
    }

    /// <summary>
    /// <see cref="CrossEntropy(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, BatchReduction, int)"/>
    /// over a padded batch with per-sequence <paramref name="lengths"/>, as the class overload above: rows without a
    /// loss are not read (nor checked).
    /// </summary>
    /// <exception cref="ArgumentException">A length does not fit, lengths does not hold m values, or a read row is not a distribution.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside [1, T], the batch size less than 1, or an enum value undefined.</exception>
    /// <exception cref="NotSupportedException">The cell has no softmax head (none, or a linear head).</exception>
    public static T CrossEntropy(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> distributions, Span<T> dOutputs, Span<T> dp, int batchSize, ReadOnlySpan<int> lengths,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int v = SoftmaxHeadSize();
        int steps = SequenceArguments.Steps(distributions.Length, batchSize, v, "the target distributions (T x m x V values)", nameof(distributions));
        CheckHeadRows(steps * batchSize, outputs, dOutputs, dp);
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        SequenceLengths.Distributions(distributions, v, batchSize, lengths, lossSteps, "the target distributions", nameof(distributions));
        return HeadLoss(p, outputs, default, distributions, dOutputs, dp, batchSize, steps, lengths, Scale(reduction, batchSize), lossSteps);
    }

    private static void CheckHeadRows(int rows, ReadOnlySpan<T> outputs, Span<T> dOutputs, Span<T> dp)
    {
        SequenceArguments.PerStep(outputs.Length, rows, TKernel.HiddenSize, "the hidden outputs (T x m x H values)", nameof(outputs));
        SequenceArguments.PerStep(dOutputs.Length, rows, TKernel.HiddenSize, "the output gradients (T x m x H values)", nameof(dOutputs));
        Guard.Length(dp.Length, CellShape<TKernel>.ParameterCount, "the parameter gradients dp", nameof(dp));
    }

    // Σ_b Σ_t (rows with a loss) of the head's cross-entropy, each sequence summed first; the other rows' dh are zero.
    private static T HeadLoss(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, ReadOnlySpan<T> distributions, Span<T> dOutputs, Span<T> dp,
        int m, int steps, ReadOnlySpan<int> lengths, T scale, LossSteps lossSteps)
    {
        int h = TKernel.HiddenSize, v = TKernel.OutputSize;
        Span<T> logits = stackalloc T[v], dLogits = stackalloc T[v];
        T loss = T.Zero;
        for (int b = 0; b < m; b++)
        {
            T sequenceLoss = T.Zero;
            for (int t = 0; t < steps; t++)
            {
                int k = (t * m) + b;
                Span<T> dh = dOutputs.Slice(k * h, h);
                if (!SequenceLengths.HasLoss(lengths, lossSteps, steps, b, t))
                {
                    dh.Clear();
                    continue;
                }

                sequenceLoss += classes.IsEmpty
                    ? CrossEntropyRow(p, outputs.Slice(k * h, h), 0, distributions.Slice(k * v, v), scale, logits, dLogits, dh, dp)
                    : CrossEntropyRow(p, outputs.Slice(k * h, h), classes[k], default, scale, logits, dLogits, dh, dp);
            }

            loss += sequenceLoss;
        }

        return scale * loss;
    }
}
