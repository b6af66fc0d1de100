using System.Globalization;

namespace LstmGen.Models.Tests.Support;

/// <summary>
/// Collects entry-by-entry comparisons and fails once, listing every tensor that was out of tolerance.
/// <para>
/// Relative error with a floor: entry k of a tensor e passes when
/// <c>|a_k − e_k| ≤ tolerance · max(|e_k|, FloorFraction · ‖e‖∞, AbsoluteFloor)</c>.
/// Why a floor: a gradient entry is a sum of many products of both signs, so its rounding error is about
/// <c>u · Σ|terms|</c>, which scales with the size of the tensor's large entries, not with the entry itself; an entry
/// that cancels to 1e-9 of the tensor's scale has no meaningful relative accuracy (its "relative error" can be 1 with
/// both sides correct to the last bit of the sum). Entries above 1/1000 of the tensor's largest are held to the full
/// relative tolerance; smaller ones to the same absolute error as an entry at that threshold. For float the threshold is
/// 1/100 of the largest entry (absolute error 1e-6 of the tensor's scale at tolerance 1e-4): float's u ≈ 6e-8 times
/// Σ|terms| of a 138-term dot product, carried through 9 steps and 32 samples of sums, is a few 1e-7 of the scale, so
/// an entry at 1/1000 of the scale cannot be held to 1e-4 of itself. A wrong gradient (wrong formula, missing carry,
/// wrong layout) is off by far more than 1e-4 on the large entries and still fails.
/// <see cref="AbsoluteFloor"/> only matters for tensors that are zero (up to rounding) everywhere.
/// </para>
/// </summary>
internal sealed class Comparison(double tolerance, double floorFraction = Comparison.DoubleFloorFraction)
{
    /// <summary>Double: entries below this fraction of the tensor's largest magnitude are compared against it instead.</summary>
    public const double DoubleFloorFraction = 1e-3;

    /// <summary>Float: the same, with the larger fraction float's rounding needs (see the type's remarks).</summary>
    public const double FloatFloorFraction = 1e-2;

    /// <summary>Scale below which a tensor counts as zero (far below any value the tests produce).</summary>
    public const double AbsoluteFloor = 1e-12;

    private readonly List<string> _failures = [];

    public double Tolerance => tolerance;

    /// <summary>Largest scaled error seen so far (for reporting).</summary>
    public double Worst { get; private set; }

    public static double Error(double actual, double expected, double floor)
    {
        double difference = Math.Abs(actual - expected);
        if (double.IsNaN(difference))
        {
            return double.PositiveInfinity;
        }

        return difference == 0 ? 0 : difference / Math.Max(Math.Abs(expected), floor);
    }

    public void Scalar(string what, double actual, double expected) => Close(what, [actual], [expected]);

    public void Close(string what, IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        if (actual.Count != expected.Count)
        {
            _failures.Add($"{what}: {actual.Count} entries, expected {expected.Count}.");
            return;
        }

        double scale = expected.Count == 0 ? 0 : expected.Max(Math.Abs);
        double floor = Math.Max(scale * floorFraction, AbsoluteFloor);
        int worst = -1;
        double worstError = 0;
        for (int k = 0; k < actual.Count; k++)
        {
            double error = Error(actual[k], expected[k], floor);
            if (error > worstError || (worst < 0 && error > 0))
            {
                (worst, worstError) = (k, error);
            }
        }

        Worst = Math.Max(Worst, worstError);
        if (worstError > tolerance)
        {
            _failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{what}[{worst}]: {actual[worst]:R} vs expected {expected[worst]:R}, scaled error {worstError:E2} > {tolerance:E0} (tensor scale {scale:E2})."));
        }
    }

    public void Close(string what, double[][]? actual, double[][]? expected)
    {
        if (actual is null || expected is null)
        {
            if ((actual is null) != (expected is null))
            {
                _failures.Add($"{what}: one side is missing.");
            }

            return;
        }

        Close(what, [.. actual.SelectMany(r => r)], [.. expected.SelectMany(r => r)]);
    }

    /// <summary>Compares every value <paramref name="actual"/> produced against the same value of <paramref name="expected"/>.</summary>
    public void Runs(string path, BatchRun actual, BatchRun expected)
    {
        Scalar($"{path}: loss", actual.Loss, expected.Loss);
        Close($"{path}: gradients", actual.Gradients, expected.Gradients);
        Close($"{path}: final h", actual.FinalH, expected.FinalH);
        Close($"{path}: final c", actual.FinalC, expected.FinalC);
        if (actual.H is not null)
        {
            Close($"{path}: h_t", actual.H, expected.H);
        }

        if (actual.C is not null)
        {
            Close($"{path}: c_t", actual.C, expected.C);
        }

        if (actual.Probabilities is not null)
        {
            Close($"{path}: softmax probabilities", actual.Probabilities, expected.Probabilities);
            Close($"{path}: log-softmax", actual.LogProbabilities, expected.LogProbabilities);
        }

        if (actual.Dx is not null)
        {
            Close($"{path}: dL/dx_t", actual.Dx, expected.Dx);
            Close($"{path}: dL/dh0", actual.DH0, expected.DH0);
            Close($"{path}: dL/dc0", actual.DC0, expected.DC0);
        }
    }

    public void AssertAll() => Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures));
}
