using LstmGen.Reference;
using LstmGen.Models.Tests.Support;
using Xunit.Abstractions;

namespace LstmGen.Models.Tests.Agreement;

/// <summary>
/// Every generated cell against the independent MathNet reference (double), on seeded random parameters, inputs,
/// targets and initial states: every state h_t and c_t (and the cached gates), the loss, every entry of dW, dU, db for
/// every gate, every dx_t and the initial-state gradient (dL/dh_{-1}, dL/dc_{-1}).
/// </summary>
/// <remarks>
/// Tolerances (see <see cref="Tolerance"/> for the scale max(|expected|, 1e-2·max|tensor|)):
/// double cells 1e-10 relative — both sides are double and differ only in summation order, so the measured error is a
/// few ulps (~1e-15) amplified by at most 7 recurrent steps; float cells 1e-4 relative — float's ε is 6e-8, and dot
/// products of up to 138 terms through 7 steps of BPTT lose two to three more digits. Parameters, inputs and states are
/// rounded to float before the reference sees them, so only arithmetic differs.
/// </remarks>
public sealed class SequenceReferenceAgreementTests(ITestOutputHelper output)
{
    private const double DoubleTolerance = 1e-10;
    private const double FloatTolerance = 1e-4;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (ISequenceDriver driver in DriverCatalog.Agreement)
        {
            foreach (int steps in (int[])[1, 2, 7])
            {
                data.Add(driver.Name, steps);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_cell_matches_the_reference(string cell, int steps)
    {
        ISequenceDriver driver = DriverCatalog.Get(cell);
        int seed = 1000 + (97 * driver.InputSize) + (13 * driver.HiddenSize) + steps;
        var (reference, problem) = SequenceProblems.Random(seed, driver.InputSize, driver.HiddenSize, steps, roundToFloat: driver.IsFloat);

        CellRun ours = driver.Run(driver.Flatten(reference), problem);
        IReadOnlyList<LstmStep> refSteps = reference.Forward(SequenceProblems.Inputs(problem), SequenceProblems.V(problem.H0), SequenceProblems.V(problem.C0));
        LstmGradients refGrads = reference.Backward(
            SequenceProblems.Inputs(problem), SequenceProblems.Targets(problem), SequenceProblems.V(problem.H0), SequenceProblems.V(problem.C0));

        var check = new Tolerance(driver.IsFloat ? FloatTolerance : DoubleTolerance);
        for (int t = 0; t < steps; t++)
        {
            StepRecord s = ours.Steps[t];
            LstmStep r = refSteps[t];
            check.Check($"h[{t}]", s.H, r.H.ToArray());
            check.Check($"c[{t}]", s.C, r.C.ToArray());
            check.Check($"i[{t}]", s.I, r.I.ToArray());
            check.Check($"f[{t}]", s.F, r.F.ToArray());
            check.Check($"g[{t}]", s.G, r.G.ToArray());
            check.Check($"o[{t}]", s.O, r.O.ToArray());
            check.Check($"tanh c[{t}]", s.TanhC, r.TanhC.ToArray());
            check.Check($"dx[{t}]", s.Dx, refGrads.DX[t].ToArray());
        }

        check.Check("loss", ours.Loss, refGrads.Loss);
        GateTensors expected = GateAccess.FromReference(refGrads.Parameters);
        foreach (LstmGate gate in GateAccess.Gates)
        {
            int g = (int)gate;
            check.Check($"dW_{gate}", ours.Gradients.W[g], expected.W[g]);
            check.Check($"dU_{gate}", ours.Gradients.U[g], expected.U[g]);
            check.Check($"db_{gate}", ours.Gradients.B[g], expected.B[g]);
        }

        check.Check("dh_-1", ours.DH0, refGrads.DH0.ToArray());
        check.Check("dc_-1", ours.DC0, refGrads.DC0.ToArray());
        output.WriteLine($"{cell}, T = {steps}: {check.Count} entries, worst |diff|/scale {check.WorstRelative:E2} at {check.WorstAt}");
        check.AssertAllPassed();
    }

    /// <summary>The one-call helper is the same computation as ForwardSequence → MseLoss → Bptt: equal bit for bit.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void LossAndGradients_equals_the_step_by_step_pipeline(string cell, int steps)
    {
        ISequenceDriver driver = DriverCatalog.Get(cell);
        var (reference, problem) = SequenceProblems.Random(7 + steps, driver.InputSize, driver.HiddenSize, steps, driver.IsFloat);

        CellRun ours = driver.Run(driver.Flatten(reference), problem);

        Assert.Equal(ours.Loss, ours.HelperLoss);
        Assert.Equal(ours.FinalH, ours.HelperFinalH);
        Assert.Equal(ours.FinalC, ours.HelperFinalC);
        Assert.Equal(ours.FinalH, ours.Steps[^1].H);
        Assert.Equal(ours.FlatGradients, ours.HelperFlatGradients);
    }
}
