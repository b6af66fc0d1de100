using LstmGen.Generators.Emit;
using LstmGen.Generators.Model;
using LstmGen.Generators.Parsing;
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
    /// <summary>Metadata name of the LSTM attribute in the runtime library.</summary>
    public const string LstmAttributeName = "LstmGen.LstmCellAttribute";

    /// <summary>Metadata name of the RNN attribute in the runtime library.</summary>
    public const string RnnAttributeName = "LstmGen.RnnCellAttribute";

    /// <summary>Tracking names of the pipeline stages (used by the incrementality tests).</summary>
    public static class Steps
    {
        /// <summary>Attributed LSTM declarations parsed into <see cref="CellSpec"/> values (null when invalid).</summary>
        public const string ParseLstm = "LstmGen.ParseLstm";

        /// <summary>Attributed RNN declarations parsed into <see cref="CellSpec"/> values (null when invalid).</summary>
        public const string ParseRnn = "LstmGen.ParseRnn";

        /// <summary>Valid specs of both kinds.</summary>
        public const string ValidLstm = "LstmGen.ValidLstm";

        /// <summary>Valid RNN specs.</summary>
        public const string ValidRnn = "LstmGen.ValidRnn";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find classes carrying a cell attribute and read them into equatable specs (symbols stay inside the transform);
        // 2. drop invalid declarations (the analyzers explain them);
        // 3. emit one file per cell.
        IncrementalValuesProvider<CellSpec> lstm = ValidCells(context, LstmAttributeName, CellKind.Lstm, Steps.ParseLstm, Steps.ValidLstm);
        IncrementalValuesProvider<CellSpec> rnn = ValidCells(context, RnnAttributeName, CellKind.Rnn, Steps.ParseRnn, Steps.ValidRnn);
        context.RegisterSourceOutput(lstm, static (output, spec) => output.AddSource(spec.HintName, CellEmitter.Emit(spec)));
        context.RegisterSourceOutput(rnn, static (output, spec) => output.AddSource(spec.HintName, CellEmitter.Emit(spec)));
    }

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
