using System.Diagnostics;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Cli;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;
using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// <c>train --threads N</c>: checked with a clear error, shown in the header, and deterministic across processes: two
/// child processes with the same seed and thread count write the same parameters bit for bit after 100 steps, and so
/// does this process.
/// </summary>
public sealed class TrainingThreadsTests : IDisposable
{
    private static readonly string[] Run100 =
        ["train", "--model", "lstm32", "--steps", "100", "--batch", "8", "--seq-len", "16", "--threads", "2", "--seed", "5", "--sample-every", "0"];

    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-threads-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    public void Threads_out_of_range_is_a_user_error(string threads)
    {
        (int code, _, string error) = Run(["train", "--threads", threads, "--out", _directory]);

        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal($"error: --threads must be between 1 and 256, got {threads}.", Assert.Single(Lines(error)));
    }

    [Fact]
    public void The_header_shows_the_threads_a_batch_trains_on()
    {
        (int code, string output, _) = Run(["train", "--model", "lstm32", "--steps", "2", "--batch", "4", "--threads", "2", "--sample-every", "0", "--out", _directory]);
        (int single, string batchOfOne, _) = Run(["train", "--model", "lstm32", "--steps", "2", "--threads", "2", "--sample-every", "0", "--out", _directory]);

        Assert.Equal(0, code);
        Assert.Equal(0, single);
        Assert.Contains("seed 1, 2 threads", OneLine(output), StringComparison.Ordinal);
        Assert.Contains("seed 1, 1 thread", OneLine(batchOfOne), StringComparison.Ordinal);       // one stream: one thread
        Assert.Equal(TrainerThreadsDefault(), new TrainingOptions().Threads);
    }

    [Fact]
    public void Same_seed_and_threads_give_the_same_parameters_in_every_process()
    {
        float[] first = TrainInChild("a"), second = TrainInChild("b");
        var options = new TrainingOptions { Steps = 100, Batch = 8, SeqLen = 16, Threads = 2, Seed = 5, SampleEvery = 0 };
        using TrainingSession here = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), options);
        here.Run(options.Steps, NullTrainingObserver.Instance);

        Assert.Equal(Bits(first), Bits(second));
        Assert.Equal(Bits(first), Bits(here.Model.Parameters.ToArray()));
    }

    // The console wraps long lines: compare with every run of white space as one space.
    private static string OneLine(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static int TrainerThreadsDefault() => LstmGen.Parallel.TrainerThreads.DefaultThreadCount;

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private float[] TrainInChild(string name)
    {
        string output = Path.Combine(_directory, name);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "LstmGen.Demo.dll"), .. Run100, "--out", output])
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start)!;
        Task<string> errors = child.StandardError.ReadToEndAsync();
        string log = child.StandardOutput.ReadToEnd();
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(5)), "the demo did not finish within 5 minutes");
        Assert.True(child.ExitCode == 0, $"the demo exited with {child.ExitCode}:\n{log}\n{errors.Result}");
        Assert.Contains("2 threads", log, StringComparison.Ordinal);
        return CheckpointFile.Load(TrainCommand.CheckpointPath(output, "lstm32")).Parameters;
    }
}
