using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.Parallel;

/// <summary>Which loss a parallel call puts on the outputs.</summary>
internal enum ShardLossKind
{
    /// <summary>The softmax head's cross-entropy against classes.</summary>
    CrossEntropy,

    /// <summary>Squared error: on the linear head's output, or (no head) on the hidden outputs.</summary>
    SquaredError,
}

/// <summary>
/// A shard's loss with the whole batch's reduction factor (1, or 1/m for the whole m, not the shard's), row by row over
/// the rows that carry a loss (time-major when every row does, else each sequence summed first, as the cells' losses): the rows of the cells' own losses
/// (<c>Losses.CrossEntropyRow</c>, <c>HeadSquaredErrorRow</c>, <c>LossMath.HalfSquaredError</c>) through the cell's
/// head members, so each row's output gradient and head gradient equal those of <c>Losses</c>' row functions bit for
/// bit; only the order in which rows are added differs (the typed one-call training's SIMD head, SoftmaxHeadRows, agrees
/// to rounding).
/// </summary>
internal static class CellShardLoss
{
    /// <summary>Writes dOutputs [T × count × H] (scaled), adds the head's dθ (scaled) into <paramref name="dp"/>, returns the loss summed over the shard, unscaled.</summary>
    public static T Run<T>(
        IRecurrentCell<T> cell, ShardLossKind kind, ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, ReadOnlySpan<T> targets,
        Span<T> dOutputs, Span<T> dp, int steps, int count, ReadOnlySpan<int> lengths, LossSteps lossSteps, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int h = cell.HiddenSize, v = cell.OutputSize, width = cell.Layout.Head == OutputHead.Linear ? v : h;
        Span<T> head = stackalloc T[v], dHead = stackalloc T[v];
        T loss = T.Zero;
        if (lengths.IsEmpty && lossSteps == LossSteps.Every)
        {
            // every row, in time-major order as the cells' batched losses add them (the plain squared error: one running sum)
            if (kind == ShardLossKind.SquaredError && cell.Layout.Head == OutputHead.None)
            {
                return LossMath.HalfSquaredError(outputs, targets, dOutputs, scale);
            }

            for (int row = 0; row < steps * count; row++)
            {
                loss += Row(cell, kind, p, outputs, classes, targets, dOutputs, dp, row, h, width, scale, head, dHead);
            }

            return loss;
        }

        for (int b = 0; b < count; b++)
        {
            T sequenceLoss = T.Zero;
            for (int t = 0; t < steps; t++)
            {
                int row = (t * count) + b;
                if (SequenceLengths.HasLoss(lengths, lossSteps, steps, b, t))
                {
                    sequenceLoss += Row(cell, kind, p, outputs, classes, targets, dOutputs, dp, row, h, width, scale, head, dHead);
                }
                else
                {
                    dOutputs.Slice(row * h, h).Clear();
                }
            }

            loss += sequenceLoss;
        }

        return loss;
    }

    private static T Row<T>(
        IRecurrentCell<T> cell, ShardLossKind kind, ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, ReadOnlySpan<T> targets,
        Span<T> dOutputs, Span<T> dp, int row, int h, int width, T scale, Span<T> head, Span<T> dHead)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> output = outputs.Slice(row * h, h);
        Span<T> dh = dOutputs.Slice(row * h, h);
        return (kind, cell.Layout.Head) switch
        {
            (ShardLossKind.CrossEntropy, _) => CrossEntropyRow(cell, p, output, classes[row], scale, head, dHead, dh, dp),
            (_, OutputHead.Linear) => HeadSquaredErrorRow(cell, p, output, targets.Slice(row * width, width), scale, head, dHead, dh, dp),
            _ => LossMath.HalfSquaredError(output, targets.Slice(row * width, width), dh, scale),
        };
    }

    // As Losses.CrossEntropyRow: logits = W_y h + b_y, the loss (unscaled), dLogits · scale back through the head.
    private static T CrossEntropyRow<T>(
        IRecurrentCell<T> cell, ReadOnlySpan<T> p, ReadOnlySpan<T> h, int target, T scale, Span<T> logits, Span<T> dLogits, Span<T> dh, Span<T> dp)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        cell.HeadForward(p, h, logits);
        T loss = SoftmaxMath.CrossEntropy<T>(logits, target, dLogits);
        for (int r = 0; r < dLogits.Length; r++)
        {
            dLogits[r] *= scale;
        }

        cell.HeadBackward(p, h, dLogits, dh, dp);
        return loss;
    }

    // As Losses.HeadSquaredErrorRow: y = W_y h + b_y, ½‖y − target‖² (unscaled), dy = scale · (y − target) back through the head.
    private static T HeadSquaredErrorRow<T>(
        IRecurrentCell<T> cell, ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> target, T scale, Span<T> y, Span<T> dy, Span<T> dh, Span<T> dp)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        cell.HeadForward(p, h, y);
        T loss = LossMath.HalfSquaredError(y, target, dy, scale);
        cell.HeadBackward(p, h, dy, dh, dp);
        return loss;
    }
}
