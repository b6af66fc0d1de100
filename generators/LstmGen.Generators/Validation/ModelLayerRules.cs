using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Validation;

/// <summary>
/// Reads a model's <c>[ModelLayer]</c>s and checks them: at least one (LSTM0024), all on the model's declaration
/// (LSTM0026), each a declared cell (LSTM0021) without a head (LSTM0022), one scalar type (LSTM0023), and each layer
/// taking the output of the layer below (LSTM0020). Shared by the generator and the analyzer.
/// </summary>
internal static class ModelLayerRules
{
    /// <summary>The layers, bottom first, when every one is valid; <c>null</c> otherwise (with the problems added, unless a layer's cell is itself invalid).</summary>
    public static List<ModelLayerSpec>? ReadAndCheck(
        AttributeData model, ImmutableArray<AttributeData> layers, string modelName, Location fallback, List<DeclarationProblem> problems, CancellationToken token)
    {
        if (layers.IsEmpty)
        {
            problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.ModelWithoutLayers, CellDeclarationRules.AttributeLocation(model, fallback, token), modelName));
            return null;
        }

        TypeDeclarationSyntax? modelDeclaration = model.ApplicationSyntaxReference?.GetSyntax(token).FirstAncestorOrSelf<TypeDeclarationSyntax>();
        int before = problems.Count;
        var read = new (ModelLayerSpec Spec, Location Location)?[layers.Length];
        for (int k = 0; k < layers.Length; k++)
        {
            token.ThrowIfCancellationRequested();
            var syntax = layers[k].ApplicationSyntaxReference?.GetSyntax(token) as AttributeSyntax;
            Location location = syntax?.GetLocation() ?? fallback;
            if (modelDeclaration is not null && syntax?.FirstAncestorOrSelf<TypeDeclarationSyntax>() != modelDeclaration)
            {
                problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.LayersSplit, location, modelName, k));
            }

            read[k] = ReadLayer(layers[k], k, location, modelName, problems, token) is { } spec ? (spec, location) : null;
        }

        for (int k = 1; k < layers.Length; k++)
        {
            if (read[k] is not { } upper || read[k - 1] is not { } lower || read[0] is not { } bottom)
            {
                continue;
            }

            if (upper.Spec.Scalar != bottom.Spec.Scalar)
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.LayerScalarsDiffer, upper.Location, modelName, k, upper.Spec.CellName, Keyword(upper.Spec.Scalar), bottom.Spec.CellName, Keyword(bottom.Spec.Scalar)));
            }

            if (upper.Spec.InputSize != lower.Spec.OutputWidth)
            {
                problems.Add(ShapeMismatch(upper, lower, k, modelName));
            }
        }

        return problems.Count == before && read.All(layer => layer is not null) ? read.Select(layer => layer!.Value.Spec).ToList() : null;
    }

    /// <summary>LSTM0020, with the input size the upper cell needs as a property for the code fix.</summary>
    private static DeclarationProblem ShapeMismatch((ModelLayerSpec Spec, Location Location) upper, (ModelLayerSpec Spec, Location Location) lower, int k, string modelName)
    {
        string lowerOutput = lower.Spec.Bidirectional
            ? string.Format(CultureInfo.InvariantCulture, "is bidirectional and outputs 2 × {0} = {1}", lower.Spec.HiddenSize, lower.Spec.OutputWidth)
            : string.Format(CultureInfo.InvariantCulture, "outputs H = {0}", lower.Spec.HiddenSize);
        string expected = lower.Spec.OutputWidth.ToString(CultureInfo.InvariantCulture);
        return new DeclarationProblem(
            DiagnosticDescriptors.LayerShapeMismatch,
            upper.Location,
            ImmutableArray.Create<object?>(upper.Spec.CellName, k, upper.Spec.InputSize, k - 1, lower.Spec.CellName, lowerOutput, expected),
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.ExpectedInputSizeProperty, expected));
    }

    /// <summary>One layer, or <c>null</c> when it is invalid (a problem added, or the cell's own errors).</summary>
    private static ModelLayerSpec? ReadLayer(AttributeData layer, int k, Location location, string modelName, List<DeclarationProblem> problems, CancellationToken token)
    {
        bool bidirectional = false;
        bool readable = layer.AttributeConstructor is not null
            && layer.ConstructorArguments.Length == 1
            && layer.ConstructorArguments[0].Kind is TypedConstantKind.Type
            && layer.NamedArguments.Length <= 1;
        foreach (KeyValuePair<string, TypedConstant> named in layer.NamedArguments)
        {
            readable &= named.Key == "Bidirectional" && named.Value.Value is bool;
            bidirectional = named.Value.Value is true;
        }

        object? value = readable ? layer.ConstructorArguments[0].Value : null;
        if (!readable || value is ITypeSymbol { TypeKind: TypeKind.Error })
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.DeclarationHasErrors, location, modelName, $"the arguments of its [ModelLayer] (layer {k}) cannot be read"));
            return null;
        }

        var type = value as INamedTypeSymbol;
        LayerCell cell = default;
        LayerCells.Verdict verdict = type is { IsUnboundGenericType: false } ? LayerCells.Read(type, token, out cell) : LayerCells.Verdict.NotACell;
        if (verdict == LayerCells.Verdict.NotACell)
        {
            string what = value switch
            {
                null => "null",
                INamedTypeSymbol { IsUnboundGenericType: true } open => $"the open generic type '{open.ToDisplayString()}'",
                INamedTypeSymbol named => $"'{named.ToDisplayString()}', which carries no cell attribute",
                ITypeSymbol other => $"'{other.ToDisplayString()}'",
                _ => "not a type",
            };
            problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.LayerNotACell, location, modelName, k, what));
            return null;
        }

        if (verdict == LayerCells.Verdict.InvalidCell)
        {
            return null;
        }

        if (cell.OutputSize > 0)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.LayerCellHasHead, location, modelName, k, type!.Name, cell.OutputSize.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return new ModelLayerSpec(
            type!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.Name, cell.Kind, cell.InputSize, cell.HiddenSize, cell.Scalar, bidirectional, cell.ParameterCount);
    }

    private static string Keyword(Scalar scalar) => scalar == Scalar.Float ? "float" : "double";
}
