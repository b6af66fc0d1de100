using System.Globalization;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;
using Spectre.Console;
using static LstmGen.Demo.Cli.DemoCommandLine;

namespace LstmGen.Demo.Cli;

/// <summary>The main job (no command): the worked example, then <c>train</c> with its defaults on the embedded corpus, then a sample.</summary>
internal static class DefaultRun
{
    public static int Run(CommandContext context)
    {
        int workedExample = WorkedExampleCommand.Run(context.Output);
        IAnsiConsole console = context.Console;
        console.WriteLine();
        console.Write(new Rule("train: a character-level LSTM on the embedded corpus") { Justification = Justify.Left });
        TrainingOptions options = new();
        using TrainingSession session = TrainCommand.TrainSession(context, ModelCatalog.DefaultName, corpusPath: null, options, "lstmgen-out", resumePath: null);
        console.WriteLine();
        console.Write(new Rule("sample: the trained model continues \"The \"") { Justification = Justify.Left });
        console.WriteLine("The " + VisibleText.Render(session.Sample("The ", length: 300, options.Temperature, seed: options.Seed)));
        console.WriteLine();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Next: `train --steps 3000` for a better model, `sample --prompt \"The sea\"` to sample from {TrainCommand.CheckpointPath("lstmgen-out", session.Entry.Name)}, `--help` for every option."));
        return workedExample;
    }
}
