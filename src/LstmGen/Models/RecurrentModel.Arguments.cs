using LstmGen.Kernels;

namespace LstmGen.Models;

// The argument checks of the model's entry points. Every entry point runs all of its checks before it writes anything,
// so a call that throws leaves every caller buffer and the workspace as they were.
public sealed partial class RecurrentModel<T>
{
    private const string StateShape = "m x StateLength values in ModelLayout block order";

    private void CheckWorkspace(ModelWorkspace<T> workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Model, this))
        {
            throw new ArgumentException("Expected a workspace created by this model's CreateWorkspace, but it belongs to another model.", nameof(workspace));
        }
    }

    private void CheckParameters(ReadOnlySpan<T> p) =>
        Guard.Length(p.Length, ParameterCount, "the model's parameters p (ParameterCount values, ModelLayout order)", nameof(p));

    private void CheckParameterGradients(Span<T> dp) =>
        Guard.Length(dp.Length, ParameterCount, "the parameter gradients dp (ParameterCount values, ModelLayout order)", nameof(dp));

    // T = xs.Length / (m·D), at least 1 and within the workspace, as is m.
    private int CheckInputs(ReadOnlySpan<T> xs, int batchSize, ModelWorkspace<T> workspace)
    {
        int steps = SequenceArguments.Steps(xs.Length, batchSize, InputSize, "the inputs xs (T x m x D values)", nameof(xs));
        if (batchSize > workspace.BatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"Expected at most {workspace.BatchSize} sequences, the workspace's batch size.");
        }

        if (steps < 1 || steps > workspace.Steps)
        {
            throw new ArgumentException(
                $"Expected the inputs xs to hold between 1 and {workspace.Steps} steps (the workspace's) of m x D = {batchSize} x {InputSize} values, but they hold {steps}.", nameof(xs));
        }

        return steps;
    }

    // what: a constant (an interpolated message would allocate on every call, not only when it throws).
    private void CheckStates(int length, int batchSize, string what, string parameterName)
    {
        if (length != 0)
        {
            Guard.Length(length, batchSize * StateLength, what, parameterName);
        }
    }

    private int CheckForward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, ModelWorkspace<T> workspace)
    {
        CheckWorkspace(workspace);
        CheckParameters(p);
        int steps = CheckInputs(xs, batchSize, workspace);
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        CheckStates(initial.Length, batchSize, "the initial states (" + StateShape + ", or empty)", nameof(initial));
        CheckStates(final.Length, batchSize, "the final states (" + StateShape + ", or empty)", nameof(final));
        return steps;
    }

    // Backward reads what the last forward left in the workspace: it must have run these T, m and lengths.
    private int CheckBackward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp,
        ModelWorkspace<T> workspace)
    {
        CheckWorkspace(workspace);
        CheckParameters(p);
        int steps = CheckInputs(xs, batchSize, workspace);
        if (workspace.ForwardSteps == 0)
        {
            throw new InvalidOperationException("Expected a Forward on this workspace before Backward, but it has run none.");
        }

        if (workspace.ForwardSteps != steps || workspace.ForwardBatch != batchSize)
        {
            throw new ArgumentException(
                $"Expected the inputs of the last Forward ({workspace.ForwardSteps} steps of {workspace.ForwardBatch} sequences), but xs holds {steps} steps of {batchSize}.", nameof(xs));
        }

        if (!lengths.SequenceEqual(workspace.Lengths))
        {
            throw new ArgumentException("Expected the sequence lengths of the last Forward (the same values, or empty for both).", nameof(lengths));
        }

        SequenceArguments.PerStep(dOutputs.Length, steps * batchSize, OutputWidth, "the output gradients dOutputs (T x m x W values)", nameof(dOutputs));
        CheckStates(dInitial.Length, batchSize, "the initial states' gradient dInitial (" + StateShape + ", or empty)", nameof(dInitial));
        CheckInputGradients(xs, dxs);
        CheckParameterGradients(dp);
        return steps;
    }

    private static void CheckInputGradients(ReadOnlySpan<T> xs, Span<T> dxs)
    {
        if (!dxs.IsEmpty)
        {
            Guard.Length(dxs.Length, xs.Length, "the input gradients dxs (as many values as xs, or empty)", nameof(dxs));
        }
    }

    // The loss options shared by both losses; returns the factor of the reduction (1, or 1/m).
    private static T CheckLossOptions(int steps, int batchSize, ReadOnlySpan<int> lengths, LossSteps lossSteps, BatchReduction reduction)
    {
        SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
        SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));
        return LossMath.Scale<T>(reduction, batchSize);
    }

    // Squared error: on the linear head's output (targets of V values per step) or, without a head, on the outputs (W).
    private int SquaredErrorTargetWidth() => Output switch
    {
        OutputHead.Linear => OutputSize,
        OutputHead.None => OutputWidth,
        _ => throw new NotSupportedException($"Expected a model with a linear head or none for the squared error, but {this} has a softmax head: use CrossEntropy."),
    };

    private void RequireSoftmaxHead()
    {
        if (Output != OutputHead.Softmax)
        {
            throw new NotSupportedException($"Expected a model with a softmax head for the cross-entropy, but {this} has {(Output == OutputHead.None ? "no head" : "a linear head")}: use SquaredError.");
        }
    }

    private static void CheckTargets(ReadOnlySpan<T> targets, int rows, int width) =>
        SequenceArguments.PerStep(targets.Length, rows, width, "the targets (T x m x V values for a linear head, T x m x W without a head)", nameof(targets));

    private void CheckClasses(ReadOnlySpan<int> classes, int steps, int batchSize, ReadOnlySpan<int> lengths, LossSteps lossSteps)
    {
        Guard.Length(classes.Length, steps * batchSize, "the target classes (T x m values)", nameof(classes));
        SequenceLengths.Classes(classes, batchSize, lengths, lossSteps, OutputSize, "the target classes", nameof(classes));
    }
}
