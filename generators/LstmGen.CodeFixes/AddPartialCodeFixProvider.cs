using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.CodeFixes;

/// <summary>
/// Fixes LSTM0001 (the cell type is not partial) and LSTM0003 (a containing type is not partial) by adding the
/// <c>partial</c> modifier, as the last modifier (right before <c>class</c>, <c>struct</c>, <c>record</c>, ...).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider))]
[Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "LstmGen.AddPartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CellNotPartial.Id,
        DiagnosticDescriptors.ContainingTypeNotPartial.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not TypeDeclarationSyntax declaration
                || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{declaration.Identifier.ValueText}' partial",
                    token => AddPartialAsync(context.Document, declaration, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken token)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, WithPartial(declaration)));
    }

    /// <summary><c>public static class C</c> → <c>public static partial class C</c>, keeping comments and layout.</summary>
    internal static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        // No modifiers: the keyword's leading trivia (indentation, a line break after attributes) moves to 'partial'.
        SyntaxToken keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
