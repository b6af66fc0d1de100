using System.CommandLine;
using LstmGen.Demo.Models;
using Spectre.Console;

namespace LstmGen.Demo.Cli;

/// <summary>
/// The demo's command line (System.CommandLine): no command runs the main job (worked example, a short training run,
/// a sample); <c>worked-example</c>, <c>train</c> and <c>sample</c> run one part with options, <c>export</c> writes a
/// checkpoint's model as ONNX or safetensors, and <c>forecast</c> runs the second main job (a two-layer forecaster on
/// a monthly series). <see cref="Run"/> is the
/// entry point, callable in-process with any writers (the tests do).
/// </summary>
public static class DemoCommandLine
{
    /// <summary>Exit code of a user error (missing corpus, corrupt checkpoint, ...), printed as one <c>error:</c> line.</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output (tables, progress, samples).</param>
    /// <param name="error">Standard error (error lines).</param>
    /// <param name="interactive">Whether to draw a live progress bar; null detects it from the terminal.</param>
    /// <returns>0 on success, 1 for a parse error or a worked-example mismatch, <see cref="UserErrorExitCode"/> for a user error.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool? interactive = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive == false ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = interactive == false ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = interactive switch { true => InteractionSupport.Yes, false => InteractionSupport.No, null => InteractionSupport.Detect },
        });
        if (!console.Profile.Capabilities.Interactive)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 120);   // logs are not terminals: don't wrap at 80
        }

        var context = new CommandContext(console, output, error);
        RootCommand root = Build(context);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The command tree.</summary>
    internal static RootCommand Build(CommandContext context)
    {
        var root = new RootCommand(
            "LstmGen demo: compile-time specialised LSTM cells doing real work.\n" +
            "With no command: the seeds' worked example, then `train` with its defaults on the embedded corpus, then a sample.\n\n" +
            "Models (cell sizes are compile-time constants, so the demo offers the cells it declares):\n" +
            string.Join("\n", ModelCatalog.All.Select(m => "  " + m.Describe())));
        var workedExample = new Command("worked-example", "Print the seeds' worked example (LSTM D = 2, H = 1, two steps) computed by a generated cell, each value beside the seed's print.");
        workedExample.SetAction(_ => context.Guard(() => WorkedExampleCommand.Run(context.Output)));
        root.Subcommands.Add(workedExample);
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ForecastCommand.Create(context));
        root.SetAction(_ => context.Guard(() => DefaultRun.Run(context)));
        return root;
    }

    /// <summary>Where the commands write, and the error handling they share.</summary>
    internal sealed class CommandContext(IAnsiConsole console, TextWriter output, TextWriter error)
    {
        public IAnsiConsole Console { get; } = console;

        public TextWriter Output { get; } = output;

        public TextWriter Error { get; } = error;

        /// <summary>Runs a command, turning a <see cref="DemoException"/> into one error line and exit code 2.</summary>
        public int Guard(Func<int> command)
        {
            try
            {
                return command();
            }
            catch (DemoException problem)
            {
                Output.Flush();
                Error.WriteLine($"error: {problem.Message}");
                return UserErrorExitCode;
            }
        }
    }
}
