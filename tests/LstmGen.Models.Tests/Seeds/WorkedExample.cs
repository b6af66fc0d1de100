using Cell = LstmGen.TestCells.TinyLstm;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// The worked example of seeds 000 and 001 (D = 2, H = 1, two steps, loss Σ_t ½(h_t − y_t)², one SGD step with
/// learning rate 0.1) computed with the test project's own <see cref="Cell"/>, every intermediate kept.
/// </summary>
internal sealed class WorkedExample
{
    /// <summary>The seeds' gate order for stacked rows (001: <c>W = [Wa, Wi, Wf, Wo]</c>); a is our g.</summary>
    public static readonly LstmGate[] SeedOrder = [LstmGate.Candidate, LstmGate.Input, LstmGate.Forget, LstmGate.Output];

    public const double LearningRate = 0.1;

    private WorkedExample()
    {
    }

    public Cell.Parameters P { get; } = SeedParameters();

    public Vec2<double>[] Xs { get; } = [Vec2<double>.FromSpan([1.0, 2.0]), Vec2<double>.FromSpan([0.5, 3.0])];

    public Vec1<double>[] Ys { get; } = [Vec1<double>.FromSpan([0.5]), Vec1<double>.FromSpan([1.25])];

    /// <summary>Forward results per step: the new state.</summary>
    public Cell.State[] States { get; } = new Cell.State[2];

    /// <summary>Forward results per step: the step's cache [CacheLength] (see <see cref="Cache"/>).</summary>
    public double[][] Caches { get; } = [new double[Cell.CacheLength], new double[Cell.CacheLength]];

    /// <summary>Per-step loss ½(h_t − y_t)² and its gradient h_t − y_t (the seeds' delta).</summary>
    public (double Loss, Vec1<double> Dh)[] Loss { get; } = new (double, Vec1<double>)[2];

    /// <summary>Per-step backward with the carry from t + 1 (true BPTT), each step into its own fresh gradients.</summary>
    public (Vec2<double> Dx, Cell.StateGradient Carry, Cell.Gradients Grads)[] Backward { get; } = new (Vec2<double>, Cell.StateGradient, Cell.Gradients)[2];

    /// <summary>Σ_t gradients from <c>LossAndGradients</c>.</summary>
    public Cell.Gradients Summed { get; } = new();

    /// <summary>Total loss from <c>LossAndGradients</c>.</summary>
    public double TotalLoss { get; private set; }

    /// <summary>Parameters after <c>Sgd(P, Summed, 0.1)</c> (a copy; <see cref="P"/> is unchanged).</summary>
    public Cell.Parameters Updated { get; } = new();

    public static WorkedExample Compute()
    {
        var run = new WorkedExample();
        run.States[0] = Cell.Forward(run.P, run.Xs[0], Cell.State.Zero, run.Caches[0]);
        run.States[1] = Cell.Forward(run.P, run.Xs[1], run.States[0], run.Caches[1]);
        for (int t = 0; t < 2; t++)
        {
            double loss = Cell.MseLoss(run.States[t].H, run.Ys[t], out Vec1<double> dh);
            run.Loss[t] = (loss, dh);
        }

        Cell.StateGradient carry = default;
        for (int t = 1; t >= 0; t--)
        {
            var grads = new Cell.Gradients();
            var (dx, next) = Cell.Backward(run.P, run.Xs[t], run.Caches[t], run.Loss[t].Dh, carry, grads);
            run.Backward[t] = (dx, next, grads);
            carry = next;
        }

        run.TotalLoss = Cell.LossAndGradients(run.P, run.Xs, run.Ys, Cell.State.Zero, new Cell.Workspace(2), run.Summed).Loss;
        run.P.CopyTo(run.Updated);
        Cell.Sgd(run.Updated, run.Summed, LearningRate);
        return run;
    }

    /// <summary>The seeds' parameters (001 In[147]): per gate W row [x0, x1], U and b.</summary>
    public static Cell.Parameters SeedParameters()
    {
        var p = new Cell.Parameters();
        Set(LstmGate.Candidate, 0.45, 0.25, 0.15, 0.2);
        Set(LstmGate.Input, 0.95, 0.8, 0.8, 0.65);
        Set(LstmGate.Forget, 0.7, 0.45, 0.1, 0.15);
        Set(LstmGate.Output, 0.6, 0.4, 0.25, 0.1);
        return p;

        void Set(LstmGate gate, double w0, double w1, double u, double b)
        {
            p.W(gate, 0, 0) = w0;
            p.W(gate, 0, 1) = w1;
            p.U(gate, 0, 0) = u;
            p.B(gate, 0) = b;
        }
    }

    /// <summary>The sequence loss Σ_t ½(h_t − y_t)² for parameters <paramref name="p"/> (fresh gradients each call).</summary>
    public double LossWith(Cell.Parameters p) =>
        Cell.LossAndGradients(p, Xs, Ys, Cell.State.Zero, new Cell.Workspace(2), new Cell.Gradients()).Loss;

    /// <summary>dc_t, the gradient reaching c_t (the seeds' dCt): the carried dc_{t−1} = dc_t ⊙ f_t divided by f_t (within 2 ulps).</summary>
    public double Dc(int t) => Backward[t].Carry.Dc[0] / Cache(t).F[0];

    /// <summary>Step <paramref name="t"/>'s cache, named.</summary>
    public StepCache<Cell.Kernel, double> Cache(int t) => new(Caches[t]);

    /// <summary>A gradient set's values in the seeds' stacked order: W rows [x0, x1], U and b for a, i, f, o.</summary>
    public static (double[][] W, double[] U, double[] B) SeedOrdered(Cell.Gradients g) => (
        [.. SeedOrder.Select(gate => new[] { g.W(gate, 0, 0), g.W(gate, 0, 1) })],
        [.. SeedOrder.Select(gate => g.U(gate, 0, 0))],
        [.. SeedOrder.Select(gate => g.B(gate, 0))]);

    /// <inheritdoc cref="SeedOrdered(Cell.Gradients)"/>
    public static (double[][] W, double[] U, double[] B) SeedOrdered(Cell.Parameters p) => (
        [.. SeedOrder.Select(gate => new[] { p.W(gate, 0, 0), p.W(gate, 0, 1) })],
        [.. SeedOrder.Select(gate => p.U(gate, 0, 0))],
        [.. SeedOrder.Select(gate => p.B(gate, 0))]);
}
