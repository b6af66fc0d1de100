using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>The head on a reference model's top layer.</summary>
public enum ReferenceHead
{
    /// <summary>No head: the loss sees the top layer's outputs.</summary>
    None,

    /// <summary>y = W_y o + b_y, with the squared error.</summary>
    Linear,

    /// <summary>logits = W_y o + b_y, with the softmax cross-entropy.</summary>
    Softmax,
}

/// <summary>Which steps of a sequence carry a loss.</summary>
public enum ModelLossSteps
{
    /// <summary>Every valid step t &lt; L.</summary>
    Every,

    /// <summary>Only the sequence's last valid step, t = L − 1.</summary>
    Last,
}

/// <summary>
/// The loss of one sequence of a model, on the head's output y_t (or the top layer's output without a head), at the
/// steps <see cref="Steps"/> selects. One entry per valid step; with <see cref="ModelLossSteps.Last"/> only entry L − 1 is read.
/// </summary>
public abstract record ModelTargets(ModelLossSteps Steps)
{
    /// <summary>The number of entries (the sequence's length L).</summary>
    public abstract int Length { get; }

    /// <summary>Whether the loss needs a softmax head (cross-entropy) rather than a linear head or none.</summary>
    public abstract bool NeedsSoftmax { get; }

    /// <summary>Whether step <paramref name="t"/> of a sequence of <paramref name="length"/> steps carries a loss.</summary>
    public bool HasLossAt(int t, int length) => Steps == ModelLossSteps.Every || t == length - 1;

    /// <summary>The loss at step <paramref name="t"/> and its gradient with respect to <paramref name="y"/>.</summary>
    public abstract (double Value, Vector<double> DY) Evaluate(int t, Vector<double> y);
}

/// <summary>Halved squared error ½‖y_t − target_t‖².</summary>
/// <param name="Values">One target per valid step.</param>
/// <param name="Steps">Every step or the last.</param>
public sealed record ModelSquaredErrorTargets(IReadOnlyList<Vector<double>> Values, ModelLossSteps Steps = ModelLossSteps.Every) : ModelTargets(Steps)
{
    /// <inheritdoc/>
    public override int Length => Values.Count;

    /// <inheritdoc/>
    public override bool NeedsSoftmax => false;

    /// <inheritdoc/>
    public override (double Value, Vector<double> DY) Evaluate(int t, Vector<double> y) =>
        (ReferenceLoss.HalfSquaredError(y, Values[t]), ReferenceLoss.HalfSquaredErrorGradient(y, Values[t]));
}

/// <summary>Softmax cross-entropy −log softmax(logits_t)[k_t].</summary>
/// <param name="Classes">One class index per valid step.</param>
/// <param name="Steps">Every step or the last.</param>
public sealed record ModelClassTargets(IReadOnlyList<int> Classes, ModelLossSteps Steps = ModelLossSteps.Every) : ModelTargets(Steps)
{
    /// <inheritdoc/>
    public override int Length => Classes.Count;

    /// <inheritdoc/>
    public override bool NeedsSoftmax => true;

    /// <inheritdoc/>
    public override (double Value, Vector<double> DY) Evaluate(int t, Vector<double> y) =>
        (ReferenceLoss.CrossEntropy(y, Classes[t]), ReferenceLoss.CrossEntropyGradient(y, Classes[t]));
}
