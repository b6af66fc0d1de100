using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>The model attributes of the runtime library (<c>[RecurrentModel]</c>, <c>[ModelLayer]</c>) and where they are on a type.</summary>
internal static class ModelAttributes
{
    /// <summary>Metadata name of the model attribute.</summary>
    public const string ModelName = CellGenerator.RuntimeNamespace + ".RecurrentModelAttribute";

    /// <summary>Metadata name of the layer attribute.</summary>
    public const string LayerName = CellGenerator.RuntimeNamespace + ".ModelLayerAttribute";

    /// <summary>The <c>[RecurrentModel]</c> attributes on <paramref name="type"/> (at most one compiles).</summary>
    public static ImmutableArray<AttributeData> Models(INamedTypeSymbol type) => Find(type, "RecurrentModelAttribute");

    /// <summary>The <c>[ModelLayer]</c> attributes on <paramref name="type"/>, in the order the compiler gives them (source order within a declaration).</summary>
    public static ImmutableArray<AttributeData> Layers(INamedTypeSymbol type) => Find(type, "ModelLayerAttribute");

    private static ImmutableArray<AttributeData> Find(INamedTypeSymbol type, string className)
    {
        ImmutableArray<AttributeData>.Builder? found = null;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { ContainingType: null } attributeClass
                && attributeClass.MetadataName == className
                && attributeClass.ContainingNamespace is { Name: CellGenerator.RuntimeNamespace } ns
                && ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                (found ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
            }
        }

        return found?.ToImmutable() ?? ImmutableArray<AttributeData>.Empty;
    }
}
