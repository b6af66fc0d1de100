namespace LstmGen.Models.Tests.Support;

/// <summary>
/// Collects element-wise comparisons of computed tensors against expected ones and reports every failure at once.
/// An entry passes when <c>|actual − expected| ≤ tol · max(|expected|, 1e-2 · max_k |expected_k|)</c>, the max taken
/// over the tensor the entry belongs to.
/// </summary>
/// <remarks>
/// Why not plain relative error: an entry can be tiny because its terms cancel (say 1e-9 in a gradient whose entries are
/// ~0.1); its rounding error scales with the size of those terms, i.e. with the tensor, not with the entry, so a purely
/// relative test would fail spuriously. Why not plain absolute error: tensors differ in scale by orders of magnitude
/// (dL/dh_{-1} after 7 steps is far smaller than dL/db). A floor of 1e-2 of the tensor's largest entry keeps the test
/// relative for every entry that matters while tolerating cancellation in the ones that do not. A tensor that is
/// exactly zero in the reference must be exactly zero here.
/// </remarks>
internal sealed class Tolerance(double tol)
{
    private readonly List<string> _failures = [];

    /// <summary>Largest <c>|actual − expected| / scale</c> seen, in units of the tolerance's scale (≤ tol when passing).</summary>
    public double WorstRelative { get; private set; }

    /// <summary>Where <see cref="WorstRelative"/> occurred.</summary>
    public string WorstAt { get; private set; } = "";

    /// <summary>Number of scalar entries compared.</summary>
    public int Count { get; private set; }

    public void Check(string label, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        if (actual.Length != expected.Length)
        {
            _failures.Add($"{label}: length {actual.Length}, expected {expected.Length}");
            return;
        }

        double maxAbs = 0;
        foreach (double e in expected)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(e));
        }

        for (int k = 0; k < actual.Length; k++)
        {
            Count++;
            double scale = Math.Max(Math.Abs(expected[k]), 1e-2 * maxAbs);
            double error = Math.Abs(actual[k] - expected[k]);
            double relative = scale == 0 ? (error == 0 ? 0 : double.PositiveInfinity) : error / scale;
            if (double.IsNaN(relative) || relative > WorstRelative)
            {
                WorstRelative = double.IsNaN(relative) ? double.PositiveInfinity : relative;
                WorstAt = $"{label}[{k}]";
            }

            if (!(relative <= tol))
            {
                _failures.Add($"{label}[{k}]: {actual[k]:R} vs expected {expected[k]:R}, |diff| {error:E2} > {tol:E0}·{scale:E2}");
            }
        }
    }

    public void Check(string label, double actual, double expected) => Check(label, [actual], [expected]);

    public void Check(string label, double[,] actual, double[,] expected)
    {
        double[] a = [.. actual.Cast<double>()];
        double[] e = [.. expected.Cast<double>()];
        Check(label + $" ({expected.GetLength(0)}x{expected.GetLength(1)}, row-major)", a, e);
    }

    public void AssertAllPassed()
    {
        const int Shown = 20;
        Assert.True(
            _failures.Count == 0,
            $"{_failures.Count} of {Count} entries outside tolerance {tol:E0}:\n" + string.Join("\n", _failures.Take(Shown)));
    }
}
