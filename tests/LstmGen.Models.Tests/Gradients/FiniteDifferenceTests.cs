using LstmGen.Models.Tests.Support;
using Xunit.Abstractions;

namespace LstmGen.Models.Tests.Gradients;

/// <summary>
/// Central differences of the generated forward loss (<see cref="ICellDriver.ForwardLoss"/>: generated forward pass and
/// per-step losses only) against every analytic gradient entry of the generated backward pass
/// (<see cref="ICellDriver.RunLowLevel"/>: sequence loss, head backward, <c>BpttBatch</c>): all of dθ including dW_y
/// and db_y, every dx_t, dL/dh0 and dL/dc0. Every small double cell of each kind, with and without a softmax head, for
/// each loss it supports, on a batch of 2 sequences of 3 steps, with dense and with one-hot inputs. Tolerances: see
/// <see cref="GradientCheck"/>.
/// </summary>
public sealed class FiniteDifferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string, LossKind, bool> Cases()
    {
        var cases = new TheoryData<string, LossKind, bool>();
        Type[] cells =
        [
            typeof(Rnn1x1Double), typeof(Rnn3x5Double), typeof(Rnn1x1Head2Double), typeof(Rnn3x5Head4Double),
            typeof(Lstm1x1Double), typeof(Lstm3x5Double), typeof(Lstm1x1Head2Double), typeof(Lstm3x5Head4Double),
            typeof(Gru1x1Double), typeof(Gru3x5Double), typeof(Gru1x1Head2Double), typeof(Gru3x5Head4Double),
            typeof(UnrolledGru4x6), typeof(UnrolledGru3x5Head4Double),
        ];
        foreach (Type cell in cells)
        {
            LossKind[] losses = cell.Name.Contains("Head", StringComparison.Ordinal) ? [LossKind.ClassIndex, LossKind.Distribution] : [LossKind.Mse];
            foreach (LossKind loss in losses)
            {
                cases.Add(cell.Name, loss, false);
                cases.Add(cell.Name, loss, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_gradient_entry_matches_central_differences(string cell, LossKind loss, bool oneHot)
    {
        ICellDriver driver = Drivers.Get(cell);
        int seed = Problems.Seed($"fd/{cell}/{loss}/{oneHot}");
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, steps: 3, batch: 2, loss, oneHot);
        BatchRun analytic = driver.RunLowLevel(theta, problem);

        var check = new GradientCheck();
        check.Parameters(driver, theta, problem, analytic.Gradients);
        check.InputsAndInitialState(driver, theta, problem, analytic);

        output.WriteLine($"{check.Count} entries, worst |fd − analytic| = {check.Worst:E2}");
        check.AssertAll(cell);
    }
}
