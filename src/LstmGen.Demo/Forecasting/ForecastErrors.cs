namespace LstmGen.Demo.Forecasting;

/// <summary>Forecast errors over the held-out months, in the series' units.</summary>
/// <param name="MeanAbsoluteError">Mean |ŷ − y|.</param>
/// <param name="RootMeanSquaredError">√(mean (ŷ − y)²).</param>
/// <param name="MeanAbsolutePercentageError">Mean |ŷ − y| / y × 100.</param>
public readonly record struct ForecastErrors(double MeanAbsoluteError, double RootMeanSquaredError, double MeanAbsolutePercentageError)
{
    /// <summary>The errors of <paramref name="forecasts"/> against <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static ForecastErrors Of(IReadOnlyList<double> forecasts, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(actual);
        if (forecasts.Count != actual.Count || forecasts.Count == 0)
        {
            throw new ArgumentException($"Expected as many forecasts as actual values (at least one), found {forecasts.Count} and {actual.Count}.");
        }

        double absolute = 0, squared = 0, percentage = 0;
        for (int k = 0; k < forecasts.Count; k++)
        {
            double error = forecasts[k] - actual[k];
            absolute += Math.Abs(error);
            squared += error * error;
            percentage += Math.Abs(error) / actual[k];
        }

        int n = forecasts.Count;
        return new ForecastErrors(absolute / n, Math.Sqrt(squared / n), 100 * percentage / n);
    }
}
