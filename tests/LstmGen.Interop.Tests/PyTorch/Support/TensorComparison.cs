namespace LstmGen.Interop.Tests.PyTorch.Support;

/// <summary>The worst entry of one tensor compared with PyTorch's.</summary>
/// <param name="Tensor">The fixture's tensor name.</param>
/// <param name="Index">Row-major index of the worst entry.</param>
/// <param name="Ours">Our value there.</param>
/// <param name="Reference">PyTorch's value there.</param>
/// <param name="Error">|ours − reference| / max(|reference|, floor): the measured relative error.</param>
/// <param name="Floor">The absolute floor of the denominator for this tensor.</param>
internal sealed record WorstEntry(string Tensor, int Index, double Ours, double Reference, double Error, double Floor)
{
    public override string ToString() =>
        $"{Tensor}[{Index}]: ours {Ours:R}, PyTorch {Reference:R}, relative error {Error:E2} (floor {Floor:E2})";
}

/// <summary>
/// Relative comparison with an absolute floor: entry k passes when
/// <c>|ours_k − ref_k| ≤ tolerance · max(|ref_k|, floor)</c> with <c>floor = FloorFraction · max_j |ref_j|</c> over the tensor.
/// </summary>
/// <remarks>
/// Why a floor: each entry is a sum of products (a gradient entry sums T·m contributions, a gate pre-activation D + H
/// products), and rounding errors are relative to the size of the summands, not of the result. An entry that
/// cancels to near zero (a gradient of 1e-9 made of terms of 1e-2) carries an absolute error of the terms' size, which
/// is unbounded relative to the entry itself. The floor, 1e-3 of the largest entry of the same tensor, measures such
/// entries against the tensor's scale; every entry larger than that is held to the full relative tolerance.
/// </remarks>
internal static class TensorComparison
{
    /// <summary>Fraction of the tensor's largest magnitude used as the floor of the relative error's denominator.</summary>
    public const double FloorFraction = 1e-3;

    public static WorstEntry Worst(string tensor, ReadOnlySpan<double> ours, ReadOnlySpan<double> reference)
    {
        if (ours.Length != reference.Length)
        {
            throw new InvalidOperationException($"{tensor}: we computed {ours.Length} value(s), PyTorch has {reference.Length}.");
        }

        double scale = 0;
        foreach (double value in reference)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        double floor = Math.Max(FloorFraction * scale, double.Epsilon);
        WorstEntry worst = new(tensor, -1, double.NaN, double.NaN, 0, floor);
        for (int k = 0; k < ours.Length; k++)
        {
            double error = Math.Abs(ours[k] - reference[k]) / Math.Max(Math.Abs(reference[k]), floor);
            if (double.IsNaN(error) || error > worst.Error || worst.Index < 0)
            {
                worst = new WorstEntry(tensor, k, ours[k], reference[k], double.IsNaN(error) ? double.PositiveInfinity : error, floor);
            }
        }

        return worst;
    }
}
