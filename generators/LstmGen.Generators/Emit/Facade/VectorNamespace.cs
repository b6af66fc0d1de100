using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Where an assembly's shared fixed-size vectors live: <c>LstmGen.Vectors.&lt;assembly name&gt;</c>. One namespace per
/// assembly, because two assemblies that each declared a public <c>LstmGen.Vectors.Vec2&lt;T&gt;</c> would make any
/// assembly that references both ambiguous (CS0433), and an assembly referencing one of them warn (CS0436).
/// </summary>
internal static class VectorNamespace
{
    public const string Root = "LstmGen.Vectors";

    /// <summary>The namespace for an assembly name; each dotted part made a valid identifier.</summary>
    public static string For(string? assemblyName)
    {
        string[] parts = (assemblyName ?? "").Split('.').Select(Identifier).Where(part => part.Length > 0).ToArray();
        return parts.Length == 0 ? Root + ".Assembly" : Root + "." + string.Join(".", parts);
    }

    private static string Identifier(string part)
    {
        var text = new StringBuilder(part.Length + 1);
        foreach (char c in part)
        {
            text.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
        }

        if (text.Length > 0 && !SyntaxFacts.IsIdentifierStartCharacter(text[0]))
        {
            text.Insert(0, '_');
        }

        string result = text.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(result) != SyntaxKind.None
            ? "@" + result
            : result;
    }
}
