using System.Threading;
using LstmGen.Generators.Model;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Parsing;

/// <summary>
/// Turns a <c>[RecurrentModel]</c> class into a <see cref="ModelSpec"/>, reading each layer's cell from the attribute of
/// the type its <c>[ModelLayer]</c> names. Returns <c>null</c> for any declaration the generator cannot serve; the rules
/// (<see cref="ModelDeclarationRules"/>) are the analyzer's.
/// </summary>
internal static class ModelSpecParser
{
    /// <summary>Reads the model declared on <paramref name="context"/>'s class, or <c>null</c> if it is invalid.</summary>
    public static ModelSpec? TryParse(GeneratorAttributeSyntaxContext context, CancellationToken token)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        token.ThrowIfCancellationRequested();
        return ModelDeclarationRules.Validate(type, token).Spec;
    }
}
