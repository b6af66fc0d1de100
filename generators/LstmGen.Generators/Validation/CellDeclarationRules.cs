using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Validation;

/// <summary>
/// The single source of truth on what a valid cell declaration is. The generator's parser generates a cell exactly
/// when <see cref="Validate"/> returns a spec; the declaration analyzer reports exactly the problems it returns. So the
/// generator is silent if and only if the analyzer reports an error.
/// </summary>
internal static class CellDeclarationRules
{
    /// <summary>Checks the cell declared on <paramref name="type"/> (if any).</summary>
    public static CellValidation Validate(INamedTypeSymbol type, CancellationToken token)
    {
        ImmutableArray<AttributeData> attributes = CellAttributes.On(type);
        if (attributes.IsEmpty)
        {
            return CellValidation.NotACell;
        }

        token.ThrowIfCancellationRequested();
        var problems = new List<DeclarationProblem>();
        CellKind kind = CellAttributes.KindOf(attributes[0].AttributeClass)!.Value;
        Location cellLocation = type.Locations.FirstOrDefault() ?? Location.None;
        bool named = type.Name.Length > 0 && !Declarations(type, token).Any(d => d.Identifier.IsMissing);
        string cellName = named ? type.Name : "(unnamed class)";

        if (!named)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.DeclarationHasErrors, AttributeLocation(attributes[0], cellLocation, token), cellName, "the class has no name"));
        }

        if (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < MinimumLanguageVersion } parseOptions)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.LanguageVersionTooOld, cellLocation, cellName, MinimumLanguageVersion.ToDisplayString(), parseOptions.LanguageVersion.ToDisplayString()));
        }

        for (int i = 1; i < attributes.Length; i++)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.SeveralCellAttributes, AttributeLocation(attributes[i], cellLocation, token), cellName));
        }

        CheckTypeShape(type, cellName, cellLocation, problems, token);
        List<ContainingTypeSpec> containing = CheckContainingTypes(type, cellName, problems, token);
        CellOptions? options = CellOptionRules.ReadAndCheck(attributes[0], kind, cellName, cellLocation, problems, token);
        if (named)
        {
            MemberClashRule.Check(type, options?.Head ?? OutputHeadKind.None, problems, token);
        }

        if (problems.Count > 0 || options is not { } o)
        {
            return new CellValidation(null, problems.ToImmutableArray());
        }

        var spec = new CellSpec(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(NamespaceFormat) : null,
            new EquatableArray<ContainingTypeSpec>(containing),
            Identifiers.Escape(type.Name),
            type.IsStatic,
            HintNames.Of(type),
            kind,
            o.InputSize,
            o.HiddenSize,
            o.Scalar,
            o.Kernel,
            HasHead(o) ? o.OutputSize ?? 0 : 0,
            HasHead(o) ? o.Head : OutputHeadKind.None,
            o.HasBias);
        return new CellValidation(spec, ImmutableArray<DeclarationProblem>.Empty);
    }

    private static bool HasHead(CellOptions o) => o.Head is OutputHeadKind.Softmax or OutputHeadKind.Linear;

    /// <summary>The oldest C# the generated code compiles with (a test compiles it with this version and fails with the one before).</summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp13;

    /// <summary><c>A.B.@class</c>: namespaces as C# source, keywords escaped.</summary>
    internal static readonly SymbolDisplayFormat NamespaceFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    internal static void CheckTypeShape(INamedTypeSymbol type, string cellName, Location cellLocation, List<DeclarationProblem> problems, CancellationToken token)
    {
        string? notAClass = type switch
        {
            { TypeKind: TypeKind.Struct, IsRecord: true } => "a record struct",
            { TypeKind: TypeKind.Struct } => "a struct",
            { TypeKind: TypeKind.Interface } => "an interface",
            { TypeKind: TypeKind.Enum } => "an enum",
            { TypeKind: TypeKind.Delegate } => "a delegate",
            { TypeKind: not TypeKind.Class } => "not a class",
            { IsRecord: true } => "a record",
            { IsAbstract: true, IsStatic: false } => "abstract",
            { IsFileLocal: true } => "file-local",
            _ => null,
        };
        if (notAClass is not null)
        {
            problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.NotAClass, cellLocation, cellName, notAClass));
            return;
        }

        if (type.TypeParameters.Length > 0)
        {
            problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.CellIsGeneric, cellLocation, cellName));
        }

        foreach (TypeDeclarationSyntax declaration in Declarations(type, token))
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.CellNotPartial, declaration.Identifier.GetLocation(), cellName));
            }
        }
    }

    /// <summary>Checks every enclosing type and returns them outermost first (meaningful only when no problem is found).</summary>
    internal static List<ContainingTypeSpec> CheckContainingTypes(INamedTypeSymbol type, string cellName, List<DeclarationProblem> problems, CancellationToken token)
    {
        var result = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            Location outerLocation = outer.Locations.FirstOrDefault() ?? Location.None;
            bool generic = outer.TypeParameters.Length > 0;
            if (generic || outer.IsFileLocal)
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.ContainingTypeNotSupported, outerLocation, outer.Name, cellName, generic ? "generic" : "file-local"));
            }

            List<TypeDeclarationSyntax> declarations = Declarations(outer, token).ToList();
            foreach (TypeDeclarationSyntax declaration in declarations.Where(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.ContainingTypeNotPartial, declaration.Identifier.GetLocation(), outer.Name, cellName));
            }

            if (declarations.Count > 0)
            {
                result.Add(new ContainingTypeSpec(KeywordOf(declarations[0]), Identifiers.Escape(outer.Name), outer.IsStatic));
            }
        }

        result.Reverse();
        return result;
    }

    internal static IEnumerable<TypeDeclarationSyntax> Declarations(INamedTypeSymbol type, CancellationToken token) =>
        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(token)).OfType<TypeDeclarationSyntax>();

    internal static Location AttributeLocation(AttributeData attribute, Location fallback, CancellationToken token) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(token).GetLocation() ?? fallback;

    private static string KeywordOf(TypeDeclarationSyntax syntax) => syntax switch
    {
        RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };
}
