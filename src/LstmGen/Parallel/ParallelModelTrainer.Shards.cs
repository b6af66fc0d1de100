using LstmGen.Models;

namespace LstmGen.Parallel;

// One call: pin the caller's spans, run the model's Gradient on every shard (shard 0 on this thread), reduce in shard order.
public sealed partial class ParallelModelTrainer<T> : IShardWork
{
    private ModelCall _call;
    private int _busy;

    private unsafe T Run(
        in ModelCallShape shape, ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<int> classes,
        ReadOnlySpan<T> targets, Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("Expected one call at a time on a ParallelModelTrainer, but another call is running.");
        }

        try
        {
            int shards = ShardPartition.Count(shape.BatchSize, _shards.Length);
            fixed (T* pp = p, pxs = xs, pInitial = initial, pTargets = targets, pFinal = final, pdInitial = dInitial, pdxs = dxs)
            fixed (int* pLengths = lengths, pClasses = classes)
            {
                _call = new ModelCall
                {
                    Shape = shape,
                    Shards = shards,
                    P = new(pp, p.Length),
                    Xs = new(pxs, xs.Length),
                    Lengths = new(pLengths, lengths.Length),
                    Initial = new(pInitial, initial.Length),
                    Classes = new(pClasses, classes.Length),
                    Targets = new(pTargets, targets.Length),
                    Final = new(pFinal, final.Length),
                    DInitial = new(pdInitial, dInitial.Length),
                    Dxs = new(pdxs, dxs.Length),
                };
                _pool.Run(this, shards);
            }

            return ShardRows.Reduce(_shards, shards, shape.Scale, shape.Scale, dp);
        }
        finally
        {
            _call = default;
            Volatile.Write(ref _busy, 0);
        }
    }

    // Shard k: gather its samples and states, the model's Gradient (unscaled) into its own dθ, scatter states and dxs
    // into the caller's rows of this shard (disjoint from every other shard's), the gradients times the reduction's factor.
    void IShardWork.RunShard(int shard)
    {
        ModelShard<T> own = _shards[shard];
        ModelCallShape shape = _call.Shape;
        int m = shape.BatchSize, steps = shape.Steps, states = Model.StateLength;
        int start = ShardPartition.Start(m, _call.Shards, shard), count = ShardPartition.Start(m, _call.Shards, shard + 1) - start, rows = steps * count;
        ReadOnlySpan<T> p = _call.P.Span;
        ReadOnlySpan<int> lengths = _call.Lengths.IsEmpty ? default : _call.Lengths.Span.Slice(start, count);
        ReadOnlySpan<T> xs = ShardRows.Gather<T>(_call.Xs.Span, steps, m, start, count, Model.InputSize, own.Xs);
        Span<T> initial = _call.Initial.IsEmpty ? default : own.Initial(count * states);
        if (!initial.IsEmpty)
        {
            _blocks.Gather<T>(_call.Initial.Span, m, start, count, initial);
        }

        Span<T> final = _call.Final.IsEmpty ? default : own.Final(count * states);
        Span<T> dInitial = _call.DInitial.IsEmpty ? default : own.InitialGradients(count * states);
        Span<T> dxs = _call.Dxs.IsEmpty ? default : own.Dxs(rows * Model.InputSize);
        Span<T> dp = own.Dp;
        dp.Clear();
        own.Workspace.FirstSequence = start;
        if (shape.Loss == ShardLossKind.CrossEntropy)
        {
            ReadOnlySpan<int> classes = ShardRows.Gather<int>(_call.Classes.Span, steps, m, start, count, 1, own.Classes);
            own.Loss = Model.Gradient(p, xs, count, lengths, initial, classes, final, dInitial, dxs, dp, own.Workspace, BatchReduction.Sum, shape.LossSteps, shape.DropoutSeed);
        }
        else
        {
            int width = Model.Output == OutputHead.Linear ? Model.OutputSize : Model.OutputWidth;
            ReadOnlySpan<T> targets = ShardRows.Gather<T>(_call.Targets.Span, steps, m, start, count, width, own.Targets);
            own.Loss = Model.Gradient(p, xs, count, lengths, initial, targets, final, dInitial, dxs, dp, own.Workspace, BatchReduction.Sum, shape.LossSteps, shape.DropoutSeed);
        }

        if (!final.IsEmpty)
        {
            _blocks.Scatter<T>(final, m, start, count, T.One, _call.Final.Span);
        }

        if (!dInitial.IsEmpty)
        {
            _blocks.Scatter<T>(dInitial, m, start, count, shape.Scale, _call.DInitial.Span);
        }

        if (!dxs.IsEmpty)
        {
            ShardRows.Scatter<T>(dxs, steps, m, start, count, Model.InputSize, shape.Scale, _call.Dxs.Span);
        }
    }

    /// <summary>What every shard of a call shares: T, m, the loss, the reduction's factor (1, or 1/m) and the dropout seed.</summary>
    private readonly record struct ModelCallShape(int Steps, int BatchSize, ShardLossKind Loss, LossSteps LossSteps, T Scale, ulong? DropoutSeed);

    // The caller's spans, pinned for the call (see PinnedSpan).
    private struct ModelCall
    {
        public ModelCallShape Shape;
        public int Shards;
        public PinnedSpan<T> P, Xs, Initial, Targets, Final, DInitial, Dxs;
        public PinnedSpan<int> Lengths, Classes;
    }
}
