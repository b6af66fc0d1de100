using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests;

/// <summary>
/// The batched forward step and batched BPTT of SIMD cells (4 samples per pass over the weights,
/// <c>GatePreActivations4</c> and <c>GateBackward4</c>) give each sample exactly (==, tolerance 0) what running that
/// sample alone gives: every h_t, c_t, probability, log-probability, dL/dx_t, initial-state gradient and final state, for
/// every m from 1 to 9 (no whole group, whole groups, and groups plus 1-3 samples run alone), dense and one-hot inputs, at
/// every tail size of LstmGen.TestCells/SimdCells.cs (H in {1, 7, 15, 17, 33, 129}, with and without a head, both precisions). Exact,
/// because each sample's sums run in the single-sample order. The summed parameter gradients are compared with 1e-12
/// (double) / 1e-5 (float) relative, scaled as in <see cref="Comparison"/>: the batch adds the samples' terms into one
/// accumulator (4 sequences at a time, step by step), the check adds separately computed per-sample gradients, so only
/// the rounding of those additions differs.
/// </summary>
public sealed class SimdBatchTests
{
    public static TheoryData<string, int, bool> Cases()
    {
        var cases = new TheoryData<string, int, bool>();
        foreach (var (simd, _) in SimdAgreementTests.Pairs)
        {
            foreach (int batch in Enumerable.Range(1, 9))
            {
                foreach (bool oneHot in new[] { false, true })
                {
                    cases.Add(simd.Name, batch, oneHot);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batched_forward_equals_each_sample_alone(string cell, int batch, bool oneHot)
    {
        ICellDriver driver = Drivers.Get(SimdAgreementTests.Pairs.Single(p => p.Simd.Name == cell).Simd);
        int seed = Problems.Seed($"{cell}/batch/{batch}/{oneHot}");
        double[] theta = Problems.Theta(driver, seed);
        const int steps = 3;
        BatchProblem problem = Problems.Random(driver, seed + 1, steps, batch, driver.HasHead ? LossKind.ClassIndex : LossKind.Mse, oneHot);
        BatchRun together = driver.RunLowLevel(theta, problem);

        var failures = new List<string>();
        var summed = new double[together.Gradients.Length];
        for (int b = 0; b < batch; b++)
        {
            BatchRun alone = driver.RunLowLevel(theta, Sample(problem, b));
            for (int t = 0; t < steps; t++)
            {
                int at = problem.At(t, b);
                Same($"h[t={t}, b={b}]", together.H![at], alone.H![t]);
                Same($"c[t={t}, b={b}]", together.C?[at], alone.C?[t]);
                Same($"p[t={t}, b={b}]", together.Probabilities?[at], alone.Probabilities?[t]);
                Same($"log p[t={t}, b={b}]", together.LogProbabilities?[at], alone.LogProbabilities?[t]);
                Same($"dx[t={t}, b={b}]", together.Dx?[at], alone.Dx?[t]);
            }

            Same($"final h[b={b}]", together.FinalH[b], alone.FinalH[0]);
            Same($"final c[b={b}]", together.FinalC?[b], alone.FinalC?[0]);
            Same($"dh0[b={b}]", together.DH0![b], alone.DH0![0]);
            Same($"dc0[b={b}]", together.DC0?[b], alone.DC0?[0]);
            for (int k = 0; k < summed.Length; k++)
            {
                summed[k] += alone.Gradients[k];
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        var comparison = driver.IsFloat ? new Comparison(1e-5, Comparison.FloatFloorFraction) : new Comparison(1e-12);
        comparison.Close("summed gradients", together.Gradients, summed);
        comparison.AssertAll();

        void Same(string what, double[]? x, double[]? y)
        {
            if (x is null || y is null)
            {
                Assert.Equal(x is null, y is null);
                return;
            }

            if (!x.SequenceEqual(y))
            {
                failures.Add($"{what}: batched and alone differ");
            }
        }
    }

    /// <summary>Sample <paramref name="b"/> of a time-major batch problem, as a batch of 1.</summary>
    private static BatchProblem Sample(BatchProblem problem, int b)
    {
        int[] at = [.. Enumerable.Range(0, problem.Steps).Select(t => problem.At(t, b))];
        return new BatchProblem(
            problem.Steps,
            1,
            problem.Loss,
            [.. at.Select(i => problem.Xs[i])],
            problem.Indices is null ? null : [.. at.Select(i => problem.Indices[i])],
            [problem.H0[b]],
            problem.C0 is null ? null : [problem.C0[b]],
            problem.HiddenTargets is null ? null : [.. at.Select(i => problem.HiddenTargets[i])],
            problem.Classes is null ? null : [.. at.Select(i => problem.Classes[i])],
            problem.Distributions is null ? null : [.. at.Select(i => problem.Distributions[i])]);
    }
}
