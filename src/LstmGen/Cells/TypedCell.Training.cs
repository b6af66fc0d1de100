using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

public static partial class TypedCell<TKernel, T>
{
    /// <summary>Squared error of one step, <c>L = ½‖h − y‖²</c>, with dL/dh = h − y.</summary>
    public static T MseLoss<THidden>(in THidden h, in THidden y, out THidden dh)
        where THidden : unmanaged
    {
        THidden gradient = default;
        T loss = LossMath.HalfSquaredError(In(h, H), In(y, H), Out(ref gradient, H), T.One);
        dh = gradient;
        return loss;
    }

    /// <summary>Squared error of a sequence, <c>L = Σ_t ½‖h_t − y_t‖²</c>, writing ∂L/∂h_t.</summary>
    public static T MseLoss<THidden>(ReadOnlySpan<THidden> outputs, ReadOnlySpan<THidden> targets, Span<THidden> outputGradients)
        where THidden : unmanaged
    {
        Guard.SameLength(targets.Length, outputs.Length, Say.Targets, nameof(targets));
        Guard.SameLength(outputGradients.Length, outputs.Length, Say.OutputGradients, nameof(outputGradients));
        return Losses<TKernel, T>.SquaredError(In(outputs, H), In(targets, H), Out(outputGradients, H));
    }

    /// <summary>
    /// Cross-entropy of the softmax head against a class per step: <c>L = Σ_t −log softmax(W_y h_t + b_y)[class_t]</c>;
    /// writes ∂L/∂h_t and adds the head's gradients into <paramref name="grads"/>.
    /// </summary>
    public static T CrossEntropyLoss<THidden>(Parameters<TKernel, T> p, ReadOnlySpan<THidden> outputs, ReadOnlySpan<int> targets, Span<THidden> outputGradients, Gradients<TKernel, T> grads)
        where THidden : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        Guard.SameLength(targets.Length, outputs.Length, Say.Targets, nameof(targets));
        Guard.SameLength(outputGradients.Length, outputs.Length, Say.OutputGradients, nameof(outputGradients));
        Head();
        Guard.Indices(targets, V, Say.ClassIndices, nameof(targets));
        return Losses<TKernel, T>.CrossEntropy(p.Values, In(outputs, H), targets, Out(outputGradients, H), grads.Values);
    }

    /// <summary>Cross-entropy of the softmax head against a distribution per step (each finite, ≥ 0, summing to 1).</summary>
    public static T CrossEntropyLoss<THidden, TOutput>(Parameters<TKernel, T> p, ReadOnlySpan<THidden> outputs, ReadOnlySpan<TOutput> targets, Span<THidden> outputGradients, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TOutput : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        Guard.SameLength(targets.Length, outputs.Length, Say.Targets, nameof(targets));
        Guard.SameLength(outputGradients.Length, outputs.Length, Say.OutputGradients, nameof(outputGradients));
        Head();
        Guard.Distributions(In(targets, V), V, Say.Distributions, nameof(targets));
        return Losses<TKernel, T>.CrossEntropy(p.Values, In(outputs, H), In(targets, V), Out(outputGradients, H), grads.Values);
    }

    /// <summary>
    /// Forward, loss and backward of one sequence in one call; the loss is selected by the targets' type: hidden-size
    /// targets give the squared error <c>Σ_t ½‖h_t − y_t‖²</c>. Every gradient is added into <paramref name="grads"/>;
    /// the workspace keeps this sequence's caches and outputs. Allocates nothing.
    /// </summary>
    /// <returns>The summed loss and the state after the last step.</returns>
    public static (T Loss, TState Final) LossAndGradients<TIn, THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<THidden> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TIn : unmanaged
        where THidden : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, In(inputs, D), default, Targets.Squared(In(targets, H)), initial);
    }

    /// <summary><see cref="LossAndGradients{TIn, THidden, TState}"/> on one-hot inputs.</summary>
    public static (T Loss, TState Final) LossAndGradients<THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<THidden> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, default, inputs, Targets.Squared(In(targets, H)), initial);
    }

    /// <summary>
    /// <see cref="LossAndGradients{TIn, THidden, TState}"/> for a batch of m = <paramref name="batchSize"/> sequences,
    /// time-major (step t of sequence b at t·m + b). The loss sums each sequence's loss (summed over its steps first);
    /// <see cref="BatchReduction.Mean"/> divides the loss and every gradient by m. The final states are left in
    /// <see cref="Workspace{TKernel, T}.States"/>.
    /// </summary>
    public static T LossAndGradientsBatch<TIn, THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<THidden> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where THidden : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, In(inputs, D), default, Targets.Squared(In(targets, H)), In(initial, S));
    }

    /// <summary><see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, BatchReduction, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/> on one-hot inputs.</summary>
    public static T LossAndGradientsBatch<THidden, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<THidden> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where THidden : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, default, inputs, Targets.Squared(In(targets, H)), In(initial, S));
    }

    /// <summary>
    /// Forward, loss and backward of one sequence with the softmax head's cross-entropy against a class per step
    /// (<c>Σ_t −log softmax(W_y h_t + b_y)[class_t]</c>); every gradient is added into <paramref name="grads"/>.
    /// </summary>
    public static (T Loss, TState Final) CrossEntropyLossAndGradients<TIn, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<int> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TIn : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, In(inputs, D), default, Targets.Classes(targets), initial);
    }

    /// <summary><see cref="CrossEntropyLossAndGradients{TIn, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{int}, in TState, Workspace{TKernel, T}, Gradients{TKernel, T})"/> on one-hot inputs.</summary>
    public static (T Loss, TState Final) CrossEntropyLossAndGradients<TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, default, inputs, Targets.Classes(targets), initial);
    }

    /// <summary><see cref="CrossEntropyLossAndGradients{TIn, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{int}, in TState, Workspace{TKernel, T}, Gradients{TKernel, T})"/> against a target distribution per step.</summary>
    public static (T Loss, TState Final) CrossEntropyLossAndGradients<TIn, TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TOutput> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TIn : unmanaged
        where TOutput : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, In(inputs, D), default, Targets.Distributions(In(targets, V)), initial);
    }

    /// <summary><see cref="CrossEntropyLossAndGradients{TIn, TOutput, TState}"/> on one-hot inputs.</summary>
    public static (T Loss, TState Final) CrossEntropyLossAndGradients<TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TOutput> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TOutput : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, default, inputs, Targets.Distributions(In(targets, V)), initial);
    }

    /// <summary>The batched <see cref="CrossEntropyLossAndGradients{TIn, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{int}, in TState, Workspace{TKernel, T}, Gradients{TKernel, T})"/> (see <see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, BatchReduction, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/>).</summary>
    public static T CrossEntropyLossAndGradientsBatch<TIn, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<int> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, In(inputs, D), default, Targets.Classes(targets), In(initial, S));
    }

    /// <summary>The batched <see cref="CrossEntropyLossAndGradients{TState}(Parameters{TKernel, T}, ReadOnlySpan{int}, ReadOnlySpan{int}, in TState, Workspace{TKernel, T}, Gradients{TKernel, T})"/> on one-hot inputs.</summary>
    public static T CrossEntropyLossAndGradientsBatch<TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, default, inputs, Targets.Classes(targets), In(initial, S));
    }

    /// <summary>The batched <see cref="CrossEntropyLossAndGradients{TIn, TOutput, TState}"/> against distributions.</summary>
    public static T CrossEntropyLossAndGradientsBatch<TIn, TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TOutput> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, In(inputs, D), default, Targets.Distributions(In(targets, V)), In(initial, S));
    }

    /// <summary>The batched <see cref="CrossEntropyLossAndGradients{TOutput, TState}(Parameters{TKernel, T}, ReadOnlySpan{int}, ReadOnlySpan{TOutput}, in TState, Workspace{TKernel, T}, Gradients{TKernel, T})"/> on one-hot inputs.</summary>
    public static T CrossEntropyLossAndGradientsBatch<TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TOutput> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, default, inputs, Targets.Distributions(In(targets, V)), In(initial, S));
    }

    /// <summary>One step of stochastic gradient descent, θ ← θ − learningRate · dθ, in place.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is NaN or infinite.</exception>
    public static void Sgd(Parameters<TKernel, T> p, Gradients<TKernel, T> grads, T learningRate)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        Optimizers.Sgd<T>(p.Values, grads.Values, learningRate);
    }

    // Cross-entropy needs a softmax head; the linear head's squared error a linear one.
    private static void Head(OutputHead needed = OutputHead.Softmax)
    {
        if (TKernel.Head != needed)
        {
            throw new NotSupportedException(needed == OutputHead.Softmax ? Say.SoftmaxHeadNeeded : Say.LinearHeadNeeded);
        }
    }

    private static (T Loss, TState Final) Single<TState>(in TrainingRun run, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, Targets targets, in TState initial)
        where TState : unmanaged
    {
        T loss = Batch(run, xs, indices, targets, In(initial, S));
        TState final = default;
        run.Workspace.States[..S].CopyTo(Out(ref final, S));
        return (loss, final);
    }
}
