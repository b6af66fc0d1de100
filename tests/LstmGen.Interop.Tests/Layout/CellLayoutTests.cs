using LstmGen;

namespace LstmGen.Interop.Tests.Layout;

/// <summary>
/// The runtime <see cref="CellLayout"/> must name the same flat positions as the generated accessors
/// (<c>W</c>, <c>U</c>, <c>B</c>, <c>Wy</c>, <c>By</c>): every interop path relies on it.
/// </summary>
public sealed class CellLayoutTests
{
    [Fact]
    public void Gru_layout_puts_the_recurrent_bias_of_n_between_the_gate_bias_and_the_head()
    {
        // GRU D = 3, H = 4, V = 5: G = 3H = 12 rows, D + H = 7 columns: [W | U] 84 values, b 12 (r, z, n), b_hn 4, W_y 20,
        // b_y 5.
        var layout = new CellLayout(RecurrentCellKind.Gru, 3, 4, 5);
        Assert.Equal(3, layout.GateCount);
        Assert.Equal(12, layout.GateRows);
        Assert.Equal(84, layout.BiasOffset);
        Assert.Equal(96, layout.RecurrentBiasOffset);
        Assert.Equal(4, layout.RecurrentBiasCount);
        Assert.Equal(98, layout.RecurrentBiasIndex(2));
        Assert.Equal(100, layout.HeadWeightOffset);
        Assert.Equal(120, layout.HeadBiasOffset);
        Assert.Equal(125, layout.ParameterCount);
        Assert.Equal("GRU D = 3, H = 4, V = 5", layout.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.RecurrentBiasIndex(4));
    }

    [Fact]
    public void Only_a_GRU_has_a_recurrent_bias()
    {
        var lstm = new CellLayout(RecurrentCellKind.Lstm, 3, 4, 5);
        Assert.Equal(0, lstm.RecurrentBiasCount);
        Assert.Equal(lstm.BiasOffset + lstm.GateRows, lstm.HeadWeightOffset);
        var e = Assert.Throws<InvalidOperationException>(() => lstm.RecurrentBiasIndex(0));
        Assert.Contains("Only a GRU", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lstm_layout_indices_match_the_generated_accessors()
    {
        CellLayout layout = LayoutLstm.Layout;
        Assert.Equal(new CellLayout(RecurrentCellKind.Lstm, 3, 5, 4), layout);
        Assert.Equal(LayoutLstm.ParameterCount, layout.ParameterCount);
        Assert.Equal(LayoutLstm.BiasOffset, layout.BiasOffset);
        Assert.Equal(LayoutLstm.HeadWeightOffset, layout.HeadWeightOffset);
        Assert.Equal(LayoutLstm.HeadBiasOffset, layout.HeadBiasOffset);

        var p = new LayoutLstm.Parameters();
        Span<double> flat = p.AsSpan();
        for (int k = 0; k < flat.Length; k++)
        {
            flat[k] = k;
        }

        foreach (LstmGate gate in Enum.GetValues<LstmGate>())
        {
            for (int row = 0; row < 5; row++)
            {
                int gateRow = ((int)gate * 5) + row;
                for (int column = 0; column < 3; column++)
                {
                    Assert.Equal(p.W(gate, row, column), layout.InputWeightIndex(gateRow, column));
                }

                for (int column = 0; column < 5; column++)
                {
                    Assert.Equal(p.U(gate, row, column), layout.RecurrentWeightIndex(gateRow, column));
                }

                Assert.Equal(p.B(gate, row), layout.BiasIndex(gateRow));
            }
        }

        for (int v = 0; v < 4; v++)
        {
            for (int row = 0; row < 5; row++)
            {
                Assert.Equal(p.Wy(v, row), layout.HeadWeightIndex(v, row));
            }

            Assert.Equal(p.By(v), layout.HeadBiasIndex(v));
        }
    }

    [Fact]
    public void Rnn_layout_has_one_gate_block_and_matches_the_generated_constants()
    {
        CellLayout layout = LayoutRnn.Layout;
        Assert.Equal(RecurrentCellKind.TanhRnn, layout.Kind);
        Assert.Equal(1, layout.GateCount);
        Assert.Equal(LayoutRnn.ParameterCount, layout.ParameterCount);
        Assert.Equal(LayoutRnn.HeadWeightOffset, layout.HeadWeightOffset);
        Assert.Equal("tanh RNN D = 2, H = 3, V = 2", layout.ToString());
    }

    [Theory]
    [InlineData(0, 1, 0, "inputSize")]
    [InlineData(1, 0, 0, "hiddenSize")]
    [InlineData(1, 1, -1, "outputSize")]
    [InlineData(1, 30000, 0, "hiddenSize")]
    public void Invalid_sizes_are_refused_with_the_parameter_named(int d, int h, int v, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CellLayout(RecurrentCellKind.Lstm, d, h, v));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Index_helpers_refuse_out_of_range_positions()
    {
        CellLayout layout = LayoutLstm.Layout;
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.InputWeightIndex(20, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.RecurrentWeightIndex(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.HeadWeightIndex(4, 0));
    }
}
