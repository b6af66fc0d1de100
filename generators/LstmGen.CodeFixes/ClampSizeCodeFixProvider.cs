using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// Fixes LSTM0005 (a size out of range) by replacing the size with the nearest valid one: 1 for zero or negative
/// sizes, 4096 for sizes above the maximum. The analyzer computes the value (diagnostic property
/// <see cref="DiagnosticDescriptors.ValidValueProperty"/>), so the fix and the rules cannot disagree.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampSizeCodeFixProvider))]
[Shared]
public sealed class ClampSizeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "LstmGen.ClampSize";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SizeOutOfRange.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.ValidValueProperty, out string? text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int valid)
                || Expression(root, diagnostic) is not { } expression)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {valid}, the nearest valid size",
                    token => ReplaceAsync(context.Document, expression, valid, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static ExpressionSyntax? Expression(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            AttributeArgumentSyntax argument => argument.Expression,
            ExpressionSyntax expression when expression.Span == diagnostic.Location.SourceSpan => expression,
            _ => null,
        };

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, int valid, CancellationToken token)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
        LiteralExpressionSyntax literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(valid))
            .WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, literal));
    }
}
