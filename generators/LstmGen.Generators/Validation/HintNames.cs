using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// Hint names of generated files: <c>Namespace.Outer.Cell.g.cs</c>. Roslyn compares hint names ignoring case, so
/// cells whose full names differ only in case get a stable hash of the exact name appended
/// (<see cref="Disambiguate"/>); ordinary names keep the plain form.
/// </summary>
internal static class HintNames
{
    private const string Extension = ".g.cs";

    /// <summary>The plain hint name of <paramref name="type"/>: its full name without <c>global::</c> or <c>@</c> escapes.</summary>
    public static string Of(INamedTypeSymbol type)
    {
        string name = type.ToDisplayString(
            SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        return name.Replace("@", "") + Extension;
    }

    /// <summary><c>Samples.CELL.g.cs</c> → <c>Samples.CELL.1a2b3c4d.g.cs</c>, with an FNV-1a hash of the exact name.</summary>
    public static string Disambiguate(string hintName)
    {
        string stem = hintName.EndsWith(Extension, System.StringComparison.Ordinal)
            ? hintName.Substring(0, hintName.Length - Extension.Length)
            : hintName;
        uint hash = stem.Aggregate(2166136261u, (h, c) => unchecked((h ^ c) * 16777619u));
        return stem + "." + hash.ToString("x8", CultureInfo.InvariantCulture) + Extension;
    }
}
