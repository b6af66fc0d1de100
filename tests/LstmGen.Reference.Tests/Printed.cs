using System.Globalization;

namespace LstmGen.Reference.Tests;

/// <summary>Compares a computed value with a number as it was printed (to however many decimals were shown).</summary>
internal static class Printed
{
    /// <summary>
    /// Asserts <c>|actual − printed| ≤ ½·10^−decimals + 1e-15·|printed|</c>, where <c>decimals</c> is the number of
    /// digits printed after the decimal point: half a unit in the last printed place (the printing's own rounding)
    /// plus a few ulps for differences in floating-point evaluation order.
    /// </summary>
    public static void AssertMatches(string printed, double actual, string label)
    {
        double expected = double.Parse(printed, CultureInfo.InvariantCulture);
        int point = printed.IndexOf('.', StringComparison.Ordinal);
        int decimals = point < 0 ? 0 : printed.Length - point - 1;
        double tolerance = 0.5 * Math.Pow(10, -decimals) + 1e-15 * Math.Abs(expected);
        double error = Math.Abs(actual - expected);
        Assert.True(
            error <= tolerance,
            $"{label}: computed {actual:R}, printed {printed}, |error| {error:E3} > tolerance {tolerance:E3}");
    }
}
