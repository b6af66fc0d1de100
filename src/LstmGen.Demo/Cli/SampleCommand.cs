using System.CommandLine;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Models;
using LstmGen.Demo.Sampling;
using LstmGen.Demo.Text;
using static LstmGen.Demo.Cli.DemoCommandLine;

namespace LstmGen.Demo.Cli;

/// <summary><c>sample</c>: generates text from a checkpoint, after a prompt.</summary>
internal static class SampleCommand
{
    public static Command Create(CommandContext context)
    {
        var checkpoint = new Option<string?>("--checkpoint") { Description = "The checkpoint to sample from [default: <out>/lstm128.ckpt, what `train` writes].", HelpName = "FILE" };
        var output = TrainCommand.OutputOption();
        var prompt = new Option<string>("--prompt") { Description = "Text the model reads before generating (every character must be in its vocabulary).", DefaultValueFactory = _ => "The " };
        var length = new Option<int>("--length") { Description = "Characters to generate.", DefaultValueFactory = _ => 400 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature (0: always the most likely character).", DefaultValueFactory = _ => 0.8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampling: the same seed gives the same text.", DefaultValueFactory = _ => 1 };

        var command = new Command("sample", "Generate text from a checkpoint written by `train`.");
        foreach (Option option in new Option[] { checkpoint, output, prompt, length, temperature, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => context.Guard(() =>
        {
            string path = parse.GetValue(checkpoint) ?? TrainCommand.CheckpointPath(parse.GetValue(output)!, ModelCatalog.DefaultName);
            string text = Sample(path, parse.GetValue(prompt) ?? string.Empty, parse.GetValue(length), parse.GetValue(temperature), parse.GetValue(seed));
            context.Output.Write(parse.GetValue(prompt));
            context.Output.WriteLine(text);
            return 0;
        }));
        return command;
    }

    /// <summary>Loads the checkpoint and generates <paramref name="length"/> characters after <paramref name="prompt"/>.</summary>
    /// <exception cref="DemoException">The checkpoint is missing or invalid, the prompt has a character outside the vocabulary, or an option is out of range.</exception>
    public static string Sample(string checkpointPath, string prompt, int length, double temperature, int seed)
    {
        if (length < 0)
        {
            throw new DemoException($"--length must be 0 or more, got {length}.");
        }

        if (!(temperature >= 0) || double.IsInfinity(temperature))
        {
            throw new DemoException($"--temperature must be 0 or positive, got {temperature}.");
        }

        Checkpoint saved = CheckpointFile.Load(checkpointPath);
        CharModel model = ModelCatalog.Find(saved.ModelName).Create(1, 1);
        saved.Parameters.CopyTo(model.Parameters);
        return Sampler.Generate(model, new Vocabulary(saved.Vocabulary), prompt, length, temperature, new Random(seed));
    }
}
