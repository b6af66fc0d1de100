using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Softmax cross-entropy against a target distribution per step: <c>L = −Σ_t Σ_v q_t[v] log p_t[v]</c>.
/// Requires the cell's softmax head. Each <c>q_t</c> must be non-negative and sum to 1 (within 1e-9), which
/// makes the logit gradient exactly <c>p − q</c>.
/// </summary>
public sealed record DistributionTargets : SequenceTargets
{
    /// <summary>Tolerance on <c>|Σ_v q_t[v] − 1|</c> accepted by the constructor.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>Creates the targets, validating that each entry is a probability distribution.</summary>
    /// <param name="distributions">One distribution <c>q_t</c> (length V) per step.</param>
    public DistributionTargets(IReadOnlyList<Vector<double>> distributions)
    {
        for (int t = 0; t < distributions.Count; t++)
        {
            Vector<double> q = distributions[t];
            if (q.Minimum() < 0 || Math.Abs(q.Sum() - 1.0) > SumTolerance)
            {
                throw new ArgumentException($"Target at step {t} is not a probability distribution.", nameof(distributions));
            }
        }

        Distributions = distributions;
    }

    /// <summary>One distribution <c>q_t</c> (length V) per step.</summary>
    public IReadOnlyList<Vector<double>> Distributions { get; }

    /// <inheritdoc/>
    public override int Length => Distributions.Count;

    /// <inheritdoc/>
    public override bool RequiresHead => true;

    /// <inheritdoc/>
    public override StepLoss Evaluate(int step, Vector<double> hidden, Vector<double>? logits)
    {
        Vector<double> z = RequireLogits(logits);
        Vector<double> q = Distributions[step];
        return new StepLoss(
            ReferenceLoss.CrossEntropy(z, q),
            DHidden: null,
            DLogits: ReferenceLoss.CrossEntropyGradient(z, q));
    }
}
