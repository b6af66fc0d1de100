using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

// The linear head (OutputHead.Linear): y = W_y h + b_y trained with squared error ½‖y − target‖² on y. Its forward and
// backward are HeadForward and HeadBackward; here are its losses, one step, one sequence, and the one-call training.
public static partial class TypedCell<TKernel, T>
{
    /// <summary>Squared error of the linear head's output at one step, <c>L = ½‖y − target‖²</c>, with dL/dy = y − target (feed it to <see cref="HeadBackward{THidden, TOutput}"/>).</summary>
    /// <exception cref="NotSupportedException">The cell has no linear head.</exception>
    public static T HeadMseLoss<TOutput>(in TOutput y, in TOutput target, out TOutput dy)
        where TOutput : unmanaged
    {
        Head(OutputHead.Linear);
        TOutput gradient = default;
        T loss = LossMath.HalfSquaredError(In(y, V), In(target, V), Out(ref gradient, V), T.One);
        dy = gradient;
        return loss;
    }

    /// <summary>
    /// Squared error of the linear head over a sequence's hidden outputs: <c>L = Σ_t ½‖W_y h_t + b_y − target_t‖²</c>;
    /// writes ∂L/∂h_t and adds the head's gradients into <paramref name="grads"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The cell has no linear head.</exception>
    public static T HeadMseLoss<THidden, TOutput>(Parameters<TKernel, T> p, ReadOnlySpan<THidden> outputs, ReadOnlySpan<TOutput> targets, Span<THidden> outputGradients, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TOutput : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        Guard.SameLength(targets.Length, outputs.Length, Say.Targets, nameof(targets));
        Guard.SameLength(outputGradients.Length, outputs.Length, Say.OutputGradients, nameof(outputGradients));
        Head(OutputHead.Linear);
        return Losses<TKernel, T>.HeadSquaredError(p.Values, In(outputs, H), In(targets, V), Out(outputGradients, H), grads.Values);
    }

    /// <summary>
    /// Forward, loss and backward of one sequence with the linear head's squared error against a target [V] per step
    /// (<c>Σ_t ½‖W_y h_t + b_y − target_t‖²</c>); every gradient is added into <paramref name="grads"/>. Allocates nothing.
    /// </summary>
    /// <returns>The summed loss and the state after the last step.</returns>
    /// <exception cref="NotSupportedException">The cell has no linear head.</exception>
    public static (T Loss, TState Final) HeadMseLossAndGradients<TIn, TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TOutput> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TIn : unmanaged
        where TOutput : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, In(inputs, D), default, Targets.HeadSquared(In(targets, V)), initial);
    }

    /// <summary><see cref="HeadMseLossAndGradients{TIn, TOutput, TState}"/> on one-hot inputs.</summary>
    public static (T Loss, TState Final) HeadMseLossAndGradients<TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TOutput> targets, in TState initial, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads)
        where TOutput : unmanaged
        where TState : unmanaged
    {
        Guard.SameLength(targets.Length, inputs.Length, Say.Targets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, inputs.Length, 1, BatchReduction.Sum);
        return Single(run, default, inputs, Targets.HeadSquared(In(targets, V)), initial);
    }

    /// <summary>
    /// <see cref="HeadMseLossAndGradients{TIn, TOutput, TState}"/> for a batch of m = <paramref name="batchSize"/>
    /// sequences, time-major (step t of sequence b at t·m + b); as <see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, BatchReduction, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/>.
    /// </summary>
    public static T HeadMseLossAndGradientsBatch<TIn, TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TOutput> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, In(inputs, D), default, Targets.HeadSquared(In(targets, V)), In(initial, S));
    }

    /// <summary>The batched <see cref="HeadMseLossAndGradients{TOutput, TState}"/> on one-hot inputs.</summary>
    public static T HeadMseLossAndGradientsBatch<TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TOutput> targets, int batchSize, BatchReduction reduction,
        Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction);
        return Batch(run, default, inputs, Targets.HeadSquared(In(targets, V)), In(initial, S));
    }

    /// <summary>
    /// The linear head's squared error over a padded batch with per-sequence <paramref name="lengths"/> and
    /// <paramref name="lossSteps"/> (see <see cref="LossAndGradientsBatch{TIn, THidden, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{THidden}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/>);
    /// targets at steps without a loss are not read.
    /// </summary>
    public static T HeadMseLossAndGradientsBatch<TIn, TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TOutput> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TIn : unmanaged
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, In(inputs, D), default, Targets.HeadSquared(In(targets, V)), In(initial, S));
    }

    /// <summary><see cref="HeadMseLossAndGradientsBatch{TIn, TOutput, TState}(Parameters{TKernel, T}, ReadOnlySpan{TIn}, ReadOnlySpan{TOutput}, int, ReadOnlySpan{int}, BatchReduction, LossSteps, Workspace{TKernel, T}, Gradients{TKernel, T}, ReadOnlySpan{TState})"/> on one-hot inputs.</summary>
    public static T HeadMseLossAndGradientsBatch<TOutput, TState>(
        Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TOutput> targets, int batchSize, ReadOnlySpan<int> lengths, BatchReduction reduction,
        LossSteps lossSteps, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, ReadOnlySpan<TState> initial = default)
        where TOutput : unmanaged
        where TState : unmanaged
    {
        int steps = BatchSteps(inputs.Length, batchSize);
        Guard.Length(targets.Length, inputs.Length, Say.BatchedTargets, nameof(targets));
        var run = new TrainingRun(p, workspace, grads, steps, batchSize, reduction, lengths, lossSteps);
        return Batch(run, default, inputs, Targets.HeadSquared(In(targets, V)), In(initial, S));
    }
}
