using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// Streaming <see cref="RecurrentModel{T}.Step"/> against <see cref="RecurrentModel{T}.Forward"/> one step at a time
/// (bit for bit: the same kernel arithmetic, double and float, m = 5 so that the batched forward runs a SIMD group of 4),
/// its refusal of bidirectional layers, and the head's affine map against the sum written out.
/// </summary>
public sealed class ModelStepAndHeadTests
{
    [Fact]
    public void Step_by_step_equals_the_forward_over_the_sequence()
    {
        RecurrentModel<double> model = TestModels.LstmGru();
        var c = new ModelProblem(model, steps: 6, batchSize: 5, null, seed: 51);
        var ws = model.CreateWorkspace(c.Steps, c.M);
        double[] final = new double[c.Initial.Length];
        model.Forward(c.P, c.Xs, c.M, [], c.Initial, final, ws);

        double[] state = (double[])c.Initial.Clone(), output = new double[c.M * model.OutputWidth];
        int rowWidth = c.M * model.OutputWidth, inputs = c.M * model.InputSize;
        for (int t = 0; t < c.Steps; t++)
        {
            model.Step(c.P, c.Xs.AsSpan(t * inputs, inputs), c.M, state, output);
            Assert.Equal(ws.Outputs.Slice(t * rowWidth, rowWidth).ToArray(), output);
        }

        Assert.Equal(final, state);
    }

    [Fact]
    public void Float_step_by_step_equals_the_forward_over_the_sequence()
    {
        var model = new RecurrentModel<float>(
            [new(CellCatalog.Get<float>(nameof(ModelLstm3x4Float))), new(CellCatalog.Get<float>(nameof(ModelGru4x5Float)))]);
        const int m = 5, steps = 4;
        var random = new Random(52);
        float[] p = [.. Enumerable.Range(0, model.ParameterCount).Select(_ => (float)(random.NextDouble() - 0.5))];
        float[] xs = [.. Enumerable.Range(0, steps * m * 3).Select(_ => (float)(random.NextDouble() - 0.5))];
        var ws = model.CreateWorkspace(steps, m);
        float[] final = new float[m * model.StateLength], state = new float[final.Length], output = new float[m * 5];
        model.Forward(p, xs, m, [], [], final, ws);
        for (int t = 0; t < steps; t++)
        {
            model.Step(p, xs.AsSpan(t * m * 3, m * 3), m, state, output);
            Assert.Equal(ws.Outputs.Slice(t * m * 5, m * 5).ToArray(), output);
        }

        Assert.Equal(final, state);
    }

    [Fact]
    public void Step_refuses_a_bidirectional_layer_by_name()
    {
        RecurrentModel<double> model = TestModels.BiRnnLstm();
        var e = Assert.Throws<NotSupportedException>(() => model.Step(new double[model.ParameterCount], new double[3], 1, new double[model.StateLength], new double[3]));
        Assert.Contains("layer 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("bidirectional", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Head_forward_is_W_y_h_plus_b_y_and_its_backward_the_transpose()
    {
        RecurrentModel<double> model = TestModels.BiRnnLstm(OutputHead.Linear, 4);
        var c = new ModelProblem(model, steps: 1, batchSize: 1, null, seed: 53);
        ModelLayout layout = model.Layout;
        double[] h = [0.3, -1.2, 0.7], dy = [0.5, -0.25, 2, 1], y = new double[4], dh = new double[3], dp = new double[model.ParameterCount];
        model.HeadForward(c.P, h, y);
        model.HeadBackward(c.P, h, dy, dh, dp);

        // Tolerance 1e-15 relative: TensorPrimitives may fuse a multiply-add, which rounds once where the sum below rounds twice.
        for (int r = 0; r < 4; r++)
        {
            double expected = c.P[layout.HeadBiasIndex(r)];
            for (int col = 0; col < 3; col++)
            {
                expected += c.P[layout.HeadWeightIndex(r, col)] * h[col];
                Assert.Equal(h[col] * dy[r], dp[layout.HeadWeightIndex(r, col)]);
            }

            Assert.Equal(expected, y[r], 1e-15 * Math.Max(1, Math.Abs(expected)));
            Assert.Equal(dy[r], dp[layout.HeadBiasIndex(r)]);
        }

        for (int col = 0; col < 3; col++)
        {
            double expected = 0;
            for (int r = 0; r < 4; r++)
            {
                expected += c.P[layout.HeadWeightIndex(r, col)] * dy[r];
            }

            Assert.Equal(expected, dh[col], 1e-15 * Math.Max(1, Math.Abs(expected)));
        }

        Assert.Equal(dp.Length - 16, dp.Count(v => v == 0));
    }
}
