using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// LSTM0030: the model class's own name, a member the user declares in it, or a non-private member it inherits is named
/// <see cref="GeneratedName"/>, the property LstmGen generates (members in LstmGen's own generated files are not the user's).
/// </summary>
internal static class ModelMemberClashRule
{
    /// <summary>The one member a model declaration generates.</summary>
    public const string GeneratedName = "Model";

    /// <summary>Adds an LSTM0030 problem per clash on <paramref name="type"/>.</summary>
    public static void Check(INamedTypeSymbol type, List<DeclarationProblem> problems, CancellationToken token)
    {
        Location typeLocation = type.Locations.FirstOrDefault() ?? Location.None;
        if (type.Name == GeneratedName)
        {
            problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.ModelMemberClash, typeLocation, type.Name, GeneratedName, "the model's own name"));
        }

        foreach (ISymbol member in type.GetMembers(GeneratedName))
        {
            token.ThrowIfCancellationRequested();
            if (!member.IsImplicitlyDeclared && !MemberClashRule.IsGeneratedByLstmGen(member, token))
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.ModelMemberClash, member.Locations.FirstOrDefault() ?? typeLocation, type.Name, GeneratedName, $"declared in '{type.Name}'"));
                return;
            }
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            if (baseType.GetMembers(GeneratedName).Any(m => !m.IsImplicitlyDeclared && m.DeclaredAccessibility != Accessibility.Private))
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.ModelMemberClash, typeLocation, type.Name, GeneratedName, $"inherited from '{baseType.Name}'"));
                return;
            }
        }
    }
}
