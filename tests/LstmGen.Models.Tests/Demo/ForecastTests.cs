using LstmGen.Demo;
using LstmGen.Demo.Cli;
using LstmGen.Demo.Forecasting;
using LstmGen.Demo.Training;
using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// The <c>forecast</c> job: seeded runs repeat bit for bit and resume exactly; a short run of the default model beats
/// the seasonal naive baseline on the held-out 1959–1960 (whose error is computed here from the published values);
/// checkpoints round-trip and refuse damage; the command line checks its inputs and its output directory before
/// training and writes the checkpoint, the loss curve and the forecast plot.
/// </summary>
public sealed class ForecastTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-forecast-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Same_seed_gives_the_same_losses_bit_for_bit(string cell)
    {
        var options = new ForecastOptions { Cell = cell, Steps = 8 };
        double[] first = [.. Train(options, 8).Losses], second = [.. Train(options, 8).Losses];
        Assert.Equal(TrainingTests.Bits(first), TrainingTests.Bits(second));
        Assert.NotEqual(TrainingTests.Bits(first), TrainingTests.Bits([.. Train(options with { Seed = 2 }, 8).Losses]));
    }

    [Fact]
    public void Resumed_run_continues_exactly_as_the_uninterrupted_one()
    {
        var options = new ForecastOptions { Steps = 10 };
        ForecastSession whole = Train(options, 10);
        ForecastCheckpoint half = ForecastCheckpointFile.FromBytes(ForecastCheckpointFile.ToBytes(Train(options, 5).ToCheckpoint()), "half");
        ForecastSession resumed = ForecastSession.Resume(half, MonthlySeries.LoadDefault());
        resumed.Run(5, NullTrainingObserver.Instance);
        Assert.Equal(TrainingTests.Bits([.. whole.Losses]), TrainingTests.Bits([.. resumed.Losses]));
        Assert.Equal(TrainingTests.Bits(whole.Parameters.ToArray()), TrainingTests.Bits(resumed.Parameters.ToArray()));
    }

    [Fact]
    public void Short_run_of_the_default_model_beats_the_seasonal_naive_baseline()
    {
        MonthlySeries series = MonthlySeries.LoadDefault();
        ForecastResult result = Train(new ForecastOptions { Steps = 600 }, 600).Evaluate();

        // The baseline's error on 1959–1960 from the published values: mean |y_t − y_{t−12}| over the 24 months.
        double baseline = Enumerable.Range(120, 24).Average(t => Math.Abs(series.Values[t] - series.Values[t - 12]));
        Assert.Equal(baseline, result.BaselineErrors.MeanAbsoluteError, 1e-9);
        Assert.Equal(series.Values[120..], result.Actual);
        Assert.True(result.ModelErrors.MeanAbsoluteError < 0.6 * baseline, $"model MAE {result.ModelErrors.MeanAbsoluteError:F1} against the baseline's {baseline:F1}");
    }

    [Fact]
    public void Checkpoint_round_trip_keeps_every_bit_and_refuses_damage()
    {
        ForecastCheckpoint original = Train(new ForecastOptions { Cell = "gru", Steps = 3 }, 3).ToCheckpoint();
        ForecastCheckpoint loaded = ForecastCheckpointFile.FromBytes(ForecastCheckpointFile.ToBytes(original), "c");
        Assert.Equal(original.Options with { Steps = 0 }, loaded.Options with { Steps = 0 });   // a resumed run gets its own step count
        Assert.Equal((original.SeriesName, original.SeriesMonths, original.Step, original.AdamStepCount), (loaded.SeriesName, loaded.SeriesMonths, loaded.Step, loaded.AdamStepCount));
        Assert.Equal(TrainingTests.Bits(original.Parameters), TrainingTests.Bits(loaded.Parameters));
        Assert.Equal(TrainingTests.Bits(original.AdamSecondMoment), TrainingTests.Bits(loaded.AdamSecondMoment));

        byte[] flipped = ForecastCheckpointFile.ToBytes(original);
        flipped[flipped.Length / 2] ^= 1;
        Assert.Contains("SHA-256 checksum does not match", Refused(flipped), StringComparison.Ordinal);
        Assert.Contains("is for the cell 'rnn', which this demo does not declare (it offers lstm, gru)", Refused(ForecastCheckpointFile.ToBytes(original with { Options = original.Options with { Cell = "rnn" } })), StringComparison.Ordinal);
        Assert.Contains("parameters, but the demo's gru model has", Refused(ForecastCheckpointFile.ToBytes(original with { Parameters = original.Parameters[..^1] })), StringComparison.Ordinal);
        Assert.Contains("--dropout must be in [0, 1), got 1", Refused(ForecastCheckpointFile.ToBytes(original with { Options = original.Options with { Dropout = 1 } })), StringComparison.Ordinal);
        Assert.Contains("is not an LstmGen checkpoint (it does not start with \"LSTMGENF\")", Refused("A text file, not a checkpoint"u8.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_writes_the_checkpoint_the_curve_and_the_plot_and_resumes()
    {
        (int code, string output, string error) = Run(["forecast", "--steps", "4", "--out", _directory]);
        Assert.True(code == 0, error);
        Assert.Contains("step 4/4", output, StringComparison.Ordinal);
        Assert.Contains("seasonal naive", output, StringComparison.Ordinal);
        Assert.Equal(4, ForecastCheckpointFile.Load(Path.Combine(_directory, "forecast-lstm.ckpt")).Step);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(_directory, "forecast.svg")), StringComparison.Ordinal);
        Assert.Contains("forecast of no change", File.ReadAllText(Path.Combine(_directory, "forecast-loss.svg")), StringComparison.Ordinal);

        (code, output, _) = Run(["forecast", "--resume", Path.Combine(_directory, "forecast-lstm.ckpt"), "--steps", "2", "--out", _directory]);
        Assert.Equal(0, code);
        Assert.Contains("at step 4", output, StringComparison.Ordinal);
        Assert.Equal(6, ForecastCheckpointFile.Load(Path.Combine(_directory, "forecast-lstm.ckpt")).Step);
    }

    [Fact]
    public void Cell_name_in_any_case_is_saved_as_the_demo_spells_it_and_resumes()
    {
        (int code, _, string error) = Run(["forecast", "--cell", "GRU", "--steps", "2", "--out", _directory]);
        Assert.True(code == 0, error);
        string path = Path.Combine(_directory, "forecast-gru.ckpt");
        Assert.Equal("gru", ForecastCheckpointFile.Load(path).Options.Cell);
        (code, _, error) = Run(["forecast", "--resume", path, "--steps", "1", "--out", _directory]);
        Assert.True(code == 0, error);
        Assert.Equal(3, ForecastCheckpointFile.Load(path).Step);
    }

    [Fact]
    public void Resume_on_other_data_of_the_same_length_is_refused()
    {
        MonthlySeries airline = MonthlySeries.LoadDefault();
        string other = Path.Combine(_directory, "other.csv");
        File.WriteAllLines(other, ["month,passengers", .. airline.Values.Select((v, k) => $"{airline.Label(k)},{(k == 100 ? v + 1 : v)}")]);
        ForecastCheckpoint saved = Train(new ForecastOptions { Steps = 2 }, 2).ToCheckpoint();
        var error = Assert.Throws<DemoException>(() => ForecastSession.Resume(saved, MonthlySeries.LoadFile(other)));
        Assert.Equal($"The checkpoint was trained on embedded airline passengers 1949–1960 (144 months), not on {other} (144 months, other values): resume with the same --series.", error.Message);
    }

    [Fact]
    public void A_character_model_s_checkpoint_is_named_as_such()
    {
        byte[] train = LstmGen.Demo.Checkpoints.CheckpointFile.ToBytes(CheckpointTests.Sample());
        Assert.EndsWith("is a character model's checkpoint (written by train), not a forecaster's checkpoint (written by forecast).", Refused(train), StringComparison.Ordinal);
    }

    [Fact]
    public void Adam_step_count_other_than_the_step_is_refused()
    {
        ForecastCheckpoint saved = Train(new ForecastOptions { Steps = 2 }, 2).ToCheckpoint();
        Assert.Contains("Adam's step count 5 differs from the step 2", Refused(ForecastCheckpointFile.ToBytes(saved with { AdamStepCount = 5 })), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_series_file_is_refused_before_the_output_directory_is_made()
    {
        string series = Path.Combine(_directory, "series.csv"), output = Path.Combine(_directory, "out");
        File.WriteAllText(series, "month,sales\n2000-01,1\n2000-03,2\n");
        (int code, _, string error) = Run(["forecast", "--series", series, "--out", output]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal($"error: {series}, line 3: expected the month after the previous line's, found 2000-03.", Assert.Single(Lines(error)));
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--dropout", "1", "error: --dropout must be in [0, 1), got 1.")]
    [InlineData("--window", "1", "error: --window must be between 2 and 1000 months, got 1.")]
    [InlineData("--cell", "lstm9", "error: Unknown forecasting cell 'lstm9'. The demo offers: lstm, gru.")]
    [InlineData("--test-months", "120", "months, too few for windows of 24 months, 120 held-out months and at least 12 training windows (156 months).")]
    public void Out_of_range_options_are_refused_before_training(string option, string value, string message)
    {
        (int code, string output, string error) = Run(["forecast", option, value, "--steps", "3", "--out", _directory]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.EndsWith(message, Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.DoesNotContain("step 1/3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_directory_that_is_a_file_is_refused_before_training()
    {
        string file = Path.Combine(_directory, "file");
        File.WriteAllText(file, "x");
        (int code, string output, string error) = Run(["forecast", "--steps", "3", "--out", file]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal($"error: Cannot use --out {file}: it is a file, not a directory.", Assert.Single(Lines(error)));
        Assert.DoesNotContain("step 1/3", output, StringComparison.Ordinal);
    }

    private static ForecastSession Train(ForecastOptions options, int steps)
    {
        ForecastSession session = ForecastSession.Start(MonthlySeries.LoadDefault(), options);
        session.Run(steps, NullTrainingObserver.Instance);
        return session;
    }

    private static string Refused(byte[] bytes) => Assert.Throws<DemoException>(() => ForecastCheckpointFile.FromBytes(bytes, "c")).Message;
}
