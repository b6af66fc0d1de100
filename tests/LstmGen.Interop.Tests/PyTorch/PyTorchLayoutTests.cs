using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.PyTorch;

/// <summary>PyTorch names and shapes, bias handling, round trips and every refusal of <see cref="PyTorchLayout"/>.</summary>
public sealed class PyTorchLayoutTests
{
    private static readonly PyTorchNames LstmNames = new(PyTorchModule.Lstm, CellPrefix: "lstm.", HeadPrefix: "head.");

    /// <summary>Distinct, non-round values (no two equal, none exactly representable as a short decimal).</summary>
    internal static void Fill<T>(Span<T> values, int seed)
        where T : System.Numerics.INumberBase<T>
    {
        var random = new Random(seed);
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = T.CreateChecked((random.NextDouble() * 2) - 1);
        }
    }

    [Fact]
    public void Export_names_shapes_and_types_follow_nn_LSTM_and_nn_Linear()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        Fill<double>(p.AsSpan(), 1);
        TensorSet set = PyTorchLayout.Export<double>(TorchLstm3x5V4D.Layout, p.AsSpan(), LstmNames);

        Assert.Equal(
            ["lstm.weight_ih_l0 F64 [20, 3]", "lstm.weight_hh_l0 F64 [20, 5]", "lstm.bias_ih_l0 F64 [20]", "lstm.bias_hh_l0 F64 [20]", "head.weight F64 [4, 5]", "head.bias F64 [4]"],
            set.Select(t => t.Describe()));
        var f = new TorchRnn3x5F.Parameters();
        Assert.Equal(
            ["weight_ih F32 [5, 3]", "weight_hh F32 [5, 5]", "bias_ih F32 [5]", "bias_hh F32 [5]"],
            PyTorchLayout.Export<float>(TorchRnn3x5F.Layout, f.AsSpan(), new PyTorchNames(PyTorchModule.RnnCell)).Select(t => t.Describe()));
    }

    [Fact]
    public void Exported_weights_are_the_generated_accessors_in_gate_order_i_f_g_o()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        Fill<double>(p.AsSpan(), 2);
        TensorSet set = PyTorchLayout.Export<double>(TorchLstm3x5V4D.Layout, p.AsSpan(), LstmNames);
        LstmGate[] pytorchOrder = [LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output];
        for (int block = 0; block < 4; block++)
        {
            for (int row = 0; row < 5; row++)
            {
                int r = (block * 5) + row;
                for (int k = 0; k < 3; k++)
                {
                    Assert.Equal(p.W(pytorchOrder[block], row, k), set["lstm.weight_ih_l0"].ReadAsDouble((r * 3) + k));
                }

                for (int k = 0; k < 5; k++)
                {
                    Assert.Equal(p.U(pytorchOrder[block], row, k), set["lstm.weight_hh_l0"].ReadAsDouble((r * 5) + k));
                }

                Assert.Equal(p.B(pytorchOrder[block], row), set["lstm.bias_ih_l0"].ReadAsDouble(r));
                Assert.Equal(0.0, set["lstm.bias_hh_l0"].ReadAsDouble(r));
            }
        }

        for (int v = 0; v < 4; v++)
        {
            Assert.Equal(p.By(v), set["head.bias"].ReadAsDouble(v));
            for (int j = 0; j < 5; j++)
            {
                Assert.Equal(p.Wy(v, j), set["head.weight"].ReadAsDouble((v * 5) + j));
            }
        }
    }

    [Theory]
    [InlineData(PyTorchModule.Lstm)]
    [InlineData(PyTorchModule.LstmCell)]
    public void Export_then_import_restores_every_lstm_parameter_exactly(PyTorchModule module)
    {
        var names = new PyTorchNames(module, CellPrefix: "m.", HeadPrefix: "out.");
        var p = new TorchLstm3x5V4F.Parameters();
        Fill<float>(p.AsSpan(), 3);
        var q = new TorchLstm3x5V4F.Parameters();
        PyTorchLayout.Import<float>(PyTorchLayout.Export<float>(TorchLstm3x5V4F.Layout, p.AsSpan(), names), TorchLstm3x5V4F.Layout, q.AsSpan(), names);
        Assert.Equal(p.AsSpan().ToArray(), q.AsSpan().ToArray());
    }

    [Theory]
    [InlineData(PyTorchModule.Rnn)]
    [InlineData(PyTorchModule.RnnCell)]
    public void Export_then_import_restores_every_rnn_parameter_exactly(PyTorchModule module)
    {
        var names = new PyTorchNames(module);
        var p = new TorchRnn3x5V4D.Parameters();
        Fill<double>(p.AsSpan(), 4);
        var q = new TorchRnn3x5V4D.Parameters();
        PyTorchLayout.Import<double>(PyTorchLayout.Export<double>(TorchRnn3x5V4D.Layout, p.AsSpan(), names), TorchRnn3x5V4D.Layout, q.AsSpan(), names);
        Assert.Equal(p.AsSpan().ToArray(), q.AsSpan().ToArray());
    }

    [Fact]
    public void Import_adds_the_two_biases()
    {
        var p = new TorchRnn3x5D.Parameters();
        TensorSet set = Replace(
            PyTorchLayout.Export<double>(TorchRnn3x5D.Layout, p.AsSpan(), new PyTorchNames(PyTorchModule.Rnn)),
            NamedTensor.FromValues<double>("bias_ih_l0", [5], [1, 2, 3, 4, 5]),
            NamedTensor.FromValues<double>("bias_hh_l0", [5], [0.5, -2, 0.25, 10, 0]));
        PyTorchLayout.Import<double>(set, TorchRnn3x5D.Layout, p.AsSpan(), new PyTorchNames(PyTorchModule.Rnn));
        Assert.Equal([1.5, 0, 3.25, 14, 5], Enumerable.Range(0, 5).Select(r => p.B(r)));
    }

    [Fact]
    public void A_float32_state_dict_loads_into_a_double_cell_exactly()
    {
        var f = new TorchLstm2x1F.Parameters();
        Fill<float>(f.AsSpan(), 5);
        var d = new TorchLstm2x1D.Parameters();
        PyTorchLayout.Import<double>(PyTorchLayout.Export<float>(TorchLstm2x1F.Layout, f.AsSpan(), LstmNames), TorchLstm2x1D.Layout, d.AsSpan(), LstmNames);
        Assert.Equal(f.AsSpan().ToArray().Select(v => (double)v), d.AsSpan().ToArray());
    }

    [Fact]
    public void A_float64_state_dict_loads_into_a_float_cell_rounded_to_nearest()
    {
        var d = new TorchRnn3x5V4D.Parameters();
        Fill<double>(d.AsSpan(), 9);
        var f = new TorchRnn3x5V4F.Parameters();
        var names = new PyTorchNames(PyTorchModule.Rnn);
        PyTorchLayout.Import<float>(PyTorchLayout.Export<double>(TorchRnn3x5V4D.Layout, d.AsSpan(), names), TorchRnn3x5V4F.Layout, f.AsSpan(), names);
        Assert.Equal(d.AsSpan().ToArray().Select(v => (float)v), f.AsSpan().ToArray());
    }

    [Fact]
    public void A_head_in_the_file_is_ignored_by_a_cell_without_one()
    {
        var withHead = new TorchLstm3x5V4D.Parameters();
        Fill<double>(withHead.AsSpan(), 6);
        var plain = new TorchLstm3x5D.Parameters();
        PyTorchLayout.Import<double>(PyTorchLayout.Export<double>(TorchLstm3x5V4D.Layout, withHead.AsSpan(), LstmNames), TorchLstm3x5D.Layout, plain.AsSpan(), LstmNames);
        Assert.Equal(withHead.AsSpan()[..plain.AsSpan().Length].ToArray(), plain.AsSpan().ToArray());
    }

    [Fact]
    public void A_wrong_shape_names_the_expected_and_the_actual_shape_and_changes_nothing()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        TensorSet set = Replace(Exported(), NamedTensor.FromValues<double>("head.bias", [5], new double[5]));
        var error = AssertRefusedAndUnchanged<InvalidDataException>(set, p, LstmNames);
        Assert.Contains("'head.bias'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[5]", error.Message, StringComparison.Ordinal);

        // PyTorch's [4H, D] and its transpose: the message shows both.
        set = Replace(Exported(), NamedTensor.FromValues<double>("lstm.weight_ih_l0", [3, 20], new double[60]));
        error = AssertRefusedAndUnchanged<InvalidDataException>(set, p, LstmNames);
        Assert.Contains("shape [20, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("shape [3, 20]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_tensor_or_head_is_named()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        var error = AssertRefusedAndUnchanged<InvalidDataException>(Without(Exported(), "lstm.bias_hh_l0"), p, LstmNames);
        Assert.Contains("'lstm.bias_hh_l0'", error.Message, StringComparison.Ordinal);
        error = AssertRefusedAndUnchanged<InvalidDataException>(Without(Exported(), "head.weight"), p, LstmNames);
        Assert.Contains("'head.weight' of shape [4, 5]", error.Message, StringComparison.Ordinal);

        // The wrong prefix: every name is missing, and the message lists what the file has.
        error = AssertRefusedAndUnchanged<InvalidDataException>(Exported(), p, LstmNames with { CellPrefix = "rnn." });
        Assert.Contains("'rnn.weight_ih_l0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("lstm.weight_ih_l0 F64 [20, 3]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lstm.weight_ih_l1")]
    [InlineData("lstm.bias_hh_l0_reverse")]
    [InlineData("lstm.weight_hr_l0")]
    public void A_second_layer_direction_or_projection_is_refused(string extra)
    {
        var p = new TorchLstm3x5V4D.Parameters();
        TensorSet set = Replace(Exported(), NamedTensor.FromValues<double>(extra, [20], new double[20]));
        var error = AssertRefusedAndUnchanged<InvalidDataException>(set, p, LstmNames);
        Assert.Contains($"'{extra}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("single-layer, unidirectional nn.LSTM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_kind_must_match_the_cell_kind()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        var error = AssertRefusedAndUnchanged<ArgumentException>(Exported(), p, new PyTorchNames(PyTorchModule.Rnn, "lstm."));
        Assert.Contains("PyTorchModule.Lstm or PyTorchModule.LstmCell", error.Message, StringComparison.Ordinal);
        Assert.Contains("nn.RNN", error.Message, StringComparison.Ordinal);
        var rnn = new TorchRnn3x5D.Parameters();
        Assert.Throws<ArgumentException>(() => PyTorchLayout.Export<double>(TorchRnn3x5D.Layout, rnn.AsSpan(), new PyTorchNames(PyTorchModule.LstmCell)));
    }

    [Fact]
    public void A_buffer_of_the_wrong_length_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PyTorchLayout.Import<double>(Exported(), TorchLstm3x5V4D.Layout, new double[3], LstmNames));
        Assert.Contains(TorchLstm3x5V4D.ParameterCount.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    private static TensorSet Exported()
    {
        var source = new TorchLstm3x5V4D.Parameters();
        Fill<double>(source.AsSpan(), 7);
        return PyTorchLayout.Export<double>(TorchLstm3x5V4D.Layout, source.AsSpan(), LstmNames);
    }

    private static TException AssertRefusedAndUnchanged<TException>(TensorSet set, TorchLstm3x5V4D.Parameters p, PyTorchNames names)
        where TException : Exception
    {
        Fill<double>(p.AsSpan(), 8);
        double[] before = p.AsSpan().ToArray();
        var error = Assert.Throws<TException>(() => PyTorchLayout.Import<double>(set, TorchLstm3x5V4D.Layout, p.AsSpan(), names));
        Assert.Equal(before, p.AsSpan().ToArray());
        return error;
    }

    internal static TensorSet Replace(TensorSet set, params NamedTensor[] replacements) =>
        new([.. set.Where(t => replacements.All(r => r.Name != t.Name)), .. replacements]);

    internal static TensorSet Without(TensorSet set, string name) => new(set.Where(t => t.Name != name));
}
