using LstmGen.Models;

namespace LstmGen.Interop.Tests.PyTorch.Support;

using SafeTensors = LstmGen.Interop.SafeTensors;

/// <summary>
/// One committed model fixture (tools/pytorch-fixtures/model_fixtures.py) and the <see cref="RecurrentModel{T}"/> of the
/// same shape built from LstmGen.TestCells' Interop cells.
/// </summary>
internal sealed record TorchModelCase(string Name, TensorSet Tensors, RecurrentModel<double> Model, string Prefix)
{
    /// <summary>The model fixtures by file name (MODEL_CASES in model_fixtures.py) and their models.</summary>
    private static readonly Dictionary<string, Func<RecurrentModel<double>>> Models = new(StringComparer.Ordinal)
    {
        ["model_lstm_l2_bi_d3_h4_v2_f64"] = () => new([Layer("InteropLstm3x4D", true), Layer("InteropLstm8x4D", true)], OutputHead.Linear, 2),
        ["model_gru_l2_d3_h5_v2_last_f64"] = () => new([Layer("InteropGru3x5D"), Layer("InteropGru5x5D")], OutputHead.Linear, 2),
        ["model_rnn_l1_bi_d3_h4_v3_f64"] = () => new([Layer("InteropRnn3x4D", true)], OutputHead.Softmax, 3),
        ["model_gru_l2_d3_h5_v2_nobias_f64"] = () => new([Layer("InteropNoBiasGru3x5D"), Layer("InteropNoBiasGru5x5D")], OutputHead.Linear, 2),
        ["model_lstm_l2_bi_d2_h3_v2_packed_f64"] = () => new([Layer("InteropLstm2x3D", true), Layer("InteropLstm6x3D", true)], OutputHead.Linear, 2),
    };

    public static IEnumerable<string> All => Models.Keys;

    public ModelLayout Layout => Model.Layout;

    public int Steps => Meta("steps");

    /// <summary>Each sequence's length (T for all without <c>lengths</c> metadata).</summary>
    public int[] Lengths => Tensors.Metadata.TryGetValue("lengths", out string? lengths)
        ? [.. lengths.Split(',').Select(int.Parse)]
        : [.. Enumerable.Repeat(Steps, Meta("batch"))];

    public static ModelLayer<double> Layer(string cell, bool bidirectional = false) => new(CellCatalog.Get<double>(cell), bidirectional);

    public static TorchModelCase Load(string name)
    {
        TensorSet tensors = SafeTensors.Read(TorchFixture.PathOf(name));
        return new TorchModelCase(name, tensors, Models[name](), tensors.Metadata["cell_prefix"]);
    }

    public int Meta(string key) => int.Parse(Tensors.Metadata[key], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The tensor <paramref name="name"/> widened to double.</summary>
    public double[] Values(string name)
    {
        NamedTensor tensor = Tensors[name];
        var values = new double[tensor.ElementCount];
        tensor.CopyTo<double>(values);
        return values;
    }

    /// <summary>The state dict's tensors: everything but input.*, output.* and grad.*.</summary>
    public IEnumerable<NamedTensor> StateDict => Tensors.Where(t => !t.Name.StartsWith("input.", StringComparison.Ordinal)
        && !t.Name.StartsWith("output.", StringComparison.Ordinal) && !t.Name.StartsWith("grad.", StringComparison.Ordinal));

    /// <summary>The fixture's parameters imported into a flat buffer of the model's layout.</summary>
    public double[] Imported()
    {
        var p = new double[Layout.ParameterCount];
        Layouts.PyTorchModelLayout.Import<double>(Tensors, Layout, p, Prefix);
        return p;
    }
}
