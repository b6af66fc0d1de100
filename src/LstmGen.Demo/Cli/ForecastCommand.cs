using System.CommandLine;
using System.Globalization;
using LstmGen.Demo.Forecasting;
using LstmGen.Demo.Output;
using LstmGen.Demo.Rendering;
using Spectre.Console;
using static LstmGen.Demo.Cli.DemoCommandLine;

namespace LstmGen.Demo.Cli;

/// <summary>
/// <c>forecast</c>: trains a two-layer LSTM or GRU with a linear head on a monthly series (many-to-one, sliding
/// windows), forecasts the held-out months one step ahead beside the seasonal naive baseline, and writes a checkpoint,
/// the loss curve and the forecast plot.
/// </summary>
internal static class ForecastCommand
{
    private static readonly ForecastOptions Defaults = new();

    public static Command Create(CommandContext context)
    {
        var cell = new Option<string>("--cell") { Description = "The recurrent layers: lstm or gru (two layers of H = 32 each, then a linear head).", DefaultValueFactory = _ => Defaults.Cell };
        var series = new Option<string?>("--series") { Description = "A CSV of consecutive months, 'yyyy-MM,value' after a header line, values positive (default: the embedded monthly airline passengers 1949–1960).", HelpName = "FILE" };
        var steps = new Option<int>("--steps") { Description = "Training steps (one batch of windows and one Adam update each).", DefaultValueFactory = _ => Defaults.Steps };
        var window = new Option<int>("--window") { Description = "Months per input window.", DefaultValueFactory = _ => Defaults.Window };
        var testMonths = new Option<int>("--test-months") { Description = "Months held out at the end of the series and forecast one step ahead.", DefaultValueFactory = _ => Defaults.TestMonths };
        var batch = new Option<int>("--batch") { Description = "Windows per step.", DefaultValueFactory = _ => Defaults.Batch };
        var lr = new Option<double>("--lr") { Description = "Adam's learning rate.", DefaultValueFactory = _ => Defaults.LearningRate };
        var clip = new Option<double>("--clip") { Description = "Clip the gradient's global L2 norm to this (0: off).", DefaultValueFactory = _ => Defaults.ClipNorm };
        var dropout = new Option<double>("--dropout") { Description = "Dropout between the two layers in training, in [0, 1).", DefaultValueFactory = _ => Defaults.Dropout };
        var seed = new Option<int>("--seed") { Description = "Seed of the initialisation, the batches and the dropout masks: the same seed gives the same run bit for bit.", DefaultValueFactory = _ => Defaults.Seed };
        var output = TrainCommand.OutputOption();
        var resume = new Option<string?>("--resume") { Description = "Continue the run saved in this checkpoint (its options and seed; --steps more steps).", HelpName = "CHECKPOINT" };
        var command = new Command("forecast",
            "Train a two-layer LSTM or GRU with a linear head to forecast a monthly series (default: airline passengers 1949–1960, the last two years held out);\n" +
            "writes <out>/forecast-<cell>.ckpt, <out>/forecast-loss.svg and <out>/forecast.svg, and prints the model's error beside the seasonal naive baseline's.");
        foreach (Option option in new Option[] { cell, series, steps, window, testMonths, batch, lr, clip, dropout, seed, output, resume })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => context.Guard(() =>
        {
            var options = new ForecastOptions
            {
                Cell = parse.GetValue(cell)!,
                Steps = parse.GetValue(steps),
                Window = parse.GetValue(window),
                TestMonths = parse.GetValue(testMonths),
                Batch = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                ClipNorm = parse.GetValue(clip),
                Dropout = parse.GetValue(dropout),
                Seed = parse.GetValue(seed),
            };
            Run(context, options, parse.GetValue(series), parse.GetValue(output)!, parse.GetValue(resume));
            return 0;
        }));
        return command;
    }

    /// <summary>The checkpoint path <c>forecast</c> writes for a cell.</summary>
    public static string CheckpointPath(string outputDirectory, string cell) => Path.Combine(outputDirectory, $"forecast-{cell}.ckpt");

    /// <summary>Trains, evaluates and writes the results; returns the evaluation.</summary>
    public static ForecastResult Run(CommandContext context, ForecastOptions options, string? seriesPath, string outputDirectory, string? resumePath)
    {
        options.Validate();
        IAnsiConsole console = context.Console;
        MonthlySeries series = MonthlySeries.Load(seriesPath);
        ForecastSession session;
        if (resumePath is not null)
        {
            session = ForecastSession.Resume(ForecastCheckpointFile.Load(resumePath), series);
            console.WriteLine(F($"Resuming {session.Options.Cell} from {resumePath} at step {session.Step} (options and seed from the checkpoint)."));
        }
        else
        {
            session = ForecastSession.Start(series, options);
        }

        // Inputs first (a bad series or checkpoint leaves no --out directory behind), then the output, before any step.
        OutputDirectory.RequireWritable(outputDirectory);
        ForecastOptions used = session.Options;
        ForecastWindows windows = session.Windows;
        using var stop = new StopSignals();
        console.WriteLine(F($"Forecasting {series.Name}: {series.Count} months {series.Label(0)} to {series.Label(series.Count - 1)}, the last {windows.TestMonths} held out"));
        console.WriteLine(F($"  model: {session.Model} ({session.Model.ParameterCount:N0} parameters, float), dropout {used.Dropout}"));
        console.WriteLine(F($"  {options.Steps} steps of {used.Batch} windows of {used.Window} months, drawn from the {windows.TrainingWindows} that end before {series.Label(windows.FirstTestMonth)}; loss on the last step"));
        console.WriteLine(F($"  Adam lr {used.LearningRate}, clip {used.ClipNorm}, seed {used.Seed}"));
        new TrainingView(console).Run(session, options.Steps, stop.Stop);
        if (stop.Requested)
        {
            console.WriteLine(F($"Interrupted after step {session.Step}: saving what was trained (continue with --resume)."));
        }

        string checkpointPath = CheckpointPath(outputDirectory, used.Cell);
        CheckpointSaving.Save(checkpointPath, $"lstmgen-forecast-{used.Cell}-step{session.Step}", target => ForecastCheckpointFile.Save(session.ToCheckpoint(), target));
        ForecastResult result = session.Evaluate();
        WriteTable(console, series, result);
        string lossPath = Path.Combine(outputDirectory, "forecast-loss.svg"), plotPath = Path.Combine(outputDirectory, "forecast.svg");
        try
        {
            LossCurveSvg.Write(lossPath, session.Losses, windows.NoChangeLoss(),
                F($"forecast ({used.Cell}) on {Path.GetFileName(series.Name)}: training loss"), "forecast of no change", "½ (normalised error)², mean over the batch");
            ForecastPlotSvg.Write(plotPath, series, result, F($"{series.ValueName}: one-step-ahead forecasts of the held-out months ({used.Cell}, {session.Step} steps)"));
        }
        catch (Exception error) when (CheckpointSaving.IsWriteError(error))
        {
            throw DemoException.CannotWrite(lossPath, error, $"the checkpoint {checkpointPath} was written.");
        }

        console.WriteLine(F($"Wrote {checkpointPath} (step {session.Step}), {lossPath} and {plotPath}."));
        return result;
    }

    private static void WriteTable(IAnsiConsole console, MonthlySeries series, ForecastResult result)
    {
        ForecastErrors model = result.ModelErrors, baseline = result.BaselineErrors;
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumns(Markup.Escape(F($"held out: {series.Label(result.FirstMonth)} to {series.Label(series.Count - 1)}")), "MAE", "RMSE", "MAPE");
        table.AddRow("model (one step ahead)", F($"{model.MeanAbsoluteError:0.0}"), F($"{model.RootMeanSquaredError:0.0}"), F($"{model.MeanAbsolutePercentageError:0.0} %"));
        table.AddRow(Markup.Escape("seasonal naive (y[t−12])"), F($"{baseline.MeanAbsoluteError:0.0}"), F($"{baseline.RootMeanSquaredError:0.0}"), F($"{baseline.MeanAbsolutePercentageError:0.0} %"));
        console.Write(table);
        console.WriteLine(model.MeanAbsoluteError < baseline.MeanAbsoluteError
            ? F($"The model's mean absolute error is {100 * (1 - (model.MeanAbsoluteError / baseline.MeanAbsoluteError)):0} % below the seasonal naive baseline's.")
            : F($"The model does not beat the seasonal naive baseline yet (MAE {model.MeanAbsoluteError:0.0} against {baseline.MeanAbsoluteError:0.0}): train longer (--steps) or try another --seed."));
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
