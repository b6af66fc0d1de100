using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generators.Validation;

/// <summary>Turns a symbol name into a C# identifier token for the generated re-declarations.</summary>
internal static class Identifiers
{
    /// <summary>
    /// <c>class</c> → <c>@class</c>; also every all-lower-case ASCII name (<c>cell</c> → <c>@cell</c>): that covers the
    /// contextual keywords, and an escaped name does not repeat the compiler's CS8981 warning ("only lower-cased ASCII
    /// characters") in the generated file. Any other name is unchanged.
    /// </summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || (name.Length > 0 && name.All(c => c is >= 'a' and <= 'z'))
            ? "@" + name
            : name;
}
