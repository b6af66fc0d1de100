using System.Text;

namespace LstmGen.Snapshots;

/// <summary>Reads and writes snapshot text: <c>\n</c> line endings, UTF-8 without a byte order mark.</summary>
internal static class SnapshotFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Turns <c>\r\n</c> and lone <c>\r</c> into <c>\n</c>.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Reads a snapshot, or returns <see langword="null"/> when the file does not exist.
    /// A leading byte order mark, if an editor added one, is ignored.</summary>
    public static async Task<string?> ReadAsync(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string text = await File.ReadAllTextAsync(path, Utf8NoBom).ConfigureAwait(false);
        return NormalizeLineEndings(text);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM, creating the directory if needed.</summary>
    public static async Task WriteAsync(string path, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, Utf8NoBom).ConfigureAwait(false);
    }

    /// <summary>Deletes <paramref name="path"/> if it exists.</summary>
    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
