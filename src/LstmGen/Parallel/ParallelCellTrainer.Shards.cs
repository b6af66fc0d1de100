namespace LstmGen.Parallel;

// One call: pin the caller's spans, run the shards (shard 0 on this thread), reduce in shard order.
public sealed partial class ParallelCellTrainer<T> : IShardWork
{
    private CellCall _call;
    private int _busy;

    private unsafe T Run(
        in CallShape shape, ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> xs, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial,
        ReadOnlySpan<int> classes, ReadOnlySpan<T> targets, Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("Expected one call at a time on a ParallelCellTrainer, but another call is running.");
        }

        try
        {
            int shards = ShardPartition.Count(shape.BatchSize, _shards.Length);
            fixed (T* pp = p, pxs = xs, pInitial = initial, pTargets = targets, pFinal = final, pdInitial = dInitial, pdxs = dxs)
            fixed (int* pIndices = indices, pLengths = lengths, pClasses = classes)
            {
                _call = new CellCall
                {
                    Shape = shape,
                    Shards = shards,
                    P = new(pp, p.Length),
                    Xs = new(pxs, xs.Length),
                    Indices = new(pIndices, indices.Length),
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

            return ShardRows.Reduce(_shards, shards, shape.Scale, T.One, dp);
        }
        finally
        {
            _call = default;
            Volatile.Write(ref _busy, 0);
        }
    }

    // Shard k: gather its samples, forward, loss (its gradients with the whole batch's factor, as the cell's batched
    // loss puts it there), BPTT into its own dθ; states and dxs straight to the caller's rows of
    // this shard (disjoint from every other shard's).
    void IShardWork.RunShard(int shard)
    {
        CellShard<T> own = _shards[shard];
        CallShape shape = _call.Shape;
        int m = shape.BatchSize, steps = shape.Steps, s = Cell.StateLength, h = Cell.HiddenSize, d = Cell.InputSize;
        int start = ShardPartition.Start(m, _call.Shards, shard), count = ShardPartition.Start(m, _call.Shards, shard + 1) - start, rows = steps * count;
        ReadOnlySpan<T> p = _call.P.Span;
        ReadOnlySpan<int> lengths = _call.Lengths.IsEmpty ? default : _call.Lengths.Span.Slice(start, count);
        ReadOnlySpan<T> initial = _call.Initial.IsEmpty ? default : _call.Initial.Span.Slice(start * s, count * s);
        Span<T> final = _call.Final.IsEmpty ? own.SpareFinal(count * s) : _call.Final.Span.Slice(start * s, count * s);
        Span<T> dInitial = _call.DInitial.IsEmpty ? own.SpareInitialGradients(count * s) : _call.DInitial.Span.Slice(start * s, count * s);
        Span<T> caches = own.Caches(rows * Cell.CacheLength), outputs = own.Outputs(rows * h), dOutputs = own.OutputGradients(rows * h);
        bool dense = !_call.Xs.IsEmpty;
        Span<T> xs = dense ? ShardRows.Gather<T>(_call.Xs.Span, steps, m, start, count, d, own.Xs) : default;
        Span<int> indices = dense ? default : ShardRows.Gather<int>(_call.Indices.Span, steps, m, start, count, 1, own.Indices);

        // forward: [T × count] inputs → caches [T × count × CacheLength], outputs [T × count × H], final [count × S]
        if (dense)
        {
            Cell.ForwardSequenceBatch(p, xs, count, lengths, initial, final, caches, outputs);
        }
        else
        {
            Cell.ForwardSequenceBatch(p, indices, count, lengths, initial, final, caches, outputs);
        }

        // loss: dOutputs [T × count × H] and the head's dθ (into the shard's dp), both with the factor 1 or 1/m
        Span<T> dp = own.Dp;
        dp.Clear();
        bool crossEntropy = shape.Loss == ShardLossKind.CrossEntropy;
        int targetWidth = Cell.Layout.Head == OutputHead.Linear ? Cell.OutputSize : h;
        ReadOnlySpan<int> classes = crossEntropy ? ShardRows.Gather<int>(_call.Classes.Span, steps, m, start, count, 1, own.Classes) : default;
        ReadOnlySpan<T> targets = crossEntropy ? default : ShardRows.Gather<T>(_call.Targets.Span, steps, m, start, count, targetWidth, own.Targets);
        own.Loss = CellShardLoss.Run(Cell, shape.Loss, p, outputs, classes, targets, dOutputs, dp, steps, count, lengths, shape.LossSteps, shape.Scale);

        // BPTT: dOutputs → dθ (the shard's), dInitial [count × S], dxs [T × count × D]
        if (dense)
        {
            Span<T> dxs = _call.Dxs.IsEmpty ? default : own.Dxs[..(rows * d)];
            Cell.BpttBatch(p, xs, count, lengths, caches, dOutputs, dInitial, dxs, dp);
            if (!dxs.IsEmpty)
            {
                ShardRows.Scatter(dxs, steps, m, start, count, d, T.One, _call.Dxs.Span);
            }
        }
        else
        {
            Cell.BpttBatch(p, indices, count, lengths, caches, dOutputs, dInitial, dp);
        }
    }

    /// <summary>What every shard of a call shares: T, m, the loss and the reduction's factor (1, or 1/m).</summary>
    private readonly record struct CallShape(int Steps, int BatchSize, ShardLossKind Loss, LossSteps LossSteps, T Scale);

    // The caller's spans, pinned for the call (see PinnedSpan).
    private struct CellCall
    {
        public CallShape Shape;
        public int Shards;
        public PinnedSpan<T> P, Xs, Initial, Targets, Final, DInitial, Dxs;
        public PinnedSpan<int> Indices, Lengths, Classes;
    }
}
