using System.Globalization;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;
using Spectre.Console;

namespace LstmGen.Demo.Rendering;

/// <summary>
/// Shows a training run on the console. On an interactive terminal: a live Spectre.Console progress bar whose label
/// carries the loss, its moving average, characters per second and the ETA, with samples printed above it. When the
/// output is redirected (a log, CI, a test): one plain line every tenth of the run instead, so logs stay readable.
/// </summary>
public sealed class TrainingView
{
    private readonly IAnsiConsole _console;

    /// <summary>Creates a view writing to <paramref name="console"/>.</summary>
    public TrainingView(IAnsiConsole console) => _console = console ?? throw new ArgumentNullException(nameof(console));

    /// <summary>Runs <paramref name="steps"/> steps of <paramref name="session"/> (a character model or a forecaster) while showing its progress.</summary>
    public IReadOnlyList<double> Run(ITrainingRun session, int steps, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_console.Profile.Capabilities.Interactive)
        {
            return session.Run(steps, new LineObserver(_console, Math.Max(1, steps / 10)), cancellation);
        }

        IReadOnlyList<double> losses = [];
        _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("starting", maxValue: Math.Max(1, steps));
                losses = session.Run(steps, new BarObserver(_console, task, session.Step), cancellation);
                task.Value = task.MaxValue;
            });
        return losses;
    }

    /// <summary>The label of a progress line: <c>step 120/300  loss 2.143  avg 2.201  5,432 chars/s  ETA 0:21</c>.</summary>
    public static string Describe(in TrainingProgress progress)
    {
        double remaining = progress.ItemsPerSecond > 0 ? (progress.LastStep - progress.Step) / (progress.ItemsPerSecond / ItemsPerStepHint(progress)) : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"step {progress.Step}/{progress.LastStep}  loss {progress.Loss:F3}  avg {progress.SmoothedLoss:F3}  {progress.ItemsPerSecond:N0} {progress.Unit}/s  ETA {TimeSpan.FromSeconds(Math.Ceiling(remaining)):m\\:ss}");
    }

    // The observer does not see the window length; the progress's rate is characters, so convert through it.
    private static double ItemsPerStepHint(in TrainingProgress progress) => progress.ItemsPerStep > 0 ? progress.ItemsPerStep : 1;

    private static void WriteSample(IAnsiConsole console, long step, string sample)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]sample after step {step}:[/]"));
        console.Write(new Panel(new Spectre.Console.Text(VisibleText.Render(sample))) { Border = BoxBorder.Rounded });
    }

    private sealed class BarObserver(IAnsiConsole console, ProgressTask task, long firstStep) : ITrainingObserver
    {
        public void OnStep(in TrainingProgress progress)
        {
            task.Value = progress.Step - firstStep;
            task.Description = Markup.Escape(Describe(progress));
        }

        public void OnSample(long step, string sample) => WriteSample(console, step, sample);
    }

    private sealed class LineObserver(IAnsiConsole console, int every) : ITrainingObserver
    {
        public void OnStep(in TrainingProgress progress)
        {
            if (progress.Step % every == 0 || progress.Step == progress.LastStep)
            {
                console.WriteLine(Describe(progress));
            }
        }

        public void OnSample(long step, string sample) => WriteSample(console, step, sample);
    }
}
