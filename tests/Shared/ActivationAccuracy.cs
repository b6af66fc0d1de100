using System.Numerics;
using LstmGen.Internal;

namespace LstmGen.TestSupport;

/// <summary>
/// The error of the SIMD cells' σ and tanh (<see cref="VectorMath"/>, at the widest vector width this process accelerates)
/// in ulps of the result, against references from Math.Exp and Math.Tanh: in double for float results (rounded once to
/// float, so within half an ulp of the exact value), and in double for double results (Math.Exp and Math.Tanh are
/// within an ulp, and 1/(1 + e) adds two roundings: the bound for double allows for them). Arguments: a dense sweep of
/// [−20, 20], magnitudes from 10⁻³⁰ to 10 on a logarithmic grid (small arguments, where relative accuracy is hardest
/// for tanh), the neighbourhoods of the range-reduction boundaries (±k·ln2/2) and of tanh's switch at 0.55, and
/// arguments where σ is subnormal. Spans of odd length, so the tail path runs too.
/// </summary>
public static class ActivationAccuracy
{
    /// <summary>The bound for float results, in ulps (measured: about 2.3).</summary>
    public const double FloatUlps = 3;

    /// <summary>The bound for double results, in ulps of the double result (measured: about 3).</summary>
    public const double DoubleUlps = 4;

    /// <summary>The largest errors found (σ, tanh), in ulps, and the argument of each.</summary>
    public static (double Sigmoid, double SigmoidAt, double Tanh, double TanhAt) Worst<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] arguments = Arguments();
        T[] x = [.. arguments.Select(T.CreateTruncating)];
        var (s, t) = (new T[x.Length], new T[x.Length]);
        VectorMath.Sigmoid<T>(x, s);
        VectorMath.Tanh<T>(x, t);
        (double Sigmoid, double SigmoidAt, double Tanh, double TanhAt) worst = default;
        for (int k = 0; k < x.Length; k++)
        {
            double v = double.CreateTruncating(x[k]);
            double sigmoid = Ulps(s[k], v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v)));
            double tanh = Ulps(t[k], Math.Tanh(v));
            if (sigmoid > worst.Sigmoid)
            {
                (worst.Sigmoid, worst.SigmoidAt) = (sigmoid, v);
            }

            if (tanh > worst.Tanh)
            {
                (worst.Tanh, worst.TanhAt) = (tanh, v);
            }
        }

        return worst;
    }

    // |actual − reference| in ulps of the reference rounded to T (the smallest subnormal's ulp at least).
    private static double Ulps<T>(T actual, double reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T rounded = T.CreateTruncating(reference);
        double ulp = double.CreateTruncating(T.BitIncrement(T.Abs(rounded)) - T.Abs(rounded));
        return double.IsNaN(double.CreateTruncating(actual)) ? double.PositiveInfinity : Math.Abs(double.CreateTruncating(actual) - reference) / ulp;
    }

    private static double[] Arguments()
    {
        var values = new List<double>();
        for (int k = -400_000; k <= 400_000; k++)
        {
            values.Add(k * 5e-5);                                              // [−20, 20] every 5e-5
        }

        for (double magnitude = 1e-30; magnitude < 10; magnitude *= 1.001)
        {
            values.Add(magnitude);
            values.Add(-magnitude);
        }

        for (int k = -60; k <= 60; k++)
        {
            foreach (double centre in new[] { k * Math.Log(2) / 2, k * Math.Log(2) / 4, 0.55, -0.55 })
            {
                for (int step = -50; step <= 50; step++)
                {
                    values.Add(centre + (step * 1e-9 * Math.Max(1, Math.Abs(centre))));
                }
            }
        }

        for (double v = -110; v <= -80; v += 0.01)
        {
            values.Add(v);                                                      // float σ subnormal, then 0
        }

        for (double v = -746; v <= -700; v += 0.01)
        {
            values.Add(v);                                                      // double σ subnormal, then 0
        }

        if (values.Count % 2 == 0)
        {
            values.Add(0.125);
        }

        return [.. values];
    }
}
