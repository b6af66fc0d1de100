using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Per-step loss functions and their gradients. Sequence losses are sums of these over the time steps.
/// </summary>
public static class ReferenceLoss
{
    /// <summary>Half squared error <c>½‖h − y‖²</c>.</summary>
    public static double HalfSquaredError(Vector<double> hidden, Vector<double> target)
    {
        Vector<double> diff = hidden - target;
        return 0.5 * diff.DotProduct(diff);
    }

    /// <summary>Gradient of <see cref="HalfSquaredError"/> with respect to <paramref name="hidden"/>: <c>h − y</c>.</summary>
    public static Vector<double> HalfSquaredErrorGradient(Vector<double> hidden, Vector<double> target) => hidden - target;

    /// <summary>Cross-entropy against a class index: <c>−log softmax(z)[k]</c>, via the stable log-softmax.</summary>
    public static double CrossEntropy(Vector<double> logits, int targetClass) => -ReferenceMath.LogSoftmax(logits)[targetClass];

    /// <summary>Gradient of <see cref="CrossEntropy(Vector{double}, int)"/> with respect to the logits: <c>p − onehot(k)</c>.</summary>
    public static Vector<double> CrossEntropyGradient(Vector<double> logits, int targetClass)
    {
        Vector<double> gradient = ReferenceMath.Softmax(logits);
        gradient[targetClass] -= 1.0;
        return gradient;
    }

    /// <summary>Cross-entropy against a target distribution: <c>−Σ_v q_v log softmax(z)_v</c>.</summary>
    public static double CrossEntropy(Vector<double> logits, Vector<double> targetDistribution) =>
        -targetDistribution.DotProduct(ReferenceMath.LogSoftmax(logits));

    /// <summary>
    /// Gradient of <see cref="CrossEntropy(Vector{double}, Vector{double})"/> with respect to the logits: <c>p − q</c>
    /// (valid because <c>q</c> sums to 1; <see cref="DistributionTargets"/> enforces that).
    /// </summary>
    public static Vector<double> CrossEntropyGradient(Vector<double> logits, Vector<double> targetDistribution) =>
        ReferenceMath.Softmax(logits) - targetDistribution;
}
