using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generators.Validation;

/// <summary>Turns a symbol name into a C# identifier token.</summary>
internal static class Identifiers
{
    /// <summary><c>class</c> → <c>@class</c>; any other name unchanged.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
