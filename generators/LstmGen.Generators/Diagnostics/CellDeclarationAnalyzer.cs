using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LstmGen.Generators.Model;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LstmGen.Generators.Diagnostics;

/// <summary>
/// Reports what is wrong with a cell declaration (LSTM0001-LSTM0012, LSTM0014-LSTM0016), a type that hides the LstmGen namespace (LSTM0017), using the same rules as the
/// generator (<see cref="CellDeclarationRules"/>), and, for a valid cell, which kernels it gets (LSTM0013).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CellDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CellNotPartial,
        DiagnosticDescriptors.CellIsGeneric,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.ContainingTypeNotSupported,
        DiagnosticDescriptors.SizeOutOfRange,
        DiagnosticDescriptors.UnrolledTooLarge,
        DiagnosticDescriptors.UnsupportedScalar,
        DiagnosticDescriptors.UndefinedOption,
        DiagnosticDescriptors.SeveralCellAttributes,
        DiagnosticDescriptors.HeadWithoutOutputSize,
        DiagnosticDescriptors.OutputSizeWithoutHead,
        DiagnosticDescriptors.MemberNameClash,
        DiagnosticDescriptors.KernelSpecialisation,
        DiagnosticDescriptors.NotAClass,
        DiagnosticDescriptors.DeclarationHasErrors,
        DiagnosticDescriptors.LanguageVersionTooOld,
        DiagnosticDescriptors.NamespaceHidden);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Nothing to do in a compilation that does not reference the runtime library.
            if (!CellAttributes.Referenced(start.Compilation))
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// Reports the problems of the cell <paramref name="context"/>'s type declares and of the cells nested in it, each from
    /// the innermost type whose declaration contains the problem's location. So a problem on an enclosing type (LSTM0003,
    /// LSTM0004) is reported while that type is analysed: a diagnostic local to it, which the IDE can fix in place.
    /// </summary>
    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (HiddenNamespaceRule.Hides(type) && HiddenNamespaceRule.BreaksTheBuild(context.Compilation, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NamespaceHidden, type.Locations.FirstOrDefault(), type.Name));
        }

        Report(context, type, type);
        foreach (INamedTypeSymbol nested in NestedTypes(type))
        {
            Report(context, type, nested);
        }
    }

    private static void Report(SymbolAnalysisContext context, INamedTypeSymbol analyzed, INamedTypeSymbol cell)
    {
        CellValidation validation = CellDeclarationRules.Validate(cell, context.CancellationToken);
        foreach (DeclarationProblem problem in validation.Problems)
        {
            if (SymbolEqualityComparer.Default.Equals(ResponsibleFor(cell, problem.Location), analyzed))
            {
                context.ReportDiagnostic(problem.ToDiagnostic());
            }
        }

        if (validation.Spec is { } spec && SymbolEqualityComparer.Default.Equals(cell, analyzed))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.KernelSpecialisation,
                cell.Locations.FirstOrDefault(),
                cell.Name,
                KernelChoice.Describe(spec)));
        }
    }

    /// <summary>The innermost of <paramref name="cell"/> and its containing types whose declaration contains <paramref name="location"/>.</summary>
    private static INamedTypeSymbol ResponsibleFor(INamedTypeSymbol cell, Location location)
    {
        for (INamedTypeSymbol? type = cell; type is not null; type = type.ContainingType)
        {
            if (type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == location.SourceTree && r.Span.Contains(location.SourceSpan)))
            {
                return type;
            }
        }

        return cell;
    }

    private static IEnumerable<INamedTypeSymbol> NestedTypes(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol nested in type.GetTypeMembers())
        {
            yield return nested;
            foreach (INamedTypeSymbol deeper in NestedTypes(nested))
            {
                yield return deeper;
            }
        }
    }
}
