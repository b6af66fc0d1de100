using LstmGen.Models.Tests.Support;
using RefReduction = LstmGen.Reference.BatchReduction;

namespace LstmGen.Models.Tests.LinearHead;

/// <summary>
/// The linear head's squared error through the generated cells (every kind and kernel strategy, double and float)
/// against the independent MathNet reference, and against central differences of the whole loss: padded batches,
/// the loss on every valid step or on each sequence's last, summed or averaged over the batch.
/// </summary>
public sealed class LinearHeadAgreementTests
{
    private const double DoubleTolerance = 1e-9;

    // Float cells: inputs, parameters and targets are rounded to float first, so the only difference is float
    // arithmetic over ≤ 6 steps of sums of ≤ 15 products of O(1) values: a few hundred roundings of 6e-8 relative each,
    // far below 1e-4 of the largest value (a sign error or a missing term changes values by O(0.1)).
    private const double FloatTolerance = 1e-4;

    public static TheoryData<string, LossSteps, bool, BatchReduction> Cases()
    {
        var data = new TheoryData<string, LossSteps, bool, BatchReduction>();
        foreach (string cell in Runners.Keys)
        {
            data.Add(cell, LossSteps.Every, false, BatchReduction.Sum);
            data.Add(cell, LossSteps.Every, true, BatchReduction.Mean);
            data.Add(cell, LossSteps.Last, true, BatchReduction.Sum);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_gradients_agree_with_the_reference(string cell, LossSteps lossSteps, bool padded, BatchReduction reduction)
    {
        ICellDriver driver = Drivers.Get(cell);
        var problem = LinearHeadProblem.Draw(driver, seed: 1400 + cell.Length, steps: 5, batch: 3, lossSteps, padded);

        (double loss, double[] gradient, double[] dxs) = Runners[cell](driver, problem, reduction, null);
        (double refLoss, double[] refGradient, double[] refDxs) = problem.RunReference(
            driver, reduction == BatchReduction.Mean ? RefReduction.Mean : RefReduction.Sum);

        double tolerance = driver.IsFloat ? FloatTolerance : DoubleTolerance;
        Close(refLoss, loss, tolerance, "loss");
        Close(refGradient, gradient, tolerance, "dθ");
        Close(refDxs, dxs, tolerance, "dxs");
        Assert.True(Math.Abs(refLoss) > 0.1, "The problem has a loss worth comparing.");
    }

    [Theory]
    [InlineData(nameof(LinearLstm1x3V1Double), LossSteps.Every)]
    [InlineData(nameof(LinearLstm3x5V2Double), LossSteps.Last)]
    [InlineData(nameof(LinearGru2x3V2Double), LossSteps.Last)]
    [InlineData(nameof(LinearGru4x9V3Double), LossSteps.Every)]
    [InlineData(nameof(LinearRnn2x4V3Double), LossSteps.Last)]
    [InlineData(nameof(LinearRnn10x40V4Double), LossSteps.Every)]
    public void Gradients_agree_with_central_differences_of_the_loss(string cell, LossSteps lossSteps)
    {
        ICellDriver driver = Drivers.Get(cell);
        var problem = LinearHeadProblem.Draw(driver, seed: 77, steps: 4, batch: 3, lossSteps, padded: true);
        var run = Runners[cell];
        double[] gradient = run(driver, problem, BatchReduction.Mean, null).Gradient;

        // Central differences: truncation error ε²·|f'''|/6 ≈ 1e-11, rounding ≈ 1e-16/ε ≈ 1e-11, so 1e-8 is far above both.
        const double Epsilon = 1e-5;
        double[] theta = (double[])problem.Theta.Clone();
        for (int k = 0; k < theta.Length; k++)
        {
            double saved = theta[k];
            theta[k] = saved + Epsilon;
            double plus = run(driver, problem, BatchReduction.Mean, theta).Loss;
            theta[k] = saved - Epsilon;
            double minus = run(driver, problem, BatchReduction.Mean, theta).Loss;
            theta[k] = saved;
            double numeric = (plus - minus) / (2 * Epsilon);
            Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-8 * Math.Max(1, Math.Abs(numeric)), $"dθ[{k}]: central difference {numeric}, gradient {gradient[k]}");
        }
    }

    private delegate (double Loss, double[] Gradient, double[] Dxs) Runner(ICellDriver driver, LinearHeadProblem problem, BatchReduction reduction, double[]? theta);

    private static readonly Dictionary<string, Runner> Runners = new(StringComparer.Ordinal)
    {
        [nameof(LinearLstm1x3V1Double)] = (c, q, r, t) => q.RunGenerated<LinearLstm1x3V1Double.Kernel, double>(c, r, t),
        [nameof(LinearLstm3x5V2Double)] = (c, q, r, t) => q.RunGenerated<LinearLstm3x5V2Double.Kernel, double>(c, r, t),
        [nameof(LinearLstm3x5V2Float)] = (c, q, r, t) => q.RunGenerated<LinearLstm3x5V2Float.Kernel, float>(c, r, t),
        [nameof(LinearGru2x3V2Double)] = (c, q, r, t) => q.RunGenerated<LinearGru2x3V2Double.Kernel, double>(c, r, t),
        [nameof(LinearGru4x9V3Double)] = (c, q, r, t) => q.RunGenerated<LinearGru4x9V3Double.Kernel, double>(c, r, t),
        [nameof(LinearRnn2x4V3Double)] = (c, q, r, t) => q.RunGenerated<LinearRnn2x4V3Double.Kernel, double>(c, r, t),
        [nameof(LinearRnn10x40V4Double)] = (c, q, r, t) => q.RunGenerated<LinearRnn10x40V4Double.Kernel, double>(c, r, t),
        [nameof(LinearRnn2x4V3Float)] = (c, q, r, t) => q.RunGenerated<LinearRnn2x4V3Float.Kernel, float>(c, r, t),
    };

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");

    // Relative to the largest reference value (gradients of individual entries may be tiny).
    private static void Close(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * scale, $"{what}[{k}]: expected {expected[k]}, got {actual[k]}");
        }
    }
}
