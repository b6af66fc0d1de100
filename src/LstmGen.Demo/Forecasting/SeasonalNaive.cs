namespace LstmGen.Demo.Forecasting;

/// <summary>The baseline every monthly forecast must beat: this month is the same month a year ago, <c>ŷ_t = y_{t−12}</c>.</summary>
public static class SeasonalNaive
{
    /// <summary>The season length in months.</summary>
    public const int Season = 12;

    /// <summary>The baseline forecast of month <paramref name="index"/> (which must be at least 12).</summary>
    public static double Forecast(MonthlySeries series, int index)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, Season, nameof(index));
        return series.Values[index - Season];
    }
}
