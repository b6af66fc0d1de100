using LstmGen.Demo;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;

namespace LstmGen.Models.Tests.Demo;

/// <summary>The checkpoint format: a round trip keeps every bit, and every kind of damage is refused with a message naming it.</summary>
public sealed class CheckpointTests
{
    private static readonly Lazy<Checkpoint> Trained = new(() =>
    {
        using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), new TrainingOptions { Steps = 3, SampleEvery = 0 });
        session.Run(3, NullTrainingObserver.Instance);
        return session.ToCheckpoint();
    });

    [Fact]
    public void Round_trip_keeps_every_field_and_bit()
    {
        Checkpoint original = Trained.Value;
        string path = Path.Combine(Path.GetTempPath(), $"lstmgen-{Guid.NewGuid():N}.ckpt");
        try
        {
            CheckpointFile.Save(original, path);
            Checkpoint loaded = CheckpointFile.Load(path);

            Assert.Equal(original with { Parameters = [], AdamFirstMoment = [], AdamSecondMoment = [], TrainingState = [], Losses = [] },
                loaded with { Parameters = [], AdamFirstMoment = [], AdamSecondMoment = [], TrainingState = [], Losses = [] });
            Assert.Equal(TrainingTests.Bits(original.Parameters), TrainingTests.Bits(loaded.Parameters));
            Assert.Equal(TrainingTests.Bits(original.AdamFirstMoment), TrainingTests.Bits(loaded.AdamFirstMoment));
            Assert.Equal(TrainingTests.Bits(original.AdamSecondMoment), TrainingTests.Bits(loaded.AdamSecondMoment));
            Assert.Equal(TrainingTests.Bits(original.TrainingState), TrainingTests.Bits(loaded.TrainingState));
            Assert.Equal(TrainingTests.Bits(original.Losses), TrainingTests.Bits(loaded.Losses));
            Assert.Equal(3, loaded.Step);
            Assert.Equal(3, loaded.AdamStepCount);
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Not_a_checkpoint() =>
        AssertRefused("This is a text file, not a checkpoint."u8.ToArray(), "is not an LstmGen checkpoint");

    [Fact]
    public void Empty_file() => AssertRefused([], "is not an LstmGen checkpoint");

    [Fact]
    public void Other_version()
    {
        byte[] bytes = Valid();
        BitConverter.TryWriteBytes(bytes.AsSpan(8), 7);
        AssertRefused(bytes, "has format version 7; this demo reads version 1");
    }

    [Fact]
    public void Truncated() => AssertRefused(Valid()[..^100], "is corrupt: its SHA-256 checksum does not match");

    [Fact]
    public void Flipped_bit_in_the_parameters()
    {
        byte[] bytes = Valid();
        bytes[bytes.Length / 2] ^= 0x10;
        AssertRefused(bytes, "is corrupt: its SHA-256 checksum does not match");
    }

    [Fact]
    public void Sizes_of_another_cell() =>
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { HiddenSize = 64 }), "has sizes D = 64, H = 64, V = 64, 14528 parameters, but the demo's lstm32 is D = 64, H = 32, V = 64, 14528 parameters");

    [Fact]
    public void Parameter_count_that_does_not_match_the_cell() =>
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { Parameters = Trained.Value.Parameters[..^1] }), "parameters, but the demo's lstm32 is");

    [Fact]
    public void Unknown_model() =>
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { ModelName = "gru512" }), "is for model 'gru512', which this demo does not declare (it offers lstm128, lstm32)");

    [Fact]
    public void Non_finite_parameter()
    {
        float[] parameters = [.. Trained.Value.Parameters];
        parameters[5] = float.NaN;
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { Parameters = parameters }), "is invalid: parameters entry 5 is NaN");
    }

    [Fact]
    public void Negative_second_moment()
    {
        float[] v = [.. Trained.Value.AdamSecondMoment];
        v[0] = -1;
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { AdamSecondMoment = v }), "Adam second moment has a negative entry");
    }

    [Fact]
    public void Vocabulary_larger_than_the_cell() =>
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { Vocabulary = new string([.. Enumerable.Range(0, 65).Select(k => (char)('0' + k))]) }), "its vocabulary has 65 characters; expected 2 to 64");

    [Fact]
    public void Unsorted_vocabulary() =>
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { Vocabulary = "ba" }), "its vocabulary's characters are not sorted and distinct");

    [Fact]
    public void Loss_history_that_does_not_match_the_step() =>
        AssertRefused(CheckpointFile.ToBytes(Trained.Value with { Step = 4 }), "it holds 3 losses for 4 steps");

    [Fact]
    public void Loss_count_beyond_the_bytes_left_is_refused_before_allocating() =>
        AssertRefused(Crafted(lossCount: int.MaxValue), "it holds 2147483647 losses (17179869176 bytes) but only 24 bytes are left");

    [Fact]
    public void Crafted_loss_count_gives_one_error_line_and_exit_2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"lstmgen-{Guid.NewGuid():N}.ckpt");
        try
        {
            File.WriteAllBytes(path, Crafted(lossCount: int.MaxValue));
            (int code, _, string error) = InProcessDemo.Run(["sample", "--checkpoint", path]);
            Assert.Equal(LstmGen.Demo.Cli.DemoCommandLine.UserErrorExitCode, code);
            Assert.StartsWith($"error: Checkpoint {path} is invalid: it holds 2147483647 losses", Assert.Single(InProcessDemo.Lines(error)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A checkpoint whose step and loss count claim <paramref name="lossCount"/> losses while the file holds
    /// the 3 of the trained run, with a SHA-256 recomputed so that only the count check can catch it.</summary>
    private static byte[] Crafted(int lossCount)
    {
        byte[] bytes = CheckpointFile.ToBytes(Trained.Value with { Step = lossCount });
        int body = bytes.Length - 32;
        int countAt = body - (3 * sizeof(double)) - sizeof(int);
        Assert.Equal(3, BitConverter.ToInt32(bytes, countAt));
        BitConverter.TryWriteBytes(bytes.AsSpan(countAt), lossCount);
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, body)).CopyTo(bytes, body);
        return bytes;
    }

    [Fact]
    public void Missing_file()
    {
        var error = Assert.Throws<DemoException>(() => CheckpointFile.Load("/nonexistent/model.ckpt"));
        Assert.Equal("Checkpoint file not found: /nonexistent/model.ckpt", error.Message);
    }

    private static byte[] Valid() => CheckpointFile.ToBytes(Trained.Value);

    /// <summary>A valid checkpoint of a short training run (shared with the forecast tests).</summary>
    internal static Checkpoint Sample() => Trained.Value;

    private static void AssertRefused(byte[] bytes, string expected)
    {
        var error = Assert.Throws<DemoException>(() => CheckpointFile.FromBytes(bytes, "model.ckpt"));
        Assert.StartsWith("Checkpoint model.ckpt ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
