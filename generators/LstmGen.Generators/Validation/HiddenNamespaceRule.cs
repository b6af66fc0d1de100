using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Validation;

/// <summary>
/// LSTM0017: a non-generic type named <c>LstmGen</c> in the global namespace hides the runtime library's namespace
/// <c>LstmGen</c> in the whole project (C# prefers a source type to an imported namespace, CS0437), so no cell
/// attribute can bind and the generator sees no cell. A generic <c>LstmGen&lt;T&gt;</c> (another arity) or a type
/// <c>LstmGen</c> inside a namespace does not hide it, because the generated code names everything with <c>global::</c>.
/// The rule errs only where the build fails because of it (<see cref="BreaksTheBuild"/>): a project that references
/// LstmGen, declares such a type and never uses the library's namespace builds, and gets no diagnostic.
/// </summary>
internal static class HiddenNamespaceRule
{
    /// <summary>Whether <paramref name="type"/> hides the namespace <see cref="CellGenerator.RuntimeNamespace"/>.</summary>
    public static bool Hides(INamedTypeSymbol type) =>
        type is { ContainingType: null, Arity: 0, Name: CellGenerator.RuntimeNamespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>
    /// Whether some source of <paramref name="compilation"/> fails to compile because the namespace is hidden: a
    /// namespace using directive that starts with it (<c>using LstmGen;</c>, <c>using LstmGen.Interop;</c>: a type is no
    /// namespace, CS0138/CS0246), or a cell attribute (<c>[LstmCell]</c>, <c>[RnnCell]</c>, <c>[GruCell]</c>, with or without the
    /// <c>Attribute</c> suffix) that binds to nothing (CS0246). Read only when <see cref="Hides"/> holds, so the scan
    /// costs nothing in an ordinary project.
    /// </summary>
    public static bool BreaksTheBuild(Compilation compilation, CancellationToken token)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (SyntaxNode node in tree.GetRoot(token).DescendantNodes())
            {
                if (node is UsingDirectiveSyntax { Alias: null, StaticKeyword.RawKind: 0, Name: { } name }
                    && LeftmostIdentifier(name) == CellGenerator.RuntimeNamespace)
                {
                    return true;
                }

                if (node is AttributeSyntax attribute && RightmostIdentifier(attribute.Name) is { } attributeName && AttributeNames.Contains(attributeName))
                {
                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetSymbolInfo(attribute, token).Symbol is null)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The names a cell attribute is written with: <c>LstmCell</c>, <c>LstmCellAttribute</c>, <c>RnnCell</c>, <c>GruCell</c>, ….</summary>
    private static readonly ImmutableHashSet<string> AttributeNames = CellAttributes.All
        .SelectMany(attribute => new[] { attribute.ClassName, attribute.ShortName })
        .ToImmutableHashSet();

    private static string? LeftmostIdentifier(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => LeftmostIdentifier(qualified.Left),
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static string? RightmostIdentifier(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
