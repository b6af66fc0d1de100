namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    /// <summary>
    /// One training step's gradient with the squared error (linear head, or none): <see cref="Forward"/>, then
    /// <see cref="SquaredError"/> on the top layer's outputs, then <see cref="Backward"/>. Returns the loss; adds ∂L/∂θ
    /// (layers and head) into <paramref name="dp"/>; writes the final states, ∂L/∂(initial states) and ∂L/∂xs into
    /// <paramref name="final"/>, <paramref name="dInitial"/> and <paramref name="dxs"/> unless they are empty. Every
    /// argument is checked before anything is written.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has a softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or the workspace is another model's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size or a length is out of range, or an enum value is undefined.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<T> targets,
        Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, ModelWorkspace<T> workspace,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every, ulong? dropoutSeed = null)
    {
        int width = SquaredErrorTargetWidth();
        int steps = CheckGradient(p, xs, batchSize, lengths, initial, final, dInitial, dxs, dp, workspace);
        T scale = CheckLossOptions(steps, batchSize, lengths, lossSteps, reduction);
        CheckTargets(targets, steps * batchSize, width);
        return RunGradient(p, xs, steps, batchSize, lengths, initial, targets, default, final, dInitial, dxs, dp, workspace, lossSteps, scale, dropoutSeed);
    }

    /// <summary>
    /// One training step's gradient with the softmax head's cross-entropy against classes [T × m]: as the squared-error
    /// <see cref="Gradient(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, Span{T}, ModelWorkspace{T}, BatchReduction, LossSteps, ulong?)"/>,
    /// with <see cref="CrossEntropy"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no softmax head.</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or the workspace is another model's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A read class, the batch size or a length is out of range, or an enum value is undefined.</exception>
    public T Gradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<int> classes,
        Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, ModelWorkspace<T> workspace,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every, ulong? dropoutSeed = null)
    {
        RequireSoftmaxHead();
        int steps = CheckGradient(p, xs, batchSize, lengths, initial, final, dInitial, dxs, dp, workspace);
        T scale = CheckLossOptions(steps, batchSize, lengths, lossSteps, reduction);
        CheckClasses(classes, steps, batchSize, lengths, lossSteps);
        return RunGradient(p, xs, steps, batchSize, lengths, initial, default, classes, final, dInitial, dxs, dp, workspace, lossSteps, scale, dropoutSeed);
    }

    private int CheckGradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> dInitial, Span<T> dxs,
        Span<T> dp, ModelWorkspace<T> workspace)
    {
        int steps = CheckForward(p, xs, batchSize, lengths, initial, final, workspace);
        CheckStates(dInitial.Length, batchSize, "the initial states' gradient dInitial (" + StateShape + ", or empty)", nameof(dInitial));
        CheckInputGradients(xs, dxs);
        CheckParameterGradients(dp);
        return steps;
    }

    // Unchecked: forward, the loss into the workspace's top output gradient, backward.
    private T RunGradient(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int steps, int m, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, ReadOnlySpan<T> targets,
        ReadOnlySpan<int> classes, Span<T> final, Span<T> dInitial, Span<T> dxs, Span<T> dp, ModelWorkspace<T> workspace,
        LossSteps lossSteps, T scale, ulong? dropoutSeed)
    {
        int rows = steps * m, top = _layers.Length - 1;
        RunForward(p, xs, steps, m, lengths, initial, final.IsEmpty ? workspace.FinalStates(m) : final, workspace, dropoutSeed);
        Span<T> dOutputs = workspace.OutputGradient(top, rows);
        T loss = RunLoss(p, workspace.Output(top, rows), targets, classes, dOutputs, dp, steps, m, lengths, lossSteps, scale);
        RunBackward(p, xs, steps, m, lengths, dOutputs, dInitial.IsEmpty ? workspace.InitialGradients(m) : dInitial, dxs, dp, workspace);
        return loss;
    }
}
