using System.Buffers;
using LstmGen.Kernels;

namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    // Head scratch (y and dy, V values each) up to this many values lives on the stack, beyond it in a pooled array.
    private const int StackScratch = 1024;

    /// <summary>
    /// Squared error over the top layer's outputs [T × m × W] (e.g. <see cref="ModelWorkspace{T}.Outputs"/>):
    /// L = Σ ½‖y_t − target_t‖² over the steps <paramref name="lossSteps"/> selects (every valid step, or each sequence's
    /// last), with y_t the linear head's output (targets [T × m × V]) or, without a head, the output itself (targets
    /// [T × m × W]). Writes dOutputs = ∂L/∂outputs [T × m × W] (zero where there is no loss) and adds the head's
    /// gradient into <paramref name="dp"/>. Each sequence's loss is summed first, then over the batch;
    /// <see cref="BatchReduction.Mean"/> divides loss and gradients by m. Targets without a loss are not read.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has a softmax head (use <see cref="CrossEntropy"/>).</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size or a length is out of range, or an enum value is undefined.</exception>
    public T SquaredError(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, int batchSize = 1, ReadOnlySpan<int> lengths = default,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        int width = SquaredErrorTargetWidth();
        int steps = CheckLossBuffers(p, outputs, dOutputs, dp, batchSize);
        T scale = CheckLossOptions(steps, batchSize, lengths, lossSteps, reduction);
        CheckTargets(targets, steps * batchSize, width);
        return RunLoss(p, outputs, targets, default, dOutputs, dp, steps, batchSize, lengths, lossSteps, scale);
    }

    /// <summary>
    /// Cross-entropy of the softmax head over the top layer's outputs [T × m × W]: L = Σ −log softmax(W_y h_t + b_y)[class_t]
    /// over the steps <paramref name="lossSteps"/> selects, classes [T × m] (read, and checked in [0, V), only there).
    /// Writes dOutputs [T × m × W] (zero where there is no loss) and adds the head's gradient into <paramref name="dp"/>;
    /// summed and reduced as <see cref="SquaredError"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or lengths does not hold m values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A read class, the batch size or a length is out of range, or an enum value is undefined.</exception>
    public T CrossEntropy(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp, int batchSize = 1, ReadOnlySpan<int> lengths = default,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every)
    {
        RequireSoftmaxHead();
        int steps = CheckLossBuffers(p, outputs, dOutputs, dp, batchSize);
        T scale = CheckLossOptions(steps, batchSize, lengths, lossSteps, reduction);
        CheckClasses(classes, steps, batchSize, lengths, lossSteps);
        return RunLoss(p, outputs, default, classes, dOutputs, dp, steps, batchSize, lengths, lossSteps, scale);
    }

    private int CheckLossBuffers(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, Span<T> dOutputs, Span<T> dp, int batchSize)
    {
        CheckParameters(p);
        int steps = SequenceArguments.Steps(outputs.Length, batchSize, OutputWidth, "the top layer's outputs (T x m x W values)", nameof(outputs));
        SequenceArguments.PerStep(dOutputs.Length, steps * batchSize, OutputWidth, "the output gradients dOutputs (T x m x W values)", nameof(dOutputs));
        CheckParameterGradients(dp);
        return steps;
    }

    // Unchecked. Σ_b Σ_t (steps with a loss) of the row loss, each sequence summed first; classes empty: squared error.
    private T RunLoss(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp,
        int steps, int m, ReadOnlySpan<int> lengths, LossSteps lossSteps, T scale)
    {
        int w = OutputWidth, v = OutputSize, width = classes.IsEmpty ? SquaredErrorTargetWidth() : 0;
        T[]? rented = null;
        Span<T> scratch = 2 * v <= StackScratch ? stackalloc T[2 * v] : (rented = ArrayPool<T>.Shared.Rent(2 * v));
        Span<T> y = scratch[..v], dy = scratch.Slice(v, v);
        T loss = T.Zero;
        for (int b = 0; b < m; b++)
        {
            T sequenceLoss = T.Zero;
            for (int t = 0; t < steps; t++)
            {
                int row = (t * m) + b;
                Span<T> dh = dOutputs.Slice(row * w, w);
                if (!SequenceLengths.HasLoss(lengths, lossSteps, steps, b, t))
                {
                    dh.Clear();
                    continue;
                }

                ReadOnlySpan<T> h = outputs.Slice(row * w, w);
                if (Output == OutputHead.None)
                {
                    sequenceLoss += LossMath.HalfSquaredError(h, targets.Slice(row * width, width), dh, scale);
                    continue;
                }

                RunHeadForward(p, h, y);
                sequenceLoss += classes.IsEmpty
                    ? LossMath.HalfSquaredError(y, targets.Slice(row * width, width), dy, scale)
                    : ScaledCrossEntropy(y, classes[row], dy, scale);
                RunHeadBackward(p, h, dy, dh, dp);
            }

            loss += sequenceLoss;
        }

        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }

        return scale * loss;
    }

    // −log softmax(logits)[target] (unscaled) and dLogits = scale·(softmax(logits) − onehot(target)).
    private static T ScaledCrossEntropy(ReadOnlySpan<T> logits, int target, Span<T> dLogits, T scale)
    {
        T loss = SoftmaxMath.CrossEntropy<T>(logits, target, dLogits);
        for (int r = 0; r < dLogits.Length; r++)
        {
            dLogits[r] *= scale;
        }

        return loss;
    }
}
