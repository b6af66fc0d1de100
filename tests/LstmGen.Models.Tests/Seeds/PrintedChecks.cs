using System.Globalization;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// Compares computed values with numbers exactly as a notebook printed them (kept as text, so that the number of printed
/// decimals is known), collecting every mismatch before failing.
/// </summary>
/// <remarks>
/// A value matches a print with n decimals when <c>|ours − printed| ≤ ½·10^−n + 1e-15·|printed|</c>: half a unit in
/// the last printed place (the print's own rounding) plus a few ulps, since NumPy and .NET may round the last bit of
/// exp/tanh differently. NumPy prints an exact float such as 0, −0, 1 or 2 as <c>0.</c>, <c>-0.</c>, <c>1.</c>, and a
/// Python integer without a point: such a print must match exactly (<c>==</c>). The sign of zero is not compared: a
/// gate delta read from a gradient accumulator that starts at +0 is +0 even when the delta is −0 (IEEE 754:
/// +0 + (−0) = +0), which is how 001's <c>-0.</c> for dz_f(t = 0) comes out as 0 here.
/// </remarks>
internal sealed class PrintedChecks
{
    private readonly List<string> _failures = [];

    public int Count { get; private set; }

    /// <summary>Whether <paramref name="ours"/> reproduces <paramref name="printed"/> to every printed digit.</summary>
    public static bool Matches(string printed, double ours)
    {
        double value = double.Parse(printed, NumberStyles.Float, CultureInfo.InvariantCulture);
        int point = printed.IndexOf('.', StringComparison.Ordinal);
        int decimals = point < 0 ? 0 : printed.Length - point - 1;
        if (decimals == 0)
        {
            return ours == value;
        }

        return Math.Abs(ours - value) <= (0.5 * Math.Pow(10, -decimals)) + (1e-15 * Math.Abs(value));
    }

    /// <summary>
    /// The numbers of a NumPy print such as <c>[-0.01702404 -0.00164588 -0.          0.0017648 ]</c>,
    /// <c>array([-0.04742407, -0.03072765])</c> or <c>[[0.45 0.95]]</c>, in order, as text.
    /// </summary>
    public static string[] Split(string printed) =>
        printed.Replace("array(", "", StringComparison.Ordinal)
            .Split([' ', ',', '[', ']', '(', ')', '\n'], StringSplitOptions.RemoveEmptyEntries);

    public void Check(string label, string printed, double ours)
    {
        Count++;
        if (!Matches(printed, ours))
        {
            _failures.Add($"{label}: ours {ours:R}, printed {printed}");
        }
    }

    /// <summary>Checks every number of an array print against <paramref name="ours"/>, element by element.</summary>
    public void CheckArray(string label, string printed, params double[] ours)
    {
        string[] numbers = Split(printed);
        if (numbers.Length != ours.Length)
        {
            _failures.Add($"{label}: printed {numbers.Length} numbers ({printed}) but {ours.Length} computed");
            return;
        }

        for (int k = 0; k < numbers.Length; k++)
        {
            Check($"{label}[{k}]", numbers[k], ours[k]);
        }
    }

    public void AssertAll(int expectedCount)
    {
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {Count} printed numbers not reproduced:\n" + string.Join("\n", _failures));
        Assert.Equal(expectedCount, Count); // guards against a print silently dropped from the test
    }
}
