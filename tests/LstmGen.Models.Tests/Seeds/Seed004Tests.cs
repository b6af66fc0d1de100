using LstmGen.Models.Tests.Support;
using Lstm = LstmGen.TestCells.Seed004Lstm;
using RefReduction = LstmGen.Reference.BatchReduction;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// Seed 004: a tanh RNN and an LSTM with softmax outputs over a batch and time (the notebook's x of shape
/// (n_x, m, T_x) = (3, 10, 4), n_a = 5, n_y = 2; generated batches are time-major, element (t, b) at t·m + b), and the
/// notebook's three bugs.
/// </summary>
public sealed class Seed004Tests
{
    private const int Steps = 4;
    private const int Batch = 10;

    public static TheoryData<string> Cells() => [nameof(Seed004Rnn), nameof(Seed004Lstm)];

    /// <summary><c>rnn_forward</c>/<c>lstm_forward</c> (states and softmax predictions) and the backward passes over the batch, against the MathNet reference.</summary>
    [Theory]
    [MemberData(nameof(Cells))]
    public void Forward_and_backward_over_batch_and_time_match_the_reference(string cell)
    {
        ICellDriver driver = Drivers.Get(cell == nameof(Seed004Rnn) ? typeof(Seed004Rnn) : typeof(Seed004Lstm));
        int seed = Problems.Seed($"seed004/{cell}");
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, Steps, Batch, LossKind.ClassIndex);

        var comparison = new Comparison(1e-10);
        comparison.Runs(cell, driver.RunLowLevel(theta, problem), ReferenceRunner.Run(driver, theta, problem, RefReduction.Sum));
        comparison.AssertAll();
    }

    /// <summary>
    /// <c>rnn_backward</c> reads <c>gradients['dxt']</c> from a dictionary whose key is <c>'dx'</c>: it raises KeyError
    /// before returning anything. Its arithmetic (with the carried <c>da_prevt</c>) is otherwise right; the generated
    /// BPTT computes it, and every entry — dθ, every dx_t, da0 — passes the finite-difference check on the notebook's
    /// shapes, with an upstream gradient da_t = h_t − y_t (the MSE of a target y).
    /// </summary>
    [Fact]
    public void Rnn_backward_without_the_key_error_passes_the_finite_difference_check()
    {
        ICellDriver driver = Drivers.Get(typeof(Seed004Rnn));
        int seed = Problems.Seed("seed004/rnn/fd");
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem problem = Problems.Random(driver, seed + 1, Steps, Batch, LossKind.Mse);
        BatchRun analytic = driver.RunLowLevel(theta, problem);

        var check = new GradientCheck();
        check.Parameters(driver, theta, problem, analytic.Gradients);
        check.InputsAndInitialState(driver, theta, problem, analytic);
        check.AssertAll("seed 004 RNN");
    }

    /// <summary>
    /// <c>lstm_backward</c> passes <c>dc_prevt</c> but never updates it, and never adds <c>da_prev</c> to the next (earlier)
    /// step's <c>da</c>: each step is differentiated as if it were the last. That is the generated <c>Backward</c> with a
    /// zero carry at every step, summed — which fails the finite-difference check for T &gt; 1. The generated
    /// <c>Bptt</c> carries (dh, dc) and passes.
    /// </summary>
    [Fact]
    public void Lstm_backward_without_the_carry_fails_the_finite_difference_check_and_ours_passes()
    {
        var run = new MseSequence(4004);
        var (p, xs, caches, dh) = (run.P, run.Xs, run.Caches, run.Dh);
        var ours = new Lstm.Gradients();
        Lstm.Bptt(p, xs, caches, dh, ours, default);
        var seeds = new Lstm.Gradients();
        for (int t = Steps - 1; t >= 0; t--)
        {
            Lstm.Backward(p, xs[t], MseSequence.Cache(caches, t), dh[t], default, seeds);   // lstm_cell_backward(da[:, :, t], dc_prevt = 0, ...)
        }

        AssertOursPassSeedsFail(p, ours, seeds, run.Loss);
    }

    /// <summary>
    /// <c>lstm_forward</c> sets <c>c = activations</c>, so both names are one array and the cell state written last at
    /// every step overwrites the hidden state: the "activations" it returns are c_t. A user who forms the upstream
    /// gradient from them (da_t = a_t − y_t for ½‖a_t − y_t‖²) backpropagates c_t − y_t as if it were dL/dh_t, and the
    /// resulting gradient fails the finite-difference check of the loss on the real hidden states; the generated cell
    /// returns h_t and c_t separately and passes.
    /// </summary>
    [Fact]
    public void Aliased_activations_give_a_gradient_that_fails_the_finite_difference_check()
    {
        var run = new MseSequence(4005);
        var (p, xs, caches, outputs, dh, ys) = (run.P, run.Xs, run.Caches, run.Outputs, run.Dh, run.Ys);
        Lstm.State final = Lstm.ForwardSequence(p, run.Xs, Lstm.State.Zero, caches, outputs);
        var aliased = new Vec5<double>[Steps];
        var daFromAliased = new Vec5<double>[Steps];
        for (int t = 0; t < Steps; t++)
        {
            aliased[t] = t + 1 < Steps ? Vec5<double>.FromSpan(new StepCache<Lstm.Kernel, double>(MseSequence.Cache(caches, t + 1)).CPrev) : final.C;   // activations[:, :, t] after c[:, :, t] = c_next
            Assert.NotEqual(outputs[t], aliased[t]);
        }

        Lstm.MseLoss(aliased, ys, daFromAliased);
        var ours = new Lstm.Gradients();
        Lstm.Bptt(p, xs, caches, dh, ours, default);
        var seeds = new Lstm.Gradients();
        Lstm.Bptt(p, xs, caches, daFromAliased, seeds, default);

        AssertOursPassSeedsFail(p, ours, seeds, run.Loss);
    }

    private static void AssertOursPassSeedsFail(Lstm.Parameters p, Lstm.Gradients ours, Lstm.Gradients seeds, Func<double> loss)
    {
        var check = new GradientCheck();
        int seedFailures = 0;
        Span<double> theta = p.AsSpan();
        for (int k = 0; k < Lstm.BiasOffset + Lstm.GateRows; k++)
        {
            double fd = SlotDifference.Central(ref theta[k], loss);
            check.Compare($"dθ[{k}]", fd, ours.AsSpan()[k]);
            if (!GradientCheck.Agrees(fd, seeds.AsSpan()[k]))
            {
                seedFailures++;
            }
        }

        check.AssertAll("generated BPTT");
        int recurrent = Lstm.BiasOffset + Lstm.GateRows;
        Assert.True(seedFailures > recurrent / 2, $"the notebook's formula passed for {recurrent - seedFailures} of {recurrent} recurrent parameters");
    }

    /// <summary>
    /// A random LSTM and sequence scored with Σ_t ½‖h_t − y_t‖². <see cref="Loss"/> runs the generated forward pass and
    /// leaves the caches, outputs and dL/dh_t in the buffers; the constructor runs it once.
    /// </summary>
    private sealed class MseSequence
    {
        public MseSequence(int seed)
        {
            var random = new Random(seed);
            SlotDifference.Fill(P.AsSpan(), random, 0.8);
            for (int t = 0; t < Steps; t++)
            {
                SlotDifference.Fill(Xs[t], random, 1.0);
                SlotDifference.Fill(Ys[t], random, 1.0);
            }

            Loss();
        }

        public Lstm.Parameters P { get; } = new();

        public Vec3<double>[] Xs { get; } = new Vec3<double>[Steps];

        public Vec5<double>[] Ys { get; } = new Vec5<double>[Steps];

        /// <summary>The step caches, flat: step t at [t · CacheLength, (t + 1) · CacheLength).</summary>
        public double[] Caches { get; } = new double[Steps * Lstm.CacheLength];

        public Vec5<double>[] Outputs { get; } = new Vec5<double>[Steps];

        public Vec5<double>[] Dh { get; } = new Vec5<double>[Steps];

        /// <summary>Step <paramref name="t"/>'s cache within <paramref name="caches"/>.</summary>
        public static ReadOnlySpan<double> Cache(double[] caches, int t) => caches.AsSpan(t * Lstm.CacheLength, Lstm.CacheLength);

        public double Loss()
        {
            Lstm.ForwardSequence(P, Xs, Lstm.State.Zero, Caches, Outputs);
            return Lstm.MseLoss(Outputs, Ys, Dh);
        }
    }
}
