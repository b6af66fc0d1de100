using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.Layout;

/// <summary>Block export/import against the generated accessors, in every gate order, plain and transposed.</summary>
public sealed class ParameterBlocksTests
{
    private static LayoutLstm.Parameters Numbered()
    {
        var p = new LayoutLstm.Parameters();
        Span<double> flat = p.AsSpan();
        for (int k = 0; k < flat.Length; k++)
        {
            flat[k] = k + 0.5;
        }

        return p;
    }

    [Fact]
    public void Onnx_order_puts_the_output_gate_second()
    {
        var p = Numbered();
        CellLayout layout = LayoutLstm.Layout;
        double[] w = new double[20 * 3];
        ParameterBlocks.Export<double>(layout, ParameterBlock.InputWeights, p.AsSpan(), w, GateOrder.Onnx);

        // ONNX rows 5..9 are the output gate, rows 10..14 the forget gate, 15..19 the candidate (c).
        Assert.Equal(p.W(LstmGate.Input, 2, 1), w[(2 * 3) + 1]);
        Assert.Equal(p.W(LstmGate.Output, 2, 1), w[((5 + 2) * 3) + 1]);
        Assert.Equal(p.W(LstmGate.Forget, 4, 0), w[((10 + 4) * 3) + 0]);
        Assert.Equal(p.W(LstmGate.Candidate, 0, 2), w[((15 + 0) * 3) + 2]);
    }

    [Fact]
    public void Transposed_export_is_the_transpose_of_the_plain_export()
    {
        var p = Numbered();
        CellLayout layout = LayoutLstm.Layout;
        double[] plain = new double[20 * 5];
        double[] transposed = new double[20 * 5];
        ParameterBlocks.Export<double>(layout, ParameterBlock.RecurrentWeights, p.AsSpan(), plain, GateOrder.Keras);
        ParameterBlocks.Export<double>(layout, ParameterBlock.RecurrentWeights, p.AsSpan(), transposed, GateOrder.Keras, transposed: true);
        Assert.Equal([20, 5], ParameterBlocks.Shape(layout, ParameterBlock.RecurrentWeights));
        Assert.Equal([5, 20], ParameterBlocks.Shape(layout, ParameterBlock.RecurrentWeights, transposed: true));
        for (int r = 0; r < 20; r++)
        {
            for (int k = 0; k < 5; k++)
            {
                Assert.Equal(plain[(r * 5) + k], transposed[(k * 20) + r]);
            }
        }

        Assert.Equal(p.U(LstmGate.Candidate, 3, 4), plain[((10 + 3) * 5) + 4]);
    }

    [Fact]
    public void Head_blocks_match_the_generated_accessors()
    {
        var p = Numbered();
        double[] wy = new double[4 * 5];
        double[] by = new double[4];
        ParameterBlocks.Export<double>(LayoutLstm.Layout, ParameterBlock.HeadWeights, p.AsSpan(), wy, GateOrder.PyTorch);
        ParameterBlocks.Export<double>(LayoutLstm.Layout, ParameterBlock.HeadBias, p.AsSpan(), by, GateOrder.PyTorch);
        Assert.Equal(p.Wy(3, 2), wy[(3 * 5) + 2]);
        Assert.Equal(p.By(1), by[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Export_then_import_of_every_block_restores_every_value_exactly(int orderIndex)
    {
        GateOrder order = new[] { GateOrder.PyTorch, GateOrder.Keras, GateOrder.Onnx }[orderIndex];
        var p = Numbered();
        var q = new LayoutLstm.Parameters();
        // Every block an LSTM has (b_hn is a GRU's only: GruLayoutTests).
        foreach (ParameterBlock block in Enum.GetValues<ParameterBlock>().Where(b => b != ParameterBlock.RecurrentBias))
        {
            foreach (bool transposed in new[] { false, true })
            {
                int count = ParameterBlocks.Shape(LayoutLstm.Layout, block, transposed).Aggregate(1, (a, b) => a * b);
                double[] buffer = new double[count];
                ParameterBlocks.Export<double>(LayoutLstm.Layout, block, p.AsSpan(), buffer, order, transposed);
                ParameterBlocks.Import<double>(LayoutLstm.Layout, block, buffer, q.AsSpan(), order, transposed);
            }
        }

        Assert.True(p.AsSpan().SequenceEqual(q.AsSpan()));
    }

    [Fact]
    public void Head_blocks_of_a_headless_cell_and_wrong_lengths_are_refused()
    {
        var layout = new CellLayout(RecurrentCellKind.TanhRnn, 2, 3);
        double[] flat = new double[layout.ParameterCount];
        var noHead = Assert.Throws<ArgumentException>(() => ParameterBlocks.Export<double>(layout, ParameterBlock.HeadBias, flat, new double[1], GateOrder.PyTorch));
        Assert.Contains("no softmax head", noHead.Message);
        var length = Assert.Throws<ArgumentException>(() => ParameterBlocks.Export<double>(layout, ParameterBlock.Bias, flat, new double[4], GateOrder.PyTorch));
        Assert.Contains("3", length.Message);
    }
}

/// <summary>The tensor model's own checks.</summary>
public sealed class TensorSetTests
{
    [Fact]
    public void Require_names_expected_and_actual_shapes()
    {
        var set = new TensorSet([NamedTensor.FromValues<float>("w", [2, 3], new float[6])]);
        Assert.Same(set["w"], set.Require("w", [2, 3], "test"));
        var shape = Assert.Throws<InvalidDataException>(() => set.Require("w", [3, 2], "test weights"));
        Assert.Contains("[3, 2]", shape.Message);
        Assert.Contains("[2, 3]", shape.Message);
        var missing = Assert.Throws<InvalidDataException>(() => set.Require("u", [1], "test weights"));
        Assert.Contains("w F32 [2, 3]", missing.Message);
    }

    [Fact]
    public void Duplicate_names_and_mismatched_value_counts_are_refused()
    {
        var a = NamedTensor.FromValues<double>("a", [1], [1.0]);
        Assert.Throws<ArgumentException>(() => new TensorSet([a, a]));
        Assert.Throws<ArgumentException>(() => NamedTensor.FromValues<double>("b", [2, 2], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => NamedTensor.FromBytes("c", TensorDataType.Float32, [2], new byte[7]));
    }

    [Fact]
    public void CopyTo_converts_between_precisions()
    {
        var t = NamedTensor.FromValues<float>("t", [2], [0.1f, -3.5f]);
        double[] wide = new double[2];
        t.CopyTo<double>(wide);
        Assert.Equal([(double)0.1f, -3.5], wide);
        var d = NamedTensor.FromValues<double>("d", [1], [0.1]);
        float[] narrow = new float[1];
        d.CopyTo<float>(narrow);
        Assert.Equal(0.1f, narrow[0]);
    }
}
