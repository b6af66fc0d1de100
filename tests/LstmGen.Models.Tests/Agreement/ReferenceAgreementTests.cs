using LstmGen.Models.Tests.Support;
using Xunit.Abstractions;
using GenReduction = LstmGen.BatchReduction;
using RefReduction = LstmGen.Reference.BatchReduction;

namespace LstmGen.Models.Tests.Agreement;

/// <summary>
/// Generated RNN, LSTM and GRU cells, with and without a softmax head, against the independent MathNet reference.
/// <para>
/// Matrix: the 36 cells of the grid in LstmGen.TestCells/AgreementCells.cs and GruAgreementCells.cs ({RNN, LSTM, GRU} x {no head, head} x (D, H, V) in {(1, 1, 2), (3, 5, 4),
/// (10, 128, 10)} x {double, float}) x batch m in {1, 3, 32} x sequence length T in {1, 9} x loss (MSE without a head;
/// cross-entropy against class indices and against distributions with one): 324 cases, all of them, since the full
/// matrix runs in a few seconds. Each case checks the low-level path (ForwardSequenceBatch, head, sequence loss,
/// BpttBatch: h_t, c_t, softmax and log-softmax, loss, every parameter gradient including dW_y and db_y, dL/dx_t,
/// dL/dh0 and dL/dc0, final states) against the reference with Sum, the one-call batch function with Mean against the
/// reference with Mean, and for m = 1 the single-sequence one-call function.
/// </para>
/// <para>
/// Tolerances (scaled relative error, see <see cref="Comparison"/>): double 1e-10 (the two implementations sum in
/// different orders, so they agree to ~1e-15 on well-conditioned values; 9 steps of BPTT amplify that by at most a few
/// orders of magnitude); float 1e-4 (float rounding u ≈ 6e-8 accumulated over D + H ≤ 138 terms per row and 9 steps), with the float
/// floor of <see cref="Comparison"/>. Parameters use PyTorch's default scale 1/√H (see <see cref="Problems.Theta"/>).
/// The float cells and the double reference start from the same numbers (parameters and data rounded to float first),
/// so the differences are float arithmetic alone.
/// </para>
/// </summary>
public sealed class ReferenceAgreementTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int, LossKind> Cases()
    {
        var cases = new TheoryData<string, int, int, LossKind>();
        foreach (Type cell in Drivers.Agreement)
        {
            LossKind[] losses = cell.Name.Contains("Head", StringComparison.Ordinal)
                ? [LossKind.ClassIndex, LossKind.Distribution]
                : [LossKind.Mse];
            foreach (int batch in new[] { 1, 3, 32 })
            {
                foreach (int steps in new[] { 1, 9 })
                {
                    foreach (LossKind loss in losses)
                    {
                        cases.Add(cell.Name, batch, steps, loss);
                    }
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_cell_matches_the_reference(string cell, int batch, int steps, LossKind loss)
    {
        ICellDriver driver = Drivers.Get(cell);
        int seed = Problems.Seed($"{cell}/{batch}/{steps}/{loss}");
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, steps, batch, loss);
        var comparison = driver.IsFloat
            ? new Comparison(1e-4, Comparison.FloatFloorFraction)
            : new Comparison(1e-10);

        BatchRun expectedSum = ReferenceRunner.Run(driver, theta, problem, RefReduction.Sum);
        comparison.Runs("low-level (Sum)", driver.RunLowLevel(theta, problem), expectedSum);
        comparison.Runs("one-call batch (Mean)", driver.RunOneCall(theta, problem, GenReduction.Mean), ReferenceRunner.Run(driver, theta, problem, RefReduction.Mean));
        if (batch == 1)
        {
            comparison.Runs("one-call single sequence", driver.RunOneCallSingle(theta, problem), expectedSum);
        }

        output.WriteLine($"worst scaled error {comparison.Worst:E2} (tolerance {comparison.Tolerance:E0})");
        comparison.AssertAll();
    }
}
