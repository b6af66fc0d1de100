using LstmGen.Interop.Layouts;
using LstmGen.Interop.Tests.PyTorch.Support;

namespace LstmGen.Interop.Tests.Layout;

// The test namespace LstmGen.Interop.Tests.SafeTensors would hide the class of the same name.
using SafeTensors = LstmGen.Interop.SafeTensors;

/// <summary>
/// A GRU through every framework layout: PyTorch nn.GRU / nn.GRUCell (r, z, n; b_r, b_z summed, b_in and b_hn apart),
/// Keras GRU(reset_after=True) (z, r, h; bias [2, 3H]), ONNX GRU (z, r, h; B = Wb ‖ Rb), LstmGen's own weights and
/// safetensors: names, shapes, the bias split, round trips bit for bit, agreement between frameworks, and refusals.
/// </summary>
public sealed class GruFrameworkLayoutTests
{
    private static readonly CellLayout Gru = GruLayoutTests.Gru; // D = 3, H = 4, V = 2
    private static readonly PyTorchNames GruNames = new(PyTorchModule.Gru, CellPrefix: "gru.");
    private static readonly PyTorchNames CellNames = new(PyTorchModule.GruCell);

    private static double[] Random(CellLayout layout, int seed)
    {
        var p = new double[layout.ParameterCount];
        PyTorch.PyTorchLayoutTests.Fill<double>(p, seed);
        return p;
    }

    private static double Row(NamedTensor tensor, int index) => tensor.ReadAsDouble(index);

    [Fact]
    public void PyTorch_names_and_shapes_follow_nn_GRU_and_nn_GRUCell()
    {
        double[] p = Random(Gru, 1);
        Assert.Equal(
            ["gru.weight_ih_l0 F64 [12, 3]", "gru.weight_hh_l0 F64 [12, 4]", "gru.bias_ih_l0 F64 [12]", "gru.bias_hh_l0 F64 [12]", "head.weight F64 [2, 4]", "head.bias F64 [2]"],
            PyTorchLayout.Export<double>(Gru, p, GruNames).Select(t => t.Describe()));
        Assert.Equal(
            ["weight_ih F32 [12, 3]", "weight_hh F32 [12, 4]", "bias_ih F32 [12]", "bias_hh F32 [12]", "head.weight F32 [2, 4]", "head.bias F32 [2]"],
            PyTorchLayout.Export<float>(Gru, [.. p.Select(v => (float)v)], CellNames).Select(t => t.Describe()));
        Assert.Equal(RecurrentCellKind.Gru, CellNames.CellKind);
        Assert.Equal("nn.GRU", GruNames.ModuleName);
        Assert.Equal("nn.GRUCell", CellNames.ModuleName);
    }

    [Fact]
    public void PyTorch_export_writes_bias_ih_as_b_and_bias_hh_as_zeros_and_b_hn()
    {
        double[] p = Random(Gru, 2);
        TensorSet set = PyTorchLayout.Export<double>(Gru, p, GruNames);
        for (int row = 0; row < 12; row++)
        {
            Assert.Equal(p[Gru.BiasIndex(row)], Row(set["gru.bias_ih_l0"], row));
            Assert.Equal(row < 8 ? 0.0 : p[Gru.RecurrentBiasIndex(row - 8)], Row(set["gru.bias_hh_l0"], row));
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(p[Gru.InputWeightIndex(row, k)], Row(set["gru.weight_ih_l0"], (row * 3) + k));
            }
        }
    }

    [Fact]
    public void PyTorch_import_sums_the_r_and_z_biases_and_keeps_b_in_and_b_hn_apart()
    {
        TensorSet exported = PyTorchLayout.Export<double>(Gru, Random(Gru, 3), GruNames);
        double[] ih = [.. Enumerable.Range(0, 12).Select(k => 0.1 + (0.01 * k))];
        double[] hh = [.. Enumerable.Range(0, 12).Select(k => -0.3 + (0.07 * k))];
        TensorSet set = new([
            .. exported.Where(t => !t.Name.StartsWith("gru.bias", StringComparison.Ordinal)),
            NamedTensor.FromValues<double>("gru.bias_ih_l0", [12], ih),
            NamedTensor.FromValues<double>("gru.bias_hh_l0", [12], hh),
        ]);
        var p = new double[Gru.ParameterCount];
        PyTorchLayout.Import<double>(set, Gru, p, GruNames);
        for (int row = 0; row < 8; row++)
        {
            Assert.Equal(ih[row] + hh[row], p[Gru.BiasIndex(row)]);
        }

        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(ih[8 + j], p[Gru.BiasIndex(8 + j)]);
            Assert.Equal(hh[8 + j], p[Gru.RecurrentBiasIndex(j)]);
        }
    }

    public static TheoryData<string> Frameworks => ["pytorch", "pytorch-cell", "keras", "onnx", "lstmgen"];

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Export_import_export_import_is_exact_in_float_and_double(string framework)
    {
        double[] p = Random(Gru, 4);
        Assert.Equal(p, RoundTrip(framework, p));
        Assert.Equal(RoundTrip(framework, p), RoundTrip(framework, RoundTrip(framework, p)));
        float[] f = [.. p.Select(v => (float)v)];
        Assert.Equal(f, RoundTrip(framework, f));

        // Through a safetensors file as well: the bytes, the names and the shapes survive.
        TensorSet written = SafeTensors.Read(SafeTensors.Write(Export(framework, p)));
        var q = new double[p.Length];
        Import(framework, written, q);
        Assert.Equal(p, q);
    }

    [Fact]
    public void Keras_GRU_stores_transposed_kernels_in_order_z_r_h_and_two_bias_rows()
    {
        double[] p = Random(Gru, 5);
        TensorSet set = KerasLayout.Export<double>(Gru, p, new KerasNames("gru/", "dense/"));
        Assert.Equal(
            ["gru/kernel F64 [3, 12]", "gru/recurrent_kernel F64 [4, 12]", "gru/bias F64 [2, 12]", "dense/kernel F64 [4, 2]", "dense/bias F64 [2]"],
            set.Select(t => t.Describe()));
        int[] lstmGenBlock = [1, 0, 2]; // Keras block 0 is z, 1 is r, 2 is h (n)
        for (int column = 0; column < 12; column++)
        {
            int row = (lstmGenBlock[column / 4] * 4) + (column % 4);
            Assert.Equal(p[Gru.InputWeightIndex(row, 2)], Row(set["gru/kernel"], (2 * 12) + column));
            Assert.Equal(p[Gru.RecurrentWeightIndex(row, 3)], Row(set["gru/recurrent_kernel"], (3 * 12) + column));
            Assert.Equal(p[Gru.BiasIndex(row)], Row(set["gru/bias"], column));
            Assert.Equal(column < 8 ? 0.0 : p[Gru.RecurrentBiasIndex(column - 8)], Row(set["gru/bias"], 12 + column));
        }
    }

    [Fact]
    public void Onnx_GRU_stores_W_R_in_order_z_r_h_and_B_as_b_then_zeros_and_b_hn()
    {
        double[] p = Random(Gru, 6);
        TensorSet set = OnnxLayout.Export<double>(Gru, p);
        Assert.Equal(["W F64 [1, 12, 3]", "R F64 [1, 12, 4]", "B F64 [1, 24]", "W_y F64 [4, 2]", "b_y F64 [2]"], set.Select(t => t.Describe()));
        int[] lstmGenBlock = [1, 0, 2];
        for (int r = 0; r < 12; r++)
        {
            int row = (lstmGenBlock[r / 4] * 4) + (r % 4);
            Assert.Equal(p[Gru.InputWeightIndex(row, 1)], Row(set["W"], (r * 3) + 1));
            Assert.Equal(p[Gru.RecurrentWeightIndex(row, 2)], Row(set["R"], (r * 4) + 2));
            Assert.Equal(p[Gru.BiasIndex(row)], Row(set["B"], r));
            Assert.Equal(r < 8 ? 0.0 : p[Gru.RecurrentBiasIndex(r - 8)], Row(set["B"], 12 + r));
        }

        Assert.Equal("GRU", OnnxLayout.OperatorName(RecurrentCellKind.Gru));
    }

    /// <summary>
    /// PyTorch's nn.GRU state dict (a committed fixture), rewritten by hand into Keras' and ONNX's layouts (blocks r, z, n
    /// moved to z, r, h, kernels transposed, the two biases as Keras' two rows and ONNX's Wb ‖ Rb), imports to the same
    /// parameters bit for bit through all three importers.
    /// </summary>
    [Fact]
    public void A_PyTorch_state_dict_rewritten_for_Keras_and_ONNX_imports_to_the_same_parameters()
    {
        TorchFixture fixture = TorchFixture.Load("gru_d4_h33_v3_f64");
        CellLayout layout = fixture.Layout;
        int d = layout.InputSize, h = layout.HiddenSize, v = layout.OutputSize, g = layout.GateRows;
        double[] wIh = fixture.Values(fixture.Names.InputWeights), wHh = fixture.Values(fixture.Names.RecurrentWeights);
        double[] bIh = fixture.Values(fixture.Names.InputBias), bHh = fixture.Values(fixture.Names.RecurrentBias);
        double[] headW = fixture.Values(fixture.Names.HeadWeights), headB = fixture.Values(fixture.Names.HeadBias);
        int TorchRow(int zrhRow) => (new[] { 1, 0, 2 }[zrhRow / h] * h) + (zrhRow % h);

        double[] kernel = new double[d * g], recurrentKernel = new double[h * g], kerasBias = new double[2 * g];
        double[] onnxW = new double[g * d], onnxR = new double[g * h], onnxB = new double[2 * g];
        for (int r = 0; r < g; r++)
        {
            int t = TorchRow(r);
            for (int k = 0; k < d; k++)
            {
                kernel[(k * g) + r] = wIh[(t * d) + k];
                onnxW[(r * d) + k] = wIh[(t * d) + k];
            }

            for (int k = 0; k < h; k++)
            {
                recurrentKernel[(k * g) + r] = wHh[(t * h) + k];
                onnxR[(r * h) + k] = wHh[(t * h) + k];
            }

            (kerasBias[r], kerasBias[g + r]) = (bIh[t], bHh[t]);
            (onnxB[r], onnxB[g + r]) = (bIh[t], bHh[t]);
        }

        double[] headKernel = new double[h * v];
        for (int o = 0; o < v; o++)
        {
            for (int j = 0; j < h; j++)
            {
                headKernel[(j * v) + o] = headW[(o * h) + j];
            }
        }

        var fromTorch = new double[layout.ParameterCount];
        var fromKeras = new double[layout.ParameterCount];
        var fromOnnx = new double[layout.ParameterCount];
        PyTorchLayout.Import<double>(fixture.Tensors, layout, fromTorch, fixture.Names);
        KerasLayout.Import<double>(
            new TensorSet([
                NamedTensor.FromValues<double>("kernel", [d, g], kernel), NamedTensor.FromValues<double>("recurrent_kernel", [h, g], recurrentKernel),
                NamedTensor.FromValues<double>("bias", [2, g], kerasBias), NamedTensor.FromValues<double>("dense/kernel", [h, v], headKernel),
                NamedTensor.FromValues<double>("dense/bias", [v], headB),
            ]),
            layout,
            fromKeras);
        OnnxLayout.Import<double>(
            new TensorSet([
                NamedTensor.FromValues<double>("W", [1, g, d], onnxW), NamedTensor.FromValues<double>("R", [1, g, h], onnxR),
                NamedTensor.FromValues<double>("B", [1, 2 * g], onnxB), NamedTensor.FromValues<double>("W_y", [h, v], headKernel),
                NamedTensor.FromValues<double>("b_y", [v], headB),
            ]),
            layout,
            fromOnnx);

        Assert.Equal(fromTorch, fromKeras);
        Assert.Equal(fromTorch, fromOnnx);
        Assert.Contains(fromTorch, value => value != 0);
    }

    [Fact]
    public void LstmGen_weights_of_a_GRU_hold_b_hn_and_say_gru_and_r_z_n()
    {
        double[] p = Random(Gru, 7);
        TensorSet set = LstmGenWeights.Export<double>(Gru, p);
        Assert.Equal(["W F64 [12, 3]", "U F64 [12, 4]", "b F64 [12]", "b_hn F64 [4]", "W_y F64 [2, 4]", "b_y F64 [2]"], set.Select(t => t.Describe()));
        Assert.Equal("gru", set.Metadata["kind"]);
        Assert.Equal("r,z,n", set.Metadata["gate_order"]);

        var lstm = new CellLayout(RecurrentCellKind.Lstm, 3, 3, 2); // 12 gate rows, as the GRU's
        var error = Assert.Throws<InvalidDataException>(() => LstmGenWeights.Import<double>(set, lstm, new double[lstm.ParameterCount], allowExtraTensors: true));
        Assert.Contains("kind = lstm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_modules_shapes_and_layers_are_refused_and_change_nothing()
    {
        double[] p = Random(Gru, 8);
        double[] before = [.. p];
        TensorSet set = PyTorchLayout.Export<double>(Gru, p, GruNames);

        var module = Assert.Throws<ArgumentException>(() => PyTorchLayout.Import<double>(set, Gru, p, new PyTorchNames(PyTorchModule.Lstm, "gru.")));
        Assert.Contains("PyTorchModule.Gru or PyTorchModule.GruCell", module.Message, StringComparison.Ordinal);
        Assert.Contains("nn.LSTM", module.Message, StringComparison.Ordinal);
        var gruForLstm = Assert.Throws<ArgumentException>(() => PyTorchLayout.Export<double>(new CellLayout(RecurrentCellKind.Lstm, 3, 4), new double[new CellLayout(RecurrentCellKind.Lstm, 3, 4).ParameterCount], GruNames));
        Assert.Contains("nn.GRU", gruForLstm.Message, StringComparison.Ordinal);

        // An LSTM's weight_ih [16, 3] where nn.GRU has [12, 3].
        TensorSet lstmShaped = new([.. set.Where(t => t.Name != "gru.weight_ih_l0"), NamedTensor.FromValues<double>("gru.weight_ih_l0", [16, 3], new double[48])]);
        var shape = Assert.Throws<InvalidDataException>(() => PyTorchLayout.Import<double>(lstmShaped, Gru, p, GruNames));
        Assert.Contains("[12, 3]", shape.Message, StringComparison.Ordinal);
        Assert.Contains("[16, 3]", shape.Message, StringComparison.Ordinal);

        TensorSet twoLayers = new([.. set, NamedTensor.FromValues<double>("gru.weight_ih_l1", [12, 4], new double[48])]);
        var layers = Assert.Throws<InvalidDataException>(() => PyTorchLayout.Import<double>(twoLayers, Gru, p, GruNames));
        Assert.Contains("gru.weight_ih_l1", layers.Message, StringComparison.Ordinal);

        // A Keras GRU(reset_after=False) has one bias row [3H]: refused by its shape.
        TensorSet keras = KerasLayout.Export<double>(Gru, p);
        TensorSet resetBefore = new([.. keras.Where(t => t.Name != "bias"), NamedTensor.FromValues<double>("bias", [12], new double[12])]);
        var bias = Assert.Throws<InvalidDataException>(() => KerasLayout.Import<double>(resetBefore, Gru, p));
        Assert.Contains("[2, 12]", bias.Message, StringComparison.Ordinal);
        Assert.Contains("GRU", bias.Message, StringComparison.Ordinal);

        // ONNX B of an LSTM-sized bias.
        TensorSet onnx = OnnxLayout.Export<double>(Gru, p);
        TensorSet shortB = new([.. onnx.Where(t => t.Name != "B"), NamedTensor.FromValues<double>("B", [1, 12], new double[12])]);
        var onnxBias = Assert.Throws<InvalidDataException>(() => OnnxLayout.Import<double>(shortB, Gru, p));
        Assert.Contains("[1, 24]", onnxBias.Message, StringComparison.Ordinal);

        Assert.Equal(before, p);
    }

    private static TensorSet Export<T>(string framework, T[] p)
        where T : unmanaged => framework switch
        {
            "pytorch" => PyTorchLayout.Export<T>(Gru, p, GruNames),
            "pytorch-cell" => PyTorchLayout.Export<T>(Gru, p, CellNames),
            "keras" => KerasLayout.Export<T>(Gru, p),
            "onnx" => OnnxLayout.Export<T>(Gru, p),
            _ => LstmGenWeights.Export<T>(Gru, p),
        };

    private static void Import<T>(string framework, TensorSet set, T[] p)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        switch (framework)
        {
            case "pytorch": PyTorchLayout.Import<T>(set, Gru, p, GruNames); break;
            case "pytorch-cell": PyTorchLayout.Import<T>(set, Gru, p, CellNames); break;
            case "keras": KerasLayout.Import<T>(set, Gru, p); break;
            case "onnx": OnnxLayout.Import<T>(set, Gru, p); break;
            default: LstmGenWeights.Import<T>(set, Gru, p); break;
        }
    }

    private static T[] RoundTrip<T>(string framework, T[] p)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var q = new T[p.Length];
        Import(framework, Export(framework, p), q);
        return q;
    }
}
