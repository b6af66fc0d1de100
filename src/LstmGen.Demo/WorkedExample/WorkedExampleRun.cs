using Cell = LstmGen.Demo.WorkedExample.WorkedExampleCell;

namespace LstmGen.Demo.WorkedExample;

/// <summary>
/// Runs the worked example of seeds 000 and 001 (input 2, hidden 1, two timesteps, loss ½(h − y)²,
/// one SGD step with learning rate 0.1) through the generated <see cref="WorkedExampleCell"/> and pairs
/// every value with the number the seeds printed.
/// </summary>
public static class WorkedExampleRun
{
    /// <summary>Learning rate of the seeds' SGD step.</summary>
    public const double LearningRate = 0.1;

    /// <summary>The seeds' gate order for matrices (001 stacks <c>W = [Wa, Wi, Wf, Wo]</c>); LstmGen stores i, f, g, o.</summary>
    private static readonly (LstmGate Gate, string SeedName)[] SeedGateOrder =
    [
        (LstmGate.Candidate, "a"), (LstmGate.Input, "i"), (LstmGate.Forget, "f"), (LstmGate.Output, "o"),
    ];

    /// <summary>The seeds' parameters: <c>W</c> rows <c>[w_x0, w_x1]</c>, <c>U</c> and <c>b</c> per gate.</summary>
    public static Cell.Parameters SeedParameters()
    {
        var p = new Cell.Parameters();
        Set(p, LstmGate.Candidate, 0.45, 0.25, 0.15, 0.2);
        Set(p, LstmGate.Input, 0.95, 0.8, 0.8, 0.65);
        Set(p, LstmGate.Forget, 0.7, 0.45, 0.1, 0.15);
        Set(p, LstmGate.Output, 0.6, 0.4, 0.25, 0.1);
        return p;
    }

    /// <summary>Inputs x0 = [1, 2], x1 = [0.5, 3].</summary>
    public static Vec2<double>[] SeedInputs() => [Vec2<double>.FromSpan([1.0, 2.0]), Vec2<double>.FromSpan([0.5, 3.0])];

    /// <summary>Targets y0 = 0.5, y1 = 1.25.</summary>
    public static Vec1<double>[] SeedTargets() => [Vec1<double>.FromSpan([0.5]), Vec1<double>.FromSpan([1.25])];

    /// <summary>Computes every value of the worked example and pairs it with the seeds' prints.</summary>
    public static IReadOnlyList<WorkedExampleRow> Run()
    {
        Cell.Parameters p = SeedParameters();
        Vec2<double>[] xs = SeedInputs();
        Vec1<double>[] ys = SeedTargets();
        var rows = new List<WorkedExampleRow>();

        // Forward, one step at a time (the seeds print each step).
        double[] cache0 = new double[Cell.CacheLength], cache1 = new double[Cell.CacheLength];
        Cell.State state0 = Cell.Forward(p, xs[0], Cell.State.Zero, cache0);
        Cell.State state1 = Cell.Forward(p, xs[1], state0, cache1);
        AddForward(rows, "Forward, t = 0", new StepCache<Cell.Kernel, double>(cache0), state0, SeedPrints.Forward0);
        AddForward(rows, "Forward, t = 1", new StepCache<Cell.Kernel, double>(cache1), state1, SeedPrints.Forward1);
        double loss0 = Cell.MseLoss(state0.H, ys[0], out Vec1<double> dh0);
        double loss1 = Cell.MseLoss(state1.H, ys[1], out Vec1<double> dh1);
        rows.Add(new("Loss ½(h − y)²", "L_0", loss0, SeedPrints.Loss0));
        rows.Add(new("Loss ½(h − y)²", "L_1", loss1, SeedPrints.Loss1));

        // Backward, last step first, each step into its own gradient set so that dz (= this step's db) shows.
        var step1 = new Cell.Gradients();
        var (dx1, carry1) = Cell.Backward(p, xs[1], cache1, dh1, default, step1);
        var step0 = new Cell.Gradients();
        var (dx0, carry0) = Cell.Backward(p, xs[0], cache0, dh0, carry1, step0);
        AddBackward(rows, "Backward, t = 1", dh1[0], dh1[0], step1, dx1, carry1, SeedPrints.Backward1);
        AddBackward(rows, "Backward, t = 0", dh0[0], dh0[0] + carry1.Dh[0], step0, dx0, carry0, SeedPrints.Backward0);

        // Summed gradients through the one-call helper, then one SGD step.
        var grads = new Cell.Gradients();
        Cell.LossAndGradients(p, xs, ys, Cell.State.Zero, new Cell.Workspace(xs.Length), grads);
        AddParameters(rows, "Summed gradients dθ = Σ_t (seed 001 In[163-165])", grads.W, grads.U, grads.B, SeedPrints.Gradients);
        rows.Add(new("Seed 000 sums (In[14-16])", "dW_f row [W | U] (Dwf)", grads.W(LstmGate.Forget, 0, 0), SeedPrints.Dwf[0]));
        rows.Add(new("Seed 000 sums (In[14-16])", "", grads.W(LstmGate.Forget, 0, 1), SeedPrints.Dwf[1]));
        rows.Add(new("Seed 000 sums (In[14-16])", "", grads.U(LstmGate.Forget, 0, 0), SeedPrints.Dwf[2]));
        rows.Add(new("Seed 000 sums (In[14-16])", "dW_g row [W | U] (Dwa)", grads.W(LstmGate.Candidate, 0, 0), SeedPrints.Dwa[0]));
        rows.Add(new("Seed 000 sums (In[14-16])", "", grads.W(LstmGate.Candidate, 0, 1), SeedPrints.Dwa[1]));
        rows.Add(new("Seed 000 sums (In[14-16])", "", grads.U(LstmGate.Candidate, 0, 0), SeedPrints.Dwa[2]));
        rows.Add(new("Seed 000 sums (In[14-16])", "db_o (Dbo)", grads.B(LstmGate.Output, 0), SeedPrints.Dbo));

        Cell.Sgd(p, grads, LearningRate);
        AddParameters(rows, $"After one SGD step, lr = {LearningRate} (seed 001 In[169])", p.W, p.U, p.B, SeedPrints.Updated);
        return rows;
    }

    private static void AddForward(List<WorkedExampleRow> rows, string section, StepCache<Cell.Kernel, double> cache, in Cell.State state, SeedPrints.ForwardStep seed)
    {
        rows.Add(new(section, "i  input gate", cache.I[0], seed.I));
        rows.Add(new(section, "f  forget gate", cache.F[0], seed.F));
        rows.Add(new(section, "g  candidate (a)", cache.G[0], seed.G));
        rows.Add(new(section, "o  output gate", cache.O[0], seed.O));
        rows.Add(new(section, "f ⊙ c_prev (forget_state)", cache.F[0] * cache.CPrev[0], seed.ForgetState));
        rows.Add(new(section, "i ⊙ g (input_state_update)", cache.I[0] * cache.G[0], seed.InputUpdate));
        rows.Add(new(section, "c  cell state", state.C[0], seed.C));
        rows.Add(new(section, "tanh(c)", cache.TanhC[0], seed.TanhC));
        rows.Add(new(section, "h  hidden state", state.H[0], seed.H));
    }

    private static void AddBackward(
        List<WorkedExampleRow> rows, string section, double delta, double dhTotal, Cell.Gradients step,
        in Vec2<double> dx, in Cell.StateGradient carry, SeedPrints.BackwardStep seed)
    {
        rows.Add(new(section, "dL/dh from the loss, h − y (delta)", delta, seed.Delta));
        rows.Add(new(section, "dh + carried dh (dout)", dhTotal, seed.DhTotal));
        rows.Add(new(section, "dz_g (da)", step.B(LstmGate.Candidate, 0), seed.DzG));
        rows.Add(new(section, "dz_i (di)", step.B(LstmGate.Input, 0), seed.DzI));
        rows.Add(new(section, "dz_f (df)", step.B(LstmGate.Forget, 0), seed.DzF));
        rows.Add(new(section, "dz_o (do)", step.B(LstmGate.Output, 0), seed.DzO));
        rows.Add(new(section, "dx[0]", dx[0], seed.Dx0));
        rows.Add(new(section, "dx[1]", dx[1], seed.Dx1));
        rows.Add(new(section, "dh_prev carried back (deltaOut)", carry.Dh[0], seed.DhPrev));
    }

    private delegate ref double MatrixAccessor(LstmGate gate, int row, int column);

    private delegate ref double VectorAccessor(LstmGate gate, int row);

    private static void AddParameters(List<WorkedExampleRow> rows, string section, MatrixAccessor w, MatrixAccessor u, VectorAccessor b, SeedPrints.ParameterSet seed)
    {
        for (int g = 0; g < SeedGateOrder.Length; g++)
        {
            var (gate, name) = SeedGateOrder[g];
            rows.Add(new(section, $"W_{GateLetter(gate)}[0, 0]  (row {name})", w(gate, 0, 0), seed.W[g][0]));
            rows.Add(new(section, $"W_{GateLetter(gate)}[0, 1]  (row {name})", w(gate, 0, 1), seed.W[g][1]));
        }

        for (int g = 0; g < SeedGateOrder.Length; g++)
        {
            var (gate, name) = SeedGateOrder[g];
            rows.Add(new(section, $"U_{GateLetter(gate)}  ({name})", u(gate, 0, 0), seed.U[g]));
        }

        for (int g = 0; g < SeedGateOrder.Length; g++)
        {
            var (gate, name) = SeedGateOrder[g];
            rows.Add(new(section, $"b_{GateLetter(gate)}  ({name})", b(gate, 0), seed.B[g]));
        }
    }

    private static char GateLetter(LstmGate gate) => "ifgo"[(int)gate];

    private static void Set(Cell.Parameters p, LstmGate gate, double wx0, double wx1, double u, double b)
    {
        p.W(gate, 0, 0) = wx0;
        p.W(gate, 0, 1) = wx1;
        p.U(gate, 0, 0) = u;
        p.B(gate, 0) = b;
    }
}
