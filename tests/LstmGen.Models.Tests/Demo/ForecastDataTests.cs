using LstmGen.Demo;
using LstmGen.Demo.Forecasting;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// The forecasting data: the embedded series is Box and Jenkins' airline passengers as published (its yearly totals
/// 1949 = 1,520 and 1960 = 5,714 and its extremes, 104 in November 1949 and 622 in July 1960, are the published
/// ones), CSV files are read or refused line by line, and the windows, the baseline and the errors follow their
/// definitions, computed here by hand.
/// </summary>
public sealed class ForecastDataTests
{
    [Fact]
    public void Embedded_series_is_the_published_airline_passengers()
    {
        MonthlySeries series = MonthlySeries.LoadDefault();
        Assert.Equal(144, series.Count);
        Assert.Equal("1949-01", series.Label(0));
        Assert.Equal("1960-12", series.Label(143));
        Assert.Equal("passengers", series.ValueName);
        Assert.Equal(1520, series.Values[..12].Sum());
        Assert.Equal(5714, series.Values[^12..].Sum());
        Assert.Equal(104, series.Values.Min());
        Assert.Equal(10, Array.IndexOf(series.Values, 104.0));   // November 1949
        Assert.Equal(622, series.Values.Max());
        Assert.Equal(138, Array.IndexOf(series.Values, 622.0));  // July 1960
    }

    [Fact]
    public void Csv_with_a_skipped_month_is_refused_naming_the_line()
    {
        var error = Assert.Throws<DemoException>(() => MonthlySeries.Parse("s.csv", "month,sales\n2000-01,1\n2000-02,2\n2000-04,3\n"));
        Assert.Equal("s.csv, line 4: expected the month after the previous line's, found 2000-04.", error.Message);
    }

    [Theory]
    [InlineData("month,sales\n2000-01,0\n", "s.csv, line 2: expected a positive finite value (the model forecasts its logarithm), found '0'.")]
    [InlineData("month,sales\n2000-01,NaN\n", "s.csv, line 2: expected a positive finite value (the model forecasts its logarithm), found 'NaN'.")]
    [InlineData("month,sales\n2000-13,1\n", "s.csv, line 2: expected 'yyyy-MM,value', found '2000-13,1'.")]
    [InlineData("month\n2000-01,1\n", "s.csv, line 1: expected a header 'month,<value name>', found 'month'.")]
    [InlineData("month,sales\n", "s.csv: no values after the header.")]
    public void Malformed_csv_is_refused(string text, string message) =>
        Assert.Equal(message, Assert.Throws<DemoException>(() => MonthlySeries.Parse("s.csv", text)).Message);

    [Fact]
    public void Csv_accepts_windows_line_endings_and_a_year_boundary()
    {
        MonthlySeries series = MonthlySeries.Parse("s.csv", "month,sales\r\n1999-12,5\r\n2000-01,6.5\r\n");
        Assert.Equal([5.0, 6.5], series.Values);
        Assert.Equal(11, series.MonthOfYear(0));
        Assert.Equal(0, series.MonthOfYear(1));
    }

    [Fact]
    public void Window_features_and_target_follow_the_definition()
    {
        // y_k = 100·e^{0.02k}: every log step is 0.02, i.e. 0.2 in units of Scale = 0.1.
        MonthlySeries series = Synthetic(60, k => 100 * Math.Exp(0.02 * k));
        var windows = new ForecastWindows(series, windowLength: 4, testMonths: 6);
        Assert.Equal(54, windows.FirstTestMonth);
        Assert.Equal(50, windows.TrainingWindows);
        float[] xs = new float[4 * 2 * 3], targets = new float[4 * 2];
        windows.Write([10, 30], xs, targets);
        for (int t = 0; t < 4; t++)
        {
            for (int b = 0; b < 2; b++)
            {
                int month = (b == 0 ? 10 : 30) - 4 + t;
                ReadOnlySpan<float> x = xs.AsSpan(((t * 2) + b) * 3, 3);
                Assert.Equal(-0.2 * (3 - t), x[0], 1e-5);   // (ln y_t − ln y_e) / 0.1
                Assert.Equal(Math.Sin(2 * Math.PI * (month % 12) / 12), x[1], 1e-6);
                Assert.Equal(Math.Cos(2 * Math.PI * (month % 12) / 12), x[2], 1e-6);
                Assert.Equal(t == 3 ? 0.2 : 0.0, targets[(t * 2) + b], 1e-5);
            }
        }

        Assert.Equal(series.Values[30], windows.Forecast(30, 0.2f), 1e-3);   // the target maps back to the value
    }

    [Fact]
    public void Series_too_short_for_the_windows_is_refused()
    {
        var error = Assert.Throws<DemoException>(() => new ForecastWindows(Synthetic(40, k => 1 + k), windowLength: 24, testMonths: 6));
        Assert.Contains("has 40 months, too few for windows of 24 months, 6 held-out months and at least 12 training windows (42 months)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seasonal_naive_is_the_same_month_a_year_earlier()
    {
        MonthlySeries series = MonthlySeries.LoadDefault();
        Assert.Equal(360, SeasonalNaive.Forecast(series, 132));   // January 1960 ← January 1959
        Assert.Throws<ArgumentOutOfRangeException>(() => SeasonalNaive.Forecast(series, 11));
    }

    [Fact]
    public void Errors_are_the_textbook_means()
    {
        ForecastErrors errors = ForecastErrors.Of([110, 190], [100, 200]);
        Assert.Equal(10, errors.MeanAbsoluteError, 1e-12);
        Assert.Equal(10, errors.RootMeanSquaredError, 1e-12);
        Assert.Equal(7.5, errors.MeanAbsolutePercentageError, 1e-12);   // (10 % + 5 %) / 2
        Assert.Throws<ArgumentException>(() => ForecastErrors.Of([1], [1, 2]));
    }

    private static MonthlySeries Synthetic(int months, Func<int, double> value) =>
        MonthlySeries.Parse("synthetic", "month,value\n" + string.Join("\n", Enumerable.Range(0, months).Select(k =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{2000 + (k / 12)}-{(k % 12) + 1:00},{value(k):R}"))));
}
