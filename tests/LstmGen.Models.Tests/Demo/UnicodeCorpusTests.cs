using System.Text;
using LstmGen.Demo;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Text;

using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// The vocabulary is Unicode scalar values (<see cref="Rune"/>), so every corpus trains, and every checkpoint the
/// command line writes loads again: train, sample and resume over hostile corpora.
/// </summary>
public sealed class UnicodeCorpusTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-unicode-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Each corpus (as the bytes of its file) and its vocabulary written out by hand, sorted by scalar value.</summary>
    public static TheoryData<string, byte[], string[]> HostileCorpora => new()
    {
        // Non-BMP emoji and a BMP character above the surrogates (U+FF01): UTF-16 order would put the emoji first.
        { "emoji", Encoding.UTF8.GetBytes("🙂 sea！🌊 sea 🙂\n"), ["\n", " ", "a", "e", "s", "！", "🌊", "🙂"] },
        { "combining marks", Encoding.UTF8.GetBytes("e\u0301te\u0301 n\u0303a\u0300"), [" ", "a", "e", "n", "t", "\u0300", "\u0301", "\u0303"] },
        { "CRLF", Encoding.UTF8.GetBytes("ab\r\nba\r\nab\r\n"), ["\n", "a", "b"] },
        { "NUL", Encoding.UTF8.GetBytes("a\0b\0ab\0"), ["\0", "a", "b"] },
        { "control characters", Encoding.UTF8.GetBytes("\u001b[2J\u0007ab\u0008\u007f\u0085b\ra"), ["\u0007", "\u0008", "\r", "\u001b", "2", "J", "[", "a", "b", "\u007f", "\u0085"] },
        // UTF-8 of the lone surrogate U+D800 (ED A0 80) is invalid: .NET's decoder reads each of its 3 bytes as U+FFFD.
        { "lone surrogate", [(byte)'a', 0xED, 0xA0, 0x80, (byte)'b', (byte)'a'], ["a", "b", "\uFFFD"] },
    };

    [Theory]
    [MemberData(nameof(HostileCorpora))]
    public void Every_checkpoint_train_writes_loads_samples_and_resumes(string name, byte[] corpus, string[] vocabulary)
    {
        string corpusPath = Path.Combine(_directory, "corpus.txt");
        File.WriteAllBytes(corpusPath, corpus);

        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--corpus", corpusPath, "--steps", "2", "--seq-len", "3", "--sample-every", "1", "--sample-length", "12", "--out", _directory]);
        Assert.True(code == 0, $"{name}: {output}{error}");

        string checkpoint = Path.Combine(_directory, "lstm32.ckpt");
        Checkpoint saved = CheckpointFile.Load(checkpoint);
        Assert.Equal(string.Concat(vocabulary), saved.Vocabulary);
        Assert.Equal(vocabulary.Length, new Vocabulary(saved.Vocabulary).Count);

        (code, output, error) = Run(["sample", "--checkpoint", checkpoint, "--prompt", string.Empty, "--length", "30"]);
        Assert.True(code == 0, $"{name}: {output}{error}");

        (code, output, error) = Run(["train", "--resume", checkpoint, "--corpus", corpusPath, "--steps", "1", "--sample-every", "0", "--out", _directory]);
        Assert.True(code == 0, $"{name}: {output}{error}");
        Assert.Equal(3, CheckpointFile.Load(checkpoint).Step);
    }

    [Fact]
    public void Vocabulary_of_runes_counts_and_encodes_scalar_values()
    {
        Vocabulary vocabulary = Vocabulary.FromText("b🙂a🙂");

        Assert.Equal(3, vocabulary.Count);
        Assert.Equal("ab🙂", vocabulary.Characters);
        Assert.Equal([1, 2, 0, 2], vocabulary.Encode("b🙂a🙂"));
        Assert.Equal(new Rune(0x1F642), vocabulary[2]);
    }

    [Fact]
    public void Lone_surrogate_in_text_becomes_the_replacement_character_as_the_UTF8_decoder_makes_it()
    {
        Corpus corpus = Corpus.FromText("lone", "a\uD800b");

        Assert.Equal("a\uFFFDb", corpus.Text);
        Assert.Equal("ab\uFFFD", corpus.Vocabulary.Characters);
    }

    [Fact]
    public void Vocabulary_with_a_lone_surrogate_or_out_of_order_runes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Vocabulary("a\uD800"));
        Assert.Throws<ArgumentException>(() => new Vocabulary("🙂！"));      // U+1F642 after U+FF01: not sorted by scalar value
    }

    [Fact]
    public void Corpus_with_more_distinct_runes_than_the_cell_accepts_counts_runes()
    {
        string text = string.Concat(Enumerable.Range(0, 65).Select(k => char.ConvertFromUtf32(0x1F600 + k)));   // 65 emoji, 130 UTF-16 units
        var error = Assert.Throws<DemoException>(() => Corpus.FromText("emoji.txt", text).RequireFits("lstm32", 64));
        Assert.Contains("has 65 distinct characters", error.Message, StringComparison.Ordinal);
    }
}
