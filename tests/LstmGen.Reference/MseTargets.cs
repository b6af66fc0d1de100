using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Squared error on the hidden state: <c>L = Σ_t ½‖h_t − y_t‖²</c>. No softmax head is used (if the cell has
/// one, its parameters get zero gradient).
/// </summary>
/// <param name="Values">One target <c>y_t</c> (length H) per step.</param>
public sealed record MseTargets(IReadOnlyList<Vector<double>> Values) : SequenceTargets
{
    /// <inheritdoc/>
    public override int Length => Values.Count;

    /// <inheritdoc/>
    public override bool RequiresHead => false;

    /// <inheritdoc/>
    public override StepLoss Evaluate(int step, Vector<double> hidden, Vector<double>? logits)
    {
        Vector<double> target = Values[step];
        return new StepLoss(
            ReferenceLoss.HalfSquaredError(hidden, target),
            DHidden: ReferenceLoss.HalfSquaredErrorGradient(hidden, target),
            DLogits: null);
    }
}
