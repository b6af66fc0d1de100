namespace LstmGen.Onnx.Tests.Support;

/// <summary>
/// Element-wise comparison <c>|actual − expected| ≤ relative · max(|expected|, floor)</c>: relative error for values of
/// ordinary size, and an absolute bound of <c>relative · floor</c> near zero, where a relative bound means nothing.
/// </summary>
internal static class Closeness
{
    /// <summary>Asserts closeness and returns the worst error relative to <c>max(|expected|, floor)</c>.</summary>
    public static double AssertClose(string what, double[] expected, double[] actual, double relative, double floor)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            double error = Math.Abs(actual[k] - expected[k]) / Math.Max(Math.Abs(expected[k]), floor);
            worst = Math.Max(worst, error);
            Assert.True(
                error <= relative,
                $"{what}[{k}]: expected {expected[k]:R}, ONNX Runtime gave {actual[k]:R} (error {error:E2} relative to max(|expected|, {floor}), allowed {relative:E0}).");
        }

        return worst;
    }
}
