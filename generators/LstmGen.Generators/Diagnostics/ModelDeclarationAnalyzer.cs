using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LstmGen.Generators.Diagnostics;

/// <summary>
/// Reports what is wrong with a model declaration (<c>[RecurrentModel]</c>, <c>[ModelLayer]</c>: LSTM0020-LSTM0030, and the
/// cell rules that apply to the model's class), using the same rules as the generator (<see cref="ModelDeclarationRules"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.LayerShapeMismatch,
        DiagnosticDescriptors.LayerNotACell,
        DiagnosticDescriptors.LayerCellHasHead,
        DiagnosticDescriptors.LayerScalarsDiffer,
        DiagnosticDescriptors.ModelWithoutLayers,
        DiagnosticDescriptors.LayerWithoutModel,
        DiagnosticDescriptors.LayersSplit,
        DiagnosticDescriptors.ModelHeadWithoutOutputSize,
        DiagnosticDescriptors.ModelOutputSizeWithoutHead,
        DiagnosticDescriptors.DropoutOutOfRange,
        DiagnosticDescriptors.ModelMemberClash,
        DiagnosticDescriptors.ModelTooLarge,
        DiagnosticDescriptors.SizeOutOfRange,
        DiagnosticDescriptors.UndefinedOption,
        DiagnosticDescriptors.CellNotPartial,
        DiagnosticDescriptors.CellIsGeneric,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.ContainingTypeNotSupported,
        DiagnosticDescriptors.NotAClass,
        DiagnosticDescriptors.DeclarationHasErrors,
        DiagnosticDescriptors.LanguageVersionTooOld);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Nothing to do in a compilation whose runtime library has no models.
            if (start.Compilation.GetTypeByMetadataName(ModelAttributes.ModelName) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// Reports the model problems of <paramref name="context"/>'s type. A class that is a cell as well as a model gets
    /// the problems of its class (not partial, generic, ...) from the cell analyzer: they are not repeated here.
    /// </summary>
    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        ModelValidation validation = ModelDeclarationRules.Validate(type, context.CancellationToken);
        if (validation.Problems.IsEmpty)
        {
            return;
        }

        var reportedForTheCell = new HashSet<(string, Location)>(
            CellDeclarationRules.Validate(type, context.CancellationToken).Problems.Select(problem => (problem.Descriptor.Id, problem.Location)));
        foreach (DeclarationProblem problem in validation.Problems)
        {
            if (!reportedForTheCell.Contains((problem.Descriptor.Id, problem.Location)))
            {
                context.ReportDiagnostic(problem.ToDiagnostic());
            }
        }
    }
}
