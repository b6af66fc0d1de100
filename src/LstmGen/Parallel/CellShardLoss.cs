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
/// A shard's loss, unscaled (<see cref="BatchReduction.Sum"/>), through the cell's public losses: one batched call when
/// every step carries a loss, else (per-sequence lengths, or <see cref="LossSteps.Last"/>) the cell's loss row by row
/// over the rows that carry one, each sequence summed first, as the cells' padded-batch losses do.
/// </summary>
internal static class CellShardLoss
{
    /// <summary>Writes dOutputs [T × count × H], adds the head's dθ into <paramref name="dp"/>, returns the summed loss.</summary>
    public static T Run<T>(
        IRecurrentCell<T> cell, ShardLossKind kind, ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, ReadOnlySpan<T> targets,
        Span<T> dOutputs, Span<T> dp, int steps, int count, ReadOnlySpan<int> lengths, LossSteps lossSteps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kind == ShardLossKind.SquaredError && cell.Layout.Head == OutputHead.Linear)
        {
            return cell.HeadSquaredError(p, outputs, targets, dOutputs, dp, count, lengths, BatchReduction.Sum, lossSteps);
        }

        if (lengths.IsEmpty && lossSteps == LossSteps.Every)
        {
            return kind == ShardLossKind.CrossEntropy
                ? cell.CrossEntropy(p, outputs, classes, dOutputs, dp, BatchReduction.Sum, count)
                : cell.SquaredError(outputs, targets, dOutputs, BatchReduction.Sum, count);
        }

        int h = cell.HiddenSize;
        T loss = T.Zero;
        for (int b = 0; b < count; b++)
        {
            T sequenceLoss = T.Zero;
            for (int t = 0; t < steps; t++)
            {
                int row = (t * count) + b;
                Span<T> dh = dOutputs.Slice(row * h, h);
                if (!SequenceLengths.HasLoss(lengths, lossSteps, steps, b, t))
                {
                    dh.Clear();
                    continue;
                }

                sequenceLoss += kind == ShardLossKind.CrossEntropy
                    ? cell.CrossEntropy(p, outputs.Slice(row * h, h), classes.Slice(row, 1), dh, dp)
                    : cell.SquaredError(outputs.Slice(row * h, h), targets.Slice(row * h, h), dh);
            }

            loss += sequenceLoss;
        }

        return loss;
    }
}
