using System.Text;
using LstmGen.Demo.Cli;
using LstmGen.Demo.Text;

using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// What <c>sample</c> and <c>train</c> write of generated text: control characters made visible (a corpus with ESC and
/// BEL must not drive the terminal), text streamed as it is drawn, and a length cap.
/// </summary>
public sealed class SampleOutputTests : IDisposable
{
    private const string Hostile = "\u001b[2J\u0007ab\u0008ba\u007f\u0085ab\rba\tab\nba\u0000";

    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-sample-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Control_characters_are_rendered_as_control_pictures_or_escapes_keeping_newline_and_tab() =>
        Assert.Equal("␛[2J␇ab␈ba␡\\u0085ab␍ba\tab\nba␀", VisibleText.Render(Hostile));

    [Fact]
    public void Sample_and_training_samples_write_no_control_character_but_newline_and_tab()
    {
        string checkpoint = TrainOnHostileCorpus(out string trainOutput);
        AssertNoControlCharacters(trainOutput);

        (int code, string output, string error) = Run(["sample", "--checkpoint", checkpoint, "--prompt", "\u001b[2J\u0007", "--length", "300", "--temperature", "2"]);

        Assert.True(code == 0, output + error);
        Assert.StartsWith("␛[2J␇", output, StringComparison.Ordinal);
        AssertNoControlCharacters(output);
        Assert.Contains('␛', output[5..]);   // at temperature 2 an untrained model draws ESC among 300 characters
    }

    [Fact]
    public void Sample_streams_its_text_as_it_is_drawn()
    {
        string checkpoint = TrainOnHostileCorpus(out _);
        using var output = new FlushRecorder();
        using var error = new StringWriter();

        int code = DemoCommandLine.Run(["sample", "--checkpoint", checkpoint, "--prompt", "", "--length", "2000"], output, error, interactive: false);

        Assert.True(code == 0, error.ToString());
        // At most 64 characters (or one line) are held back: at least 2000 / 64 flushes, each with more text than the last.
        Assert.True(output.Flushed.Count >= 2000 / 64, $"{output.Flushed.Count} flushes");
        Assert.True(output.Flushed[0] < output.Flushed[^1]);
    }

    [Theory]
    [InlineData("sample", "--length")]
    [InlineData("train", "--sample-length")]
    public void Length_above_the_cap_is_refused_naming_the_cap(string command, string option)
    {
        (int code, _, string error) = Run([command, option, "1000001", "--out", _directory]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal($"error: {option} must be between 0 and 1,000,000, got 1000001.", Assert.Single(Lines(error)));
    }

    private static void AssertNoControlCharacters(string text) =>
        Assert.DoesNotContain(text.EnumerateRunes(), r => Rune.IsControl(r) && r.Value is not ('\n' or '\t' or '\r'));

    private string TrainOnHostileCorpus(out string output)
    {
        string corpus = Path.Combine(_directory, "hostile.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat(Hostile, 4)));
        (int code, output, string error) = Run(["train", "--model", "lstm32", "--corpus", corpus, "--steps", "2", "--seq-len", "8", "--sample-every", "1", "--sample-length", "200", "--temperature", "2", "--out", _directory]);
        Assert.True(code == 0, output + error);
        return Path.Combine(_directory, "lstm32.ckpt");
    }

    /// <summary>Records how much text had been written at each flush.</summary>
    private sealed class FlushRecorder : StringWriter
    {
        public List<int> Flushed { get; } = [];

        public override void Flush()
        {
            Flushed.Add(GetStringBuilder().Length);
            base.Flush();
        }
    }
}
