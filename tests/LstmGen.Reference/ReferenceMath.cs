using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Element-wise activations and the softmax, written in the plainest possible form.
/// </summary>
public static class ReferenceMath
{
    /// <summary>
    /// Logistic sigmoid <c>1 / (1 + e^-z)</c>. For very negative <paramref name="z"/>, <c>e^-z</c> overflows to
    /// +∞ and the result is exactly 0, which is still finite and correct to double precision.
    /// </summary>
    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>Element-wise <see cref="Sigmoid(double)"/>.</summary>
    public static Vector<double> Sigmoid(Vector<double> z) => z.Map(Sigmoid, Zeros.Include);

    /// <summary>Element-wise hyperbolic tangent.</summary>
    public static Vector<double> Tanh(Vector<double> z) => z.Map(Math.Tanh, Zeros.Include);

    /// <summary>
    /// Softmax <c>p_v = exp(z_v − max z) / Σ_u exp(z_u − max z)</c>. Shifting by the maximum keeps every
    /// exponent ≤ 0, so nothing overflows and the largest term is exactly 1.
    /// </summary>
    public static Vector<double> Softmax(Vector<double> logits)
    {
        Vector<double> shifted = logits - logits.Maximum();
        Vector<double> exps = shifted.PointwiseExp();
        return exps / exps.Sum();
    }

    /// <summary>
    /// Log-softmax <c>log p_v = (z_v − max z) − log Σ_u exp(z_u − max z)</c>, finite for all finite logits
    /// (unlike <c>log(softmax(z))</c>, which gives −∞ when a probability underflows to 0).
    /// </summary>
    public static Vector<double> LogSoftmax(Vector<double> logits)
    {
        Vector<double> shifted = logits - logits.Maximum();
        double logSumExp = Math.Log(shifted.PointwiseExp().Sum());
        return shifted - logSumExp;
    }
}
