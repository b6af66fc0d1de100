using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.PyTorch.Support;

// The test namespace LstmGen.Interop.Tests.SafeTensors would hide the class of the same name.
using SafeTensors = LstmGen.Interop.SafeTensors;

/// <summary>
/// One committed PyTorch fixture (tools/pytorch-fixtures/README.md): the state dict, inputs, PyTorch's outputs, loss and
/// gradients, and the case description from the file's metadata.
/// </summary>
internal sealed record TorchFixture(
    string Name,
    TensorSet Tensors,
    PyTorchNames Names,
    int InputSize,
    int HiddenSize,
    int OutputSize,
    int Steps,
    int Batch,
    BatchReduction Reduction,
    bool IsFloat)
{
    /// <summary>The 43 cell fixture files the script writes (40, and 3 bias-free), by file name without extension.</summary>
    public static IReadOnlyList<string> All { get; } = BuildNames();

    /// <summary>
    /// The fixtures run through generated cells (<c>PyTorchFixtureTests</c>): all of them (LSTM, RNN and GRU; the GRU
    /// fixtures are also run through the MathNet reference, <c>GruFixtureTests</c>).
    /// </summary>
    public static IReadOnlyList<string> WithGeneratedCells => All;

    /// <summary>The GRU fixtures (nn.GRU, nn.GRUCell) with biases (the MathNet GRU runner reads them).</summary>
    public static IReadOnlyList<string> Gru { get; } = [.. All.Where(n => n.StartsWith("gru", StringComparison.Ordinal) && !n.Contains("_nobias", StringComparison.Ordinal))];

    /// <summary>Whether the module has biases: false for the bias=False fixtures (metadata <c>bias</c> = false).</summary>
    public bool HasBias => !(Tensors.Metadata.TryGetValue("bias", out string? bias) && bias == "false");

    public bool IsLstm => Names.CellKind == RecurrentCellKind.Lstm;

    /// <summary>The name of the generated cell class (LstmGen.TestCells/TorchCells.cs) of the fixture's kind, sizes and precision.</summary>
    public string CellName =>
        $"Torch{(HasBias ? string.Empty : "NoBias")}{KindPart}{InputSize}x{HiddenSize}{(OutputSize > 0 ? $"V{OutputSize}" : string.Empty)}{(IsFloat ? "F" : "D")}";

    /// <summary>The layout of the fixture's cell.</summary>
    public CellLayout Layout => new(Names.CellKind, InputSize, HiddenSize, OutputSize, hasBias: HasBias);

    private string KindPart => Names.CellKind switch
    {
        RecurrentCellKind.Lstm => "Lstm",
        RecurrentCellKind.Gru => "Gru",
        _ => "Rnn",
    };

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "PyTorch", name + ".safetensors");

    public static TorchFixture Load(string name)
    {
        TensorSet tensors = SafeTensors.Read(PathOf(name));
        string Meta(string key) => tensors.Metadata.TryGetValue(key, out string? value)
            ? value
            : throw new InvalidDataException($"Fixture {name} has no metadata '{key}'.");
        int Int(string key) => int.Parse(Meta(key), System.Globalization.CultureInfo.InvariantCulture);
        PyTorchModule module = Meta("module") switch
        {
            "lstm" => PyTorchModule.Lstm,
            "lstmcell" => PyTorchModule.LstmCell,
            "rnn" => PyTorchModule.Rnn,
            "rnncell" => PyTorchModule.RnnCell,
            "gru" => PyTorchModule.Gru,
            "grucell" => PyTorchModule.GruCell,
            string other => throw new InvalidDataException($"Fixture {name} has unknown module '{other}'."),
        };
        return new TorchFixture(
            name,
            tensors,
            new PyTorchNames(module, Meta("cell_prefix"), Meta("head_prefix") is { Length: > 0 } head ? head : "head."),
            Int("input_size"),
            Int("hidden_size"),
            Int("output_size"),
            Int("steps"),
            Int("batch"),
            Meta("reduction") == "mean" ? BatchReduction.Mean : BatchReduction.Sum,
            Meta("dtype") == "f32");
    }

    /// <summary>The tensor <paramref name="name"/> widened to double.</summary>
    public double[] Values(string name)
    {
        NamedTensor tensor = Tensors[name];
        var values = new double[tensor.ElementCount];
        tensor.CopyTo<double>(values);
        return values;
    }

    private static string[] BuildNames()
    {
        // Mirrors CASES in make_fixtures.py; a missing file fails its test rather than vanishing from the list.
        (string Module, int D, int H, int V)[] cases =
        [
            ("lstm", 2, 1, 0), ("lstm", 3, 5, 4), ("lstm", 7, 17, 0), ("lstm", 4, 33, 0),
            ("lstmcell", 2, 1, 0), ("lstmcell", 3, 5, 0), ("lstmcell", 7, 17, 3), ("lstmcell", 4, 33, 0),
            ("rnn", 2, 1, 0), ("rnn", 3, 5, 4), ("rnn", 7, 17, 0), ("rnn", 4, 33, 0),
            ("rnncell", 3, 5, 0), ("rnncell", 7, 17, 0),
            ("gru", 3, 4, 0), ("gru", 5, 6, 5), ("gru", 7, 17, 0), ("gru", 4, 33, 3),
            ("grucell", 3, 5, 0), ("grucell", 7, 17, 3),
        ];
        // BIAS_FREE_CASES: bias=False modules, float64 only.
        (string Module, int D, int H, int V)[] biasFree = [("lstm", 3, 5, 4), ("rnn", 4, 6, 0), ("gru", 3, 4, 0)];
        return
        [
            .. from c in cases
               from dtype in new[] { "f32", "f64" }
               select $"{c.Module}_d{c.D}_h{c.H}{(c.V > 0 ? $"_v{c.V}" : string.Empty)}_{dtype}",
            .. from c in biasFree
               select $"{c.Module}_nobias_d{c.D}_h{c.H}{(c.V > 0 ? $"_v{c.V}" : string.Empty)}_f64",
        ];
    }
}
