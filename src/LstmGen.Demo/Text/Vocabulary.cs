using System.Buffers;
using System.Globalization;
using System.Text;

namespace LstmGen.Demo.Text;

/// <summary>
/// The characters a model knows: Unicode scalar values (<see cref="Rune"/>), sorted by value, so that a character
/// outside the Basic Multilingual Plane (an emoji) is one class, never two surrogate halves. Rune <c>k</c> is class k
/// of the cell's one-hot input and softmax output. A combining mark is a rune of its own (the vocabulary does not
/// group grapheme clusters). <see cref="Characters"/>, the runes as one string, is what a checkpoint stores (as UTF-8).
/// </summary>
public sealed class Vocabulary
{
    private readonly Rune[] _runes;
    private readonly Dictionary<Rune, int> _index;

    /// <summary>Creates a vocabulary from its characters: distinct runes sorted by scalar value.</summary>
    /// <exception cref="ArgumentException">The characters are empty, hold a lone surrogate, or are repeated or unsorted.</exception>
    public Vocabulary(string characters)
    {
        ArgumentException.ThrowIfNullOrEmpty(characters);
        string? problem = Problem(characters);
        if (problem is not null)
        {
            throw new ArgumentException($"A vocabulary's characters must be distinct runes sorted by scalar value, but they {problem}.", nameof(characters));
        }

        Characters = characters;
        _runes = [.. characters.EnumerateRunes()];
        _index = new Dictionary<Rune, int>(_runes.Length);
        for (int k = 0; k < _runes.Length; k++)
        {
            _index[_runes[k]] = k;
        }
    }

    /// <summary>The runes as one string, class k being the k-th rune.</summary>
    public string Characters { get; }

    /// <summary>The number of runes (classes).</summary>
    public int Count => _runes.Length;

    /// <summary>The rune of class <paramref name="index"/>.</summary>
    public Rune this[int index] => _runes[index];

    /// <summary>What is wrong with <paramref name="characters"/> as a vocabulary (<c>hold a lone surrogate</c>, <c>are
    /// not sorted and distinct</c>), or null when they are distinct runes sorted by scalar value.</summary>
    public static string? Problem(string characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        int previous = -1;
        for (int k = 0; k < characters.Length;)
        {
            if (Rune.DecodeFromUtf16(characters.AsSpan(k), out Rune rune, out int used) != OperationStatus.Done)
            {
                return "hold a lone surrogate";
            }

            if (rune.Value <= previous)
            {
                return "are not sorted and distinct";
            }

            previous = rune.Value;
            k += used;
        }

        return null;
    }

    /// <summary>The number of runes of <paramref name="characters"/> (a lone surrogate counts as one).</summary>
    public static int CountRunes(string characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        int count = 0;
        foreach (Rune _ in characters.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>The sorted distinct runes of <paramref name="text"/> (a lone surrogate counts as U+FFFD, as
    /// <see cref="string.EnumerateRunes"/> reads it).</summary>
    public static Vocabulary FromText(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var builder = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes().Distinct().Order())
        {
            builder.Append(rune.ToString());
        }

        return new Vocabulary(builder.ToString());
    }

    /// <summary>Whether <paramref name="rune"/> is in the vocabulary.</summary>
    public bool Contains(Rune rune) => _index.ContainsKey(rune);

    /// <summary>The class of <paramref name="rune"/>.</summary>
    /// <exception cref="DemoException"><paramref name="rune"/> is not in the vocabulary.</exception>
    public int IndexOf(Rune rune) =>
        _index.TryGetValue(rune, out int index)
            ? index
            : throw new DemoException($"The character {Describe(rune)} is not in the model's vocabulary of {Count} characters.");

    /// <summary>Encodes every rune of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var indices = new List<int>(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            indices.Add(IndexOf(rune));
        }

        return [.. indices];
    }

    /// <summary>The vocabulary as it should appear in a message: printable characters as-is, others escaped.</summary>
    public string Display()
    {
        var builder = new StringBuilder();
        foreach (Rune rune in _runes)
        {
            builder.Append(rune.Value switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when Rune.IsControl(rune) => string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}"),
                _ => rune.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A character for a message: <c>'x' (U+0078)</c>, or <c>U+001B</c> for a control character.</summary>
    public static string Describe(Rune rune) =>
        Rune.IsControl(rune)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{rune}' (U+{rune.Value:X4})");
}
