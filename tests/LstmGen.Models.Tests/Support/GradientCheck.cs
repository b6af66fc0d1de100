using System.Globalization;
using LstmGen.Reference;

namespace LstmGen.Models.Tests.Support;

/// <summary>
/// Compares analytic gradients with central differences of the generated forward loss and collects every mismatch.
/// <para>
/// Tolerance |fd − analytic| ≤ <see cref="Absolute"/> + <see cref="Relative"/>·|analytic| with ε = <see cref="Epsilon"/>.
/// Error budget of a central difference: truncation ε²/6·|L'''| ≈ 1e-13 for the O(1) third derivatives of these small
/// cells, cancellation ≈ 2.2e-16·|L|/ε ≈ 2e-10·|L| with L of order 1–20 here (a sum over 2 sequences of 3 steps), so
/// a few 1e-9 at worst: 1e-8 keeps a margin while any wrong term (a missing factor, a dropped carry) shows up at 1e-4
/// or more.
/// </para>
/// </summary>
internal sealed class GradientCheck
{
    public const double Epsilon = 1e-6;
    public const double Absolute = 1e-8;
    public const double Relative = 1e-6;

    private readonly List<string> _failures = [];

    /// <summary>How many entries were compared.</summary>
    public int Count { get; private set; }

    /// <summary>Largest |fd − analytic| seen.</summary>
    public double Worst { get; private set; }

    /// <summary>Central difference of <paramref name="f"/> at <paramref name="value"/>.</summary>
    public static double Central(Func<double, double> f, double value) =>
        FiniteDifference.Partial(v => f(v[0]), [value], 0, Epsilon);

    /// <summary>Whether <paramref name="analytic"/> is within tolerance of <paramref name="fd"/>.</summary>
    public static bool Agrees(double fd, double analytic) =>
        Math.Abs(fd - analytic) <= Absolute + (Relative * Math.Abs(analytic));

    public void Compare(string what, double fd, double analytic)
    {
        Count++;
        double difference = Math.Abs(fd - analytic);
        Worst = Math.Max(Worst, double.IsNaN(difference) ? double.PositiveInfinity : difference);
        if (!Agrees(fd, analytic))
        {
            _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: analytic {analytic:R}, central difference {fd:R}"));
        }
    }

    /// <summary>Every parameter entry (reference flat order) of the driver's loss.</summary>
    public void Parameters(ICellDriver driver, double[] theta, BatchProblem problem, double[] analytic)
    {
        for (int k = 0; k < theta.Length; k++)
        {
            double fd = FiniteDifference.Partial(th => driver.ForwardLoss(th, problem), theta, k, Epsilon);
            Compare($"dθ[{k}]", fd, analytic[k]);
        }
    }

    /// <summary>Every dense input entry, every initial hidden and (LSTM) cell-state entry.</summary>
    public void InputsAndInitialState(ICellDriver driver, double[] theta, BatchProblem problem, BatchRun analytic)
    {
        if (problem.Indices is null)
        {
            for (int at = 0; at < problem.Count; at++)
            {
                for (int j = 0; j < driver.InputSize; j++)
                {
                    int a = at, jj = j;
                    Compare($"dx[{at}][{j}]", Central(v => driver.ForwardLoss(theta, problem.WithX(a, jj, v)), problem.Xs[at][j]), analytic.Dx![at][j]);
                }
            }
        }

        for (int b = 0; b < problem.Batch; b++)
        {
            for (int j = 0; j < driver.HiddenSize; j++)
            {
                int bb = b, jj = j;
                Compare($"dh0[{b}][{j}]", Central(v => driver.ForwardLoss(theta, problem.WithH0(bb, jj, v)), problem.H0[b][j]), analytic.DH0![b][j]);
                if (driver.IsLstm)
                {
                    Compare($"dc0[{b}][{j}]", Central(v => driver.ForwardLoss(theta, problem.WithC0(bb, jj, v)), problem.C0![b][j]), analytic.DC0![b][j]);
                }
            }
        }
    }

    public void AssertAll(string what) =>
        Assert.True(_failures.Count == 0, $"{what}: {_failures.Count} of {Count} entries disagree:{Environment.NewLine}{string.Join(Environment.NewLine, _failures.Take(20))}");
}
