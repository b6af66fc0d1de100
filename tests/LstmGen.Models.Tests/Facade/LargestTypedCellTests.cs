namespace LstmGen.Models.Tests.Facade;

/// <summary>
/// The typed API of the largest LSTM the analyzer accepts (4096 → 4096, double): 0.1 refused it (its StepCache struct
/// passed the CLR's 65,535-byte array-element limit, so <c>new Workspace(…)</c> threw TypeLoadException). With flat
/// caches the typed workspace, one training step and a streaming step work.
/// </summary>
public sealed class LargestTypedCellTests
{
    [Fact]
    public void The_largest_lstm_trains_one_step_through_its_typed_api()
    {
        var p = new Lstm4096x4096Double.Parameters();
        p.B(LstmGate.Forget, 0) = 1;
        p.W(LstmGate.Candidate, 0, 0) = 0.5;
        p.B(LstmGate.Output, 0) = 2;
        var g = new Lstm4096x4096Double.Gradients();
        var ws = new Lstm4096x4096Double.Workspace(maxSteps: 1);
        var x = new Vec4096<double>();
        x[0] = 1;
        var y = new Vec4096<double>();
        y[0] = 1;

        (double loss, Lstm4096x4096Double.State final) = Lstm4096x4096Double.LossAndGradients(p, [x], [y], Lstm4096x4096Double.State.Zero, ws, g);

        // Unit 0 alone is driven: i = σ(0) = ½, g = tanh(½), c = ½·tanh(½), o = σ(2), h = o·tanh(c); every other
        // unit has c = ½·tanh(0) = 0 and h = 0. The loss is ½(h − 1)² over unit 0 (others have h = y = 0).
        double c = 0.5 * Math.Tanh(0.5), o = 1 / (1 + Math.Exp(-2)), h = o * Math.Tanh(c);
        Assert.Equal(c, final.C[0], 1e-15);
        Assert.Equal(h, final.H[0], 1e-15);
        Assert.Equal(0.5 * (h - 1) * (h - 1), loss, 1e-15);
        Assert.Equal(0, final.H[1]);
        // ∂L/∂b_o = (h − 1) · tanh c · o(1 − o).
        Assert.Equal((h - 1) * Math.Tanh(c) * o * (1 - o), g.B(LstmGate.Output, 0), 1e-15);
        Lstm4096x4096Double.State streamed = Lstm4096x4096Double.Step(p, x, Lstm4096x4096Double.State.Zero);
        Assert.Equal(final.H[0], streamed.H[0]);
    }
}
