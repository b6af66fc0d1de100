using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.Layout;

/// <summary>A GRU's blocks (b_hn among them) and gate orders: r, z, n for LstmGen and PyTorch, z, r, h for Keras and ONNX.</summary>
public sealed class GruLayoutTests
{
    internal static readonly CellLayout Gru = new(RecurrentCellKind.Gru, 3, 4, 2);

    /// <summary>Every value its own index plus one half, so a misplaced value cannot go unnoticed.</summary>
    internal static double[] Numbered(CellLayout layout) => [.. Enumerable.Range(0, layout.ParameterCount).Select(k => k + 0.5)];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Export_then_import_of_every_block_restores_every_value_exactly(int orderIndex)
    {
        GateOrder order = new[] { GateOrder.PyTorch, GateOrder.Keras, GateOrder.Onnx }[orderIndex];
        double[] p = Numbered(Gru);
        double[] q = new double[p.Length];
        foreach (ParameterBlock block in Enum.GetValues<ParameterBlock>())
        {
            foreach (bool transposed in new[] { false, true })
            {
                int count = ParameterBlocks.Shape(Gru, block, transposed).Aggregate(1, (a, b) => a * b);
                double[] buffer = new double[count];
                ParameterBlocks.Export<double>(Gru, block, p, buffer, order, transposed);
                ParameterBlocks.Import<double>(Gru, block, buffer, q, order, transposed);
            }
        }

        Assert.Equal(p, q);
    }

    [Fact]
    public void The_recurrent_bias_block_is_b_hn()
    {
        double[] p = Numbered(Gru);
        Assert.Equal([4], ParameterBlocks.Shape(Gru, ParameterBlock.RecurrentBias));
        double[] bhn = new double[4];
        ParameterBlocks.Export<double>(Gru, ParameterBlock.RecurrentBias, p, bhn, GateOrder.Onnx);
        Assert.Equal(Enumerable.Range(0, 4).Select(j => p[Gru.RecurrentBiasIndex(j)]), bhn);
    }

    [Theory]
    [InlineData(0, new[] { 0, 1, 2 })]
    [InlineData(1, new[] { 1, 0, 2 })]
    [InlineData(2, new[] { 1, 0, 2 })]
    public void Gate_blocks_are_stacked_in_the_frameworks_order(int orderIndex, int[] lstmGenBlocks)
    {
        GateOrder order = new[] { GateOrder.PyTorch, GateOrder.Keras, GateOrder.Onnx }[orderIndex];
        double[] p = Numbered(Gru);
        double[] w = new double[12 * 3];
        ParameterBlocks.Export<double>(Gru, ParameterBlock.InputWeights, p, w, order);
        for (int block = 0; block < 3; block++)
        {
            for (int row = 0; row < 4; row++)
            {
                for (int k = 0; k < 3; k++)
                {
                    Assert.Equal(p[Gru.InputWeightIndex((lstmGenBlocks[block] * 4) + row, k)], w[(((block * 4) + row) * 3) + k]);
                }
            }
        }

        Assert.Equal(lstmGenBlocks, order.GruBlocks);
    }

    [Fact]
    public void Only_a_GRU_has_the_recurrent_bias_block()
    {
        var lstm = new CellLayout(RecurrentCellKind.Lstm, 2, 3);
        var error = Assert.Throws<ArgumentException>(() => ParameterBlocks.Shape(lstm, ParameterBlock.RecurrentBias));
        Assert.Contains("Only a GRU has a recurrent bias b_hn", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParameterBlocks.Export<double>(lstm, ParameterBlock.RecurrentBias, new double[lstm.ParameterCount], new double[3], GateOrder.PyTorch));
    }
}
