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
/// The LstmGen incremental generator: for every class carrying a cell attribute, emits that cell's
/// specialised types and functions. Invalid declarations produce nothing here; the analyzers report them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CellGenerator : IIncrementalGenerator
{
    /// <summary>The runtime library's namespace, which holds the attributes and which the generated code names.</summary>
    public const string RuntimeNamespace = "LstmGen";

    /// <summary>
    /// The runtime library's namespace of helpers for generated code (<c>Guard</c>, <c>VectorMath</c>, ...): public, but
    /// marked <c>[EditorBrowsable(Never)]</c> and with no compatibility promise. Generated code names them through
    /// <see cref="Emit.RuntimeNames"/>.
    /// </summary>
    public const string InternalNamespace = RuntimeNamespace + ".Internal";

    /// <summary>Metadata name of the LSTM attribute in the runtime library.</summary>
    public const string LstmAttributeName = RuntimeNamespace + ".LstmCellAttribute";

    /// <summary>Metadata name of the RNN attribute in the runtime library.</summary>
    public const string RnnAttributeName = RuntimeNamespace + ".RnnCellAttribute";

    /// <summary>Metadata name of the GRU attribute in the runtime library.</summary>
    public const string GruAttributeName = RuntimeNamespace + ".GruCellAttribute";

    /// <summary>Tracking names of the pipeline stages (used by the incrementality tests).</summary>
    public static class Steps
    {
        /// <summary>Attributed LSTM declarations parsed into <see cref="CellSpec"/> values (null when invalid).</summary>
        public const string ParseLstm = "LstmGen.ParseLstm";

        /// <summary>Attributed RNN declarations parsed into <see cref="CellSpec"/> values (null when invalid).</summary>
        public const string ParseRnn = "LstmGen.ParseRnn";

        /// <summary>Attributed GRU declarations parsed into <see cref="CellSpec"/> values (null when invalid).</summary>
        public const string ParseGru = "LstmGen.ParseGru";

        /// <summary>Valid LSTM specs.</summary>
        public const string ValidLstm = "LstmGen.ValidLstm";

        /// <summary>Valid RNN specs.</summary>
        public const string ValidRnn = "LstmGen.ValidRnn";

        /// <summary>Valid GRU specs.</summary>
        public const string ValidGru = "LstmGen.ValidGru";

        /// <summary>Hint names that collide with another cell's ignoring case (Roslyn compares hint names that way).</summary>
        public const string HintNameCollisions = "LstmGen.HintNameCollisions";

        /// <summary>Valid specs with hint names unique ignoring case, as emitted.</summary>
        public const string Emitted = "LstmGen.Emitted";

        /// <summary>The namespace of the assembly's shared vectors, from its name.</summary>
        public const string VectorNamespace = "LstmGen.VectorNamespace";

        /// <summary>The distinct vector sizes of every valid cell, with that namespace.</summary>
        public const string VectorSizes = "LstmGen.VectorSizes";

        /// <summary>[RecurrentModel] declarations parsed into <see cref="ModelSpec"/> values (null when invalid).</summary>
        public const string ParseModel = "LstmGen.ParseModel";

        /// <summary>Valid model specs.</summary>
        public const string ValidModel = "LstmGen.ValidModel";

        /// <summary>Model hint names that collide with another model's ignoring case.</summary>
        public const string ModelHintNameCollisions = "LstmGen.ModelHintNameCollisions";

        /// <summary>Valid model specs with hint names unique ignoring case, as emitted.</summary>
        public const string EmittedModel = "LstmGen.EmittedModel";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find classes carrying a cell attribute and read them into equatable specs (symbols stay inside the transform);
        // 2. drop invalid declarations (the analyzers explain them);
        // 3. make hint names unique ignoring case (cells named Cell and CELL would otherwise make AddSource throw);
        // 4. emit one file per cell, and one file of the vector types the cells share (one per distinct size).
        IncrementalValueProvider<string> vectorNamespace = context.CompilationProvider
            .Select(static (compilation, _) => VectorNamespace.For(compilation.AssemblyName))
            .WithTrackingName(Steps.VectorNamespace);
        IncrementalValuesProvider<CellSpec>[] cells = CellAttributes.All
            .Select(attribute => WithVectors(ValidCells(context, attribute.MetadataName, attribute.Kind, attribute.ParseStep, attribute.ValidStep), vectorNamespace))
            .ToArray();
        IncrementalValueProvider<VectorSet> vectors = CollectAll(cells, static spec => VectorSizes(spec))
            .Combine(vectorNamespace)
            .Select(static (all, _) => new VectorSet(
                all.Right, new EquatableArray<int>(all.Left.SelectMany(sizes => sizes).Distinct().OrderBy(n => n))))
            .WithTrackingName(Steps.VectorSizes);
        context.RegisterSourceOutput(vectors, static (output, set) =>
        {
            if (set.Sizes.Length > 0)
            {
                output.AddSource(VectorTypesEmitter.HintName, VectorTypesEmitter.Emit(set));
            }
        });
        IncrementalValueProvider<EquatableArray<string>> collisions = CollectAll(cells, static spec => spec.HintName)
            .Select(static (names, _) => CaseCollisions(names))
            .WithTrackingName(Steps.HintNameCollisions);
        foreach (IncrementalValuesProvider<CellSpec> kind in cells)
        {
            context.RegisterSourceOutput(UniqueHintNames(kind, collisions), static (output, spec) => output.AddSource(spec.HintName, CellEmitter.Emit(spec)));
        }

        // 5. The models ([RecurrentModel] with its [ModelLayer]s): one file each, with the Model property.
        ModelPipeline.Register(context);
    }

    /// <summary>One value of every cell of every kind, kinds in the order of <see cref="CellAttributes.All"/>.</summary>
    private static IncrementalValueProvider<ImmutableArray<T>> CollectAll<T>(IncrementalValuesProvider<CellSpec>[] cells, Func<CellSpec, T> select)
    {
        IncrementalValueProvider<ImmutableArray<T>> all = cells[0].Select((spec, _) => select(spec)).Collect();
        for (int i = 1; i < cells.Length; i++)
        {
            all = all.Combine(cells[i].Select((spec, _) => select(spec)).Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        return all;
    }

    private static IncrementalValuesProvider<CellSpec> WithVectors(IncrementalValuesProvider<CellSpec> cells, IncrementalValueProvider<string> vectorNamespace) =>
        cells.Combine(vectorNamespace).Select(static (pair, _) => pair.Left with { VectorNamespace = pair.Right });

    /// <summary>The vector sizes a cell uses: D, H and, with a head, V.</summary>
    private static int[] VectorSizes(CellSpec spec) =>
        spec.HasHead ? [spec.InputSize, spec.HiddenSize, spec.OutputSize] : [spec.InputSize, spec.HiddenSize];

    private static IncrementalValuesProvider<CellSpec> UniqueHintNames(
        IncrementalValuesProvider<CellSpec> cells, IncrementalValueProvider<EquatableArray<string>> collisions) =>
        cells.Combine(collisions)
            .Select(static (pair, _) => pair.Right.Contains(pair.Left.HintName)
                ? pair.Left with { HintName = HintNames.Disambiguate(pair.Left.HintName) }
                : pair.Left)
            .WithTrackingName(Steps.Emitted);

    /// <summary>The hint names that equal another, different hint name when case is ignored.</summary>
    internal static EquatableArray<string> CaseCollisions(ImmutableArray<string> names) =>
        new(names
            .Distinct(StringComparer.Ordinal)
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group)
            .OrderBy(name => name, StringComparer.Ordinal));

    private static IncrementalValuesProvider<CellSpec> ValidCells(
        IncrementalGeneratorInitializationContext context, string attributeName, CellKind kind, string parseStep, string validStep) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: (ctx, token) => CellSpecParser.TryParse(ctx, kind, token))
            .WithTrackingName(parseStep)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(validStep);
}
