using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// The worked example of seeds 000 and 001 (D = 2, H = 1, x = [1, 2], [0.5, 3], y = 0.5, 1.25) through the generated
/// <c>[LstmCell(2, 1)]</c> cell <see cref="TinyLstm"/>: every number the two notebooks print for it is reproduced
/// to the printed digits. The prints are our own copies, verbatim, as text (never read from the demo project).
/// </summary>
/// <remarks>
/// Tolerance (see <see cref="PrintedChecks"/>): |ours − printed| ≤ ½·10^−decimals + 1e-15·|printed|; prints of exact
/// values (<c>0.</c>, <c>-0.</c>, <c>1.</c>, <c>3.</c>, integer <c>0</c>) must match exactly, sign of zero included.
/// The seeds stack gates as a (= our g), i, f, o. Numbers 001 prints for wrong quantities (In[155], In[156], In[157],
/// and the da0/di0/df0 labels of In[160]) are pinned in <see cref="WorkedExampleSeedBugTests"/> instead.
/// Not checked: the shapes 001 In[162] prints ((1, 2), (2,), (2,)).
/// </remarks>
public sealed class WorkedExampleTests
{
    private static readonly WorkedExample Run = WorkedExample.Compute();

    [Fact]
    public void Parameters_match_seed_001_In147()
    {
        var p = WorkedExample.SeedOrdered(WorkedExample.SeedParameters());
        var check = new PrintedChecks();
        check.CheckArray("WT (x0 column of a, i, f, o; then x1 column)", "[[0.45 0.95 0.7  0.6 ]\n [0.25 0.8  0.45 0.4 ]]",
            [.. p.W.Select(r => r[0]), .. p.W.Select(r => r[1])]);
        check.CheckArray("U", "[0.15 0.8  0.1  0.25]", p.U);
        check.AssertAll(12);
    }

    [Fact]
    public void Forward_t0_matches_seeds()
    {
        var state = Run.States[0];
        var k = Run.Cache(0);
        var check = new PrintedChecks();
        check.Check("001 In[149] a0", "0.8177540779702877", k.G[0]);
        check.Check("001 In[149] i0", "0.9608342772032357", k.I[0]);
        check.Check("001 In[149] f0", "0.8519528019683106", k.F[0]);
        check.Check("001 In[149] o0", "0.8175744761936437", k.O[0]);
        check.Check("001 In[150] Ct0", "0.7857261484365797", state.C[0]);
        check.Check("001 In[150] ht0", "0.5363133978820118", state.H[0]);
        CheckSeed000Forward(check, "000 In[6]", 0,
            ["0.8519528", "0.96083428", "0.81775408", "0.81757448", "0.", "0.78572615", "0.78572615", "0.65598109", "0.5363134"],
            "[1., 2., 0.]", "[0.]");
        check.AssertAll(19);
    }

    [Fact]
    public void Forward_t1_matches_seeds()
    {
        var state = Run.States[1];
        var k = Run.Cache(1);
        var check = new PrintedChecks();
        check.Check("001 In[151] a1", "0.8498040223194213", k.G[0]);
        check.Check("001 In[151] i1", "0.9811839683254171", k.I[0]);
        check.Check("001 In[151] f1", "0.8703019698552491", k.F[0]);
        check.Check("001 In[151] o1", "0.8499333428022842", k.O[0]);
        check.Check("001 In[152] Ct1", "1.5176330976694041", state.C[0]);
        check.Check("001 In[152] ht1", "0.7719811057588907", state.H[0]);
        CheckSeed000Forward(check, "000 In[8]", 1,
            ["0.87030197", "0.98118397", "0.84980402", "0.84993334", "0.68381901", "0.83381408", "1.5176331", "0.90828429", "0.77198111"],
            "[0.5      , 3.       , 0.5363134]", "[0.78572615]");
        check.AssertAll(19);
    }

    [Fact]
    public void Losses_match_seed_001()
    {
        var check = new PrintedChecks();
        foreach (string cell in (string[])["In[153]", "In[155]"])
        {
            check.Check($"001 {cell} Loss 0", "0.0006593314328686503", Run.Loss[0].Loss);
            check.Check($"001 {cell} Loss 1", "0.11425103162574643", Run.Loss[1].Loss);
        }

        check.Check("001 In[159] Loss1", "0.11425103162574643", Run.Loss[1].Loss);
        check.Check("001 In[160] Loss0", "0.0006593314328686503", Run.Loss[0].Loss);
        check.AssertAll(6);
        Assert.Equal(Run.Loss[0].Loss + Run.Loss[1].Loss, Run.TotalLoss);
    }

    [Fact]
    public void Backward_t1_matches_seeds()
    {
        var (dx, carry, g) = Run.Backward[1];
        var check = new PrintedChecks();
        check.CheckArray("001 In[153] dLdWo1", "[-0.02768892 -0.16613349]", g.W(LstmGate.Output, 0, 0), g.W(LstmGate.Output, 0, 1));
        check.CheckArray("001 In[153] dLdWa1", "[-0.00969217 -0.05815304]", g.W(LstmGate.Candidate, 0, 0), g.W(LstmGate.Candidate, 0, 1));
        check.CheckArray("001 In[153] dLdWi1", "[-0.00055781 -0.00334684]", g.W(LstmGate.Input, 0, 0), g.W(LstmGate.Input, 0, 1));
        check.CheckArray("001 In[153] dLdWf1", "[-0.00315327 -0.01891963]", g.W(LstmGate.Forget, 0, 0), g.W(LstmGate.Forget, 0, 1));
        check.Check("001 In[153] da (Out)", "-0.01938434750774075", g.B(LstmGate.Candidate, 0));
        check.Check("001 In[159] delta1", "-0.4780188942411093", Run.Loss[1].Dh[0]);
        TinyLstm.StateGradient carryIn = default; // nothing flows back into the last step
        check.Check("001 In[159] deltaOut", "0", carryIn.Dh[0]);
        check.Check("001 In[159] dout1", "-0.4780188942411093", Run.Loss[1].Dh[0] + carryIn.Dh[0]);
        check.Check("001 In[159] dCt1", "-0.07110771475756385", Run.Dc(1));
        check.Check("001 In[159] da1", "-0.01938434750774075", g.B(LstmGate.Candidate, 0));
        check.Check("001 In[159] di1", "-0.001115614070446023", g.B(LstmGate.Input, 0));
        check.Check("001 In[159] df1", "-0.006306541742007648", g.B(LstmGate.Forget, 0));
        check.Check("001 In[159] do1", "-0.05537783112520711", g.B(LstmGate.Output, 0));
        check.CheckArray("001 In[159] dgates1", "[-0.01938435 -0.00111561 -0.00630654 -0.05537783]", WorkedExample.SeedOrdered(g).B);
        check.CheckArray("001 In[159] dx1", "[-0.04742407 -0.03072765]", dx[0], dx[1]);
        check.Check("001 In[159] deltaOut0", "-0.018275255338020473", carry.Dh[0]);
        check.CheckArray("000 In[9] dx = [dx, dh_prev]", "array([-0.04742407, -0.03072765, -0.01827526])", dx[0], dx[1], carry.Dh[0]);
        check.AssertAll(27);
    }

    [Fact]
    public void Backward_t0_with_carry_matches_seeds()
    {
        var (dx, carry, g) = Run.Backward[0];
        double dout0 = Run.Loss[0].Dh[0] + Run.Backward[1].Carry.Dh[0];
        var check = new PrintedChecks();
        check.Check("001 In[160] delta0", "0.03631339788201182", Run.Loss[0].Dh[0]);
        check.Check("001 In[160] deltaOut (first)", "-0.003429111652144951", carry.Dh[0]);
        check.Check("001 In[160] dout0", "0.01803814254399135", dout0);
        check.Check("001 In[160] dCt0", "-0.05348368434062696", Run.Dc(0));
        check.Check("001 In[160] do0", "0.0017648023073026033", g.B(LstmGate.Output, 0));
        check.CheckArray("001 In[160] dgates0", "[-0.01702404 -0.00164588 -0.          0.0017648 ]", WorkedExample.SeedOrdered(g).B);
        check.CheckArray("001 In[160] dx0", "[-0.00816553 -0.0048668 ]", dx[0], dx[1]);
        check.Check("001 In[160] deltaOut (last)", "-0.003429111652144951", carry.Dh[0]);
        check.CheckArray("001 In[162] dgates0 as 1x4", "[[-0.01702404 -0.00164588 -0.          0.0017648 ]]", WorkedExample.SeedOrdered(g).B);
        check.CheckArray("000 In[11] dx = [dx, dh_prev]", "array([-0.00816553, -0.0048668 , -0.00342911])", dx[0], dx[1], carry.Dh[0]);
        check.AssertAll(19);
    }

    [Fact]
    public void Summed_gradients_match_seeds()
    {
        var (w, u, b) = WorkedExample.SeedOrdered(Run.Summed);
        var s = Run.Summed;
        var check = new PrintedChecks();
        check.CheckArray(
            "001 In[163] dW (rows a, i, f, o)",
            "array([[-0.02671622, -0.09220113],\n       [-0.00220369, -0.00663861],\n       [-0.00315327, -0.01891963],\n       [-0.02592411, -0.16260389]])",
            [.. w.SelectMany(r => r)]);
        check.CheckArray("001 In[164] dU", "array([-0.01039609, -0.00059832, -0.00338228, -0.02969987])", u);
        check.CheckArray("001 In[165] db", "array([-0.03640839, -0.0027615 , -0.00630654, -0.05361303])", b);
        check.CheckArray("000 In[14] Dwf = [W_f | U_f]", "array([[-0.00315327, -0.01891963, -0.00338228]])",
            s.W(LstmGate.Forget, 0, 0), s.W(LstmGate.Forget, 0, 1), s.U(LstmGate.Forget, 0, 0));
        check.CheckArray("000 In[15] Dwa = [W_g | U_g]", "array([[-0.02671622, -0.09220113, -0.01039609]])",
            s.W(LstmGate.Candidate, 0, 0), s.W(LstmGate.Candidate, 0, 1), s.U(LstmGate.Candidate, 0, 0));
        check.CheckArray("000 In[16] Dbo", "array([-0.05361303])", s.B(LstmGate.Output, 0));
        check.AssertAll(23);
    }

    [Fact]
    public void Sgd_step_matches_seed_001_In169()
    {
        var (w, u, b) = WorkedExample.SeedOrdered(Run.Updated);
        var check = new PrintedChecks();
        check.CheckArray(
            "W1",
            "[[0.45267162 0.25922011]\n [0.95022037 0.80066386]\n [0.70031533 0.45189196]\n [0.60259241 0.41626039]]",
            [.. w.SelectMany(r => r)]);
        check.CheckArray("U1", "[0.15103961 0.80005983 0.10033823 0.25296999]", u);
        check.CheckArray("b1", "[0.20364084 0.65027615 0.15063065 0.1053613 ]", b);
        check.AssertAll(16);
    }

    /// <summary>
    /// Seed 000's forward list [hf, hi, ha, ho, forget_state, input_state_update, state_out, tanh_state, x_out, xh, state].
    /// </summary>
    private static void CheckSeed000Forward(PrintedChecks check, string cell, int t, string[] scalars, string xh, string state)
    {
        var s = Run.States[t];
        var k = Run.Cache(t);
        double[] ours = [k.F[0], k.I[0], k.G[0], k.O[0], k.F[0] * k.CPrev[0], k.I[0] * k.G[0], s.C[0], k.TanhC[0], s.H[0]];
        string[] names = ["hf", "hi", "ha", "ho", "forget_state", "input_state_update", "state_out", "tanh_state", "x_out"];
        for (int n = 0; n < ours.Length; n++)
        {
            check.Check($"{cell} {names[n]}", scalars[n], ours[n]);
        }

        check.CheckArray($"{cell} xh = [x, h_prev]", xh, Run.Xs[t][0], Run.Xs[t][1], k.HPrev[0]);   // x is the caller's (0.2 caches hold h_prev, not x)
        check.CheckArray($"{cell} state = c_prev", state, k.CPrev[0]);
    }
}
