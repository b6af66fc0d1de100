namespace LstmGen.Reference;

/// <summary>
/// Central finite differences <c>∂f/∂θ_k ≈ (f(θ + ε e_k) − f(θ − ε e_k)) / 2ε</c> for a scalar function of a
/// flat parameter vector (see <see cref="FlatParameters"/> for turning cells and sequences into vectors).
/// </summary>
public static class FiniteDifference
{
    /// <summary>Default step ε = 1e-5 (truncation error O(ε²) ≈ 1e-10, rounding ≈ 1e-16/ε ≈ 1e-11).</summary>
    public const double DefaultEpsilon = 1e-5;

    /// <summary>Central-difference estimate of <c>∂f/∂θ[index]</c>. <paramref name="theta"/> is not modified.</summary>
    public static double Partial(Func<double[], double> f, IReadOnlyList<double> theta, int index, double epsilon = DefaultEpsilon)
    {
        double[] shifted = [.. theta];

        shifted[index] = theta[index] + epsilon;
        double plus = f(shifted);

        shifted[index] = theta[index] - epsilon;
        double minus = f(shifted);

        return (plus - minus) / (2 * epsilon);
    }

    /// <summary>Central-difference estimate of every partial derivative of <paramref name="f"/> at <paramref name="theta"/>.</summary>
    public static double[] Gradient(Func<double[], double> f, IReadOnlyList<double> theta, double epsilon = DefaultEpsilon)
    {
        var gradient = new double[theta.Count];
        for (int k = 0; k < theta.Count; k++)
        {
            gradient[k] = Partial(f, theta, k, epsilon);
        }

        return gradient;
    }
}
