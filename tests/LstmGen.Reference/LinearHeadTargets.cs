using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Squared error on the output of a linear head (PyTorch's <c>nn.Linear</c> on h, no activation):
/// <c>L = Σ_t ½‖y_t − target_t‖²</c> with <c>y_t = W_y h_t + b_y</c>, the head's affine map (the reference's "logits").
/// A step whose target is null carries no loss (padding, or not the last step of a many-to-one loss).
/// </summary>
/// <param name="Values">One target (length V) per step, or null for a step without a loss.</param>
public sealed record LinearHeadTargets(IReadOnlyList<Vector<double>?> Values) : SequenceTargets
{
    /// <inheritdoc/>
    public override int Length => Values.Count;

    /// <inheritdoc/>
    public override bool RequiresHead => true;

    /// <inheritdoc/>
    public override StepLoss Evaluate(int step, Vector<double> hidden, Vector<double>? logits)
    {
        Vector<double> y = RequireLogits(logits);
        if (Values[step] is not { } target)
        {
            return new StepLoss(0.0, DHidden: null, DLogits: Vector<double>.Build.Dense(y.Count));
        }

        // ½‖y − target‖² and its gradient y − target, from the formula.
        Vector<double> difference = y - target;
        return new StepLoss(0.5 * difference.DotProduct(difference), DHidden: null, DLogits: difference);
    }
}
