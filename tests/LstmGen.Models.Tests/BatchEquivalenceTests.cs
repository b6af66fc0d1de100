using LstmGen.Models.Tests.Support;
using Xunit.Abstractions;

namespace LstmGen.Models.Tests;

/// <summary>
/// A batch of m sequences against the same sequences run one by one through the same generated cell.
/// <para>
/// <b>Bit for bit</b>: every per-sample value — h_t, c_t, softmax and log-softmax, dL/dx_t, dL/dh0, dL/dc0 and the
/// final states. Each sample of a batch runs exactly the per-sample arithmetic (the batch functions loop over samples
/// around the same step code, and BPTT carries each sample's (dh, dc) separately), so nothing may differ at all.
/// </para>
/// <para>
/// <b>Within 1e-12 relative</b>: the summed loss and the summed parameter gradients. The batch adds the same
/// per-element terms into one accumulator, in time-major order for the loss and the head, sample by sample for the
/// recurrent weights; the one-by-one side sums per-sample totals. Floating-point addition is not associative, so the
/// last bits can differ: by a few ulps of the largest partial sum, ~1e-15 relative in double. In float the same
/// reordering costs a few ulps of u ≈ 6e-8 on each of the 12 partial sums, and entries that cancel lose more relative
/// accuracy, so the float cells are held to 1e-4 with the float floor of <see cref="Comparison"/> (entries below 1/100
/// of the tensor's largest compared against that) on these two sums only.
/// </para>
/// </summary>
public sealed class BatchEquivalenceTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, bool> Cases()
    {
        var cases = new TheoryData<string, int, bool>();
        foreach (Type cell in Drivers.Agreement)
        {
            foreach (int batch in new[] { 3, 6 })
            {
                cases.Add(cell.Name, batch, false);
                cases.Add(cell.Name, batch, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batch_equals_its_samples_run_one_by_one(string cell, int batch, bool oneHot)
    {
        ICellDriver driver = Drivers.Get(cell);
        int seed = Problems.Seed($"batch/{cell}/{batch}/{oneHot}");
        LossKind loss = driver.HasHead ? LossKind.ClassIndex : LossKind.Mse;
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, steps: 4, batch, loss, oneHot);

        BatchRun together = driver.RunLowLevel(theta, problem);
        BatchRun[] alone = [.. Enumerable.Range(0, batch).Select(b => driver.RunLowLevel(theta, problem.Sample(b)))];

        for (int b = 0; b < batch; b++)
        {
            BatchRun single = alone[b];
            for (int t = 0; t < problem.Steps; t++)
            {
                int at = problem.At(t, b);
                Exact(together.H![at], single.H![t], $"h[t={t}, b={b}]");
                Exact(together.C?[at], single.C?[t], $"c[t={t}, b={b}]");
                Exact(together.Probabilities?[at], single.Probabilities?[t], $"softmax[t={t}, b={b}]");
                Exact(together.LogProbabilities?[at], single.LogProbabilities?[t], $"log-softmax[t={t}, b={b}]");
                Exact(together.Dx?[at], single.Dx?[t], $"dx[t={t}, b={b}]");
            }

            Exact(together.DH0![b], single.DH0![0], $"dh0[b={b}]");
            Exact(together.DC0?[b], single.DC0?[0], $"dc0[b={b}]");
            Exact(together.FinalH[b], single.FinalH[0], $"final h[b={b}]");
            Exact(together.FinalC?[b], single.FinalC?[0], $"final c[b={b}]");
        }

        double tolerance = driver.IsFloat ? 1e-4 : 1e-12;
        double floorFraction = driver.IsFloat ? Comparison.FloatFloorFraction : Comparison.DoubleFloorFraction;
        double lossSum = alone.Sum(r => r.Loss);
        Assert.True(Math.Abs(together.Loss - lossSum) <= tolerance * Math.Abs(lossSum), $"loss {together.Loss:R} vs Σ per-sample {lossSum:R}");
        double[] gradientSum = new double[together.Gradients.Length];
        foreach (BatchRun single in alone)
        {
            for (int k = 0; k < gradientSum.Length; k++)
            {
                gradientSum[k] += single.Gradients[k];
            }
        }

        double scale = gradientSum.Max(Math.Abs);
        double worst = 0;
        for (int k = 0; k < gradientSum.Length; k++)
        {
            double error = Math.Abs(together.Gradients[k] - gradientSum[k]) / Math.Max(Math.Abs(gradientSum[k]), scale * floorFraction);
            worst = Math.Max(worst, error);
            Assert.True(error <= tolerance, $"dθ[{k}]: batch {together.Gradients[k]:R} vs Σ per-sample {gradientSum[k]:R}");
        }

        output.WriteLine($"summed gradients: worst relative difference {worst:E2}");
    }

    /// <summary>
    /// The batched functions (<c>ForwardSequenceBatch</c>, the batch loss with <see cref="BatchReduction.Sum"/>,
    /// <c>BpttBatch</c>) equal the single-sequence functions (<c>ForwardSequence</c>, the loss, <c>Bptt</c>) run on each
    /// sequence in turn into the same dp. Final states: bit for bit. Loss and gradients: the batch adds its terms
    /// time-major (the loss and the head step by step over all m sequences, BPTT step by step over all m), the single runs
    /// sequence by sequence, so with m &gt; 1 the same terms are added in another order and the sums agree to rounding:
    /// 1e-12 relative (double) / 1e-5 (float), scaled as in <see cref="Comparison"/> (they differ in the last bits in
    /// nearly every case here; RNN 1→1 float, m = 3, one-hot, happens to round alike).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void One_call_batch_equals_one_call_per_sequence_into_the_same_gradients(string cell, int batch, bool oneHot)
    {
        ICellDriver driver = Drivers.Get(cell);
        int seed = Problems.Seed($"batch-one-call/{cell}/{batch}/{oneHot}");
        LossKind loss = driver.HasHead ? LossKind.Distribution : LossKind.Mse;
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, steps: 4, batch, loss, oneHot);

        BatchRun together = driver.RunOneCall(theta, problem, BatchReduction.Sum);
        BatchRun oneByOne = driver.RunOneCallOneByOne(theta, problem);

        var comparison = driver.IsFloat ? new Comparison(1e-5, Comparison.FloatFloorFraction) : new Comparison(1e-12);
        comparison.Scalar("summed loss", together.Loss, oneByOne.Loss);
        comparison.Close("summed gradients", together.Gradients, oneByOne.Gradients);
        comparison.AssertAll();
        Assert.Equal(oneByOne.FinalH, together.FinalH);
        Assert.Equal(oneByOne.FinalC, together.FinalC);
    }

    private static void Exact(double[]? actual, double[]? expected, string what)
    {
        Assert.Equal(expected is null, actual is null);
        if (actual is not null)
        {
            Assert.True(actual.SequenceEqual(expected!), $"{what}: [{string.Join(", ", actual)}] is not bit-for-bit [{string.Join(", ", expected!)}]");
        }
    }
}
