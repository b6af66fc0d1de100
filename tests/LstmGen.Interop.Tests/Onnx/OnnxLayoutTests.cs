using LstmGen.Interop.Layouts;
using LstmGen.Interop.Tests.Layout;

namespace LstmGen.Interop.Tests.Onnx;

/// <summary>
/// <see cref="OnnxLayout"/>: W, R, B = Wb ‖ Rb in ONNX gate order i, o, f, c, and the head as a MatMul operand. Positions
/// are checked against the generated accessors (<c>p.W(gate, row, column)</c>), not against <see cref="ParameterBlocks"/>.
/// </summary>
public sealed class OnnxLayoutTests
{
    private const int D = 3;
    private const int H = 5;
    private const int V = 4;

    private static LayoutLstm.Parameters Distinct()
    {
        var p = new LayoutLstm.Parameters();
        Span<double> flat = p.AsSpan();
        for (int k = 0; k < flat.Length; k++)
        {
            flat[k] = (k * 0.37) - 11.0;
        }

        return p;
    }

    [Fact]
    public void Lstm_tensors_have_onnx_shapes_and_gate_order()
    {
        var p = Distinct();
        TensorSet set = OnnxLayout.Export<double>(LayoutLstm.Layout, p.AsSpan());

        Assert.Equal(["W", "R", "B", "W_y", "b_y"], set.Select(t => t.Name));
        NamedTensor w = set.Require("W", [1, 4 * H, D], "test");
        NamedTensor r = set.Require("R", [1, 4 * H, H], "test");
        NamedTensor b = set.Require("B", [1, 8 * H], "test");
        NamedTensor wy = set.Require("W_y", [H, V], "test");
        NamedTensor by = set.Require("b_y", [V], "test");
        Assert.All(set, t => Assert.Equal(TensorDataType.Float64, t.DataType));

        // ONNX blocks: 0 = input, 1 = output, 2 = forget, 3 = cell candidate.
        LstmGate[] onnxOrder = [LstmGate.Input, LstmGate.Output, LstmGate.Forget, LstmGate.Candidate];
        for (int block = 0; block < 4; block++)
        {
            LstmGate gate = onnxOrder[block];
            for (int row = 0; row < H; row++)
            {
                int onnxRow = (block * H) + row;
                for (int d = 0; d < D; d++)
                {
                    Assert.Equal(p.W(gate, row, d), w.ReadAsDouble((onnxRow * D) + d));
                }

                for (int k = 0; k < H; k++)
                {
                    Assert.Equal(p.U(gate, row, k), r.ReadAsDouble((onnxRow * H) + k));
                }

                Assert.Equal(p.B(gate, row), b.ReadAsDouble(onnxRow));
                Assert.Equal(0.0, b.ReadAsDouble((4 * H) + onnxRow)); // Rb = 0
            }
        }

        // Spot facts, written out: the second block of W is the output gate.
        Assert.Equal(p.W(LstmGate.Output, 2, 1), w.ReadAsDouble(((H + 2) * D) + 1));
        Assert.Equal(p.U(LstmGate.Forget, 4, 0), r.ReadAsDouble(((2 * H) + 4) * H));

        for (int row = 0; row < H; row++)
        {
            for (int o = 0; o < V; o++)
            {
                Assert.Equal(p.Wy(o, row), wy.ReadAsDouble((row * V) + o)); // W_y stored [H, V]
            }
        }

        for (int o = 0; o < V; o++)
        {
            Assert.Equal(p.By(o), by.ReadAsDouble(o));
        }
    }

    [Fact]
    public void Rnn_tensors_have_one_block_and_float_elements()
    {
        var p = new LayoutRnn.Parameters();
        Span<float> flat = p.AsSpan();
        for (int k = 0; k < flat.Length; k++)
        {
            flat[k] = (k * 0.25f) - 3f;
        }

        TensorSet set = OnnxLayout.Export<float>(LayoutRnn.Layout, p.AsSpan(), prefix: "rnn.");
        NamedTensor w = set.Require("rnn.W", [1, 3, 2], "test");
        NamedTensor r = set.Require("rnn.R", [1, 3, 3], "test");
        NamedTensor b = set.Require("rnn.B", [1, 6], "test");
        set.Require("rnn.W_y", [3, 2], "test");
        set.Require("rnn.b_y", [2], "test");
        Assert.All(set, t => Assert.Equal(TensorDataType.Float32, t.DataType));
        Assert.Equal(p.W(2, 1), (float)w.ReadAsDouble((2 * 2) + 1));
        Assert.Equal(p.U(1, 2), (float)r.ReadAsDouble((1 * 3) + 2));
        Assert.Equal(p.B(2), (float)b.ReadAsDouble(2));
        Assert.Equal(0.0, b.ReadAsDouble(5));
    }

    [Fact]
    public void Round_trip_is_exact()
    {
        var p = Distinct();
        TensorSet set = OnnxLayout.Export<double>(LayoutLstm.Layout, p.AsSpan(), "m/");
        var back = new LayoutLstm.Parameters();
        OnnxLayout.Import<double>(set, LayoutLstm.Layout, back.AsSpan(), "m/");
        Assert.Equal(p.AsSpan().ToArray(), back.AsSpan().ToArray());

        var layout = new CellLayout(RecurrentCellKind.TanhRnn, 4, 7);
        float[] flat = Enumerable.Range(0, layout.ParameterCount).Select(k => MathF.Sin(k) * 0.3f).ToArray();
        float[] flatBack = new float[flat.Length];
        OnnxLayout.Import<float>(OnnxLayout.Export<float>(layout, flat), layout, flatBack);
        Assert.Equal(flat, flatBack);
    }

    [Fact]
    public void Import_adds_the_two_bias_halves()
    {
        var layout = new CellLayout(RecurrentCellKind.Lstm, 1, 1);
        TensorSet set = new(
        [
            NamedTensor.FromValues<float>("W", [1, 4, 1], [1f, 2f, 3f, 4f]),
            NamedTensor.FromValues<float>("R", [1, 4, 1], [5f, 6f, 7f, 8f]),
            NamedTensor.FromValues<float>("B", [1, 8], [0.5f, 0.25f, 1f, 2f, 10f, 20f, 30f, 40f]),
        ]);
        double[] flat = new double[layout.ParameterCount];
        OnnxLayout.Import<double>(set, layout, flat);

        // ONNX order i, o, f, c; LstmGen order i, f, g, o.
        Assert.Equal(1.0, flat[layout.InputWeightIndex(0, 0)]);
        Assert.Equal(3.0, flat[layout.InputWeightIndex(1, 0)]);
        Assert.Equal(4.0, flat[layout.InputWeightIndex(2, 0)]);
        Assert.Equal(2.0, flat[layout.InputWeightIndex(3, 0)]);
        Assert.Equal(7.0, flat[layout.RecurrentWeightIndex(1, 0)]);
        Assert.Equal(10.5, flat[layout.BiasIndex(0)]);
        Assert.Equal(31.0, flat[layout.BiasIndex(1)]);
        Assert.Equal(42.0, flat[layout.BiasIndex(2)]);
        Assert.Equal(20.25, flat[layout.BiasIndex(3)]);
    }

    [Fact]
    public void Import_with_a_wrong_shape_names_both_shapes_and_writes_nothing()
    {
        var source = Distinct();
        TensorSet good = OnnxLayout.Export<double>(LayoutLstm.Layout, source.AsSpan());
        TensorSet bad = new(good.Select(t => t.Name == "R"
            ? NamedTensor.FromValues<double>("R", [1, 5, 4 * H], new double[4 * H * H])
            : t));

        var target = new LayoutLstm.Parameters();
        target.AsSpan().Fill(7.0);
        var ex = Assert.Throws<InvalidDataException>(() => OnnxLayout.Import<double>(bad, LayoutLstm.Layout, target.AsSpan()));
        Assert.Contains("'R'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 20, 5]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[1, 5, 20]", ex.Message, StringComparison.Ordinal);
        Assert.All(target.AsSpan().ToArray(), v => Assert.Equal(7.0, v));
    }

    [Fact]
    public void Import_without_the_head_tensors_fails_before_writing()
    {
        var source = Distinct();
        TensorSet noHead = new(OnnxLayout.Export<double>(LayoutLstm.Layout, source.AsSpan()).Where(t => t.Name != "b_y"));
        var target = new LayoutLstm.Parameters();
        target.AsSpan().Fill(-1.0);
        var ex = Assert.Throws<InvalidDataException>(() => OnnxLayout.Import<double>(noHead, LayoutLstm.Layout, target.AsSpan()));
        Assert.Contains("'b_y'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", ex.Message, StringComparison.Ordinal);
        Assert.All(target.AsSpan().ToArray(), v => Assert.Equal(-1.0, v));
    }

    [Fact]
    public void Wrong_parameter_lengths_are_rejected()
    {
        double[] tooShort = new double[LayoutLstm.ParameterCount - 1];
        var ex = Assert.Throws<ArgumentException>(() => OnnxLayout.Export<double>(LayoutLstm.Layout, tooShort));
        Assert.Contains(LayoutLstm.ParameterCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);

        TensorSet set = OnnxLayout.Export<double>(LayoutLstm.Layout, Distinct().AsSpan());
        Assert.Throws<ArgumentException>(() => OnnxLayout.Import<double>(set, LayoutLstm.Layout, tooShort));
    }
}
