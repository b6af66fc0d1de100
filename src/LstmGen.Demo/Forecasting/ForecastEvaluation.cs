using LstmGen.Models;

namespace LstmGen.Demo.Forecasting;

/// <summary>The held-out months, each forecast one step ahead by the model and by the seasonal naive baseline.</summary>
/// <param name="FirstMonth">The index of the first held-out month in the series.</param>
/// <param name="Actual">The held-out values.</param>
/// <param name="Model">The model's forecasts.</param>
/// <param name="Baseline">The seasonal naive forecasts, <c>y_{t−12}</c>.</param>
public sealed record ForecastResult(int FirstMonth, IReadOnlyList<double> Actual, IReadOnlyList<double> Model, IReadOnlyList<double> Baseline)
{
    /// <summary>The model's errors.</summary>
    public ForecastErrors ModelErrors => ForecastErrors.Of(Model, Actual);

    /// <summary>The baseline's errors.</summary>
    public ForecastErrors BaselineErrors => ForecastErrors.Of(Baseline, Actual);
}

/// <summary>Runs a trained forecaster over the held-out windows (inference: no dropout).</summary>
internal static class ForecastEvaluation
{
    /// <summary>Forecasts every held-out month of <paramref name="windows"/> with <paramref name="model"/> and θ = <paramref name="parameters"/>.</summary>
    public static ForecastResult Run(RecurrentModel<float> model, ReadOnlySpan<float> parameters, ForecastWindows windows)
    {
        int m = windows.TestMonths, l = windows.WindowLength, first = windows.FirstTestMonth;
        int[] targets = Enumerable.Range(first, m).ToArray();
        float[] xs = new float[l * m * ForecastWindows.Features], normalisedTargets = new float[l * m];
        float[] y = new float[1];
        windows.Write(targets, xs, normalisedTargets);
        ModelWorkspace<float> workspace = model.CreateWorkspace(l, m);
        model.Forward(parameters, xs, m, lengths: default, initial: default, final: default, workspace);
        var actual = new double[m];
        var forecasts = new double[m];
        var baseline = new double[m];
        int w = model.OutputWidth;
        for (int b = 0; b < m; b++)
        {
            model.HeadForward(parameters, workspace.Outputs.Slice((((l - 1) * m) + b) * w, w), y);
            actual[b] = windows.Series.Values[first + b];
            forecasts[b] = windows.Forecast(first + b, y[0]);
            baseline[b] = SeasonalNaive.Forecast(windows.Series, first + b);
        }

        return new ForecastResult(first, actual, forecasts, baseline);
    }
}
