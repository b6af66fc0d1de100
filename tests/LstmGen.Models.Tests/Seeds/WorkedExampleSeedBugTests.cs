using LstmGen.Reference;
using LstmGen.Models.Tests.Support;
using Cell = LstmGen.TestCells.TinyLstm;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// Seed 001 prints some numbers for quantities it computes wrongly. These tests pin down exactly what each print is (by
/// reproducing it with our cell under the seed's mistake), show that the true value differs, and that central finite
/// differences of the loss side with ours, not with the seed's.
/// </summary>
/// <remarks>
/// Prints are matched as in <see cref="PrintedChecks"/> (½·10^−decimals + 1e-15 relative). "Differs" means by more than
/// 1e-3, i.e. hundreds of units in the printed last place. Finite differences: central, ε = 1e-6, agreement ≤ 1e-9
/// (error budget ε² + 1e-16·L/ε ≈ 1e-10 for L ≈ 0.11).
/// </remarks>
public sealed class WorkedExampleSeedBugTests
{
    private const double Differs = 1e-3;
    private static readonly WorkedExample Run = WorkedExample.Compute();

    /// <summary>
    /// The t = 0 step as seed 001 In[155] computes it: backward with the loss gradient only, ignoring what flows back
    /// from t = 1 (carry = default), into fresh gradients.
    /// </summary>
    private static readonly Cell.Gradients NoCarryStep0 = NoCarryBackward0();

    [Fact]
    public void In155_dLdWa0_omits_the_input_factor_so_it_is_the_no_carry_candidate_bias_gradient()
    {
        var check = new PrintedChecks();
        check.Check("001 In[155] dLdWa0 = no-carry db_g(t=0)", "0.005383606814026229", NoCarryStep0.B(LstmGate.Candidate, 0));
        check.AssertAll(1);

        // With the omitted *dz0dWa0 = x0 = [1, 2] restored, it is the no-carry dW_g at t = 0.
        double dLdWa0 = 0.005383606814026229;
        Assert.Equal(dLdWa0 * 1.0, NoCarryStep0.W(LstmGate.Candidate, 0, 0), 1e-17);
        Assert.Equal(dLdWa0 * 2.0, NoCarryStep0.W(LstmGate.Candidate, 0, 1), 1e-17);

        // The true t = 0 candidate gradient (with the carry from t = 1) has the other sign.
        Assert.True(Math.Abs(Run.Backward[0].Grads.B(LstmGate.Candidate, 0) - dLdWa0) > Differs);
    }

    [Fact]
    public void In155_t0_gradients_ignore_the_carry_from_t1()
    {
        var check = new PrintedChecks();
        check.CheckArray("001 In[155] dLdWo0", "[0.0035528  0.00710561]", NoCarryStep0.W(LstmGate.Output, 0, 0), NoCarryStep0.W(LstmGate.Output, 0, 1));
        check.CheckArray("001 In[155] dLdWi0", "[0.00052049 0.00104097]", NoCarryStep0.W(LstmGate.Input, 0, 0), NoCarryStep0.W(LstmGate.Input, 0, 1));
        check.CheckArray("001 In[155] dLdWf0", "[0. 0.]", NoCarryStep0.W(LstmGate.Forget, 0, 0), NoCarryStep0.W(LstmGate.Forget, 0, 1));
        check.AssertAll(6);

        // The true t = 0 contributions (carry included) differ: dW_i = -0.00164588·x0, dW_o = 0.0017648·x0.
        Cell.Gradients trueStep0 = Run.Backward[0].Grads;
        foreach (LstmGate gate in (LstmGate[])[LstmGate.Input, LstmGate.Output])
        {
            for (int col = 0; col < 2; col++)
            {
                Assert.True(Math.Abs(trueStep0.W(gate, 0, col) - NoCarryStep0.W(gate, 0, col)) > Differs / 2, $"{gate}[{col}]");
            }
        }
    }

    [Fact]
    public void In156_dW_and_In157_Wa1_are_wrong_and_finite_differences_side_with_ours()
    {
        // Provenance of the seed's numbers: dW = dLdWa0 + dLdWa1 (a scalar plus the t = 1 row), Wa1 = Wa − 0.1·dW.
        double dLdWa0 = NoCarryStep0.B(LstmGate.Candidate, 0);
        Cell.Gradients step1 = Run.Backward[1].Grads;
        double[] seedDw = [dLdWa0 + step1.W(LstmGate.Candidate, 0, 0), dLdWa0 + step1.W(LstmGate.Candidate, 0, 1)];
        double[] seedWa1 = [0.45 - (0.1 * seedDw[0]), 0.25 - (0.1 * seedDw[1])];
        var check = new PrintedChecks();
        check.CheckArray("001 In[156] dW", "array([-0.00430857, -0.05276944])", seedDw);
        check.CheckArray("001 In[157] Wa1", "array([0.45043086, 0.25527694])", seedWa1);
        check.AssertAll(4);

        WorkedExample fresh = WorkedExample.Compute();
        for (int col = 0; col < 2; col++)
        {
            double ours = fresh.Summed.W(LstmGate.Candidate, 0, col);
            int c = col;
            double fd = FiniteDifference.Partial(v => LossWithCandidateWeight(fresh, c, v[0]), [fresh.P.W(LstmGate.Candidate, 0, col)], 0, 1e-6);
            Assert.True(Math.Abs(fd - ours) <= 1e-9, $"dL/dW_g[0,{col}]: finite difference {fd:R}, ours {ours:R}");
            Assert.True(Math.Abs(fd - seedDw[col]) > Differs, $"dL/dW_g[0,{col}]: finite difference {fd:R}, seed {seedDw[col]:R}");
            Assert.True(Math.Abs(fresh.Updated.W(LstmGate.Candidate, 0, col) - seedWa1[col]) > Differs / 10);
        }

        // Ours are the values seed 001 itself prints in In[163] (row a) and In[169] (W1 row a), from its corrected BPTT.
        var corrected = new PrintedChecks();
        corrected.CheckArray("001 In[163] dW row a", "[-0.02671622, -0.09220113]", fresh.Summed.W(LstmGate.Candidate, 0, 0), fresh.Summed.W(LstmGate.Candidate, 0, 1));
        corrected.CheckArray("001 In[169] W1 row a", "[0.45267162 0.25922011]", fresh.Updated.W(LstmGate.Candidate, 0, 0), fresh.Updated.W(LstmGate.Candidate, 0, 1));
        corrected.AssertAll(4);
    }

    [Fact]
    public void In155_gradients_disagree_with_finite_differences_of_the_loss()
    {
        // Whole-sequence gradient w.r.t. W_i and W_o: ours (Σ_t with carry) matches finite differences; the seed's
        // "t = 0 part" plus the t = 1 part (In[153]) does not.
        foreach (LstmGate gate in (LstmGate[])[LstmGate.Input, LstmGate.Output])
        {
            for (int col = 0; col < 2; col++)
            {
                var (g, c) = (gate, col);
                double fd = FiniteDifference.Partial(
                    v => LossWith(Run, p => p.W(g, 0, c) = v[0]), [Run.P.W(gate, 0, col)], 0, 1e-6);
                double seedTotal = NoCarryStep0.W(gate, 0, col) + Run.Backward[1].Grads.W(gate, 0, col);
                Assert.True(Math.Abs(fd - Run.Summed.W(gate, 0, col)) <= 1e-9, $"{gate}[{col}] ours");
                Assert.True(Math.Abs(fd - seedTotal) > Differs / 2, $"{gate}[{col}] seed: fd {fd:R}, seed {seedTotal:R}");
            }
        }
    }

    [Fact]
    public void In160_prints_the_t1_gate_deltas_under_the_t0_names()
    {
        // 001 In[160] prints "da0:", "di0:", "df0:" with the variables da1, di1, df1.
        Cell.Gradients step1 = Run.Backward[1].Grads, step0 = Run.Backward[0].Grads;
        var check = new PrintedChecks();
        check.Check("001 In[160] 'da0' = dz_g(t=1)", "-0.01938434750774075", step1.B(LstmGate.Candidate, 0));
        check.Check("001 In[160] 'di0' = dz_i(t=1)", "-0.001115614070446023", step1.B(LstmGate.Input, 0));
        check.Check("001 In[160] 'df0' = dz_f(t=1)", "-0.006306541742007648", step1.B(LstmGate.Forget, 0));
        check.AssertAll(3);

        // The real t = 0 values are those of the dgates0 array the same cell prints: [-0.01702404 -0.00164588 -0. ...].
        Assert.False(PrintedChecks.Matches("-0.01938434750774075", step0.B(LstmGate.Candidate, 0)));
        Assert.False(PrintedChecks.Matches("-0.001115614070446023", step0.B(LstmGate.Input, 0)));
        Assert.False(PrintedChecks.Matches("-0.006306541742007648", step0.B(LstmGate.Forget, 0)));
    }

    private static Cell.Gradients NoCarryBackward0()
    {
        var grads = new Cell.Gradients();
        Cell.Backward(Run.P, Run.Xs[0], Run.Caches[0], Run.Loss[0].Dh, default, grads);
        return grads;
    }

    private static double LossWithCandidateWeight(WorkedExample run, int col, double value) =>
        LossWith(run, p => p.W(LstmGate.Candidate, 0, col) = value);

    private static double LossWith(WorkedExample run, Action<Cell.Parameters> change)
    {
        var p = new Cell.Parameters(run.P.AsSpan());
        change(p);
        return run.LossWith(p);
    }
}
