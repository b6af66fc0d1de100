using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Model;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.CodeFixes;

/// <summary>
/// Fixes LSTM0020 (a layer does not take the output of the layer below) by setting the <c>inputSize</c> argument of the
/// layer's cell declaration to the width the layer below outputs. The cell may be declared in another document of the
/// solution, so the fix changes the solution. The analyzer computes the value (diagnostic property
/// <see cref="DiagnosticDescriptors.ExpectedInputSizeProperty"/>), so the fix and the rules cannot disagree.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetLayerInputSizeCodeFixProvider))]
[Shared]
public sealed class SetLayerInputSizeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "LstmGen.SetLayerInputSize";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.LayerShapeMismatch.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.ExpectedInputSizeProperty, out string? text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int expected)
                || expected > KernelLimits.MaxSize   // 2 × 4096 would turn LSTM0020 into LSTM0005: no fix to offer
                || root?.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax { ArgumentList.Arguments: [{ Expression: TypeOfExpressionSyntax typeOf }, ..] }
                || model?.GetTypeInfo(typeOf.Type, context.CancellationToken).Type is not INamedTypeSymbol cell
                || CellAttributes.On(cell).FirstOrDefault()?.ApplicationSyntaxReference is not { } reference
                || context.Document.Project.Solution.GetDocument(reference.SyntaxTree) is not { } cellDocument
                || InputSizeArgument(await reference.GetSyntaxAsync(context.CancellationToken).ConfigureAwait(false)) is not { } argument)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare '{cell.Name}' with inputSize: {expected}",
                    token => ReplaceAsync(cellDocument, argument, expected, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The expression of the cell attribute's first constructor argument (written positionally or as <c>inputSize:</c>).</summary>
    private static ExpressionSyntax? InputSizeArgument(SyntaxNode attribute)
    {
        if (attribute is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        AttributeArgumentSyntax[] constructorArguments = list.Arguments.Where(a => a.NameEquals is null).ToArray();
        return (constructorArguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "inputSize")
            ?? constructorArguments.FirstOrDefault(a => a.NameColon is null))?.Expression;
    }

    private static async Task<Solution> ReplaceAsync(Document document, ExpressionSyntax expression, int expected, CancellationToken token)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
        LiteralExpressionSyntax literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(expected))
            .WithTriviaFrom(expression);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, literal)).Project.Solution;
    }
}
