using System.CommandLine;
using System.Globalization;
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
        var length = new Option<int>("--length") { Description = string.Create(CultureInfo.InvariantCulture, $"Characters to generate (at most {Sampler.MaxLength:N0}; written as they are drawn)."), DefaultValueFactory = _ => 400 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature (0: always the most likely character).", DefaultValueFactory = _ => 0.8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sampling: the same seed gives the same text.", DefaultValueFactory = _ => 1 };
        var count = new Option<int>("--count")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"Samples to generate (at most {MaxCount}), all streams stepped at once by the batched inference step; sample i uses seed + i, so sample 1 is the text of --count 1."),
            DefaultValueFactory = _ => 1,
        };

        var command = new Command("sample", "Generate text from a checkpoint written by `train`.");
        foreach (Option option in new Option[] { checkpoint, output, prompt, length, temperature, seed, count })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => context.Guard(() =>
        {
            string path = parse.GetValue(checkpoint) ?? TrainCommand.CheckpointPath(parse.GetValue(output)!, ModelCatalog.DefaultName);
            Sample(context.Output, path, parse.GetValue(prompt) ?? string.Empty, parse.GetValue(length), parse.GetValue(temperature), parse.GetValue(seed), parse.GetValue(count));
            return 0;
        }));
        return command;
    }

    /// <summary>Loads the checkpoint and writes <paramref name="prompt"/> then <paramref name="length"/> generated
    /// characters to <paramref name="output"/>, streamed as they are drawn (flushed at each line and every
    /// <see cref="FlushEvery"/> characters, so memory stays constant and a long sample shows as it grows), with control
    /// characters made visible (<see cref="VisibleText"/>).</summary>
    /// <remarks>With <paramref name="count"/> above 1 the samples are generated together (<see cref="Sampler.GenerateStreams"/>)
    /// and written one after the other when all are done, each under a line naming its number and seed.</remarks>
    /// <exception cref="DemoException">The checkpoint is missing or invalid, the prompt has a character outside the
    /// vocabulary, or an option is out of range (<paramref name="length"/> above <see cref="Sampler.MaxLength"/> among them).</exception>
    public static void Sample(TextWriter output, string checkpointPath, string prompt, int length, double temperature, int seed, int count = 1)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new DemoException(string.Create(CultureInfo.InvariantCulture, $"--count must be between 1 and {MaxCount}, got {count}."));
        }

        if (length is < 0 or > Sampler.MaxLength)
        {
            throw new DemoException(string.Create(CultureInfo.InvariantCulture, $"--length must be between 0 and {Sampler.MaxLength:N0}, got {length}."));
        }

        if (!(temperature >= 0) || double.IsInfinity(temperature))
        {
            throw new DemoException($"--temperature must be 0 or positive, got {temperature}.");
        }

        Checkpoint saved = CheckpointFile.Load(checkpointPath);
        using CharModel model = ModelCatalog.Find(saved.ModelName).Create(1, count, 1);
        saved.Parameters.CopyTo(model.Parameters);
        var vocabulary = new Vocabulary(saved.Vocabulary);
        Sampler.RequireInVocabulary(vocabulary, prompt);
        if (count > 1)
        {
            string[] texts = Sampler.GenerateStreams(model, vocabulary, prompt, length, temperature, seed, count);
            for (int i = 0; i < count; i++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- sample {i + 1} of {count} (seed {seed + i}) ---"));
                output.WriteLine(VisibleText.Render(prompt + texts[i]));
            }

            output.Flush();
            return;
        }

        output.Write(VisibleText.Render(prompt));
        int held = 0;
        Sampler.Generate(model, vocabulary, prompt, length, temperature, new Random(seed), rune =>
        {
            VisibleText.Write(output, rune);
            if (rune.Value == '\n' || ++held == FlushEvery)
            {
                output.Flush();
                held = 0;
            }
        });
        output.WriteLine();
        output.Flush();
    }

    /// <summary>The most samples one <c>sample --count</c> generates together.</summary>
    public const int MaxCount = 64;

    /// <summary>The most generated characters held back before <c>sample</c> flushes its output.</summary>
    private const int FlushEvery = 64;
}
