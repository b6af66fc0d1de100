namespace LstmGen.Reference.Tests;

/// <summary>Batch reductions: Sum is the sum of independent per-sequence results, Mean is Sum / m.</summary>
public sealed class BatchTests
{
    [Theory]
    [InlineData(LossKind.Mse)]
    [InlineData(LossKind.ClassIndex)]
    [InlineData(LossKind.Distribution)]
    public void Lstm_batch_sum_and_mean(LossKind loss)
    {
        var init = new ReferenceInit(7 + (int)loss);
        ReferenceLstm cell = init.NextLstm(TestData.InputSize, TestData.HiddenSize, TestData.OutputSize(loss));
        SequenceSample[] batch = TestData.Batch(init, loss, steps: 3, withCellState: true);

        LstmGradients[] each = [.. batch.Select(s => cell.Backward(s.Inputs, s.Targets, s.H0, s.C0))];
        LstmBatchGradients sum = cell.BatchBackward(batch, BatchReduction.Sum);
        LstmBatchGradients mean = cell.BatchBackward(batch, BatchReduction.Mean);

        double[] expectedParameters = SumOf(each.Select(g => FlatParameters.Flatten(g.Parameters)));
        Assert.Equal(expectedParameters, FlatParameters.Flatten(sum.Parameters));
        Assert.Equal(each[0].Loss + each[1].Loss + each[2].Loss, sum.Loss);
        Assert.Equal(cell.BatchLoss(batch, BatchReduction.Sum), sum.Loss);
        for (int s = 0; s < batch.Length; s++)
        {
            Assert.Equal(FlatParameters.Flatten(each[s].DX), FlatParameters.Flatten(sum.Samples[s].DX));
            Assert.Equal(each[s].DH0, sum.Samples[s].DH0);
            Assert.Equal(each[s].DC0, sum.Samples[s].DC0);
        }

        int m = batch.Length;
        AssertMean(FlatParameters.Flatten(sum.Parameters), FlatParameters.Flatten(mean.Parameters), m, "θ");
        AssertMean([sum.Loss], [mean.Loss], m, "loss");
        AssertMean([cell.BatchLoss(batch, BatchReduction.Sum)], [cell.BatchLoss(batch, BatchReduction.Mean)], m, "BatchLoss");
        for (int s = 0; s < batch.Length; s++)
        {
            AssertMean(FlatParameters.Flatten(sum.Samples[s].DX), FlatParameters.Flatten(mean.Samples[s].DX), m, $"dx[s={s}]");
            AssertMean([.. sum.Samples[s].DH0], [.. mean.Samples[s].DH0], m, $"dh0[s={s}]");
            AssertMean([.. sum.Samples[s].DC0], [.. mean.Samples[s].DC0], m, $"dc0[s={s}]");
        }
    }

    [Theory]
    [InlineData(LossKind.Mse)]
    [InlineData(LossKind.ClassIndex)]
    [InlineData(LossKind.Distribution)]
    public void Rnn_batch_sum_and_mean(LossKind loss)
    {
        var init = new ReferenceInit(17 + (int)loss);
        ReferenceRnn cell = init.NextRnn(TestData.InputSize, TestData.HiddenSize, TestData.OutputSize(loss));
        SequenceSample[] batch = TestData.Batch(init, loss, steps: 3, withCellState: false);

        RnnGradients[] each = [.. batch.Select(s => cell.Backward(s.Inputs, s.Targets, s.H0))];
        RnnBatchGradients sum = cell.BatchBackward(batch, BatchReduction.Sum);
        RnnBatchGradients mean = cell.BatchBackward(batch, BatchReduction.Mean);

        double[] expectedParameters = SumOf(each.Select(g => FlatParameters.Flatten(g.Parameters)));
        Assert.Equal(expectedParameters, FlatParameters.Flatten(sum.Parameters));
        Assert.Equal(each[0].Loss + each[1].Loss + each[2].Loss, sum.Loss);
        Assert.Equal(cell.BatchLoss(batch, BatchReduction.Sum), sum.Loss);
        for (int s = 0; s < batch.Length; s++)
        {
            Assert.Equal(FlatParameters.Flatten(each[s].DX), FlatParameters.Flatten(sum.Samples[s].DX));
            Assert.Equal(each[s].DH0, sum.Samples[s].DH0);
        }

        int m = batch.Length;
        AssertMean(FlatParameters.Flatten(sum.Parameters), FlatParameters.Flatten(mean.Parameters), m, "θ");
        AssertMean([sum.Loss], [mean.Loss], m, "loss");
        AssertMean([cell.BatchLoss(batch, BatchReduction.Sum)], [cell.BatchLoss(batch, BatchReduction.Mean)], m, "BatchLoss");
        for (int s = 0; s < batch.Length; s++)
        {
            AssertMean(FlatParameters.Flatten(sum.Samples[s].DX), FlatParameters.Flatten(mean.Samples[s].DX), m, $"dx[s={s}]");
            AssertMean([.. sum.Samples[s].DH0], [.. mean.Samples[s].DH0], m, $"dh0[s={s}]");
        }
    }

    [Fact]
    public void Rnn_rejects_a_cell_state()
    {
        var init = new ReferenceInit(3);
        ReferenceRnn cell = init.NextRnn(TestData.InputSize, TestData.HiddenSize);
        SequenceSample[] batch = TestData.Batch(init, LossKind.Mse, steps: 2, withCellState: true);

        Assert.Throws<ArgumentException>(() => cell.BatchBackward(batch, BatchReduction.Sum));
    }

    /// <summary>Entry-wise sum, accumulated in batch order from zero like the implementation.</summary>
    private static double[] SumOf(IEnumerable<double[]> vectors)
    {
        double[]? total = null;
        foreach (double[] v in vectors)
        {
            total ??= new double[v.Length];
            for (int k = 0; k < v.Length; k++)
            {
                total[k] += v[k];
            }
        }

        return total ?? [];
    }

    /// <summary>Mean = Sum / m, up to the last bit (the implementation multiplies by 1/m rather than dividing).</summary>
    private static void AssertMean(double[] sum, double[] mean, int m, string label) =>
        Close.AssertAll([.. sum.Select(v => v / m)], mean, 1e-15, label);
}
