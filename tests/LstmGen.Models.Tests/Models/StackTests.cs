using LstmGen.Kernels;
using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// A two-layer stack (LSTM 3 → 4 → GRU 4 → 5) is exactly its two cells run by hand one after the other through
/// <see cref="Recurrent{TKernel, T}"/>: outputs, final states (ModelLayout blocks), and on the way back every gradient,
/// bit for bit (the same kernel calls in the same order), in double and in float, with and without lengths.
/// </summary>
public sealed class StackTests
{
    public static TheoryData<bool> WithLengths() => new(false, true);

    [Theory]
    [MemberData(nameof(WithLengths))]
    public void Two_layer_stack_equals_the_two_cells_run_by_hand(bool withLengths)
    {
        RecurrentModel<double> model = TestModels.LstmGru();
        var c = new ModelProblem(model, steps: 5, batchSize: 3, withLengths ? [5, 2, 4] : null, seed: 11);
        int m = c.M, rows = c.Steps * m;
        var ws = model.CreateWorkspace(c.Steps, m);
        double[] final = new double[m * model.StateLength];
        model.Forward(c.P, c.Xs, m, c.Lengths, c.Initial, final, ws);

        // By hand: layer 0 then layer 1, each over its ModelLayout slices.
        ModelLayout layout = model.Layout;
        int s0 = layout.CellStateLength(0), s1 = layout.CellStateLength(1);
        double[] p0 = c.P[layout.ParameterOffset(0)..(layout.ParameterOffset(0) + layout.Cells[0].ParameterCount)];
        double[] p1 = c.P[layout.ParameterOffset(1)..(layout.ParameterOffset(1) + layout.Cells[1].ParameterCount)];
        double[] caches0 = new double[rows * Recurrent<ModelLstm3x4.Kernel, double>.CacheLength], out0 = new double[rows * 4], final0 = new double[m * s0];
        double[] caches1 = new double[rows * Recurrent<ModelGru4x5.Kernel, double>.CacheLength], out1 = new double[rows * 5], final1 = new double[m * s1];
        Recurrent<ModelLstm3x4.Kernel, double>.ForwardSequenceBatch(p0, c.Xs, m, c.Lengths, c.Initial.AsSpan(0, m * s0), final0, caches0, out0);
        Recurrent<ModelGru4x5.Kernel, double>.ForwardSequenceBatch(p1, out0, m, c.Lengths, c.Initial.AsSpan(m * s0, m * s1), final1, caches1, out1);

        Assert.Equal(out1, ws.Outputs.ToArray());
        Assert.Equal(out0, ws.LayerOutputs(0).ToArray());
        Assert.Equal([.. final0, .. final1], final);

        // Backward: the GRU's input gradient is the LSTM's output gradient.
        double[] dOutputs = [.. Enumerable.Range(0, rows * 5).Select(k => Math.Sin(k + 1.0))];
        double[] dp = new double[model.ParameterCount], dInitial = new double[m * model.StateLength], dxs = new double[c.Xs.Length];
        model.Backward(c.P, c.Xs, m, c.Lengths, dOutputs, dInitial, dxs, dp, ws);

        double[] dp0 = new double[p0.Length], dp1 = new double[p1.Length], dInitial0 = new double[m * s0], dInitial1 = new double[m * s1];
        double[] dOut0 = new double[rows * 4], dxsByHand = new double[c.Xs.Length];
        Recurrent<ModelGru4x5.Kernel, double>.BpttBatch(p1, out0, m, c.Lengths, caches1, dOutputs, dInitial1, dOut0, dp1);
        Recurrent<ModelLstm3x4.Kernel, double>.BpttBatch(p0, c.Xs, m, c.Lengths, caches0, dOut0, dInitial0, dxsByHand, dp0);

        Assert.Equal([.. dp0, .. dp1], dp);
        Assert.Equal([.. dInitial0, .. dInitial1], dInitial);
        Assert.Equal(dxsByHand, dxs);
    }

    [Fact]
    public void Float_stack_equals_the_two_cells_run_by_hand()
    {
        var model = new RecurrentModel<float>(
            [new(CellCatalog.Get<float>(nameof(ModelLstm3x4Float))), new(CellCatalog.Get<float>(nameof(ModelGru4x5Float)))]);
        const int m = 5, steps = 4, rows = steps * m;
        var random = new Random(5);
        float[] p = [.. Enumerable.Range(0, model.ParameterCount).Select(_ => (float)(random.NextDouble() - 0.5))];
        float[] xs = [.. Enumerable.Range(0, rows * 3).Select(_ => (float)(random.NextDouble() - 0.5))];
        var ws = model.CreateWorkspace(steps, m);
        float[] final = new float[m * model.StateLength];
        model.Forward(p, xs, m, [], [], final, ws);

        int split = model.Layout.ParameterOffset(1);
        float[] out0 = new float[rows * 4], out1 = new float[rows * 5], final0 = new float[m * 8], final1 = new float[m * 5];
        Recurrent<ModelLstm3x4Float.Kernel, float>.ForwardSequenceBatch(p.AsSpan(0, split), xs, m, [], final0, new float[rows * Recurrent<ModelLstm3x4Float.Kernel, float>.CacheLength], out0);
        Recurrent<ModelGru4x5Float.Kernel, float>.ForwardSequenceBatch(p.AsSpan(split), out0, m, [], final1, new float[rows * Recurrent<ModelGru4x5Float.Kernel, float>.CacheLength], out1);

        Assert.Equal(out1, ws.Outputs.ToArray());
        Assert.Equal([.. final0, .. final1], final);
    }
}
