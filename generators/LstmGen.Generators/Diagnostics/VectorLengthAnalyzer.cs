using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using LstmGen.Generators.Model;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LstmGen.Generators.Diagnostics;

/// <summary>
/// LSTM0101: a buffer whose length is known at compile time is passed to a generated entry point that requires another
/// length: <c>VecN&lt;T&gt;.FromSpan</c> of the shared vectors (N values), and the <c>Parameters</c> and
/// <c>Gradients</c> constructors that take a flat span. Works on operations, so it tolerates syntax errors elsewhere.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VectorLengthAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.LengthMismatch);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!CellAttributes.Referenced(start.Compilation))
            {
                return;
            }

            // One verdict per cell type and compilation: the declaration rules are not re-run for every call.
            var cells = new ConcurrentDictionary<INamedTypeSymbol, CellSpec?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(
                context => AnalyzeInvocation(context, (IInvocationOperation)context.Operation, cells),
                OperationKind.Invocation);
            start.RegisterOperationAction(
                context => AnalyzeCreation(context, (IObjectCreationOperation)context.Operation, cells),
                OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, ConcurrentDictionary<INamedTypeSymbol, CellSpec?> cells)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method is not { Name: "FromSpan", IsStatic: true, Parameters.Length: 1 } || invocation.Arguments.Length != 1
            || SharedVectorLength(method.ContainingType) is not { } length)
        {
            return;
        }

        INamedTypeSymbol vector = method.ContainingType;
        Check(context, invocation.Arguments[0], $"{vector.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}.FromSpan", length, $"the {length} values of a {vector.Name}");
    }

    /// <summary>N of a generated shared vector <c>LstmGen.Vectors.….VecN&lt;T&gt;</c> (its <c>[InlineArray(N)]</c>), or <c>null</c>.</summary>
    private static int? SharedVectorLength(INamedTypeSymbol? type)
    {
        if (type is not { Arity: 1, IsValueType: true } || !type.Name.StartsWith("Vec", System.StringComparison.Ordinal)
            || !type.ContainingNamespace.ToDisplayString().StartsWith(Emit.VectorNamespace.Root + ".", System.StringComparison.Ordinal))
        {
            return null;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "InlineArrayAttribute" } && attribute.ConstructorArguments is [{ Value: int length }])
            {
                return length;
            }
        }

        return null;
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, ConcurrentDictionary<INamedTypeSymbol, CellSpec?> cells)
    {
        if (creation.Constructor is not { Parameters.Length: 1 } constructor
            || creation.Arguments.Length != 1
            || constructor.ContainingType.Name is not ("Parameters" or "Gradients")
            || CellOf(constructor.ContainingType, cells, context.CancellationToken) is not { } spec)
        {
            return;
        }

        Check(
            context,
            creation.Arguments[0],
            $"new {spec.TypeName}.{constructor.ContainingType.Name}(...)",
            spec.ParameterCount,
            $"ParameterCount = {spec.ParameterCount} of {spec.TypeName}");
    }

    private static void Check(OperationAnalysisContext context, IArgumentOperation argument, string target, int required, string what)
    {
        if (argument.Parameter?.Type is not INamedTypeSymbol { Name: "Span" or "ReadOnlySpan" }
            || KnownLength.Of(argument.Value, context.CancellationToken) is not { } known
            || known.Length == required)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.LengthMismatch,
            argument.Syntax.GetLocation(),
            known.What,
            known.Length.ToString(CultureInfo.InvariantCulture),
            target,
            required.ToString(CultureInfo.InvariantCulture),
            what));
    }

    /// <summary>The valid cell whose generated nested type <paramref name="nested"/> is, or <c>null</c>.</summary>
    private static CellSpec? CellOf(INamedTypeSymbol? nested, ConcurrentDictionary<INamedTypeSymbol, CellSpec?> cells, CancellationToken token)
    {
        if (nested?.ContainingType is not { } cell || CellAttributes.On(cell).IsEmpty)
        {
            return null;
        }

        return cells.GetOrAdd(cell, c => CellDeclarationRules.Validate(c, token).Spec);
    }
}
