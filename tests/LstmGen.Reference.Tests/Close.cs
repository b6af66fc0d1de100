namespace LstmGen.Reference.Tests;

/// <summary>Element-wise comparison of analytic gradients with finite-difference estimates.</summary>
internal static class Close
{
    /// <summary>
    /// Gradient-check tolerance: <c>|analytic − numeric| ≤ 1e-7 · max(1, |numeric|)</c>. With ε = 1e-5, the
    /// central-difference truncation error is O(ε²) ≈ 1e-10 and the rounding error ≈ 1e-16/ε ≈ 1e-11, so 1e-7
    /// leaves a wide margin while still catching any real mistake in a gradient formula.
    /// </summary>
    public const double GradientTolerance = 1e-7;

    public static void AssertGradient(IReadOnlyList<double> analytic, IReadOnlyList<double> numeric, string label)
    {
        Assert.Equal(numeric.Count, analytic.Count);
        for (int k = 0; k < numeric.Count; k++)
        {
            double error = Math.Abs(analytic[k] - numeric[k]);
            double tolerance = GradientTolerance * Math.Max(1.0, Math.Abs(numeric[k]));
            Assert.True(
                error <= tolerance,
                $"{label}[{k}]: analytic {analytic[k]:R}, numeric {numeric[k]:R}, |error| {error:E3} > {tolerance:E3}");
        }
    }

    /// <summary>Asserts <c>|actual − expected| ≤ relative · max(1, |expected|)</c> for every entry.</summary>
    public static void AssertAll(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string label)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            double error = Math.Abs(actual[k] - expected[k]);
            Assert.True(
                error <= relative * Math.Max(1.0, Math.Abs(expected[k])),
                $"{label}[{k}]: expected {expected[k]:R}, actual {actual[k]:R}");
        }
    }

    /// <summary>Guards against vacuous gradient checks: at least one entry must be clearly non-zero.</summary>
    public static void AssertNotAllTiny(IReadOnlyList<double> values, string label) =>
        Assert.True(values.Any(v => Math.Abs(v) > 1e-4), $"{label}: every entry is ~0, so the check proves nothing.");
}
