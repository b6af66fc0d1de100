using LstmGen.Reference;
using LstmGen.Models.Tests.Support;
using Xunit.Abstractions;

namespace LstmGen.Models.Tests.Gradients;

/// <summary>
/// Central differences (ε = 1e-6) of the generated cell's own loss — <c>LossAndGradients</c> into fresh gradients, T = 4,
/// with θ_k of the flat parameter span (or one input entry, or one initial-state entry) shifted by ±ε — against every
/// analytic gradient entry from <c>Bptt</c>: all of dθ, every dx_t, dL/dh_{-1} and dL/dc_{-1}.
/// </summary>
/// <remarks>
/// Tolerance |fd − analytic| ≤ 1e-8 + 1e-6·|analytic|. Error budget of a central difference with ε = 1e-6: truncation
/// ε²/6·|L'''| ≈ 1e-13, cancellation ≈ 2.2e-16·|L|/ε ≈ 2e-10·|L| with L ≈ 1–5 here, so ~1e-9 at worst: 1e-8 leaves
/// a margin of 10 while still catching any wrong term (a missing factor shows up at 1e-4 or more).
/// </remarks>
public sealed class SequenceFiniteDifferenceTests(ITestOutputHelper output)
{
    private const double Epsilon = 1e-6;
    private const double Absolute = 1e-8;
    private const double Relative = 1e-6;
    private const int Steps = 4;

    public static TheoryData<string> SmallDoubleCells() => new(nameof(Lstm2x1Double), nameof(Lstm3x5Double));

    [Theory]
    [MemberData(nameof(SmallDoubleCells))]
    public void Parameter_gradients_match_central_differences(string cell)
    {
        var (driver, theta, problem) = Setup(cell);
        CellRun analytic = driver.Run(theta, problem);
        Assert.Equal(driver.ParameterCount, theta.Length);

        var failures = new List<string>();
        double worst = 0;
        for (int k = 0; k < theta.Length; k++)
        {
            double fd = FiniteDifference.Partial(th => driver.Run(th, problem).HelperLoss, theta, k, Epsilon);
            Compare($"dθ[{k}]", fd, analytic.FlatGradients[k], failures, ref worst);
        }

        Report(cell, "θ", theta.Length, worst, failures);
    }

    [Theory]
    [MemberData(nameof(SmallDoubleCells))]
    public void Input_gradients_match_central_differences(string cell)
    {
        var (driver, theta, problem) = Setup(cell);
        CellRun analytic = driver.Run(theta, problem);

        var failures = new List<string>();
        double worst = 0;
        for (int t = 0; t < Steps; t++)
        {
            for (int j = 0; j < driver.InputSize; j++)
            {
                int tt = t, jj = j;
                double fd = FiniteDifference.Partial(v => driver.Run(theta, problem.WithX(tt, jj, v[0])).HelperLoss, [problem.Xs[t][j]], 0, Epsilon);
                Compare($"dx[{t}][{j}]", fd, analytic.Steps[t].Dx[j], failures, ref worst);
            }
        }

        Report(cell, "x", Steps * driver.InputSize, worst, failures);
    }

    [Theory]
    [MemberData(nameof(SmallDoubleCells))]
    public void Initial_state_gradients_match_central_differences(string cell)
    {
        var (driver, theta, problem) = Setup(cell);
        CellRun analytic = driver.Run(theta, problem);

        var failures = new List<string>();
        double worst = 0;
        for (int j = 0; j < driver.HiddenSize; j++)
        {
            int jj = j;
            double fdH = FiniteDifference.Partial(v => driver.Run(theta, problem.WithH0(jj, v[0])).HelperLoss, [problem.H0[j]], 0, Epsilon);
            double fdC = FiniteDifference.Partial(v => driver.Run(theta, problem.WithC0(jj, v[0])).HelperLoss, [problem.C0[j]], 0, Epsilon);
            Compare($"dh_-1[{j}]", fdH, analytic.DH0[j], failures, ref worst);
            Compare($"dc_-1[{j}]", fdC, analytic.DC0[j], failures, ref worst);
        }

        Report(cell, "(h_-1, c_-1)", 2 * driver.HiddenSize, worst, failures);
    }

    private static (ISequenceDriver Driver, double[] Theta, SequenceProblem Problem) Setup(string cell)
    {
        ISequenceDriver driver = DriverCatalog.Get(cell);
        var (reference, problem) = SequenceProblems.Random(31 + driver.HiddenSize, driver.InputSize, driver.HiddenSize, Steps, roundToFloat: false);
        return (driver, driver.Flatten(reference), problem);
    }

    private static void Compare(string label, double fd, double analytic, List<string> failures, ref double worst)
    {
        double error = Math.Abs(fd - analytic);
        double allowed = Absolute + (Relative * Math.Abs(analytic));
        worst = Math.Max(worst, error / allowed);
        if (!(error <= allowed))
        {
            failures.Add($"{label}: finite difference {fd:R}, analytic {analytic:R}, |diff| {error:E2} > {allowed:E2}");
        }
    }

    private void Report(string cell, string what, int count, double worst, List<string> failures)
    {
        output.WriteLine($"{cell}: {count} partials w.r.t. {what}; worst |diff| is {worst:F3} of the allowed error");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
