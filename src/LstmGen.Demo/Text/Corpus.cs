using System.Reflection;
using System.Text;

namespace LstmGen.Demo.Text;

/// <summary>
/// The text a model trains on and its encoding: the embedded default corpus (a short story written for this project,
/// <c>Text/DefaultCorpus.txt</c>) or a UTF-8 file. Line endings are normalised to <c>\n</c> so that a corpus gives the
/// same vocabulary on every operating system. Characters are Unicode scalar values (see <see cref="Vocabulary"/>):
/// bytes that are not valid UTF-8 in a file (the encoding of a lone surrogate among them) are read as U+FFFD, as .NET's
/// UTF-8 decoder reads them, and so is a lone surrogate in text given in memory.
/// </summary>
public sealed class Corpus
{
    private const string DefaultResourceName = "LstmGen.Demo.Text.DefaultCorpus.txt";

    private Corpus(string name, string text, Vocabulary vocabulary)
    {
        Name = name;
        Text = text;
        Vocabulary = vocabulary;
        Indices = vocabulary.Encode(text);
    }

    /// <summary>Where the text came from: <c>embedded default corpus</c> or the file path.</summary>
    public string Name { get; }

    /// <summary>The text (line endings normalised, lone surrogates replaced by U+FFFD).</summary>
    public string Text { get; }

    /// <summary>The vocabulary the text is encoded with.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The text as class indices, one per rune.</summary>
    public int[] Indices { get; }

    /// <summary>The embedded default corpus.</summary>
    public static Corpus LoadDefault(Vocabulary? vocabulary = null)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The demo assembly lacks its embedded resource {DefaultResourceName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return FromText("embedded default corpus", reader.ReadToEnd(), vocabulary);
    }

    /// <summary>Reads a UTF-8 text file.</summary>
    /// <exception cref="DemoException">The file does not exist, cannot be read, or is empty.</exception>
    public static Corpus LoadFile(string path, Vocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DemoException($"Corpus file not found: {path}");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoException($"Cannot read corpus file {path}: {error.Message}", error);
        }

        return FromText(path, text, vocabulary);
    }

    /// <summary>The corpus <c>--corpus</c> names, or the default one when <paramref name="path"/> is null.</summary>
    public static Corpus Load(string? path, Vocabulary? vocabulary = null) =>
        path is null ? LoadDefault(vocabulary) : LoadFile(path, vocabulary);

    /// <summary>A corpus from text already in memory.</summary>
    /// <param name="name">Where it came from, for messages.</param>
    /// <param name="text">The text.</param>
    /// <param name="vocabulary">The vocabulary to encode with (a checkpoint's, when resuming), or null to build it from the text.</param>
    /// <exception cref="DemoException">The text has fewer than two characters, or a character outside <paramref name="vocabulary"/>.</exception>
    public static Corpus FromText(string name, string text, Vocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        text = ReplaceLoneSurrogates(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        int length = Vocabulary.CountRunes(text);
        if (length < 2)
        {
            throw new DemoException(length == 0
                ? $"The corpus {name} is empty: a model needs at least two characters to learn which one follows which."
                : $"The corpus {name} has one character: a model needs at least two to learn which one follows which.");
        }

        if (vocabulary is not null)
        {
            foreach (Rune rune in text.EnumerateRunes())
            {
                if (!vocabulary.Contains(rune))
                {
                    throw new DemoException($"The corpus {name} contains {Vocabulary.Describe(rune)}, which is not in the checkpoint's vocabulary of {vocabulary.Count} characters.");
                }
            }
        }

        return new Corpus(name, text, vocabulary ?? Vocabulary.FromText(text));
    }

    /// <summary><paramref name="text"/> with every lone surrogate replaced by U+FFFD (what encoding it as UTF-8 and decoding
    /// it again gives); the same string when it has none.</summary>
    private static string ReplaceLoneSurrogates(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>Checks that the vocabulary fits a cell whose one-hot input has <paramref name="inputSize"/> classes.</summary>
    /// <exception cref="DemoException">The corpus has more distinct characters than the cell accepts.</exception>
    public void RequireFits(string modelName, int inputSize)
    {
        if (Vocabulary.Count > inputSize)
        {
            throw new DemoException(
                $"The corpus {Name} has {Vocabulary.Count} distinct characters, but model {modelName} accepts at most {inputSize} (its input size is a compile-time constant). Use a corpus with at most {inputSize} distinct characters.");
        }
    }
}
