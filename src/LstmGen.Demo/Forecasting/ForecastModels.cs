using LstmGen.Models;

namespace LstmGen.Demo.Forecasting;

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

    /// <summary>The model called <paramref name="name"/> (in any case) and its name as the demo spells it.</summary>
    /// <exception cref="DemoException">No such model.</exception>
    public static (string Name, RecurrentModel<float> Model) Find(string name)
    {
        (string Name, RecurrentModel<float> Model) found = All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        return found.Model is null
            ? throw new DemoException($"Unknown forecasting cell '{name}'. The demo offers: {string.Join(", ", All.Select(m => m.Name))}.")
            : found;
    }
}
