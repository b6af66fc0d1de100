using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

// The one-call batch training functions for sequences of different lengths and for a loss on the last step only.
public static partial class TypedCell<TKernel, T>
{
    /// <summary>
    /// <see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, BatchReduction, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/>
    /// for m = <paramref name="batchSize"/> sequences of different lengths padded to T steps (PyTorch's
    /// <c>pack_padded_sequence</c>): sequence b has <paramref name="lengths"/>[b] valid steps, each in [1, T] (empty: all
    /// T). Padded steps change no state, add no loss or gradient, and their inputs and targets are not read; each final
    /// state (in <see cref="Workspace{TKernel, T}.States"/>) is the one after its last valid step, the workspace's output
    /// rows at padded steps are zero. <paramref name="lossSteps"/> puts the loss on every valid step or on each
    /// sequence's last valid step only (many-to-one). <see cref="BatchReduction.Mean"/> divides by m (sequences).
    /// </summary>
    public static T LossAndGradientsBatch<TIn, THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<THidden> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where THidden : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, In(inputs, D), default, Targets.Squared(In(targets, H)), In(initial, S));
    }

    /// <summary><see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/> on one-hot inputs.</summary>
    public static T LossAndGradientsBatch<THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<THidden> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where THidden : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, default, inputs, Targets.Squared(In(targets, H)), In(initial, S));
    }

    /// <summary>The head's cross-entropy against a class per step (see <see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/>); classes at steps without a loss are not read.</summary>
    public static T CrossEntropyLossAndGradientsBatch<TIn, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<int> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, In(inputs, D), default, Targets.Classes(targets), In(initial, S));
    }

    /// <summary><see cref="CrossEntropyLossAndGradientsBatch{TIn, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{int}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/> on one-hot inputs.</summary>
    public static T CrossEntropyLossAndGradientsBatch<TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, default, inputs, Targets.Classes(targets), In(initial, S));
    }

    /// <summary>The head's cross-entropy against a distribution per step (see <see cref="CrossEntropyLossAndGradientsBatch{TIn, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{int}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/>).</summary>
    public static T CrossEntropyLossAndGradientsBatch<TIn, TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TOutput> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, In(inputs, D), default, Targets.Distributions(In(targets, V)), In(initial, S));
    }

    /// <summary><see cref="CrossEntropyLossAndGradientsBatch{TIn, TOutput, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{TOutput}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/> on one-hot inputs.</summary>
    public static T CrossEntropyLossAndGradientsBatch<TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TOutput> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, default, inputs, Targets.Distributions(In(targets, V)), In(initial, S));
    }
}
