using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Softmax cross-entropy against one class index per step: <c>L = −Σ_t log p_t[k_t]</c>.
/// Requires the cell's softmax head.
/// </summary>
/// <param name="Classes">One class index <c>k_t</c> (<c>0 ≤ k_t &lt; V</c>) per step.</param>
public sealed record ClassIndexTargets(IReadOnlyList<int> Classes) : SequenceTargets
{
    /// <inheritdoc/>
    public override int Length => Classes.Count;

    /// <inheritdoc/>
    public override bool RequiresHead => true;

    /// <inheritdoc/>
    public override StepLoss Evaluate(int step, Vector<double> hidden, Vector<double>? logits)
    {
        Vector<double> z = RequireLogits(logits);
        int k = Classes[step];
        if (k < 0 || k >= z.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), $"Class {k} at step {step} is outside [0, {z.Count}).");
        }

        return new StepLoss(
            ReferenceLoss.CrossEntropy(z, k),
            DHidden: null,
            DLogits: ReferenceLoss.CrossEntropyGradient(z, k));
    }
}
