using System.Globalization;

namespace LstmGen.Demo.Models;

/// <summary>One cell the demo offers: its name, compile-time sizes and a factory.</summary>
/// <param name="Name">What <c>--model</c> takes.</param>
/// <param name="CellName">The generated cell's class name.</param>
/// <param name="Vocabulary">D = V: the most distinct characters the cell accepts.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="ParameterCount">The number of parameters.</param>
/// <param name="Layout">The generated cell's <c>Layout</c>: where each weight sits in its flat parameter buffer (for export).</param>
/// <param name="Create">Creates the model with a workspace for windows of up to the given length (first argument) and
/// batches of up to the given number of streams (second), trained on up to the given number of threads (third).</param>
public sealed record ModelEntry(string Name, string CellName, int Vocabulary, int HiddenSize, int ParameterCount, CellLayout Layout, Func<int, int, int, CharModel> Create)
{
    /// <summary>One line for <c>--help</c> and errors, e.g. <c>lstm128: CharLstm128, LSTM vocabulary ≤ 64, H = 128, float, 90,752 parameters</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {CellName}, LSTM + softmax head, vocabulary <= {Vocabulary}, H = {HiddenSize}, float, {ParameterCount:N0} parameters");
}

/// <summary>
/// The cells compiled into the demo. Cell sizes are compile-time constants (each is a generated type), so the demo can
/// only train the sizes declared here; to try another, declare a cell beside <see cref="CharLstm128"/> and add a line.
/// </summary>
public static class ModelCatalog
{
    /// <summary>The model <c>train</c> uses by default.</summary>
    public const string DefaultName = "lstm128";

    /// <summary>Every model, default first.</summary>
    public static IReadOnlyList<ModelEntry> All { get; } =
    [
        new("lstm128", nameof(CharLstm128), CharLstm128.InputSize, CharLstm128.HiddenSize, CharLstm128.ParameterCount, CharLstm128.Layout, (maxWindow, maxBatch, threads) => new CellCharModel("lstm128", RecurrentCell<CharLstm128.Kernel, float>.Instance, maxWindow, maxBatch, threads)),
        new("lstm32", nameof(CharLstm32), CharLstm32.InputSize, CharLstm32.HiddenSize, CharLstm32.ParameterCount, CharLstm32.Layout, (maxWindow, maxBatch, threads) => new CellCharModel("lstm32", RecurrentCell<CharLstm32.Kernel, float>.Instance, maxWindow, maxBatch, threads)),
    ];

    /// <summary>The model called <paramref name="name"/>.</summary>
    /// <exception cref="DemoException">No such model.</exception>
    public static ModelEntry Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DemoException($"Unknown model '{name}'. The demo offers: {string.Join(", ", All.Select(m => m.Name))}.");
}
