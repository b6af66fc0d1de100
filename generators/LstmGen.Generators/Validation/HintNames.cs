using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// Hint names of generated files: <c>Namespace.Outer.Cell.g.cs</c>. Roslyn compares hint names ignoring case, so
/// cells whose full names differ only in case get a stable hash of the exact name appended
/// (<see cref="Disambiguate"/>); ordinary names keep the plain form. A name longer than <see cref="MaxUtf8Bytes"/> is
/// shortened (<see cref="Fit"/>), because with <c>EmitCompilerGeneratedFiles</c> the hint name becomes a file name.
/// </summary>
internal static class HintNames
{
    private const string Extension = ".g.cs";

    /// <summary>
    /// The longest hint name in UTF-8 bytes. File systems allow 255 bytes per file name (csc fails with CS0016 above);
    /// 150 also leaves room for the folders csc puts before it
    /// (<c>generated/LstmGen.Generators/LstmGen.Generators.CellGenerator/</c>, 62 bytes) within 255.
    /// </summary>
    public const int MaxUtf8Bytes = 150;

    /// <summary>16 hex digits of the hash and the dot before them.</summary>
    private const int HashSuffixLength = 17;

    /// <summary>
    /// The hint name of <paramref name="type"/>: its full name without <c>global::</c> or <c>@</c> escapes, then
    /// <paramref name="suffix"/> (a model's file, <c>-Model</c>: no C# name contains <c>-</c>, so it never equals a cell's), fitted.
    /// </summary>
    public static string Of(INamedTypeSymbol type, string suffix = "")
    {
        string name = type.ToDisplayString(
            SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        return Fit(name.Replace("@", "") + suffix);
    }

    /// <summary><c>Samples.CELL.g.cs</c> → <c>Samples.CELL.1a2b3c4d.g.cs</c>, with an FNV-1a hash of the exact name, fitted.</summary>
    public static string Disambiguate(string hintName)
    {
        string stem = Stem(hintName);
        uint hash = stem.Aggregate(2166136261u, (h, c) => unchecked((h ^ c) * 16777619u));
        return Fit(stem + "." + hash.ToString("x8", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// <paramref name="stem"/> + <c>.g.cs</c> when that has at most <see cref="MaxUtf8Bytes"/> UTF-8 bytes; otherwise the
    /// longest prefix of the stem that fits (cut between characters, never inside a surrogate pair), a dot, the 64-bit
    /// FNV-1a hash of the whole stem's UTF-8 bytes in 16 hex digits, and <c>.g.cs</c>. Deterministic across runs and
    /// machines (unlike <c>string.GetHashCode</c>).
    /// </summary>
    private static string Fit(string stem)
    {
        if (Encoding.UTF8.GetByteCount(stem) + Extension.Length <= MaxUtf8Bytes)
        {
            return stem + Extension;
        }

        int budget = MaxUtf8Bytes - HashSuffixLength - Extension.Length;
        int length = 0;
        int bytes = 0;
        while (length < stem.Length)
        {
            int width = char.IsHighSurrogate(stem[length]) && length + 1 < stem.Length && char.IsLowSurrogate(stem[length + 1]) ? 2 : 1;
            int size = Encoding.UTF8.GetByteCount(stem.ToCharArray(length, width));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += width;
        }

        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(stem))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return stem.Substring(0, length) + "." + hash.ToString("x16", CultureInfo.InvariantCulture) + Extension;
    }

    private static string Stem(string hintName) =>
        hintName.EndsWith(Extension, System.StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - Extension.Length) : hintName;
}
