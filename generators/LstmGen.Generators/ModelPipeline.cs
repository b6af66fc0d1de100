using System;
using System.Collections.Immutable;
using System.Linq;
using LstmGen.Generators.Emit;
using LstmGen.Generators.Model;
using LstmGen.Generators.Parsing;
using LstmGen.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators;

/// <summary>
/// The generator's model stages: for every class carrying <c>[RecurrentModel]</c>, emits its <c>Model</c> property. Invalid
/// declarations produce nothing here; the model analyzer reports them.
/// </summary>
internal static class ModelPipeline
{
    /// <summary>Registers the model stages on <paramref name="context"/>.</summary>
    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find classes carrying [RecurrentModel] and read them, with their layers' cells, into equatable specs
        //    (symbols stay inside the transform, which re-runs on every compilation, so an edit to a layer's cell is seen);
        // 2. drop invalid declarations (the analyzer explains them);
        // 3. make hint names unique ignoring case among models (cells never share them: a model's ends in "-Model");
        // 4. emit one file per model.
        IncrementalValuesProvider<ModelSpec> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelAttributes.ModelName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (ctx, token) => ModelSpecParser.TryParse(ctx, token))
            .WithTrackingName(CellGenerator.Steps.ParseModel)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(CellGenerator.Steps.ValidModel);
        IncrementalValueProvider<EquatableArray<string>> collisions = models
            .Select(static (spec, _) => spec.HintName)
            .Collect()
            .Select(static (names, _) => CellGenerator.CaseCollisions(names))
            .WithTrackingName(CellGenerator.Steps.ModelHintNameCollisions);
        IncrementalValuesProvider<ModelSpec> unique = models
            .Combine(collisions)
            .Select(static (pair, _) => pair.Right.Contains(pair.Left.HintName)
                ? pair.Left with { HintName = HintNames.Disambiguate(pair.Left.HintName) }
                : pair.Left)
            .WithTrackingName(CellGenerator.Steps.EmittedModel);
        context.RegisterSourceOutput(unique, static (output, spec) => output.AddSource(spec.HintName, ModelEmitter.Emit(spec)));
    }
}
