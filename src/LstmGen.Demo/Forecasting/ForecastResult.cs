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
