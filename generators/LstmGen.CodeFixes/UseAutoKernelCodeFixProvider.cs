using System.Collections.Immutable;
using System.Composition;
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
/// Fixes LSTM0006 (<c>Kernel = KernelStrategy.Unrolled</c> on a cell too large for straight-line code) by asking for
/// <c>KernelStrategy.Auto</c>, which is valid for every size; the qualification the user wrote is kept.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAutoKernelCodeFixProvider))]
[Shared]
public sealed class UseAutoKernelCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "LstmGen.UseAutoKernel";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnrolledTooLarge.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // Only the written form 'X.Unrolled' is rewritten (to 'X.Auto'); a cast such as '(KernelStrategy)1' is left alone.
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "Unrolled",
                } access)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use KernelStrategy.Auto",
                    token => ReplaceAsync(context.Document, access, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, MemberAccessExpressionSyntax access, CancellationToken token)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
        MemberAccessExpressionSyntax auto = access.WithName(
            SyntaxFactory.IdentifierName("Auto").WithTriviaFrom(access.Name));
        return document.WithSyntaxRoot(root.ReplaceNode(access, auto));
    }
}
