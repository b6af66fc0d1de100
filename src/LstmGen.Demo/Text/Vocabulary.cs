using System.Globalization;
using System.Text;

namespace LstmGen.Demo.Text;

/// <summary>
/// The characters a model knows, sorted by code point: character <c>k</c> of <see cref="Characters"/> is class k of
/// the cell's one-hot input and softmax output. Characters are UTF-16 code units (the corpus is read as UTF-8).
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<char, int> _index;

    /// <summary>Creates a vocabulary from its characters, which must be distinct and sorted.</summary>
    /// <exception cref="ArgumentException">The characters are empty, repeated or unsorted.</exception>
    public Vocabulary(string characters)
    {
        ArgumentException.ThrowIfNullOrEmpty(characters);
        for (int k = 1; k < characters.Length; k++)
        {
            if (characters[k - 1] >= characters[k])
            {
                throw new ArgumentException("A vocabulary's characters must be distinct and sorted by code point.", nameof(characters));
            }
        }

        Characters = characters;
        _index = new Dictionary<char, int>(characters.Length);
        for (int k = 0; k < characters.Length; k++)
        {
            _index[characters[k]] = k;
        }
    }

    /// <summary>The characters, class k at position k.</summary>
    public string Characters { get; }

    /// <summary>The number of characters.</summary>
    public int Count => Characters.Length;

    /// <summary>The sorted distinct characters of <paramref name="text"/>.</summary>
    public static Vocabulary FromText(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        char[] distinct = text.Distinct().Order().ToArray();
        return new Vocabulary(new string(distinct));
    }

    /// <summary>Whether <paramref name="c"/> is in the vocabulary.</summary>
    public bool Contains(char c) => _index.ContainsKey(c);

    /// <summary>The class of <paramref name="c"/>.</summary>
    /// <exception cref="DemoException"><paramref name="c"/> is not in the vocabulary.</exception>
    public int IndexOf(char c) =>
        _index.TryGetValue(c, out int index)
            ? index
            : throw new DemoException($"The character {Describe(c)} is not in the model's vocabulary of {Count} characters.");

    /// <summary>Encodes every character of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int[] indices = new int[text.Length];
        for (int k = 0; k < text.Length; k++)
        {
            indices[k] = IndexOf(text[k]);
        }

        return indices;
    }

    /// <summary>The vocabulary as it should appear in a message: printable characters as-is, others escaped.</summary>
    public string Display()
    {
        var builder = new StringBuilder();
        foreach (char c in Characters)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A character for a message: <c>'x' (U+0078)</c>.</summary>
    public static string Describe(char c) =>
        char.IsControl(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{c}' (U+{(int)c:X4})");
}
