using LstmGen.Models;

namespace LstmGen.Demo.Forecasting;

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

        // All m windows as one batch, step by step: inference writes the states only, no caches (Model.Step, each layer
        // one batched step); the last step's top outputs feed the head.
        int w = model.OutputWidth, features = ForecastWindows.Features;
        float[] states = new float[m * model.StateLength], outputs = new float[m * w];
        for (int t = 0; t < l; t++)
        {
            model.Step(parameters, xs.AsSpan(t * m * features, m * features), m, states, outputs);
        }

        var actual = new double[m];
        var forecasts = new double[m];
        var baseline = new double[m];
        for (int b = 0; b < m; b++)
        {
            model.HeadForward(parameters, outputs.AsSpan(b * w, w), y);
            actual[b] = windows.Series.Values[first + b];
            forecasts[b] = windows.Forecast(first + b, y[0]);
            baseline[b] = SeasonalNaive.Forecast(windows.Series, first + b);
        }

        return new ForecastResult(first, actual, forecasts, baseline);
    }
}
