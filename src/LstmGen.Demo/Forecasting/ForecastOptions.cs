using System.Globalization;

namespace LstmGen.Demo.Forecasting;

/// <summary>
/// Hyper-parameters of a <c>forecast</c> run. The defaults train the two-layer LSTM on the embedded airline series in
/// well under a minute (4 s on an idle 2-core machine, 15 s on a busy one) and beat the seasonal naive baseline on the held-out 1959–1960.
/// </summary>
public sealed record ForecastOptions
{
    /// <summary>The largest <see cref="Batch"/> accepted.</summary>
    public const int MaxBatch = 256;

    /// <summary>Which model: <c>lstm</c> or <c>gru</c> (<see cref="ForecastModels"/>).</summary>
    public string Cell { get; init; } = ForecastModels.DefaultName;

    /// <summary>Training steps (one batch of windows and one Adam update each).</summary>
    public int Steps { get; init; } = 3000;

    /// <summary>L: months per window.</summary>
    public int Window { get; init; } = 24;

    /// <summary>Months held out at the end of the series (forecast one step ahead, never trained on).</summary>
    public int TestMonths { get; init; } = 24;

    /// <summary>m: windows per step, drawn at random (seeded) from the training windows.</summary>
    public int Batch { get; init; } = 16;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.003;

    /// <summary>The gradient's global L2 norm is clipped to this (0: off).</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Dropout between the two layers in training (PyTorch's <c>dropout=</c>), in [0, 1).</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Seeds the initialisation, the batches and the dropout masks: the same seed gives the same run bit for bit.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks every value's range.</summary>
    /// <exception cref="DemoException">A value is out of range.</exception>
    public void Validate()
    {
        Require(Steps >= 0, $"--steps must be 0 or more, got {Steps}.");
        Require(Window is >= 2 and <= 1000, $"--window must be between 2 and 1000 months, got {Window}.");
        Require(TestMonths >= 1, $"--test-months must be at least 1, got {TestMonths}.");
        Require(Batch is >= 1 and <= MaxBatch, $"--batch must be between 1 and {MaxBatch}, got {Batch}.");
        Require(double.IsFinite(LearningRate) && LearningRate > 0, F($"--lr must be positive and finite, got {LearningRate}."));
        Require(double.IsFinite(ClipNorm) && ClipNorm >= 0, F($"--clip must be 0 (off) or positive, got {ClipNorm}."));
        Require(Dropout is >= 0 and < 1, F($"--dropout must be in [0, 1), got {Dropout}."));
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DemoException(message);
        }
    }
}
