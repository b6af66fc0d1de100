using LstmGen.Models;

namespace LstmGen.Demo.Forecasting;

/// <summary>A two-layer LSTM with a linear head: PyTorch's <c>nn.LSTM(3, 32, num_layers=2)</c> + <c>nn.Linear(32, 1)</c>.</summary>
public static class ForecastLstm
{
    /// <summary>The model.</summary>
    public static RecurrentModel<float> Model { get; } = new(
        [new(RecurrentCell<ForecastLstmLower.Kernel, float>.Instance), new(RecurrentCell<ForecastLstmUpper.Kernel, float>.Instance)],
        OutputHead.Linear,
        outputSize: 1);
}

/// <summary>A two-layer GRU with a linear head: PyTorch's <c>nn.GRU(3, 32, num_layers=2)</c> + <c>nn.Linear(32, 1)</c>.</summary>
public static class ForecastGru
{
    /// <summary>The model.</summary>
    public static RecurrentModel<float> Model { get; } = new(
        [new(RecurrentCell<ForecastGruLower.Kernel, float>.Instance), new(RecurrentCell<ForecastGruUpper.Kernel, float>.Instance)],
        OutputHead.Linear,
        outputSize: 1);
}

/// <summary>The forecasting models the demo offers (<c>forecast --cell lstm|gru</c>).</summary>
public static class ForecastModels
{
    /// <summary>The default: <c>lstm</c>.</summary>
    public const string DefaultName = "lstm";

    /// <summary>Every model by name, default first.</summary>
    public static IReadOnlyList<(string Name, RecurrentModel<float> Model)> All { get; } =
    [
        ("lstm", ForecastLstm.Model),
        ("gru", ForecastGru.Model),
    ];

    /// <summary>The model called <paramref name="name"/>.</summary>
    /// <exception cref="DemoException">No such model.</exception>
    public static RecurrentModel<float> Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).Model
        ?? throw new DemoException($"Unknown forecasting cell '{name}'. The demo offers: {string.Join(", ", All.Select(m => m.Name))}.");
}
