using LstmGen.Models;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using Xunit.Abstractions;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// Whole-model gradients against central differences of the model's own loss (<c>RecurrentModel.Gradient</c>):
/// every parameter (every layer and direction, and the head), every initial-state entry (every layer and direction),
/// every valid input entry. Stacks (LSTM → GRU), bidirectional layers (RNN ×2 → LSTM, RNN ×2 → GRU ×2), lengths,
/// dropout with a fixed seed (the mask does not depend on θ, so the loss stays smooth), the linear head with squared
/// error, the softmax head with cross-entropy, no head, loss on every step or the last.
/// </summary>
/// <remarks>
/// Tolerance (<see cref="GradientCheck"/>): |fd − analytic| ≤ 1e-8 + 1e-6·|analytic| with ε = 1e-6. These losses are
/// sums over 3 sequences of at most 5 steps of smooth, well-conditioned terms (|L| ≲ 20, weights ≤ 0.6 so no
/// activation saturates): truncation ε²/6·|L'''| ≈ 1e-13, cancellation ≈ 2.2e-16·|L|/ε ≲ 5e-9. 1e-8 keeps a margin, while
/// any wrong term (a lost direction, a mask missing on the way back, a reversed step off by one) shows at 1e-4 or more.
/// </remarks>
public sealed class ModelFiniteDifferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases() => new(
        "LSTM→GRU, linear head, squared error, every step",
        "LSTM→GRU, linear head, lengths, last step, mean, dropout",
        "RNN×2→LSTM, softmax head, cross-entropy, lengths, last step",
        "RNN×2→LSTM, softmax head, cross-entropy, every step, dropout",
        "RNN×2→GRU×2, no head, squared error on the outputs, lengths, every step, dropout");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_gradient_of_the_model_matches_central_differences(string name)
    {
        var (c, reduction, seed) = Case(name);
        RecurrentModel<double> model = c.Model;
        var ws = model.CreateWorkspace(c.Steps, c.M);
        double[] dp = new double[model.ParameterCount], dInitial = new double[c.Initial.Length], dxs = new double[c.Xs.Length];
        double loss = c.Gradient(ws, c.P, c.Xs, c.Initial, dp, dInitial, dxs, reduction, seed);
        Assert.True(double.IsFinite(loss) && loss > 0, $"loss {loss}");

        double[] sp = new double[dp.Length], si = new double[dInitial.Length], sx = new double[dxs.Length];
        double Loss(double[] p, double[] xs, double[] initial) => c.Gradient(ws, p, xs, initial, sp, si, sx, reduction, seed);

        var check = new GradientCheck();
        for (int k = 0; k < c.P.Length; k++)
        {
            check.Compare($"dθ[{k}]", FiniteDifference.Partial(p => Loss(p, c.Xs, c.Initial), c.P, k, GradientCheck.Epsilon), dp[k]);
        }

        for (int k = 0; k < c.Initial.Length; k++)
        {
            check.Compare($"dInitial[{k}]", FiniteDifference.Partial(s => Loss(c.P, c.Xs, s), c.Initial, k, GradientCheck.Epsilon), dInitial[k]);
        }

        int valid = 0;
        for (int k = 0; k < c.Xs.Length; k++)
        {
            int row = k / model.InputSize;
            if (!c.IsValid(row % c.M, row / c.M))
            {
                Assert.Equal(0.0, dxs[k]);
                continue;
            }

            valid++;
            check.Compare($"dxs[{k}]", FiniteDifference.Partial(x => Loss(c.P, x, c.Initial), c.Xs, k, GradientCheck.Epsilon), dxs[k]);
        }

        Assert.Equal(c.P.Length + c.Initial.Length + valid, check.Count);
        output.WriteLine($"{name}: {check.Count} partials (θ {c.P.Length}, initial {c.Initial.Length}, x {valid}); worst |fd − analytic| {check.Worst:E2}");
        check.AssertAll(name);
    }

    private static (ModelProblem Problem, BatchReduction Reduction, ulong? Seed) Case(string name) => name switch
    {
        "LSTM→GRU, linear head, squared error, every step" =>
            (new ModelProblem(TestModels.LstmGru(OutputHead.Linear, 2), 4, 3, null, 21), BatchReduction.Sum, null),
        "LSTM→GRU, linear head, lengths, last step, mean, dropout" =>
            (new ModelProblem(TestModels.LstmGru(OutputHead.Linear, 2, dropout: 0.3), 5, 3, [5, 2, 4], 22, LossSteps.Last), BatchReduction.Mean, 7UL),
        "RNN×2→LSTM, softmax head, cross-entropy, lengths, last step" =>
            (new ModelProblem(TestModels.BiRnnLstm(OutputHead.Softmax, 3), 5, 3, [3, 5, 1], 23, LossSteps.Last), BatchReduction.Sum, null),
        "RNN×2→LSTM, softmax head, cross-entropy, every step, dropout" =>
            (new ModelProblem(TestModels.BiRnnLstm(OutputHead.Softmax, 3, dropout: 0.4), 4, 3, null, 24), BatchReduction.Sum, 99UL),
        "RNN×2→GRU×2, no head, squared error on the outputs, lengths, every step, dropout" =>
            (new ModelProblem(TestModels.BiRnnBiGru(dropout: 0.25), 5, 3, [4, 5, 2], 25), BatchReduction.Sum, 3UL),
        _ => throw new ArgumentException(name),
    };
}
