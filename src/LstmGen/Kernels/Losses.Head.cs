namespace LstmGen.Kernels;

// The linear head's squared error (OutputHead.Linear): y_t = W_y h_t + b_y against targets, over a sequence or a padded
// batch; and the checks that a head loss fits the cell's head.
public static partial class Losses<TKernel, T>
{
    /// <summary>
    /// Squared error of the linear head at every step: L = Σ_t ½‖W_y h_t + b_y − target_t‖², over outputs [T × H] and
    /// targets [T × V] (for a time-major batch, [T × m × H] and [T × m × V]); PyTorch's <c>nn.Linear</c> and
    /// <c>0.5 * MSELoss(reduction="sum")</c>. Writes ∂L/∂h_t = W_yᵀ (y_t − target_t) into <paramref name="dOutputs"/>
    /// and adds the head's ∂L/∂(W_y, b_y) into <paramref name="dp"/>. With <see cref="BatchReduction.Mean"/> the loss
    /// and every gradient are divided by m = <paramref name="batchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit; checked before anything is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1, or the reduction is undefined.</exception>
    /// <exception cref="NotSupportedException">The cell has no linear head (none, or a softmax head).</exception>
    public static T HeadSquaredError(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1) =>
        HeadSquaredError(p, outputs, targets, dOutputs, dp, batchSize, default, reduction, LossSteps.Every);

    /// <summary>
    /// <see cref="HeadSquaredError(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, BatchReduction, int)"/>
    /// over a padded batch of m = <paramref name="batchSize"/> sequences with per-sequence <paramref name="lengths"/>
    /// (each in [1, T]; empty: all T), the loss on the steps <paramref name="lossSteps"/> selects (every valid step, or
    /// each sequence's last). The other rows add no loss, get a zero gradient, and their targets are not read. Each
    /// sequence's loss is summed over its steps first, then over the batch; <see cref="BatchReduction.Mean"/> divides by m.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1, a length is outside [1, T], or an enum value is undefined.</exception>
    /// <exception cref="NotSupportedException">The cell has no linear head (none, or a softmax head).</exception>
    public static T HeadSquaredError(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, int batchSize, ReadOnlySpan<int> lengths,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int v = LinearHeadSize(), h = TKernel.HiddenSize;
        int steps = SequenceArguments.Steps(targets.Length, batchSize, v, "the targets (T x m x V values)", nameof(targets));
        CheckHeadRows(steps * batchSize, outputs, dOutputs, dp);
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        T scale = Scale(reduction, batchSize), loss = T.Zero;
        Span<T> y = stackalloc T[v], dy = stackalloc T[v];
        for (int b = 0; b < batchSize; b++)
        {
            T sequenceLoss = T.Zero;
            for (int t = 0; t < steps; t++)
            {
                int k = (t * batchSize) + b;
                Span<T> dh = dOutputs.Slice(k * h, h);
                if (!SequenceLengths.HasLoss(lengths, lossSteps, steps, b, t))
                {
                    dh.Clear();
                    continue;
                }

                sequenceLoss += HeadSquaredErrorRow(p, outputs.Slice(k * h, h), targets.Slice(k * v, v), scale, y, dy, dh, dp);
            }

            loss += sequenceLoss;
        }

        return scale * loss;
    }

    /// <summary>
    /// One row of the linear head's squared error, unchecked: y = W_y h + b_y, ½‖y − target‖² unscaled; then
    /// ∂L/∂y = scale·(y − target) through the head into <paramref name="dh"/> (written) and <paramref name="dp"/> (added).
    /// <paramref name="y"/> and <paramref name="dy"/> are V-long scratch.
    /// </summary>
    internal static T HeadSquaredErrorRow(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> target, T scale, Span<T> y, Span<T> dy, Span<T> dh, Span<T> dp)
    {
        TKernel.HeadForward(p, h, y);
        T loss = LossMath.HalfSquaredError(y, target, dy, scale);
        TKernel.HeadBackward(p, h, dy, dh, dp);
        return loss;
    }

    /// <summary>V, when the cell has a linear head; otherwise a <see cref="NotSupportedException"/> naming the head it has.</summary>
    internal static int LinearHeadSize() => TKernel.Head == OutputHead.Linear
        ? TKernel.OutputSize
        : throw new NotSupportedException(HeadMismatch(OutputHead.Linear));

    /// <summary>V, when the cell has a softmax head; otherwise a <see cref="NotSupportedException"/> naming the head it has.</summary>
    internal static int SoftmaxHeadSize() => TKernel.Head == OutputHead.Softmax
        ? TKernel.OutputSize
        : throw new NotSupportedException(HeadMismatch(OutputHead.Softmax));

    /// <summary>"This cell has a linear head (OutputHead.Linear, V = 1); cross-entropy needs a softmax head (OutputHead.Softmax).", for the exceptions.</summary>
    internal static string HeadMismatch(OutputHead needed, string cell = "This cell")
    {
        string has = TKernel.Head switch
        {
            OutputHead.None => "has no head (OutputSize = 0)",
            OutputHead.Softmax => $"has a softmax head (OutputHead.Softmax, V = {TKernel.OutputSize})",
            _ => $"has a linear head (OutputHead.Linear, V = {TKernel.OutputSize})",
        };
        string loss = needed == OutputHead.Softmax ? "cross-entropy needs a softmax head (OutputHead.Softmax)" : "the head's squared error needs a linear head (OutputHead.Linear)";
        return $"{cell} {has}; {loss}.";
    }
}
