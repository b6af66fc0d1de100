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
/// <c>|ours_k − ref_k| ≤ tolerance · max(|ref_k|, floor)</c> with <c>floor = floorFraction · max_j |ref_j|</c> over the tensor.
/// </summary>
/// <remarks>
/// Why a floor: each entry is a sum of products (a gradient entry sums T·m contributions, a gate pre-activation D + H
/// products) carried through T steps of recurrence, and rounding errors are relative to the size of the terms, not of
/// the result. An entry that cancels to near zero carries an absolute error of the terms' size, which is unbounded
/// relative to the entry itself. <see cref="DoubleFloorFraction"/> only guards such entries (below 1e-9 of the tensor's
/// largest); <see cref="FloatFloorFraction"/> makes the float comparison normwise, see there.
/// </remarks>
internal static class TensorComparison
{
    /// <summary>
    /// Double: entries down to 1e-9 of the tensor's largest are held to the full relative tolerance; only smaller ones,
    /// where an error of one unit in the last place of the terms exceeds 1e-10 of the entry, are measured against the floor.
    /// </summary>
    public const double DoubleFloorFraction = 1e-9;

    /// <summary>
    /// Float: the floor is the tensor's largest magnitude, so the tolerance bounds the error relative to the tensor's
    /// scale (normwise). Float32 arithmetic leaves errors of a few units in the last place of the tensor's scale (2^-24 ≈
    /// 6e-8) in every entry, whatever the entry's own size: PyTorch's own float32 results differ from its float64 results
    /// by up to 5e-7 of the scale (PyTorchFixtureTests measures it on the float64 twin of every fixture), which for an
    /// entry 1000 times smaller than the largest is 5e-4 of the entry. An elementwise 1e-5 would test PyTorch's rounding,
    /// not our arithmetic: entry by entry, PyTorch's float32 results differ from its float64 ones by up to 7.5e-3
    /// (grad.rnn.weight_hh_l0 of rnn_d4_h33, an entry 1e-5 of its tensor's scale), which
    /// <c>PyTorchFixtureTests.An_elementwise_float_bound_would_fail_PyTorch_itself</c> checks.
    /// What a normwise bound cannot see is a wrong entry far below the scale (a swapped gate block whose gradients are
    /// 1e-6 of another's). The double fixtures rule that out: they run the same generic import and generated code and
    /// are compared entry by entry (1e-10, floor 1e-9 of the scale).
    /// </summary>
    public const double FloatFloorFraction = 1;

    public static WorstEntry Worst(string tensor, ReadOnlySpan<double> ours, ReadOnlySpan<double> reference, double floorFraction)
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

        double floor = Math.Max(floorFraction * scale, double.Epsilon);
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
