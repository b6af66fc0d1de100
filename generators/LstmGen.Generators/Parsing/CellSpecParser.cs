using System.Threading;
using LstmGen.Generators.Model;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Parsing;

/// <summary>
/// Turns an attributed class into a <see cref="CellSpec"/>. Returns <c>null</c> for any declaration the generator
/// cannot serve; the rules (<see cref="CellDeclarationRules"/>) are the analyzer's, so the analyzer explains exactly
/// those declarations to the user while the generator stays silent.
/// </summary>
internal static class CellSpecParser
{
    /// <summary>Reads the cell declared by the attribute in <paramref name="context"/>, or <c>null</c> if it is invalid.</summary>
    public static CellSpec? TryParse(GeneratorAttributeSyntaxContext context, CellKind kind, CancellationToken token)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        token.ThrowIfCancellationRequested();
        CellSpec? spec = CellDeclarationRules.Validate(type, token).Spec;
        return spec is not null && spec.Kind == kind ? spec : null;
    }
}
