namespace LstmGen.Demo.Forecasting;

/// <summary>
/// Everything needed to continue a <c>forecast</c> run bit for bit or to evaluate its model: the options (model,
/// window, held-out months, batch, learning rate, clipping, dropout, seed), which series it was trained on, θ, Adam's
/// moments and the loss history. <see cref="ForecastCheckpointFile"/> writes and validates it.
/// </summary>
public sealed record ForecastCheckpoint
{
    /// <summary>The run's options; <see cref="ForecastOptions.Steps"/> is not saved (a resumed run gets its own).</summary>
    public required ForecastOptions Options { get; init; }

    /// <summary>Where the series came from (for messages).</summary>
    public required string SeriesName { get; init; }

    /// <summary>The series' length in months.</summary>
    public required int SeriesMonths { get; init; }

    /// <summary>The series' <see cref="MonthlySeries.Fingerprint"/>: a run resumes only on the same data.</summary>
    public required string SeriesFingerprint { get; init; }

    /// <summary>Steps completed.</summary>
    public required long Step { get; init; }

    /// <summary>θ, the model's flat parameter buffer.</summary>
    public required float[] Parameters { get; init; }

    /// <summary>Adam's step count t.</summary>
    public required long AdamStepCount { get; init; }

    /// <summary>Adam's m.</summary>
    public required float[] AdamFirstMoment { get; init; }

    /// <summary>Adam's v.</summary>
    public required float[] AdamSecondMoment { get; init; }

    /// <summary>The loss of every step.</summary>
    public required double[] Losses { get; init; }
}
