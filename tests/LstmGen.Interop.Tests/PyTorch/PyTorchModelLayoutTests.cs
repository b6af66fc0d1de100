using LstmGen.Interop.Layouts;
using LstmGen.Interop.Tests.PyTorch.Support;
using LstmGen.Models;
using LstmGen.Reference;
using LstmGen.Reference.Models;
using LstmGen.Tests.Shared;
using Xunit.Abstractions;

namespace LstmGen.Interop.Tests.PyTorch;

/// <summary>
/// <see cref="PyTorchModelLayout"/> against the model fixtures (nn.LSTM(num_layers=2, bidirectional=True), nn.GRU(num_layers=2),
/// nn.RNN(bidirectional=True), each + nn.Linear; one packed): import then export gives PyTorch's tensors back, bit for bit
/// (the two biases as their sum), and the imported parameters, run by the independent MathNet reference model, reproduce
/// every PyTorch value with the gradients exported under PyTorch's names — which pins where import puts every tensor and
/// where export reads it. Models PyTorch cannot express, and state dicts the model does not compute, are refused.
/// </summary>
public sealed class PyTorchModelLayoutTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures => [.. TorchModelCase.All];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Import_then_export_gives_PyTorch_s_tensors_back(string name)
    {
        TorchModelCase c = TorchModelCase.Load(name);
        double[] p = c.Imported();
        TensorSet exported = PyTorchModelLayout.Export<double>(c.Layout, p, c.Prefix);

        Assert.Equal(c.StateDict.Select(t => t.Name).Order(StringComparer.Ordinal), exported.Select(t => t.Name).Order(StringComparer.Ordinal));
        bool gru = c.Layout.Cells[0].Kind == RecurrentCellKind.Gru;
        int h = c.Layout.Cells[0].HiddenSize;
        foreach (NamedTensor tensor in exported)
        {
            Assert.Equal(c.Tensors[tensor.Name].Shape.ToArray(), tensor.Shape.ToArray());
            Assert.Equal(TensorDataType.Float64, tensor.DataType);
            double[] ours = new double[tensor.ElementCount];
            tensor.CopyTo<double>(ours);
            if (!tensor.Name.Contains(".bias_", StringComparison.Ordinal))
            {
                Assert.True(c.Tensors[tensor.Name].Data.SequenceEqual(tensor.Data), $"{name}: {tensor.Name} differs from PyTorch's bits.");
                continue;
            }

            // Import keeps one bias, b = bias_ih + bias_hh (a GRU's n rows apart); export writes bias_ih = b, bias_hh = 0.
            bool input = tensor.Name.Contains(".bias_ih", StringComparison.Ordinal);
            double[] ih = c.Values(tensor.Name.Replace("bias_hh", "bias_ih", StringComparison.Ordinal));
            double[] hh = c.Values(tensor.Name.Replace("bias_ih", "bias_hh", StringComparison.Ordinal));
            for (int r = 0; r < ours.Length; r++)
            {
                bool apart = gru && r >= 2 * h;
                double expected = input ? (apart ? ih[r] : ih[r] + hh[r]) : (apart ? hh[r] : 0);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(ours[r]), $"{name}: {tensor.Name}[{r}] is {ours[r]:R}, expected {expected:R}.");
            }
        }

        var again = new double[p.Length];
        PyTorchModelLayout.Import<double>(exported, c.Layout, again, c.Prefix);
        Assert.Equal(p.Select(BitConverter.DoubleToInt64Bits), again.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Imported_model_run_by_the_reference_reproduces_PyTorch(string name)
    {
        TorchModelCase c = TorchModelCase.Load(name);
        ReferenceModel model = ModelReferenceLayout.ToReference(c.Layout, c.Imported());
        var shape = new TimeMajorBatch(c.Steps, c.Lengths);
        ModelSequence[] batch = shape.Sequences(
            model,
            c.Values("input.x"),
            c.Values("input.h0"),
            c.Tensors.Contains("input.c0") ? c.Values("input.c0") : null,
            c.Values("input.target"),
            c.Tensors.Metadata["loss_steps"] == "last" ? ModelLossSteps.Last : ModelLossSteps.Every);
        var reduction = c.Tensors.Metadata["reduction"] == "mean" ? Reference.BatchReduction.Mean : Reference.BatchReduction.Sum;
        Dictionary<string, double[]> ours = shape.Results(model, batch, reduction, out ModelGradients gradients);
        ModelFixtureComparison.AssertAgrees(c, ours, ModelReferenceLayout.Flatten(c.Layout, gradients), output);
    }

    public static TheoryData<string, string, string> Inexpressible => new()
    {
        { "InteropLstm3x4D", "InteropGru4x4D", "layer 1 is a Gru but layer 0 a Lstm" },
        { "InteropLstm3x4D", "InteropLstm4x5D", "layer 1 has H = 5 but layer 0 H = 4" },
    };

    [Theory]
    [MemberData(nameof(Inexpressible))]
    public void Models_PyTorch_cannot_express_are_refused_naming_why(string lower, string upper, string why)
    {
        var model = new RecurrentModel<double>([TorchModelCase.Layer(lower), TorchModelCase.Layer(upper)]);
        var p = new double[model.ParameterCount];
        ArgumentException export = Assert.Throws<ArgumentException>(() => PyTorchModelLayout.Export<double>(model.Layout, p));
        Assert.Contains(why, export.Message, StringComparison.Ordinal);
        ArgumentException import = Assert.Throws<ArgumentException>(() => PyTorchModelLayout.Import<double>(new TensorSet([]), model.Layout, p));
        Assert.Contains(why, import.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_directions_are_refused()
    {
        var model = new RecurrentModel<double>([TorchModelCase.Layer("InteropLstm3x4D", true), TorchModelCase.Layer("InteropLstm8x4D")]);
        ArgumentException error = Assert.Throws<ArgumentException>(() => PyTorchModelLayout.Export<double>(model.Layout, new double[model.ParameterCount]));
        Assert.Contains("layer 1 is forward-only but layer 0 bidirectional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_dict_with_more_layers_or_directions_than_the_model_is_refused_and_nothing_is_written()
    {
        TorchModelCase c = TorchModelCase.Load("model_lstm_l2_bi_d3_h4_v2_f64");
        var oneLayer = new RecurrentModel<double>([TorchModelCase.Layer("InteropLstm3x4D", true)], OutputHead.Linear, 2);
        double[] p = [.. Enumerable.Range(0, oneLayer.ParameterCount).Select(k => (double)k)];
        double[] before = [.. p];

        // The one-layer model's head takes 8 inputs like the fixture's, so only the extra layer is wrong.
        InvalidDataException layers = Assert.Throws<InvalidDataException>(() => PyTorchModelLayout.Import<double>(c.Tensors, oneLayer.Layout, p, c.Prefix));
        Assert.Contains("'lstm.", layers.Message, StringComparison.Ordinal);
        Assert.Contains("_l1", layers.Message, StringComparison.Ordinal);
        Assert.Contains("a layer 1, but the model has 1 layer.", layers.Message, StringComparison.Ordinal);
        Assert.Equal(before, p);

        var forwardOnly = new RecurrentModel<double>([TorchModelCase.Layer("InteropLstm3x4D")], OutputHead.Linear, 2);
        InvalidDataException reverse = Assert.Throws<InvalidDataException>(() => PyTorchModelLayout.Import<double>(c.Tensors, forwardOnly.Layout, new double[forwardOnly.ParameterCount], c.Prefix));
        Assert.Contains("_reverse'", reverse.Message, StringComparison.Ordinal);
        Assert.Contains("a reverse direction of layer 0, which is forward-only in the model.", reverse.Message, StringComparison.Ordinal);
        output.WriteLine(reverse.Message);
    }
}
