using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests;

/// <summary>The reference GRU's flat order, its equations on a hand-checked step, and its batch reductions.</summary>
public sealed class GruReferenceTests
{
    [Fact]
    public void Gru_flattening_follows_the_documented_order()
    {
        const int d = 2, h = 3, v = 2;
        double[] theta = [.. Enumerable.Range(0, FlatParameters.GruCount(d, h, v)).Select(k => (double)k)];
        ReferenceGru cell = FlatParameters.ToGru(theta, d, h, v);

        // Per gate (r, z, n): W row-major (h·d), U row-major (h·h), b (h); then b_hn (h); then the head.
        int perGate = h * d + h * h + h;
        Assert.Equal(3 * perGate + h + v * h + v, theta.Length);
        for (int gate = 0; gate < ReferenceGruGate.Count; gate++)
        {
            int start = gate * perGate;
            Assert.Equal(start + 1, cell.W[gate][0, 1]);
            Assert.Equal(start + d, cell.W[gate][1, 0]);
            Assert.Equal(start + h * d + h, cell.U[gate][1, 0]);
            Assert.Equal(start + h * d + h * h, cell.B[gate][0]);
        }

        Assert.Equal(3 * perGate, cell.Bhn[0]);
        Assert.Equal(3 * perGate + h + h, cell.Wy![1, 0]);
        Assert.Equal(3 * perGate + h + v * h, cell.By![0]);
        Assert.Equal(theta, FlatParameters.Flatten(cell));
        Assert.Equal(3 * (3 * 2 + 3 * 3 + 3) + 3, FlatParameters.GruCount(2, 3));
    }

    /// <summary>
    /// One step with D = H = 1 worked by hand from nn.GRU's equations: the reset gate multiplies b_hn (not b_in), so
    /// moving a value from b_in to b_hn changes the output exactly when r ≠ 1.
    /// </summary>
    [Fact]
    public void A_step_follows_the_equations_with_b_hn_inside_the_reset_product()
    {
        static Matrix<double> M(double value) => Matrix<double>.Build.Dense(1, 1, value);
        static Vector<double> V(double value) => Vector<double>.Build.Dense(1, value);
        var cell = new ReferenceGru([M(0.5), M(-0.25), M(0.75)], [M(0.3), M(0.2), M(-0.4)], [V(0.1), V(-0.2), V(0.05)], V(0.6));

        GruStep step = cell.Step(V(2.0), V(-0.5));

        double r = 1 / (1 + Math.Exp(-((0.5 * 2.0) + 0.1 + (0.3 * -0.5))));
        double z = 1 / (1 + Math.Exp(-((-0.25 * 2.0) - 0.2 + (0.2 * -0.5))));
        double n = Math.Tanh((0.75 * 2.0) + 0.05 + (r * ((-0.4 * -0.5) + 0.6)));
        Assert.Equal((1 - z) * n + z * -0.5, step.H[0], 1e-15);
        Assert.Equal(r, step.R[0], 1e-15);
        Assert.Equal(z, step.Z[0], 1e-15);
        Assert.Equal(n, step.N[0], 1e-15);

        var moved = new ReferenceGru(cell.W, cell.U, [V(0.1), V(-0.2), V(0.65)], V(0.0));
        Assert.NotEqual(step.H[0], moved.Step(V(2.0), V(-0.5)).H[0], 1e-6);
    }

    [Theory]
    [InlineData(LossKind.Mse)]
    [InlineData(LossKind.ClassIndex)]
    [InlineData(LossKind.Distribution)]
    public void Gru_batch_sum_and_mean(LossKind loss)
    {
        var init = new ReferenceInit(27 + (int)loss);
        ReferenceGru cell = init.NextGru(TestData.InputSize, TestData.HiddenSize, TestData.OutputSize(loss));
        SequenceSample[] batch = TestData.Batch(init, loss, steps: 3, withCellState: false);

        GruGradients[] each = [.. batch.Select(s => cell.Backward(s.Inputs, s.Targets, s.H0))];
        GruBatchGradients sum = cell.BatchBackward(batch, BatchReduction.Sum);
        GruBatchGradients mean = cell.BatchBackward(batch, BatchReduction.Mean);

        double[][] flats = [.. each.Select(g => FlatParameters.Flatten(g.Parameters))];
        double[] expected = [.. Enumerable.Range(0, flats[0].Length).Select(k => 0.0 + flats[0][k] + flats[1][k] + flats[2][k])];
        Assert.Equal(expected, FlatParameters.Flatten(sum.Parameters));
        Assert.Equal(each[0].Loss + each[1].Loss + each[2].Loss, sum.Loss);
        Assert.Equal(cell.BatchLoss(batch, BatchReduction.Sum), sum.Loss);

        int m = batch.Length;
        Close.AssertAll([.. FlatParameters.Flatten(sum.Parameters).Select(x => x / m)], FlatParameters.Flatten(mean.Parameters), 1e-15, "θ");
        Close.AssertAll([sum.Loss / m], [mean.Loss], 1e-15, "loss");
        for (int s = 0; s < m; s++)
        {
            Assert.Equal(FlatParameters.Flatten(each[s].DX), FlatParameters.Flatten(sum.Samples[s].DX));
            Close.AssertAll([.. each[s].DH0.Select(x => x / m)], [.. mean.Samples[s].DH0], 1e-15, $"dh0[s={s}]");
        }
    }

    [Fact]
    public void Gru_rejects_a_cell_state_and_wrong_shapes()
    {
        var init = new ReferenceInit(3);
        ReferenceGru cell = init.NextGru(TestData.InputSize, TestData.HiddenSize);
        SequenceSample[] batch = TestData.Batch(init, LossKind.Mse, steps: 2, withCellState: true);
        Assert.Throws<ArgumentException>(() => cell.BatchBackward(batch, BatchReduction.Sum));

        var error = Assert.Throws<ArgumentException>(() => new ReferenceGru(cell.W, cell.U, cell.B, Vector<double>.Build.Dense(TestData.HiddenSize + 1)));
        Assert.Contains("bhn", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ReferenceGru(cell.W[..2], cell.U, cell.B, cell.Bhn));
    }
}
