using LstmGen.Kernels;
using LstmGen.Models;

namespace LstmGen.Models.Tests.BiasFree;

/// <summary>
/// What <c>Bias = false</c> removes, counted from the sizes: a bias-free cell's buffer is the gate matrix [W | U]
/// (G·(D + H) values) and, with a head, W_y and b_y, nothing else; asking for a gate bias (the layout's index functions,
/// the typed views <c>p.B(…)</c> and <c>p.Bhn(…)</c>) throws <see cref="InvalidOperationException"/> saying the cell is
/// bias-free; the head keeps b_y. A bias-free cell is a model layer like any other (ModelLayout sums
/// <see cref="CellLayout.ParameterCount"/>): a two-layer stack equals its two cells run by hand, bit for bit.
/// </summary>
public sealed class BiasFreeLayoutTests
{
    [Fact]
    public void The_layout_has_no_gate_bias_and_the_head_follows_the_weights()
    {
        // LSTM D = 2, H = 3, V = 4: G = 12 rows of D + H = 5 columns, then W_y (4 × 3) and b_y (4).
        CellLayout lstm = NoBiasLstm2x3Head4Loops.Layout;
        Assert.False(lstm.HasBias);
        Assert.Equal((0, 0), (lstm.BiasCount, lstm.RecurrentBiasCount));
        Assert.Equal(12 * 5, lstm.HeadWeightOffset);
        Assert.Equal((12 * 5) + (4 * 3), lstm.HeadBiasIndex(0));
        Assert.Equal((12 * 5) + (4 * 3) + 4, lstm.ParameterCount);
        Assert.Equal(NoBiasLstm2x3Head4Loops.ParameterCount, lstm.ParameterCount);
        Assert.Equal(new CellLayout(RecurrentCellKind.Lstm, 2, 3, 4, OutputHead.Softmax, hasBias: false), lstm);
        Assert.NotEqual(new CellLayout(RecurrentCellKind.Lstm, 2, 3, 4, OutputHead.Softmax), lstm);

        // GRU D = 2, H = 3: G = 9 rows of 5 columns; neither b (9) nor b_hn (3).
        CellLayout gru = NoBiasGru2x3Loops.Layout;
        Assert.Equal(9 * 5, gru.ParameterCount);
        Assert.Equal(9 * 5 + 9 + 3, new CellLayout(RecurrentCellKind.Gru, 2, 3).ParameterCount);
        Assert.Equal(4 * 7, NoBiasRnn3x4Loops.Layout.ParameterCount);
        Assert.EndsWith(", no bias", gru.ToString(), StringComparison.Ordinal);

        // No constant names an offset the cell does not have.
        Assert.Null(typeof(NoBiasGru2x3Loops).GetField("BiasOffset"));
        Assert.NotNull(typeof(Gru3x5Double).GetField("BiasOffset"));
    }

    [Fact]
    public void Asking_for_a_gate_bias_throws_naming_why()
    {
        AssertBiasFree(() => NoBiasLstm2x3Loops.Layout.BiasIndex(0), "b");
        AssertBiasFree(() => NoBiasGru2x3Loops.Layout.RecurrentBiasIndex(0), "b_hn");
        var lstm = new NoBiasLstm2x3Head4Loops.Parameters();
        AssertBiasFree(() => lstm.B(LstmGate.Forget, 1), "b");
        lstm.By(3) = 1.5;                                                  // the head keeps b_y
        Assert.Equal(1.5, lstm.AsSpan()[^1]);
        var gru = new NoBiasGru2x3Loops.Parameters();
        AssertBiasFree(() => gru.B(GruGate.N, 0), "b");
        AssertBiasFree(() => gru.Bhn(2), "b_hn");
        AssertBiasFree(() => gru.Bhn(99), "b_hn");                        // said before any index check
        AssertBiasFree(() => lstm.B(LstmGate.Forget, 99), "b");
        AssertBiasFree(() => new NoBiasRnn3x4Loops.Gradients().B(0), "b");
        gru.W(GruGate.Z, 2, 1) = 2.0;
        Assert.Equal(2.0, gru.AsSpan()[NoBiasGru2x3Loops.Layout.InputWeightIndex(3 + 2, 1)]);
    }

    [Fact]
    public void A_bias_free_stack_equals_its_cells_run_by_hand()
    {
        var model = new RecurrentModel<double>(
            [new(CellCatalog.Get<double>(nameof(NoBiasLstm2x3Loops))), new(CellCatalog.Get<double>(nameof(NoBiasRnn3x4Simd)))]);
        Assert.Equal((12 * 5) + (4 * 7), model.ParameterCount);
        const int m = 5, steps = 4, rows = steps * m;
        var random = new Random(7);
        double[] p = [.. Enumerable.Range(0, model.ParameterCount).Select(_ => random.NextDouble() - 0.5)];
        double[] xs = [.. Enumerable.Range(0, rows * 2).Select(_ => random.NextDouble() - 0.5)];
        var ws = model.CreateWorkspace(steps, m);
        double[] final = new double[m * model.StateLength];
        model.Forward(p, xs, m, [], [], final, ws);

        int split = model.Layout.ParameterOffset(1);
        double[] caches0 = new double[rows * Recurrent<NoBiasLstm2x3Loops.Kernel, double>.CacheLength], caches1 = new double[rows * Recurrent<NoBiasRnn3x4Simd.Kernel, double>.CacheLength];
        double[] out0 = new double[rows * 3], out1 = new double[rows * 4], final0 = new double[m * 6], final1 = new double[m * 4];
        Recurrent<NoBiasLstm2x3Loops.Kernel, double>.ForwardSequenceBatch(p.AsSpan(0, split), xs, m, [], final0, caches0, out0);
        Recurrent<NoBiasRnn3x4Simd.Kernel, double>.ForwardSequenceBatch(p.AsSpan(split), out0, m, [], final1, caches1, out1);
        Assert.Equal(out1, ws.Outputs.ToArray());
        Assert.Equal([.. final0, .. final1], final);

        double[] dOutputs = [.. Enumerable.Range(0, rows * 4).Select(k => Math.Sin(k + 1.0))];
        double[] dp = new double[model.ParameterCount], dInitial = new double[m * model.StateLength], dxs = new double[xs.Length];
        model.Backward(p, xs, m, [], dOutputs, dInitial, dxs, dp, ws);
        double[] dp0 = new double[split], dp1 = new double[p.Length - split], dInitial0 = new double[m * 6], dInitial1 = new double[m * 4];
        double[] dOut0 = new double[rows * 3], dxsByHand = new double[xs.Length];
        Recurrent<NoBiasRnn3x4Simd.Kernel, double>.BpttBatch(p.AsSpan(split), out0, m, [], caches1, dOutputs, dInitial1, dOut0, dp1);
        Recurrent<NoBiasLstm2x3Loops.Kernel, double>.BpttBatch(p.AsSpan(0, split), xs, m, [], caches0, dOut0, dInitial0, dxsByHand, dp0);
        Assert.Equal([.. dp0, .. dp1], dp);
        Assert.Equal([.. dInitial0, .. dInitial1], dInitial);
        Assert.Equal(dxsByHand, dxs);
    }

    private static void AssertBiasFree(Action ask, string bias)
    {
        var error = Assert.Throws<InvalidOperationException>(ask);
        Assert.Contains("bias-free", error.Message, StringComparison.Ordinal);
        Assert.Contains($"no {bias} ", error.Message, StringComparison.Ordinal);
    }
}
