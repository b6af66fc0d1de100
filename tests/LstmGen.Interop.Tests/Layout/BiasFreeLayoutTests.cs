using LstmGen.Interop.Layouts;
using LstmGen.Models;

namespace LstmGen.Interop.Tests.Layout;

/// <summary>
/// Bias-free cells (<c>Bias = false</c>) in every framework layout: PyTorch (<c>bias=False</c>: no <c>bias_ih</c>,
/// <c>bias_hh</c>), Keras (<c>use_bias=False</c>: no <c>bias</c>), ONNX (no <c>B</c>) and LstmGen's own weights (no
/// <c>b</c>, <c>b_hn</c>; metadata bias = false). Export writes the weights (and a head's b_y) and no bias; an import of
/// the export restores every value bit for bit; a bias tensor offered to a bias-free cell is refused naming it, and a
/// missing one for a cell with biases too, with the parameters unchanged; one PyTorch module cannot mix biased and
/// bias-free layers.
/// </summary>
public sealed class BiasFreeLayoutTests
{
    private static readonly CellLayout Gru = new(RecurrentCellKind.Gru, 3, 4, hasBias: false);
    private static readonly CellLayout LstmWithHead = new(RecurrentCellKind.Lstm, 2, 3, 5, OutputHead.Softmax, hasBias: false);
    private static readonly CellLayout BiasedGru = new(RecurrentCellKind.Gru, 3, 4);

    public static TheoryData<string> Layouts() => new("gru", "lstm with head");

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_framework_exports_no_bias_and_imports_its_export_bit_for_bit(string which)
    {
        CellLayout layout = which == "gru" ? Gru : LstmWithHead;
        double[] p = Values(layout.ParameterCount, seed: 3);
        string cellPrefix = layout.Kind == RecurrentCellKind.Gru ? "gru." : "lstm.";
        var torch = new PyTorchNames(layout.Kind == RecurrentCellKind.Gru ? PyTorchModule.Gru : PyTorchModule.Lstm, cellPrefix);
        var keras = new KerasNames("rnn/", "dense/");
        (string Framework, TensorSet Set, string[] Expected, Action<double[]> Import)[] frameworks =
        [
            ("PyTorch", PyTorchLayout.Export<double>(layout, p, torch), [torch.InputWeights, torch.RecurrentWeights, .. Head(layout, "head.weight", "head.bias")],
                q => PyTorchLayout.Import<double>(PyTorchLayout.Export<double>(layout, p, torch), layout, q, torch)),
            ("Keras", KerasLayout.Export<double>(layout, p, keras), [keras.Kernel, keras.RecurrentKernel, .. Head(layout, keras.HeadKernel, keras.HeadBias)],
                q => KerasLayout.Import<double>(KerasLayout.Export<double>(layout, p, keras), layout, q, keras)),
            ("ONNX", OnnxLayout.Export<double>(layout, p), [OnnxLayout.InputWeightsName, OnnxLayout.RecurrentWeightsName, .. Head(layout, OnnxLayout.HeadWeightsName, OnnxLayout.HeadBiasName)],
                q => OnnxLayout.Import<double>(OnnxLayout.Export<double>(layout, p), layout, q)),
            ("LstmGen", LstmGenWeights.Export<double>(layout, p), [LstmGenWeights.InputWeightsName, LstmGenWeights.RecurrentWeightsName, .. Head(layout, LstmGenWeights.HeadWeightsName, LstmGenWeights.HeadBiasName)],
                q => LstmGenWeights.Import<double>(LstmGenWeights.Export<double>(layout, p), layout, q)),
        ];
        foreach (var (framework, set, expected, import) in frameworks)
        {
            Assert.Equal(expected.Order(StringComparer.Ordinal), set.Select(t => t.Name).Order(StringComparer.Ordinal));
            double[] again = new double[p.Length];
            import(again);
            Assert.True(p.AsSpan().SequenceEqual(again), $"{framework}: import of the export differs");
        }

        Assert.Equal("false", LstmGenWeights.Export<double>(layout, p).Metadata["bias"]);
        Assert.False(LstmGenWeights.Export<double>(BiasedGru, Values(BiasedGru.ParameterCount, 1)).Metadata.ContainsKey("bias"));
    }

    [Fact]
    public void A_bias_tensor_for_a_bias_free_cell_is_refused_naming_it_and_nothing_is_written()
    {
        // The biased GRU's state dict (weights of the same shapes, and bias_ih_l0, bias_hh_l0) offered to the bias-free one.
        var names = new PyTorchNames(PyTorchModule.Gru, "gru.");
        TensorSet biased = PyTorchLayout.Export<double>(BiasedGru, Values(BiasedGru.ParameterCount, 5), names);
        double[] p = Values(Gru.ParameterCount, 6), before = [.. p];
        AssertRefused(() => PyTorchLayout.Import<double>(biased, Gru, p, names), "gru.bias_ih_l0");
        AssertRefused(() => KerasLayout.Import<double>(KerasLayout.Export<double>(BiasedGru, Values(BiasedGru.ParameterCount, 5)), Gru, p), "bias");
        AssertRefused(() => OnnxLayout.Import<double>(OnnxLayout.Export<double>(BiasedGru, Values(BiasedGru.ParameterCount, 5)), Gru, p), "B");
        TensorSet ours = LstmGenWeights.Export<double>(BiasedGru, Values(BiasedGru.ParameterCount, 5));
        var withoutMetadata = new TensorSet(ours);
        AssertRefused(() => LstmGenWeights.Import<double>(withoutMetadata, Gru, p, allowExtraTensors: true), "b");
        Assert.Equal(before, p);

        // And the other way: a cell with biases requires them, naming the missing tensor.
        TensorSet free = PyTorchLayout.Export<double>(Gru, p, names);
        double[] q = Values(BiasedGru.ParameterCount, 7);
        var missing = Assert.Throws<InvalidDataException>(() => PyTorchLayout.Import<double>(free, BiasedGru, q, names));
        Assert.Contains("gru.bias_ih_l0", missing.Message, StringComparison.Ordinal);

        // A bias-free LstmGen weights file offered to a cell with biases: its metadata names the mismatch.
        var metadata = Assert.Throws<InvalidDataException>(() => LstmGenWeights.Import<double>(LstmGenWeights.Export<double>(Gru, p), BiasedGru, q));
        Assert.True(metadata.Message.Contains("the metadata says bias = false: the file holds a bias-free cell", StringComparison.Ordinal), metadata.Message);
    }

    [Fact]
    public void A_bias_free_cell_has_no_bias_block()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterBlocks.Shape(Gru, ParameterBlock.Bias));
        Assert.Contains("bias-free", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParameterBlocks.Shape(Gru, ParameterBlock.RecurrentBias));
        Assert.Equal([5], ParameterBlocks.Shape(LstmWithHead, ParameterBlock.HeadBias));
    }

    [Fact]
    public void A_bias_free_model_round_trips_and_one_module_cannot_mix_biased_and_bias_free_layers()
    {
        var model = new RecurrentModel<double>([new(CellCatalog.Get<double>(nameof(InteropNoBiasGru3x5D))), new(CellCatalog.Get<double>(nameof(InteropNoBiasGru5x5D)))], OutputHead.Linear, 2);
        double[] p = Values(model.ParameterCount, 8);
        TensorSet set = PyTorchModelLayout.Export<double>(model.Layout, p, "gru.");
        Assert.DoesNotContain(set, t => t.Name.Contains("bias_", StringComparison.Ordinal));
        Assert.Contains(set, t => t.Name == "head.bias");
        double[] again = new double[p.Length];
        PyTorchModelLayout.Import<double>(set, model.Layout, again, "gru.");
        Assert.Equal(p, again);
        Assert.Contains("bias=False", PyTorchModelLayout.Describe(model.Layout), StringComparison.Ordinal);

        var mixed = new RecurrentModel<double>([new(CellCatalog.Get<double>(nameof(InteropGru3x5D))), new(CellCatalog.Get<double>(nameof(InteropNoBiasGru5x5D)))]);
        var error = Assert.Throws<ArgumentException>(() => PyTorchModelLayout.Export<double>(mixed.Layout, new double[mixed.ParameterCount]));
        Assert.Contains("layer 1 is bias-free but layer 0 with biases", error.Message, StringComparison.Ordinal);

        // A biased module's state dict offered to the bias-free model: refused naming a bias tensor, nothing written.
        var biased = new RecurrentModel<double>([new(CellCatalog.Get<double>(nameof(InteropGru3x5D))), new(CellCatalog.Get<double>(nameof(InteropGru5x5D)))], OutputHead.Linear, 2);
        TensorSet withBiases = PyTorchModelLayout.Export<double>(biased.Layout, Values(biased.ParameterCount, 9), "gru.");
        double[] before = [.. p];
        var refused = Assert.Throws<InvalidDataException>(() => PyTorchModelLayout.Import<double>(withBiases, model.Layout, p, "gru."));
        Assert.Contains("'gru.bias_", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, p);

        // And the bias-free state dict offered to the biased model: refused naming the missing bias.
        double[] q = Values(biased.ParameterCount, 10), beforeQ = [.. q];
        var missing = Assert.Throws<InvalidDataException>(() => PyTorchModelLayout.Import<double>(set, biased.Layout, q, "gru."));
        Assert.Contains("gru.bias_", missing.Message, StringComparison.Ordinal);
        Assert.Equal(beforeQ, q);
    }

    private static void AssertRefused(Action import, string tensor)
    {
        var error = Assert.Throws<InvalidDataException>(import);
        Assert.Contains($"'{tensor}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bias-free", error.Message, StringComparison.Ordinal);
    }

    private static string[] Head(CellLayout layout, string weights, string bias) => layout.HasHead ? [weights, bias] : [];

    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5)];
    }
}
