using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests.BiasFree;

/// <summary>
/// The same bias-free cell under every kernel strategy, through whole batched sequences (forward, head and loss, BPTT;
/// dense and one-hot inputs; a batch of 6: one SIMD group of 4 and two single samples): unrolled and loops bit for bit
/// (tolerance 0: the same sums in the same order, each starting with the first column's term), SIMD within 1e-12
/// relative of the loops in double (fused multiply-adds and another summation order). The kernels' members are compared
/// one by one in <see cref="Contract.UnrolledKernelTests"/>, <see cref="Contract.SimdKernelTests"/> and
/// <see cref="Contract.GruSimdKernelTests"/>.
/// </summary>
public sealed class BiasFreeStrategyTests
{
    public static TheoryData<string, string, double, bool> Pairs()
    {
        var data = new TheoryData<string, string, double, bool>();
        (string Cell, string Loops, double Tolerance)[] pairs =
        [
            (nameof(NoBiasLstm2x3Unrolled), nameof(NoBiasLstm2x3Loops), 0),
            (nameof(NoBiasLstm2x3Simd), nameof(NoBiasLstm2x3Loops), 1e-12),
            (nameof(NoBiasLstm2x3Head4Unrolled), nameof(NoBiasLstm2x3Head4Loops), 0),
            (nameof(NoBiasRnn3x4Unrolled), nameof(NoBiasRnn3x4Loops), 0),
            (nameof(NoBiasRnn3x4Simd), nameof(NoBiasRnn3x4Loops), 1e-12),
            (nameof(NoBiasGru2x3Unrolled), nameof(NoBiasGru2x3Loops), 0),
            (nameof(NoBiasGru2x3Simd), nameof(NoBiasGru2x3Loops), 1e-12),
            (nameof(NoBiasGru2x3FloatUnrolled), nameof(NoBiasGru2x3FloatLoops), 0),
        ];
        foreach (var (cell, loops, tolerance) in pairs)
        {
            data.Add(cell, loops, tolerance, false);
            data.Add(cell, loops, tolerance, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_strategy_gives_what_the_loops_give(string cell, string loopsCell, double tolerance, bool oneHot)
    {
        ICellDriver driver = Drivers.Get(cell), loops = Drivers.Get(loopsCell);
        Assert.Equal((driver.Kind, driver.InputSize, driver.HiddenSize, driver.OutputSize, driver.ParameterCount), (loops.Kind, loops.InputSize, loops.HiddenSize, loops.OutputSize, loops.ParameterCount));
        int seed = Problems.Seed($"nobias-strategy/{cell}/{oneHot}");
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, steps: 4, batch: 6, driver.HasHead ? LossKind.ClassIndex : LossKind.Mse, oneHot);
        var comparison = new Comparison(tolerance);
        comparison.Runs($"{cell} against {loopsCell}", driver.RunLowLevel(theta, problem), loops.RunLowLevel(theta, problem));
        comparison.AssertAll();
    }
}
