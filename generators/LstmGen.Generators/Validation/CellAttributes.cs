using System.Collections.Immutable;
using System.Linq;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// One of LstmGen's cell attributes: the runtime type, the kind of cell it declares and the tracking names of the
/// generator's stages for it.
/// </summary>
/// <param name="MetadataName">The attribute's metadata name, e.g. <c>LstmGen.LstmCellAttribute</c>.</param>
/// <param name="Kind">The cell kind it declares.</param>
/// <param name="ParseStep">The tracking name of the stage that parses its declarations.</param>
/// <param name="ValidStep">The tracking name of the stage that keeps its valid declarations.</param>
internal sealed record CellAttribute(string MetadataName, CellKind Kind, string ParseStep, string ValidStep)
{
    /// <summary>The attribute class's name, e.g. <c>LstmCellAttribute</c>.</summary>
    public string ClassName => MetadataName.Substring(CellGenerator.RuntimeNamespace.Length + 1);

    /// <summary>The name a user writes, without the <c>Attribute</c> suffix, e.g. <c>LstmCell</c>.</summary>
    public string ShortName => ClassName.Substring(0, ClassName.Length - "Attribute".Length);
}

/// <summary>Finds LstmGen's cell attributes on a type; <see cref="All"/> is the one table of them.</summary>
internal static class CellAttributes
{
    /// <summary>Every cell attribute of the runtime library, one per <see cref="CellKind"/>.</summary>
    public static readonly ImmutableArray<CellAttribute> All =
    [
        new(CellGenerator.LstmAttributeName, CellKind.Lstm, CellGenerator.Steps.ParseLstm, CellGenerator.Steps.ValidLstm),
        new(CellGenerator.RnnAttributeName, CellKind.Rnn, CellGenerator.Steps.ParseRnn, CellGenerator.Steps.ValidRnn),
        new(CellGenerator.GruAttributeName, CellKind.Gru, CellGenerator.Steps.ParseGru, CellGenerator.Steps.ValidGru),
    ];

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
            || attributeClass.ContainingNamespace is not { Name: CellGenerator.RuntimeNamespace } ns
            || ns.ContainingNamespace is not { IsGlobalNamespace: true })
        {
            return null;
        }

        foreach (CellAttribute attribute in All)
        {
            if (attribute.ClassName == attributeClass.MetadataName)
            {
                return attribute.Kind;
            }
        }

        return null;
    }

    /// <summary>Every cell attribute as a user writes it, for messages: <c>[LstmCell], [RnnCell] and [GruCell]</c>.</summary>
    public static string Listed =>
        string.Join(", ", All.Take(All.Length - 1).Select(attribute => $"[{attribute.ShortName}]")) + $" and [{All[All.Length - 1].ShortName}]";

    /// <summary>The attribute's name as a user writes it, e.g. <c>[LstmCell]</c>.</summary>
    public static string DisplayName(CellKind kind) => $"[{All.First(attribute => attribute.Kind == kind).ShortName}]";

    /// <summary>Whether <paramref name="compilation"/> references the runtime library (it declares the cell attributes).</summary>
    public static bool Referenced(Compilation compilation) => All.Any(attribute => compilation.GetTypeByMetadataName(attribute.MetadataName) is not null);
}
