using System.Globalization;
using System.Text;

namespace LstmGen.Demo.Text;

/// <summary>
/// Generated text as the demo writes it to the console: a model trained on a corpus with ESC or BEL bytes draws them
/// too, and written raw they would drive the terminal (<c>ESC [2J</c> clears it). Control characters are therefore
/// made visible, always (on a terminal, in a pipe or a log alike, so the output is the same everywhere): C0 controls
/// and DEL as their Unicode control pictures (U+2400–U+2421: ESC → ␛, BEL → ␇, CR → ␍, NUL → ␀, DEL → ␡), C1 controls
/// (U+0080–U+009F) as <c>\u0085</c>-style escapes. Newline and tab are kept: they are how text is laid out.
/// </summary>
public static class VisibleText
{
    private const int ControlPictures = 0x2400, DeletePicture = 0x2421;

    /// <summary><paramref name="text"/> with every control character but newline and tab made visible.</summary>
    public static string Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (Rune rune in text.EnumerateRunes())
        {
            Write(writer, rune);
        }

        return writer.ToString();
    }

    /// <summary>Writes <paramref name="rune"/> to <paramref name="writer"/>, made visible if it is a control character.</summary>
    public static void Write(TextWriter writer, Rune rune)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int value = rune.Value;
        if (value is '\n' or '\t' || !Rune.IsControl(rune))
        {
            Span<char> units = stackalloc char[2];
            writer.Write(units[..rune.EncodeToUtf16(units)]);
        }
        else if (value < 0x20)
        {
            writer.Write((char)(ControlPictures + value));
        }
        else if (value == 0x7F)
        {
            writer.Write((char)DeletePicture);
        }
        else
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"\\u{value:X4}"));
        }
    }
}
