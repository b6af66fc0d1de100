using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using MathNet.Numerics.LinearAlgebra;
using Char = LstmGen.TestCells.Seed003CharLstm;
using Tiny = LstmGen.TestCells.Seed003TinyCharLstm;
using RefReduction = LstmGen.Reference.BatchReduction;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// Seed 003: the character-level LSTM (vocabulary D = V = 10, H = 128, softmax head, cross-entropy), run through the
/// generated cell, and its <c>dtanh(c)</c> bug.
/// </summary>
public sealed class Seed003Tests
{
    /// <summary>
    /// The notebook's <c>train_step(X_train = 0..9, y_train = 0..9)</c> with its model (every W, U and W_y entry 0.1, every
    /// bias 0, zero initial state). With all weights equal, all logits of a step are equal, so every softmax is uniform:
    /// the loss is exactly <c>10·ln 10</c> and <c>db_y = Σ_t (1/10 − onehot(y_t)) = 0</c> — numbers that follow from the
    /// mathematics, not from either implementation. Every value is also compared with the independent MathNet reference
    /// (double, 1e-10). (The notebook's printout — ten rows of ten values of order 1e-19 — comes from a print statement
    /// that is not in its code; they are consistent with gradients that are 0 up to rounding, as <c>db_y</c> is.)
    /// </summary>
    [Fact]
    public void Train_step_of_the_notebook_model_through_the_generated_cell()
    {
        ICellDriver driver = Drivers.Get(typeof(Char));
        int d = Char.InputSize, h = Char.HiddenSize, v = Char.OutputSize;
        var reference = new ReferenceLstm(
            [.. Enumerable.Range(0, 4).Select(_ => Matrix<double>.Build.Dense(h, d, 0.1))],
            [.. Enumerable.Range(0, 4).Select(_ => Matrix<double>.Build.Dense(h, h, 0.1))],
            [.. Enumerable.Range(0, 4).Select(_ => Vector<double>.Build.Dense(h))],
            Matrix<double>.Build.Dense(v, h, 0.1),
            Vector<double>.Build.Dense(v));
        double[] theta = FlatParameters.Flatten(reference);
        int[] sequence = [.. Enumerable.Range(0, 10)];
        var problem = new BatchProblem(
            10, 1, LossKind.ClassIndex, [.. sequence.Select(i => Problems.OneHot(i, d))], sequence,
            [new double[h]], [new double[h]], null, sequence, null);

        BatchRun generated = driver.RunLowLevel(theta, problem);

        Assert.Equal(10 * Math.Log(10), generated.Loss, 1e-12);
        Assert.All(generated.Probabilities!.SelectMany(p => p), p => Assert.Equal(0.1, p, 1e-15));
        double[] dBy = generated.Gradients[^v..];
        Assert.All(dBy, g => Assert.Equal(0.0, g, 1e-15));

        // dL/dh_t from the head is W_yᵀ(p − onehot) = 0.1·Σ_v (p_v − onehot_v) = 0: every gradient that flows back into
        // the recurrence (dh0, dc0, and dW, dU, db; the one-hot inputs get no dx) is 0 in exact arithmetic, and ~1e-15 of rounding on each side.
        // Relative comparison of two rounding noises means nothing, so those are held to an absolute 1e-13 instead
        // (u ≈ 1.1e-16 times the Σ|terms| ≈ 1 of the 10-term sums, carried through 10 steps of H = 128).
        Assert.Null(generated.Dx);
        Assert.All(generated.DH0!.Concat(generated.DC0!).SelectMany(r => r), g => Assert.Equal(0.0, g, 1e-13));
        Assert.All(generated.Gradients[..^(v * (h + 1))], g => Assert.Equal(0.0, g, 1e-13));

        var comparison = new Comparison(1e-10);
        comparison.Runs("seed 003 train_step", generated, ReferenceRunner.Run(driver, theta, problem, RefReduction.Sum));
        comparison.AssertAll();
    }

    /// <summary>
    /// The notebook's <c>lstm_backward</c> computes <c>dc = ho * dh * dtanh(c)</c> with <c>dtanh(y) = 1 − y²</c>, a helper
    /// meant for a tanh <i>output</i>: applied to the raw cell state it gives <c>1 − c²</c> instead of <c>1 − tanh²(c)</c>.
    /// Every gate gradient inherits the error. On a cell with c of order 1, the notebook's dW_f disagrees with central
    /// differences of the generated loss by far more than the tolerance; the generated gradient agrees.
    /// </summary>
    [Fact]
    public void Dtanh_of_the_raw_cell_state_fails_the_finite_difference_check_and_ours_passes()
    {
        var random = new Random(3003);
        var p = new Tiny.Parameters();
        SlotDifference.Fill(p.AsSpan(), random, 1.0);
        Vec3<double> h0 = default, c0 = default;
        SlotDifference.Fill(h0, random, 0.8);
        SlotDifference.Fill(c0, random, 1.5);
        var initial = new Tiny.State(h0, c0);
        const int x = 2, y = 1;

        double Loss()
        {
            Tiny.State next = Tiny.ForwardOneHot(p, x, initial, new double[Tiny.CacheLength]);
            return Tiny.CrossEntropyLoss(Tiny.HeadForward(p, next.H), y, out _);
        }

        double[] cacheValues = new double[Tiny.CacheLength];
        Tiny.State state = Tiny.ForwardOneHot(p, x, initial, cacheValues);
        var cache = new StepCache<Tiny.Kernel, double>(cacheValues);
        Tiny.CrossEntropyLoss(Tiny.HeadForward(p, state.H), y, out Vec4<double> dLogits);
        var grads = new Tiny.Gradients();
        Vec3<double> dh = Tiny.HeadBackward(p, state.H, dLogits, grads);
        Tiny.BackwardOneHot(p, x, cacheValues, dh, default, grads);

        int seedFailures = 0;
        for (int j = 0; j < Tiny.HiddenSize; j++)
        {
            double c = state.C[j];
            Assert.True(Math.Abs(c) > 0.05, "the check needs cell states away from 0, where 1 − c² ≈ 1 − tanh²(c)");
            double seedDc = cache.O[j] * dh[j] * (1 - (c * c));                        // dc = ho * dh * dtanh(c)
            double seedDWf = c0[j] * seedDc * cache.F[j] * (1 - cache.F[j]);             // dWf[x, j] = X[x] * dhf[j], X[x] = 1
            double fd = SlotDifference.Central(ref p.W(LstmGate.Forget, j, x), Loss);

            Assert.True(GradientCheck.Agrees(fd, grads.W(LstmGate.Forget, j, x)), $"ours, dW_f[{j}, {x}]: {grads.W(LstmGate.Forget, j, x):R} vs fd {fd:R}");
            if (!GradientCheck.Agrees(fd, seedDWf))
            {
                seedFailures++;
            }
        }

        Assert.Equal(Tiny.HiddenSize, seedFailures);
    }
}
