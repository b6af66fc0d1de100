using System.Collections.Immutable;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LstmGen.Analyzers.Tests.Support;

/// <summary>Runs LstmGen's analyzers over a compilation outside the testing packages, surfacing analyzer exceptions.</summary>
internal static class AnalyzerRun
{
    /// <summary>Every LstmGen analyzer.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = [new CellDeclarationAnalyzer(), new VectorLengthAnalyzer(), new ModelDeclarationAnalyzer()];

    /// <summary>The analyzers' diagnostics for <paramref name="sources"/> (compiled alone, no generator).</summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(params string[] sources) => RunAsync(Compilations.Create(sources));

    /// <summary>
    /// The analyzers' diagnostics for <paramref name="compilation"/>. An exception inside an analyzer is not swallowed
    /// as an AD0001 warning: it fails the call, with the analyzer's stack trace.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation)
    {
        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(new InvalidOperationException($"{analyzer.GetType().Name} threw: {diagnostic}", exception)),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync();
        if (!exceptions.IsEmpty)
        {
            throw new AggregateException(exceptions);
        }

        return diagnostics;
    }
}
