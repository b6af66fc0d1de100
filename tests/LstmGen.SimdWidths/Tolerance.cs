using System.Globalization;

namespace LstmGen.SimdWidths;

/// <summary>
/// The test suite's comparison rule (LstmGen.Models.Tests' Comparison, whose remarks give the reasons): entry k passes
/// when <c>|a_k − e_k| ≤ tolerance · max(|e_k|, floorFraction · ‖e‖∞, 1e-12)</c>, floorFraction 1e-3 for double and
/// 1e-2 for float. Collects the failures instead of throwing.
/// </summary>
internal sealed class Tolerance(double tolerance, double floorFraction)
{
    public List<string> Failures { get; } = [];

    public static Tolerance Double(double tolerance) => new(tolerance, 1e-3);

    public static Tolerance Float(double tolerance) => new(tolerance, 1e-2);

    public void Close(string what, IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        if (actual.Count != expected.Count)
        {
            Failures.Add($"{what}: {actual.Count} values, expected {expected.Count}.");
            return;
        }

        double scale = expected.Count == 0 ? 0 : expected.Max(Math.Abs);
        double floor = Math.Max(scale * floorFraction, 1e-12);
        for (int k = 0; k < actual.Count; k++)
        {
            double difference = Math.Abs(actual[k] - expected[k]);
            double error = double.IsNaN(difference) ? double.PositiveInfinity : difference / Math.Max(Math.Abs(expected[k]), floor);
            if (error > tolerance)
            {
                Failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}[{k}]: {actual[k]:R} vs expected {expected[k]:R}, scaled error {error:E2} > {tolerance:E0}."));
                return;
            }
        }
    }
}
