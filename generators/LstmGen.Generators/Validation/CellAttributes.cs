using System.Collections.Immutable;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>Finds LstmGen's cell attributes on a type.</summary>
internal static class CellAttributes
{
    /// <summary>The cell attributes on <paramref name="type"/>, in source order (empty if it is not a cell).</summary>
    public static ImmutableArray<AttributeData> On(INamedTypeSymbol type)
    {
        ImmutableArray<AttributeData>.Builder? found = null;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (KindOf(attribute.AttributeClass) is not null)
            {
                (found ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
            }
        }

        return found?.ToImmutable() ?? ImmutableArray<AttributeData>.Empty;
    }

    /// <summary>The cell kind an attribute class declares, or <c>null</c> if it is not one of LstmGen's cell attributes.</summary>
    public static CellKind? KindOf(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null
            || attributeClass.ContainingType is not null
            || attributeClass.ContainingNamespace is not { Name: "LstmGen" } ns
            || ns.ContainingNamespace is not { IsGlobalNamespace: true })
        {
            return null;
        }

        return attributeClass.MetadataName switch
        {
            "LstmCellAttribute" => CellKind.Lstm,
            "RnnCellAttribute" => CellKind.Rnn,
            _ => null,
        };
    }

    /// <summary>The attribute's name as a user writes it, e.g. <c>[LstmCell]</c>.</summary>
    public static string DisplayName(CellKind kind) => kind == CellKind.Lstm ? "[LstmCell]" : "[RnnCell]";
}
