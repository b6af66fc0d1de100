using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Targets for every step of one sequence; the sequence loss is <c>L = Σ_t loss_t</c>.
/// Implementations: <see cref="MseTargets"/>, <see cref="ClassIndexTargets"/>, <see cref="DistributionTargets"/>.
/// </summary>
public abstract record SequenceTargets
{
    /// <summary>Number of time steps these targets cover; must equal the input sequence length.</summary>
    public abstract int Length { get; }

    /// <summary>True when the loss is defined on the softmax head, so the cell must have one.</summary>
    public abstract bool RequiresHead { get; }

    /// <summary>Evaluates the loss of step <paramref name="step"/> and its gradient.</summary>
    /// <param name="step">Time step index, <c>0 ≤ step &lt; Length</c>.</param>
    /// <param name="hidden">Hidden state <c>h_t</c> produced at that step.</param>
    /// <param name="logits">Head logits at that step, or null when the cell has no head.</param>
    public abstract StepLoss Evaluate(int step, Vector<double> hidden, Vector<double>? logits);

    /// <summary>Throws if these targets cannot be used with a sequence of <paramref name="steps"/> steps.</summary>
    public void EnsureCompatible(int steps, bool cellHasHead)
    {
        if (Length != steps)
        {
            throw new ArgumentException($"Targets cover {Length} steps but the sequence has {steps}.");
        }

        if (RequiresHead && !cellHasHead)
        {
            throw new ArgumentException($"{GetType().Name} needs a softmax head (Wy, By) but the cell has none.");
        }
    }

    /// <summary>Returns <paramref name="logits"/>, or throws when it is null.</summary>
    protected static Vector<double> RequireLogits(Vector<double>? logits) =>
        logits ?? throw new InvalidOperationException("This loss needs the softmax head's logits.");
}
