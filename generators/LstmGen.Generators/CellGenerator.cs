using LstmGen.Generators.Emit;
using LstmGen.Generators.Model;
using LstmGen.Generators.Parsing;
using Microsoft.CodeAnalysis;

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

    /// <summary>Tracking names of the pipeline stages (used by the incrementality tests).</summary>
    public static class Steps
    {
        /// <summary>Attributed LSTM declarations parsed into <see cref="CellSpec"/> values (null when invalid).</summary>
        public const string ParseLstm = "LstmGen.ParseLstm";

        /// <summary>Valid LSTM specs only.</summary>
        public const string ValidLstm = "LstmGen.ValidLstm";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find classes carrying [LstmCell] and read them into equatable specs (symbols stay inside the transform).
        IncrementalValuesProvider<CellSpec?> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LstmAttributeName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (ctx, token) => CellSpecParser.TryParse(ctx, CellKind.Lstm, token))
            .WithTrackingName(Steps.ParseLstm);

        // 2. Drop invalid declarations: the analyzers explain them.
        IncrementalValuesProvider<CellSpec> valid = parsed
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(Steps.ValidLstm);

        // 3. Emit one file per cell.
        context.RegisterSourceOutput(valid, static (output, spec) =>
            output.AddSource(spec.HintName, CellEmitter.Emit(spec)));
    }
}
