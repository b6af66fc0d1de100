using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Cli;

using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// The demo's command line, run in-process with string writers: each user error gives exit code 2 and one clear
/// <c>error:</c> line; train → sample works end to end; <c>--help</c> lists the models.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Missing_corpus_file()
    {
        string missing = Path.Combine(_directory, "missing.txt");
        AssertUserError(["train", "--corpus", missing, "--out", _directory], $"error: Corpus file not found: {missing}");
    }

    [Fact]
    public void Missing_corpus_file_leaves_no_output_directory_behind()
    {
        string missing = Path.Combine(_directory, "missing.txt");
        string output = Path.Combine(_directory, "not-created");
        AssertUserError(["train", "--corpus", missing, "--out", output], $"error: Corpus file not found: {missing}");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Empty_corpus_file()
    {
        string empty = Write("empty.txt", string.Empty);
        AssertUserError(["train", "--corpus", empty, "--out", _directory], $"error: The corpus {empty} is empty: a model needs at least two characters to learn which one follows which.");
    }

    [Fact]
    public void Corpus_with_more_distinct_characters_than_the_model_accepts()
    {
        string wide = Write("wide.txt", new string([.. Enumerable.Range(0, 80).Select(k => (char)('!' + k))]));
        AssertUserError(["train", "--corpus", wide, "--model", "lstm32", "--out", _directory],
            $"error: The corpus {wide} has 80 distinct characters, but model lstm32 accepts at most 64 (its input size is a compile-time constant). Use a corpus with at most 64 distinct characters.");
    }

    [Fact]
    public void Corrupt_checkpoint_for_sample()
    {
        string corrupt = Write("corrupt.ckpt", "LSTMGENC and then garbage that is long enough to hold a version and a checksum");
        (int code, _, string error) = Run(["sample", "--checkpoint", corrupt]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.StartsWith($"error: Checkpoint {corrupt} has format version ", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public void Checkpoint_modified_after_saving_for_resume()
    {
        string path = TrainSmall();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[200] ^= 1;
        File.WriteAllBytes(path, bytes);
        AssertUserError(["train", "--resume", path, "--steps", "1", "--out", _directory],
            $"error: Checkpoint {path} is corrupt: its SHA-256 checksum does not match its content (the file was truncated or modified).");
    }

    [Fact]
    public void Missing_checkpoint() =>
        AssertUserError(["sample", "--out", _directory], $"error: Checkpoint file not found: {Path.Combine(_directory, "lstm128.ckpt")}");

    [Fact]
    public void Unknown_model() =>
        AssertUserError(["train", "--model", "gru9", "--out", _directory], "error: Unknown model 'gru9'. The demo offers: lstm128, lstm32.");

    [Fact]
    public void Prompt_outside_the_vocabulary()
    {
        string path = TrainSmall();
        (int code, _, string error) = Run(["sample", "--checkpoint", path, "--prompt", "Zebra"]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.StartsWith("error: The prompt contains 'Z' (U+005A), which is not in the model's vocabulary: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_option() =>
        AssertUserError(["train", "--seq-len", "0", "--out", _directory], "error: --seq-len must be at least 1, got 0.");

    [Fact]
    public void Batch_out_of_range() =>
        AssertUserError(["train", "--batch", "0", "--out", _directory], "error: --batch must be between 1 and 256, got 0.");

    [Fact]
    public void Parse_error_exits_with_1()
    {
        (int code, _, string error) = Run(["train", "--steps", "many"]);
        Assert.Equal(1, code);
        Assert.Contains("many", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_then_sample_then_resume()
    {
        string path = TrainSmall();
        Assert.True(File.Exists(Path.Combine(_directory, "loss.svg")));
        Assert.Equal(4, CheckpointFile.Load(path).Step);

        (int code, string output, string error) = Run(["sample", "--checkpoint", path, "--prompt", "The sea", "--length", "40", "--seed", "5"]);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("The sea", output, StringComparison.Ordinal);
        Assert.Equal("The sea".Length + 40, output.TrimEnd('\n').Length);
        Assert.Equal(output, Run(["sample", "--checkpoint", path, "--prompt", "The sea", "--length", "40", "--seed", "5"]).Output);

        (code, output, _) = Run(["train", "--resume", path, "--steps", "2", "--out", _directory, "--sample-every", "0"]);
        Assert.Equal(0, code);
        Assert.Contains("at step 4", output, StringComparison.Ordinal);
        Assert.Equal(6, CheckpointFile.Load(path).Step);
    }

    [Fact]
    public void Help_lists_the_models_with_their_sizes()
    {
        (int code, string output, _) = Run(["--help"]);
        Assert.Equal(0, code);
        Assert.Contains("lstm128: CharLstm128, LSTM + softmax head, vocabulary <= 64, H = 128, float", output, StringComparison.Ordinal);
        Assert.Contains("lstm32: CharLstm32, LSTM + softmax head, vocabulary <= 64, H = 32, float", output, StringComparison.Ordinal);
        Assert.Contains("train", output, StringComparison.Ordinal);
        Assert.Contains("sample", output, StringComparison.Ordinal);
        Assert.Contains("worked-example", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Worked_example_command_prints_the_snapshot_table()
    {
        (int code, string output, _) = Run(["worked-example"]);
        Assert.Equal(0, code);
        Assert.EndsWith(LstmGen.Demo.WorkedExample.WorkedExampleTable.Render(LstmGen.Demo.WorkedExample.WorkedExampleRun.Run()), output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "clip off,")]
    [InlineData("2.5", "clip ‖dθ‖ ≤ 2.5,")]
    public void Clip_zero_is_described_as_off(string clip, string expected)
    {
        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--steps", "1", "--clip", clip, "--sample-every", "0", "--out", _directory]);
        Assert.True(code == 0, output + error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_directory_that_is_a_file_is_refused_before_training()
    {
        string file = Write("not-a-directory", "x");
        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--steps", "3", "--sample-every", "0", "--out", file]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal($"error: Cannot use --out {file}: it is a file, not a directory.", Assert.Single(Lines(error)));
        Assert.DoesNotContain("step 1/3", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/lstmgen-out")]
    [InlineData("/proc")]
    [InlineData("/sys/kernel/lstmgen-out")]
    public void Output_directory_that_cannot_be_written_is_refused_before_training(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;   // /proc and /sys are Linux's
        }

        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--steps", "3", "--sample-every", "0", "--out", directory]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.StartsWith($"error: Cannot write to --out {directory}: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.DoesNotContain("step 1/3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_that_cannot_be_saved_after_training_is_saved_to_a_temporary_file_named_in_the_error()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "lstm32.ckpt"));   // the directory is writable, the checkpoint's path is not a file
        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--steps", "3", "--sample-every", "0", "--out", _directory]);

        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Contains("step 3/3", output, StringComparison.Ordinal);
        string line = Assert.Single(Lines(error));
        const string Saved = "; the run was saved to ";
        Assert.StartsWith($"error: Cannot write '{Path.Combine(_directory, "lstm32.ckpt")}': ", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "Cannot write"));  // the path is named once, not the temporary file
        Assert.DoesNotContain(".tmp", line, StringComparison.Ordinal);
        string fallback = line[(line.IndexOf(Saved, StringComparison.Ordinal) + Saved.Length)..line.IndexOf(" instead", StringComparison.Ordinal)];
        try
        {
            Assert.Equal(3, CheckpointFile.Load(fallback).Step);
        }
        finally
        {
            File.Delete(fallback);
        }
    }

    private string TrainSmall()
    {
        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--steps", "4", "--seq-len", "16", "--sample-every", "2", "--sample-length", "10", "--out", _directory]);
        Assert.True(code == 0, output + error);
        Assert.Contains("sample after step 2", output, StringComparison.Ordinal);
        return Path.Combine(_directory, "lstm32.ckpt");
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private void AssertUserError(string[] args, string expected)
    {
        (int code, _, string error) = Run(args);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal(expected, Assert.Single(Lines(error)));
    }
}
