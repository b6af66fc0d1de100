using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Emit;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// LSTM0012: the cell's own name, a member the user declares in it, or a non-private member it inherits has the name
/// of a member LstmGen generates (<see cref="GeneratedMemberNames"/>). Members in LstmGen's own generated file are
/// not the user's: the analyzer sees them, the generator does not.
/// </summary>
internal static class MemberClashRule
{
    /// <summary>The comment line every generated file starts with after <c>// &lt;auto-generated/&gt;</c>.</summary>
    public const string GeneratedFileMarker = "// LstmGen: ";

    /// <summary>Adds an LSTM0012 problem per clashing name of <paramref name="type"/>, whose cell has the head <paramref name="head"/>.</summary>
    public static void Check(INamedTypeSymbol type, Model.OutputHeadKind head, List<DeclarationProblem> problems, CancellationToken token)
    {
        ImmutableHashSet<string> generated = GeneratedMemberNames.For(head);
        Location cellLocation = type.Locations.FirstOrDefault() ?? Location.None;
        if (generated.Contains(type.Name))
        {
            problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.MemberNameClash, cellLocation, type.Name, type.Name, "the cell's own name"));
        }

        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ISymbol member in type.GetMembers())
        {
            token.ThrowIfCancellationRequested();
            if (!member.IsImplicitlyDeclared && generated.Contains(member.Name) && !IsGeneratedByLstmGen(member, token))
            {
                reported.Add(member.Name);
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.MemberNameClash,
                    member.Locations.FirstOrDefault() ?? cellLocation,
                    type.Name,
                    member.Name,
                    $"declared in '{type.Name}'"));
            }
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            foreach (ISymbol member in baseType.GetMembers())
            {
                if (!member.IsImplicitlyDeclared
                    && member.DeclaredAccessibility != Accessibility.Private
                    && generated.Contains(member.Name)
                    && reported.Add(member.Name))
                {
                    problems.Add(DeclarationProblem.Of(
                        DiagnosticDescriptors.MemberNameClash, cellLocation, type.Name, member.Name, $"inherited from '{baseType.Name}'"));
                }
            }
        }
    }

    /// <summary>Whether every declaration of <paramref name="member"/> is in a file LstmGen generated.</summary>
    internal static bool IsGeneratedByLstmGen(ISymbol member, CancellationToken token) =>
        member.DeclaringSyntaxReferences.Length > 0
        && member.DeclaringSyntaxReferences.All(r => IsGeneratedFile(r.SyntaxTree, token));

    private static bool IsGeneratedFile(SyntaxTree tree, CancellationToken token)
    {
        SyntaxToken first = tree.GetRoot(token).GetFirstToken(includeZeroWidth: true);
        return first.LeadingTrivia.Any(t => t.ToString().StartsWith(GeneratedFileMarker, System.StringComparison.Ordinal));
    }
}
