using System.Collections.Immutable;
using System.Linq;
using LstmGen.Generators.Model;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LstmGen.Generators.Diagnostics;

/// <summary>
/// Reports what is wrong with a cell declaration (LSTM0001-LSTM0012, LSTM0014, LSTM0015), using the same rules as the
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
        DiagnosticDescriptors.SoftmaxWithoutOutputSize,
        DiagnosticDescriptors.OutputSizeWithoutHead,
        DiagnosticDescriptors.MemberNameClash,
        DiagnosticDescriptors.KernelSpecialisation,
        DiagnosticDescriptors.NotAClass,
        DiagnosticDescriptors.DeclarationHasErrors);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Nothing to do in a compilation that does not reference the runtime library.
            if (start.Compilation.GetTypeByMetadataName(CellGenerator.LstmAttributeName) is null
                && start.Compilation.GetTypeByMetadataName(CellGenerator.RnnAttributeName) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        CellValidation validation = CellDeclarationRules.Validate(type, context.CancellationToken);
        foreach (DeclarationProblem problem in validation.Problems)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }

        if (validation.Spec is { } spec)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.KernelSpecialisation,
                type.Locations.FirstOrDefault(),
                type.Name,
                KernelChoice.Explain(spec)));
        }
    }
}
