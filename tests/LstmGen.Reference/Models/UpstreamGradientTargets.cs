using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>
/// The "loss" <c>L = Σ_t g_t · h_t</c> for given vectors g_t, whose gradient with respect to h_t is g_t: feeding it to a
/// cell's own <c>Backward</c> backpropagates an upstream gradient (from the layer above or the head) through that cell,
/// reusing its BPTT unchanged.
/// </summary>
/// <param name="Gradients">∂L/∂h_t for every step (length H each).</param>
public sealed record UpstreamGradientTargets(IReadOnlyList<Vector<double>> Gradients) : SequenceTargets
{
    /// <inheritdoc/>
    public override int Length => Gradients.Count;

    /// <inheritdoc/>
    public override bool RequiresHead => false;

    /// <inheritdoc/>
    public override StepLoss Evaluate(int step, Vector<double> hidden, Vector<double>? logits) =>
        new(Gradients[step].DotProduct(hidden), DHidden: Gradients[step], DLogits: null);
}
