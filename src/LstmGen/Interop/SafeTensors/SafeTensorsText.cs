using System.Text;

namespace LstmGen.Interop;

/// <summary>Renders text taken from a (possibly hostile) header safely inside an error message.</summary>
internal static class SafeTensorsText
{
    /// <summary>Characters of a header string shown in a message before it is cut with "…".</summary>
    private const int MaxShown = 80;

    /// <summary>
    /// <paramref name="text"/> with control characters escaped (\n, \u0000) and cut after 80 characters, so that a
    /// message stays one readable line however long or strange the name in the file.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxShown) + 8);
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxShown)))
        {
            if (char.IsControl(c))
            {
                builder.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => $"\\u{(int)c:x4}",
                });
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > MaxShown)
        {
            builder.Append($"… ({text.Length} characters)");
        }

        return builder.ToString();
    }

    /// <summary>"1 byte" or "64 bytes".</summary>
    public static string Bytes(long count) => count == 1 ? "1 byte" : $"{count} bytes";
}
