using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generators.Validation;

/// <summary>
/// The single source of truth on what a valid model declaration is (<c>[RecurrentModel]</c> and its <c>[ModelLayer]</c>s),
/// as <see cref="CellDeclarationRules"/> is for cells: the generator emits a model exactly when <see cref="Validate"/>
/// returns a spec, and the model analyzer reports exactly the problems it returns. A layer whose cell declaration is
/// itself invalid makes the model invalid without a problem of its own: the cell's errors say why.
/// </summary>
internal static class ModelDeclarationRules
{
    /// <summary>The suffix of a model's hint name (<see cref="HintNames.Of"/>).</summary>
    public const string HintNameSuffix = "-Model";

    /// <summary>Checks the model declared on <paramref name="type"/> (if any).</summary>
    public static ModelValidation Validate(INamedTypeSymbol type, CancellationToken token)
    {
        ImmutableArray<AttributeData> models = ModelAttributes.Models(type);
        ImmutableArray<AttributeData> layers = ModelAttributes.Layers(type);
        if (models.IsEmpty && layers.IsEmpty)
        {
            return ModelValidation.NotAModel;
        }

        if (models.Length > 1)
        {
            return new ModelValidation(null, ImmutableArray<DeclarationProblem>.Empty);   // CS0579 says the attribute is repeated
        }

        token.ThrowIfCancellationRequested();
        var problems = new List<DeclarationProblem>();
        Location typeLocation = type.Locations.FirstOrDefault() ?? Location.None;
        bool named = type.Name.Length > 0 && !CellDeclarationRules.Declarations(type, token).Any(d => d.Identifier.IsMissing);
        string modelName = named ? type.Name : "(unnamed class)";
        if (models.IsEmpty)
        {
            foreach (AttributeData layer in layers)
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.LayerWithoutModel, CellDeclarationRules.AttributeLocation(layer, typeLocation, token), modelName));
            }

            return new ModelValidation(null, problems.ToImmutableArray());
        }

        if (!named)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.DeclarationHasErrors, CellDeclarationRules.AttributeLocation(models[0], typeLocation, token), modelName, "the class has no name"));
        }

        if (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < CellDeclarationRules.MinimumLanguageVersion } parseOptions)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.LanguageVersionTooOld,
                typeLocation,
                modelName,
                CellDeclarationRules.MinimumLanguageVersion.ToDisplayString(),
                parseOptions.LanguageVersion.ToDisplayString()));
        }

        CellDeclarationRules.CheckTypeShape(type, modelName, typeLocation, problems, token);
        List<ContainingTypeSpec> containing = CellDeclarationRules.CheckContainingTypes(type, modelName, problems, token);
        ModelOptions? options = ModelOptionRules.ReadAndCheck(models[0], modelName, typeLocation, problems, token);
        List<ModelLayerSpec>? layerSpecs = ModelLayerRules.ReadAndCheck(models[0], layers, modelName, typeLocation, problems, token);
        if (named)
        {
            ModelMemberClashRule.Check(type, problems, token);
        }

        if (options is { } sized && layerSpecs is not null)
        {
            CheckParameterCount(layerSpecs, sized.OutputSize, models[0], typeLocation, modelName, problems, token);
        }

        if (problems.Count > 0 || options is not { } o || layerSpecs is null)
        {
            return new ModelValidation(null, problems.ToImmutableArray());
        }

        var spec = new ModelSpec(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(CellDeclarationRules.NamespaceFormat) : null,
            new EquatableArray<ContainingTypeSpec>(containing),
            Identifiers.Escape(type.Name),
            type.IsStatic,
            HintNames.Of(type, HintNameSuffix),
            layerSpecs[0].Scalar,
            new EquatableArray<ModelLayerSpec>(layerSpecs),
            o.Head,
            o.OutputSize,
            o.Dropout);
        return new ModelValidation(spec, ImmutableArray<DeclarationProblem>.Empty);
    }

    // LSTM0031: every layer's parameters (each direction apart) and the head's W_y [V × W] and b_y must fit in one array.
    private static void CheckParameterCount(
        List<ModelLayerSpec> layers, int outputSize, AttributeData model, Location typeLocation, string modelName, List<DeclarationProblem> problems, CancellationToken token)
    {
        long count = ((long)outputSize * layers[layers.Count - 1].OutputWidth) + outputSize;
        foreach (ModelLayerSpec layer in layers)
        {
            count += (long)layer.Directions * layer.ParameterCount;
        }

        if (count > KernelLimits.MaxArrayLength)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.ModelTooLarge,
                CellDeclarationRules.AttributeLocation(model, typeLocation, token),
                modelName,
                count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                KernelLimits.MaxArrayLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
