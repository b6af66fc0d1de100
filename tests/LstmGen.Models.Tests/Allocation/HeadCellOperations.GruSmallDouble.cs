using Cell = LstmGen.TestCells.UnrolledGru3x5Head4Double;
using Scalar = double;

namespace LstmGen.Models.Tests.Allocation;

// The same body exists for each measured cell (HeadCellOperations.*.cs): generated cells are distinct static classes,
// so a test that calls their functions directly (no reflection, no delegates) is written once per cell type.

/// <summary>Every entry point of an unrolled GRU with a softmax head (D = 3, H = 5, V = 4, double).</summary>
internal static class GruSmallDoubleOperations
{
    public static Dictionary<string, Action> Build()
    {
        const int steps = 4, batch = 3, n = steps * batch;
        var random = new Random(7);
        var p = new Cell.Parameters();
        foreach (ref Scalar v in p.AsSpan())
        {
            v = (Scalar)((random.NextDouble() - 0.5) * 0.6);
        }

        Vec3<double>[] xs = [.. Enumerable.Range(0, n).Select(_ => Vec3<double>.FromSpan([.. Enumerable.Range(0, Cell.InputSize).Select(_ => (Scalar)random.NextDouble())]))];
        int[] indices = [.. Enumerable.Range(0, n).Select(_ => random.Next(Cell.InputSize))];
        int[] classes = [.. Enumerable.Range(0, n).Select(_ => random.Next(Cell.OutputSize))];
        Vec4<double>[] distributions = [.. Enumerable.Range(0, n).Select(_ => Vec4<double>.FromSpan([.. Enumerable.Repeat((Scalar)(1.0 / Cell.OutputSize), Cell.OutputSize)]))];
        Vec5<double>[] ys = [.. Enumerable.Range(0, n).Select(_ => Vec5<double>.FromSpan([.. Enumerable.Range(0, Cell.HiddenSize).Select(_ => (Scalar)random.NextDouble())]))];
        var initial = new Cell.State[batch];
        var final = new Cell.State[batch];
        int cacheLength = Cell.CacheLength;
        var caches = new Scalar[n * cacheLength];
        var outputs = new Vec5<double>[n];
        var dh = new Vec5<double>[n];
        var dx = new Vec3<double>[n];
        var carry = new Cell.StateGradient[batch];
        var carryOut = new Cell.StateGradient[batch];
        var grads = new Cell.Gradients();
        var workspace = new Cell.Workspace(steps, batch);
        Cell.ForwardSequenceBatch(p, xs, batch, initial, final, caches, outputs);
        Vec4<double> logits = Cell.HeadForward(p, outputs[0]), dLogits = default, probabilities = default;
        Vec5<double> dhHead = default;
        Cell.State stepped = default;
        Cell.StateGradient carried = default;
        (Vec3<double> Dx, Cell.StateGradient Carry) back = default;
        Cell.State streamed = default;
        Scalar sink = 0;
        return new()
        {
            ["Forward"] = () => stepped = Cell.Forward(p, xs[0], stepped, caches.AsSpan(0, cacheLength)),
            ["ForwardOneHot"] = () => stepped = Cell.ForwardOneHot(p, indices[0], stepped, caches.AsSpan(0, cacheLength)),
            ["Backward"] = () => back = Cell.Backward(p, xs[0], caches.AsSpan(0, cacheLength), dh[0], back.Carry, grads),
            ["BackwardOneHot"] = () => carried = Cell.BackwardOneHot(p, indices[0], caches.AsSpan(0, cacheLength), dh[0], carried, grads),
            ["ForwardSequence (dense)"] = () => streamed = Cell.ForwardSequence(p, xs.AsSpan(0, steps), initial[0], caches.AsSpan(0, steps * cacheLength), outputs.AsSpan(0, steps)),
            ["ForwardSequence (one-hot)"] = () => streamed = Cell.ForwardSequence(p, indices.AsSpan(0, steps), initial[0], caches.AsSpan(0, steps * cacheLength), outputs.AsSpan(0, steps)),
            ["Bptt (dense)"] = () => back.Carry = Cell.Bptt(p, xs.AsSpan(0, steps), caches.AsSpan(0, steps * cacheLength), dh.AsSpan(0, steps), grads, dx.AsSpan(0, steps)),
            ["Bptt (one-hot)"] = () => carried = Cell.Bptt(p, indices.AsSpan(0, steps), caches.AsSpan(0, steps * cacheLength), dh.AsSpan(0, steps), grads),
            ["ForwardBatch (dense)"] = () => Cell.ForwardBatch(p, xs.AsSpan(0, batch), initial, final, caches.AsSpan(0, batch * cacheLength)),
            ["ForwardBatch (one-hot)"] = () => Cell.ForwardBatch(p, indices.AsSpan(0, batch), initial, final, caches.AsSpan(0, batch * cacheLength)),
            ["BackwardBatch (dense)"] = () => Cell.BackwardBatch(p, xs.AsSpan(0, batch), caches.AsSpan(0, batch * cacheLength), dh.AsSpan(0, batch), carry, carryOut, grads, dx.AsSpan(0, batch)),
            ["BackwardBatch (one-hot)"] = () => Cell.BackwardBatch(p, indices.AsSpan(0, batch), caches.AsSpan(0, batch * cacheLength), dh.AsSpan(0, batch), carry, carryOut, grads),
            ["ForwardSequenceBatch (dense)"] = () => Cell.ForwardSequenceBatch(p, xs, batch, initial, final, caches, outputs),
            ["ForwardSequenceBatch (one-hot)"] = () => Cell.ForwardSequenceBatch(p, indices, batch, initial, final, caches, outputs),
            ["BpttBatch (dense)"] = () => Cell.BpttBatch(p, xs, caches, dh, batch, grads, dx, carry),
            ["BpttBatch (one-hot)"] = () => Cell.BpttBatch(p, indices, caches, dh, batch, grads, carry),
            ["HeadForward"] = () => logits = Cell.HeadForward(p, outputs[1]),
            ["HeadBackward"] = () => dhHead = Cell.HeadBackward(p, outputs[1], logits, grads),
            ["Softmax"] = () => probabilities = Cell.Softmax(logits),
            ["LogSoftmax"] = () => probabilities = Cell.LogSoftmax(logits),
            ["CrossEntropyLoss (class, step)"] = () => sink += Cell.CrossEntropyLoss(logits, classes[0], out dLogits),
            ["CrossEntropyLoss (distribution, step)"] = () => sink += Cell.CrossEntropyLoss(logits, distributions[0], out dLogits),
            ["CrossEntropyLoss (class, sequence)"] = () => sink += Cell.CrossEntropyLoss(p, outputs, classes, dh, grads),
            ["CrossEntropyLoss (distribution, sequence)"] = () => sink += Cell.CrossEntropyLoss(p, outputs, distributions, dh, grads),
            ["MseLoss (step)"] = () => sink += Cell.MseLoss(outputs[0], ys[0], out dhHead),
            ["MseLoss (sequence)"] = () => sink += Cell.MseLoss(outputs, ys, dh),
            ["LossAndGradients (dense)"] = () => sink += Cell.LossAndGradients(p, xs.AsSpan(0, steps), ys.AsSpan(0, steps), initial[0], workspace, grads).Loss,
            ["LossAndGradients (one-hot)"] = () => sink += Cell.LossAndGradients(p, indices.AsSpan(0, steps), ys.AsSpan(0, steps), initial[0], workspace, grads).Loss,
            ["LossAndGradientsBatch (dense)"] = () => sink += Cell.LossAndGradientsBatch(p, xs, ys, batch, BatchReduction.Mean, workspace, grads),
            ["LossAndGradientsBatch (one-hot)"] = () => sink += Cell.LossAndGradientsBatch(p, indices, ys, batch, BatchReduction.Sum, workspace, grads, initial),
            ["CrossEntropyLossAndGradients (dense, class)"] = () => sink += Cell.CrossEntropyLossAndGradients(p, xs.AsSpan(0, steps), classes.AsSpan(0, steps), initial[0], workspace, grads).Loss,
            ["CrossEntropyLossAndGradients (one-hot, class)"] = () => sink += Cell.CrossEntropyLossAndGradients(p, indices.AsSpan(0, steps), classes.AsSpan(0, steps), initial[0], workspace, grads).Loss,
            ["CrossEntropyLossAndGradients (dense, distribution)"] = () => sink += Cell.CrossEntropyLossAndGradients(p, xs.AsSpan(0, steps), distributions.AsSpan(0, steps), initial[0], workspace, grads).Loss,
            ["CrossEntropyLossAndGradients (one-hot, distribution)"] = () => sink += Cell.CrossEntropyLossAndGradients(p, indices.AsSpan(0, steps), distributions.AsSpan(0, steps), initial[0], workspace, grads).Loss,
            ["CrossEntropyLossAndGradientsBatch (dense, class)"] = () => sink += Cell.CrossEntropyLossAndGradientsBatch(p, xs, classes, batch, BatchReduction.Mean, workspace, grads),
            ["CrossEntropyLossAndGradientsBatch (one-hot, class)"] = () => sink += Cell.CrossEntropyLossAndGradientsBatch(p, indices, classes, batch, BatchReduction.Sum, workspace, grads, initial),
            ["CrossEntropyLossAndGradientsBatch (dense, distribution)"] = () => sink += Cell.CrossEntropyLossAndGradientsBatch(p, xs, distributions, batch, BatchReduction.Mean, workspace, grads),
            ["CrossEntropyLossAndGradientsBatch (one-hot, distribution)"] = () => sink += Cell.CrossEntropyLossAndGradientsBatch(p, indices, distributions, batch, BatchReduction.Sum, workspace, grads),
            ["Gradients.Norm"] = () => sink += (Scalar)grads.Norm(),
            ["Gradients.ClipByGlobalNorm"] = () => sink += (Scalar)grads.ClipByGlobalNorm(1),
            ["Gradients.ClipByValue"] = () => grads.ClipByValue(5),
            ["Sgd"] = () => Cell.Sgd(p, grads, (Scalar)1e-12),
            ["Gradients.Clear"] = grads.Clear,
        };
    }
}
