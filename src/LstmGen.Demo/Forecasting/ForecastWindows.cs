namespace LstmGen.Demo.Forecasting;

/// <summary>
/// The forecasting problem cut from a <see cref="MonthlySeries"/>: windows of L months, each predicting the month after
/// it (many-to-one). The last <see cref="TestMonths"/> months are held out: training windows end before them, and each
/// held-out month is forecast one step ahead from the L actual months before it.
/// </summary>
/// <remarks>
/// Each window is normalised by its own last month e, so the model sees shapes, not levels, and can forecast levels it
/// never saw in training (the series grows): step t of the window is
/// <c>x_t = [(ln y_t − ln y_e) / Scale, sin(2π·month_t/12), cos(2π·month_t/12)]</c> (D = <see cref="Features"/>), and
/// the target is <c>(ln y_{e+1} − ln y_e) / Scale</c>, so the forecast is <c>ŷ_{e+1} = y_e · exp(Scale · output)</c>.
/// </remarks>
public sealed class ForecastWindows
{
    /// <summary>D: values per step (the normalised log value and the month as a point on the unit circle).</summary>
    public const int Features = 3;

    /// <summary>The unit of the normalised log values: 0.1, so a change of 10 % is about one unit.</summary>
    public const double Scale = 0.1;

    /// <summary>The fewest training windows a series must give.</summary>
    public const int MinTrainingWindows = 12;

    // sin and cos of 2π·month/12 for each calendar month: the window features' second and third values.
    private static readonly (float Sin, float Cos)[] MonthOnCircle =
        [.. Enumerable.Range(0, 12).Select(month => ((float)Math.Sin(2 * Math.PI * month / 12), (float)Math.Cos(2 * Math.PI * month / 12)))];

    private readonly double[] _logs;

    /// <summary>Cuts <paramref name="series"/> into windows of <paramref name="windowLength"/> months, holding out the last <paramref name="testMonths"/>.</summary>
    /// <exception cref="DemoException">The series is too short for the window, the held-out months and <see cref="MinTrainingWindows"/> training windows.</exception>
    public ForecastWindows(MonthlySeries series, int windowLength, int testMonths)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowLength, 2, nameof(windowLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(testMonths, 1, nameof(testMonths));
        int needed = windowLength + testMonths + MinTrainingWindows;
        if (series.Count < needed)
        {
            throw new DemoException(
                $"The series {series.Name} has {series.Count} months, too few for windows of {windowLength} months, {testMonths} held-out months and at least {MinTrainingWindows} training windows ({needed} months).");
        }

        Series = series;
        WindowLength = windowLength;
        TestMonths = testMonths;
        _logs = series.Values.Select(value => Math.Log(value)).ToArray();
    }

    /// <summary>The series.</summary>
    public MonthlySeries Series { get; }

    /// <summary>L: months per window.</summary>
    public int WindowLength { get; }

    /// <summary>The held-out months at the end of the series.</summary>
    public int TestMonths { get; }

    /// <summary>The index of the first held-out month.</summary>
    public int FirstTestMonth => Series.Count - TestMonths;

    /// <summary>Training windows: one per month from L up to the first held-out month.</summary>
    public int TrainingWindows => FirstTestMonth - WindowLength;

    /// <summary>The month training window <paramref name="window"/> predicts.</summary>
    public int TrainingTarget(int window) => WindowLength + window;

    /// <summary>
    /// Writes the windows that predict months <paramref name="targets"/> as a time-major batch: xs [L × m × D] and the
    /// normalised targets [L × m × 1], filled at the last step only (the loss is on the last step).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer does not hold L × m rows, or a month has fewer than L months before it.</exception>
    public void Write(ReadOnlySpan<int> targets, Span<float> xs, Span<float> targetValues)
    {
        int m = targets.Length, l = WindowLength;
        if (xs.Length != l * m * Features || targetValues.Length != l * m)
        {
            throw new ArgumentException($"Expected xs of {l * m * Features} and targets of {l * m} values for {m} windows of {l} months.");
        }

        targetValues.Clear();
        for (int b = 0; b < m; b++)
        {
            int target = targets[b], last = target - 1;
            if (target < l || target >= Series.Count)
            {
                throw new ArgumentException($"Expected a month in [{l}, {Series.Count}), found {target}.", nameof(targets));
            }

            for (int t = 0; t < l; t++)
            {
                int month = target - l + t;
                Span<float> x = xs.Slice(((t * m) + b) * Features, Features);
                x[0] = (float)Change(last, month);
                (x[1], x[2]) = MonthOnCircle[Series.MonthOfYear(month)];
            }

            targetValues[((l - 1) * m) + b] = (float)Change(last, target);
        }
    }

    /// <summary>
    /// The training loss of forecasting no change (output 0) for every training window, ½·target² averaged: the loss
    /// the model must get below (the loss curve's reference line).
    /// </summary>
    public double NoChangeLoss()
    {
        double sum = 0;
        for (int w = 0; w < TrainingWindows; w++)
        {
            int target = TrainingTarget(w);
            double change = Change(target - 1, target);
            sum += 0.5 * change * change;
        }

        return sum / TrainingWindows;
    }

    /// <summary>The forecast of month <paramref name="target"/> from the model's output: <c>y_{target−1} · exp(Scale · output)</c>.</summary>
    public double Forecast(int target, float output) => Series.Values[target - 1] * Math.Exp(Scale * output);

    // (ln y_to − ln y_from) / Scale: a month's value relative to the window's last month, in units of Scale.
    private double Change(int from, int to) => (_logs[to] - _logs[from]) / Scale;
}
