using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests;

/// <summary>
/// The worked LSTM example of a published NumPy notebook: D = 2, H = 1, two steps, loss ½(h − y)² per step.
/// Expected numbers are copied exactly as the notebook printed them and compared to the printed precision.
/// The notebook lists gates in the order g, i, f, o; the reference stores i, f, g, o.
/// </summary>
public sealed class WorkedExampleTests
{
    private static readonly Vector<double>[] Inputs = [V(1.0, 2.0), V(0.5, 3.0)];
    private static readonly MseTargets Targets = new([V(0.5), V(1.25)]);

    /// <summary>Notebook gate order, mapped to <see cref="ReferenceGate"/> indices.</summary>
    private static readonly int[] NotebookOrder = [ReferenceGate.Candidate, ReferenceGate.Input, ReferenceGate.Forget, ReferenceGate.Output];

    private static ReferenceLstm Cell()
    {
        var w = new Matrix<double>[ReferenceGate.Count];
        var u = new Matrix<double>[ReferenceGate.Count];
        var b = new Vector<double>[ReferenceGate.Count];
        Set(ReferenceGate.Candidate, [0.45, 0.25], 0.15, 0.2);
        Set(ReferenceGate.Input, [0.95, 0.8], 0.8, 0.65);
        Set(ReferenceGate.Forget, [0.7, 0.45], 0.1, 0.15);
        Set(ReferenceGate.Output, [0.6, 0.4], 0.25, 0.1);
        return new ReferenceLstm(w, u, b);

        void Set(int gate, double[] wRow, double uValue, double bias)
        {
            w[gate] = Matrix<double>.Build.DenseOfRowArrays(wRow);
            u[gate] = Matrix<double>.Build.Dense(1, 1, uValue);
            b[gate] = V(bias);
        }
    }

    [Fact]
    public void Forward_matches_the_notebook()
    {
        IReadOnlyList<LstmStep> steps = Cell().Forward(Inputs);

        string[][] expected =
        [
            // g, i, f, o, c, h
            ["0.8177540779702877", "0.9608342772032357", "0.8519528019683106", "0.8175744761936437", "0.7857261484365797", "0.5363133978820118"],
            ["0.8498040223194213", "0.9811839683254171", "0.8703019698552491", "0.8499333428022842", "1.5176330976694041", "0.7719811057588907"],
        ];
        for (int t = 0; t < 2; t++)
        {
            LstmStep s = steps[t];
            Printed.AssertMatches(expected[t][0], s.G[0], $"g[{t}]");
            Printed.AssertMatches(expected[t][1], s.I[0], $"i[{t}]");
            Printed.AssertMatches(expected[t][2], s.F[0], $"f[{t}]");
            Printed.AssertMatches(expected[t][3], s.O[0], $"o[{t}]");
            Printed.AssertMatches(expected[t][4], s.C[0], $"c[{t}]");
            Printed.AssertMatches(expected[t][5], s.H[0], $"h[{t}]");
        }
    }

    [Fact]
    public void Step_losses_match_the_notebook()
    {
        IReadOnlyList<LstmStep> steps = Cell().Forward(Inputs);

        double loss0 = ReferenceLoss.HalfSquaredError(steps[0].H, Targets.Values[0]);
        double loss1 = ReferenceLoss.HalfSquaredError(steps[1].H, Targets.Values[1]);

        Printed.AssertMatches("0.0006593314328686503", loss0, "loss[0]");
        Printed.AssertMatches("0.11425103162574643", loss1, "loss[1]");
        Assert.Equal(loss0 + loss1, Cell().Loss(Inputs, Targets));
    }

    [Fact]
    public void Last_step_input_and_state_gradients_match_the_notebook()
    {
        // The notebook's backward step at t = 1 receives no gradient from later steps, so it equals a one-step
        // BPTT started from the state (h_0, c_0) the forward pass reached; its "dh0" is the notebook's dh_prev.
        ReferenceLstm cell = Cell();
        LstmStep first = cell.Forward(Inputs)[0];
        LstmGradients lastStep = cell.Backward([Inputs[1]], new MseTargets([Targets.Values[1]]), first.H, first.C);

        Printed.AssertMatches("-0.04742407", lastStep.DX[0][0], "dx[1][0]");
        Printed.AssertMatches("-0.03072765", lastStep.DX[0][1], "dx[1][1]");
        Printed.AssertMatches("-0.01827526", lastStep.DH0[0], "dh_prev from t=1");

        // The full two-step BPTT gives the same dx at t = 1.
        LstmGradients full = cell.Backward(Inputs, Targets);
        Assert.Equal(lastStep.DX[0], full.DX[1]);
    }

    [Fact]
    public void First_step_input_and_initial_state_gradients_match_the_notebook()
    {
        LstmGradients g = Cell().Backward(Inputs, Targets);

        Printed.AssertMatches("-0.00816553", g.DX[0][0], "dx[0][0]");
        Printed.AssertMatches("-0.0048668", g.DX[0][1], "dx[0][1]");
        Printed.AssertMatches("-0.00342911", g.DH0[0], "dh0");
    }

    [Fact]
    public void Summed_parameter_gradients_match_the_notebook()
    {
        LstmGradients g = Cell().Backward(Inputs, Targets);

        // Notebook order g, i, f, o.
        string[][] dW = [["-0.02671622", "-0.09220113"], ["-0.00220369", "-0.00663861"], ["-0.00315327", "-0.01891963"], ["-0.02592411", "-0.16260389"]];
        string[] dU = ["-0.01039609", "-0.00059832", "-0.00338228", "-0.02969987"];
        string[] dB = ["-0.03640839", "-0.0027615", "-0.00630654", "-0.05361303"];
        for (int n = 0; n < 4; n++)
        {
            int gate = NotebookOrder[n];
            string name = ReferenceGate.Names[gate];
            Printed.AssertMatches(dW[n][0], g.DW[gate][0, 0], $"dW_{name}[0]");
            Printed.AssertMatches(dW[n][1], g.DW[gate][0, 1], $"dW_{name}[1]");
            Printed.AssertMatches(dU[n], g.DU[gate][0, 0], $"dU_{name}");
            Printed.AssertMatches(dB[n], g.DB[gate][0], $"db_{name}");
        }
    }

    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);
}
