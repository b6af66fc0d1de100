using LstmGen.Kernels;
using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// Dropout between layers: only in training (a seed given), one mask per seed, inverted (kept values scaled by 1/(1 − p),
/// so the mask's mean is 1), zeros at rate p, and never on the top layer's output.
/// </summary>
public sealed class DropoutTests
{
    [Fact]
    public void A_seed_gives_one_mask_and_another_seed_another()
    {
        RecurrentModel<double> model = TestModels.LstmGru(dropout: 0.5);
        var c = new ModelProblem(model, steps: 4, batchSize: 3, null, seed: 41);
        double[] first = Layer0(model, c, 17UL), again = Layer0(model, c, 17UL), other = Layer0(model, c, 18UL);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Without_a_seed_there_is_no_dropout()
    {
        RecurrentModel<double> dropped = TestModels.LstmGru(dropout: 0.5), plain = TestModels.LstmGru();
        var c = new ModelProblem(dropped, steps: 4, batchSize: 3, [4, 1, 3], seed: 42);
        Assert.Equal(Everything(plain, c, null), Everything(dropped, c, null));
        Assert.Equal(Everything(plain, c, null), Everything(plain, c, 9UL));
        Assert.NotEqual(Everything(plain, c, null), Everything(dropped, c, 9UL));
    }

    [Fact]
    public void The_mask_zeroes_at_rate_p_and_scales_the_rest_to_mean_one()
    {
        const double p = 0.25;
        RecurrentModel<double> model = TestModels.LstmGru(dropout: p);
        var c = new ModelProblem(model, steps: 200, batchSize: 16, null, seed: 43);
        double[] kept = Layer0(model, c, null), masked = Layer0(model, c, 123456789UL);
        double scale = 1 / (1 - p);
        int zeros = 0;
        double maskSum = 0;
        for (int k = 0; k < kept.Length; k++)
        {
            Assert.NotEqual(0.0, kept[k]);
            if (masked[k] == 0)
            {
                zeros++;
            }
            else
            {
                Assert.Equal(kept[k] * scale, masked[k]);
                maskSum += scale;
            }
        }

        // n = 12,800 Bernoulli draws: the zero rate's standard deviation is √(p(1 − p)/n) ≈ 0.0038 and the mask mean's
        // √(p/((1 − p)n)) ≈ 0.0051; 5σ bounds fail a correct mask with probability < 1e-6.
        int n = kept.Length;
        Assert.Equal(200 * 16 * 4, n);
        Assert.InRange(zeros / (double)n, p - (5 * 0.0038), p + (5 * 0.0038));
        Assert.InRange(maskSum / n, 1 - (5 * 0.0051), 1 + (5 * 0.0051));
    }

    [Fact]
    public void The_top_layer_is_never_dropped()
    {
        // One layer: it is the top, so training and inference outputs agree.
        RecurrentModel<double> single = new([new(TestModels.Cell(nameof(ModelLstm3x4)))], dropout: 0.5);
        var c1 = new ModelProblem(single, steps: 4, batchSize: 3, null, seed: 44);
        var ws1 = single.CreateWorkspace(4, 3);
        single.Forward(c1.P, c1.Xs, 3, [], [], [], ws1);
        double[] inference = ws1.Outputs.ToArray();
        single.Forward(c1.P, c1.Xs, 3, [], [], [], ws1, dropoutSeed: 1);
        Assert.Equal(inference, ws1.Outputs.ToArray());

        // Two layers: the top output is the GRU run by hand on the (dropped) layer-0 output, with no mask of its own.
        RecurrentModel<double> model = TestModels.LstmGru(dropout: 0.5);
        var c = new ModelProblem(model, steps: 4, batchSize: 3, null, seed: 45);
        var ws = model.CreateWorkspace(4, 3);
        model.Forward(c.P, c.Xs, 3, [], [], [], ws, dropoutSeed: 2);
        double[] outputs = new double[4 * 3 * 5];
        Recurrent<ModelGru4x5.Kernel, double>.ForwardSequenceBatch(
            c.P.AsSpan(model.Layout.ParameterOffset(1), model.Layout.Cells[1].ParameterCount), ws.LayerOutputs(0), 3, [], new double[3 * 5],
            new double[4 * 3 * Recurrent<ModelGru4x5.Kernel, double>.CacheLength], outputs);
        Assert.Equal(outputs, ws.Outputs.ToArray());
        Assert.Contains(0.0, ws.LayerOutputs(0).ToArray());
    }

    private static double[] Layer0(RecurrentModel<double> model, ModelProblem c, ulong? seed)
    {
        var ws = model.CreateWorkspace(c.Steps, c.M);
        model.Forward(c.P, c.Xs, c.M, c.Lengths, c.Initial, [], ws, seed);
        return ws.LayerOutputs(0).ToArray();
    }

    private static double[] Everything(RecurrentModel<double> model, ModelProblem c, ulong? seed)
    {
        var ws = model.CreateWorkspace(c.Steps, c.M);
        double[] final = new double[c.Initial.Length], dp = new double[model.ParameterCount], dInitial = new double[final.Length], dxs = new double[c.Xs.Length];
        double loss = model.Gradient(c.P, c.Xs, c.M, c.Lengths, c.Initial, c.Targets, final, dInitial, dxs, dp, ws, dropoutSeed: seed);
        return [loss, .. ws.Outputs, .. final, .. dp, .. dInitial, .. dxs];
    }
}
