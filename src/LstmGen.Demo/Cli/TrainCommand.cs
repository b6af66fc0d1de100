using System.CommandLine;
using System.Globalization;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Models;
using LstmGen.Demo.Output;
using LstmGen.Demo.Rendering;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;
using Spectre.Console;
using static LstmGen.Demo.Cli.DemoCommandLine;

namespace LstmGen.Demo.Cli;

/// <summary><c>train</c>: trains a character model on a corpus, shows progress and samples, writes a checkpoint and a loss curve.</summary>
internal static class TrainCommand
{
    private static readonly TrainingOptions Defaults = new();

    public static Command Create(CommandContext context)
    {
        var model = new Option<string>("--model") { Description = $"The model to train: {string.Join(", ", ModelCatalog.All.Select(m => m.Name))} (sizes above).", DefaultValueFactory = _ => ModelCatalog.DefaultName };
        var corpus = new Option<string?>("--corpus") { Description = "A UTF-8 text file to train on (default: the embedded corpus, a short story written for this project).", HelpName = "FILE" };
        var steps = new Option<int>("--steps") { Description = "Training steps (one window and one update each).", DefaultValueFactory = _ => Defaults.Steps };
        var seqLen = new Option<int>("--seq-len") { Description = "Characters per window of truncated BPTT (the state carries across windows).", DefaultValueFactory = _ => Defaults.SeqLen };
        var batch = new Option<int>("--batch") { Description = "Streams trained at once: the corpus is cut into this many streams, each step trains one window of each as a time-major batch (mean loss).", DefaultValueFactory = _ => Defaults.Batch };
        var threads = new Option<int>("--threads") { Description = F($"Threads a batch trains on (1 to {LstmGen.Parallel.TrainerThreads.MaxThreadCount}; at most one per stream). The same seed and thread count give the same run bit for bit."), DefaultValueFactory = _ => Defaults.Threads, HelpName = "N" };
        var optimizer = new Option<OptimizerKind>("--optimizer") { Description = "Adam (with bias correction) or Sgd.", DefaultValueFactory = _ => Defaults.Optimizer };
        var lr = new Option<double?>("--lr") { Description = "Learning rate [default: 0.01 for Adam, 0.5 for SGD]." };
        var clip = new Option<double>("--clip") { Description = "Clip the gradient's global L2 norm to this (0: off).", DefaultValueFactory = _ => Defaults.ClipNorm };
        var seed = new Option<int>("--seed") { Description = "Seed of the initialisation and the samples: the same seed gives the same losses bit for bit.", DefaultValueFactory = _ => Defaults.Seed };
        var sampleEvery = new Option<int>("--sample-every") { Description = "Print a sample every N steps (0: never).", DefaultValueFactory = _ => Defaults.SampleEvery };
        var sampleLength = new Option<int>("--sample-length") { Description = F($"Characters per sample (at most {Sampling.Sampler.MaxLength:N0})."), DefaultValueFactory = _ => Defaults.SampleLength };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature (0: always the most likely character).", DefaultValueFactory = _ => Defaults.Temperature };
        var output = OutputOption();
        var resume = new Option<string?>("--resume") { Description = "Continue the run saved in this checkpoint (model, window, optimiser and seed come from it; --steps more steps).", HelpName = "CHECKPOINT" };

        var command = new Command("train",
            "Train a character-level LSTM with a softmax head; writes <out>/<model>.ckpt and <out>/loss.svg.\n" +
            "Models (cell sizes are compile-time constants, so the demo offers the cells it declares):\n" +
            string.Join("\n", ModelCatalog.All.Select(m => "  " + m.Describe())));
        foreach (Option option in new Option[] { model, corpus, steps, seqLen, batch, threads, optimizer, lr, clip, seed, sampleEvery, sampleLength, temperature, output, resume })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => context.Guard(() =>
        {
            OptimizerKind kind = parse.GetValue(optimizer);
            var options = new TrainingOptions
            {
                Steps = parse.GetValue(steps),
                SeqLen = parse.GetValue(seqLen),
                Batch = parse.GetValue(batch),
                Threads = parse.GetValue(threads),
                Optimizer = kind,
                LearningRate = parse.GetValue(lr) ?? DefaultLearningRate(kind),
                ClipNorm = parse.GetValue(clip),
                Seed = parse.GetValue(seed),
                SampleEvery = parse.GetValue(sampleEvery),
                SampleLength = parse.GetValue(sampleLength),
                Temperature = parse.GetValue(temperature),
            };
            return Train(context, parse.GetValue(model)!, parse.GetValue(corpus), options, parse.GetValue(output)!, parse.GetValue(resume));
        }));
        return command;
    }

    /// <summary>The <c>--out</c> option, shared with <c>sample</c>.</summary>
    public static Option<string> OutputOption() =>
        new("--out") { Description = "Directory for the checkpoint and the loss curve.", DefaultValueFactory = _ => "lstmgen-out", HelpName = "DIR" };

    /// <summary>The learning rate used when <c>--lr</c> is not given.</summary>
    public static double DefaultLearningRate(OptimizerKind kind) => kind == OptimizerKind.Sgd ? 0.5 : 0.01;

    /// <summary>The checkpoint path <c>train</c> writes for a model.</summary>
    public static string CheckpointPath(string outputDirectory, string modelName) => Path.Combine(outputDirectory, modelName + ".ckpt");

    /// <summary>Trains and writes the results.</summary>
    public static int Train(CommandContext context, string modelName, string? corpusPath, TrainingOptions options, string outputDirectory, string? resumePath)
    {
        using TrainingSession session = TrainSession(context, modelName, corpusPath, options, outputDirectory, resumePath);
        return 0;
    }

    /// <summary>The body of <c>train</c>; returns the session for the default run's final sample.</summary>
    public static TrainingSession TrainSession(CommandContext context, string modelName, string? corpusPath, TrainingOptions options, string outputDirectory, string? resumePath)
    {
        options.Validate();
        IAnsiConsole console = context.Console;
        TrainingSession session;
        if (resumePath is not null)
        {
            Checkpoint checkpoint = CheckpointFile.Load(resumePath);
            Corpus text = Corpus.Load(corpusPath, new Vocabulary(checkpoint.Vocabulary));
            session = TrainingSession.Resume(checkpoint, text, options);
            console.WriteLine(F($"Resuming {session.Entry.Name} from {resumePath} at step {session.Step} (window, batch, optimiser, learning rate, clipping and seed from the checkpoint)."));
        }
        else
        {
            ModelEntry entry = ModelCatalog.Find(modelName);
            Corpus text = Corpus.Load(corpusPath);
            session = TrainingSession.Start(entry, text, options);
        }

        // Inputs first (a missing corpus or a bad checkpoint leaves no --out directory behind), then the output, before any step.
        OutputDirectory.RequireWritable(outputDirectory);
        Corpus corpus = session.Corpus;
        TrainingOptions used = session.Options;
        // Ctrl+C, SIGTERM and SIGHUP stop after the current step; the checkpoint and the curve are still written, so
        // --resume continues. Registered before the header is printed: once it shows, a signal is handled.
        using var stop = new StopSignals();
        console.WriteLine(F($"Training {session.Entry.Describe()}"));
        console.WriteLine(F($"  corpus: {corpus.Name}, {corpus.Indices.Length:N0} characters, vocabulary of {corpus.Vocabulary.Count} (uniform guess: ln {corpus.Vocabulary.Count} = {Math.Log(corpus.Vocabulary.Count):F3} nats per character)"));
        console.WriteLine(F($"  {options.Steps} steps of {(session.Batch > 1 ? $"{session.Batch} streams × " : string.Empty)}{session.SeqLen} characters (truncated BPTT, state carried across windows), {used.Optimizer} lr {used.LearningRate}, {DescribeClip(used.ClipNorm)}, seed {used.Seed}, {DescribeThreads(session.Threads)}"));
        IReadOnlyList<double> losses = new TrainingView(console).Run(session, options.Steps, stop.Stop);
        if (stop.Requested)
        {
            console.WriteLine(F($"Interrupted after step {session.Step}: saving what was trained (continue with --resume)."));
        }

        if (losses.Count > 0)
        {
            int tail = Math.Min(20, losses.Count);
            console.WriteLine(F($"Loss per character: first step {losses[0]:F3}, mean of the last {tail} steps {losses.Skip(losses.Count - tail).Average():F3} nats."));
        }

        string checkpointPath = CheckpointPath(outputDirectory, session.Entry.Name);
        SaveCheckpoint(session.ToCheckpoint(), checkpointPath);
        string curvePath = Path.Combine(outputDirectory, "loss.svg");
        try
        {
            LossCurveSvg.Write(curvePath, session.Losses, Math.Log(corpus.Vocabulary.Count), F($"{session.Entry.CellName} on {Path.GetFileName(corpus.Name)}: loss per character"));
        }
        catch (Exception error) when (IsWriteError(error))
        {
            throw DemoException.CannotWrite(curvePath, error, $"the checkpoint {checkpointPath} was written.");
        }

        console.WriteLine(F($"Wrote {checkpointPath} (step {session.Step}) and {curvePath}."));
        return session;
    }

    private static void SaveCheckpoint(Checkpoint checkpoint, string path) =>
        CheckpointSaving.Save(path, $"lstmgen-{checkpoint.ModelName}-step{checkpoint.Step}", target => CheckpointFile.Save(checkpoint, target));

    private static bool IsWriteError(Exception error) => CheckpointSaving.IsWriteError(error);

    /// <summary><c>clip ‖dθ‖ ≤ 1</c>, or <c>clip off</c> for 0 (no clipping).</summary>
    private static string DescribeClip(double clipNorm) => clipNorm > 0 ? F($"clip ‖dθ‖ ≤ {clipNorm}") : "clip off";

    /// <summary><c>1 thread</c>, <c>2 threads</c>.</summary>
    private static string DescribeThreads(int threads) => threads == 1 ? "1 thread" : F($"{threads} threads");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
