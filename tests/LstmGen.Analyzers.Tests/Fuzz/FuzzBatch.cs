using System.Collections.Concurrent;
using System.Collections.Immutable;
using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LstmGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Runs the generator and the analyzers once over many cases (one file and namespace each) and judges every case:
/// either the generator emitted its cell, the generated code compiles without error or warning, the case's own file
/// has exactly the errors it had without the generated code, and the analyzers report only the LSTM0013 info; or the
/// generator emitted nothing for it and the analyzers report at least one LSTM error; or no type of the case carries a
/// cell attribute (misspelled, or lost to a syntax error) and there is neither code nor an LSTM diagnostic. Generator exceptions
/// (CS8784/CS8785) and analyzer exceptions (AD0001) fail the whole batch.
/// </summary>
internal static class FuzzBatch
{
    /// <summary>The verdict on each failing case of <paramref name="cases"/> (empty when all pass).</summary>
    /// <summary>Doc comments are not parsed: the fuzz judges code, and parsing the generated files' docs would double its time.</summary>
    private static readonly CSharpParseOptions ParseOptions = TestReferences.ParseOptions.WithDocumentationMode(DocumentationMode.None);

    public static async Task<IReadOnlyList<string>> JudgeAsync(IReadOnlyList<FuzzCase> cases, FuzzStatistics statistics)
    {
        CSharpCompilation input = CSharpCompilation.Create(
            "Fuzz",
            cases.Select(c => CSharpSyntaxTree.ParseText(c.Source, ParseOptions, c.Path)),
            TestReferences.All,
            Compilations.Options);

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CellGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        var failures = new List<string>();
        if (run.Exception is not null || !generatorDiagnostics.IsEmpty || !run.Diagnostics.IsEmpty)
        {
            failures.Add($"The generator failed on the batch: {run.Exception}\n{string.Join('\n', generatorDiagnostics.Concat(run.Diagnostics))}");
            return failures;
        }

        var analyzerExceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, diagnostic) => analyzerExceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        ImmutableArray<Diagnostic> all = await output.WithAnalyzers(AnalyzerRun.All, options).GetAllDiagnosticsAsync();
        if (!analyzerExceptions.IsEmpty || all.Any(d => d.Id == "AD0001"))
        {
            failures.Add("An analyzer threw (AD0001):\n" + string.Join('\n', analyzerExceptions.Concat(all.Where(d => d.Id == "AD0001").Select(d => d.ToString()))));
            return failures;
        }

        ILookup<string, Diagnostic> byFile = all.ToLookup(d => Path.GetFileName(d.Location.SourceTree?.FilePath ?? ""));
        ILookup<string, Diagnostic> inputByFile = input.GetDiagnostics().ToLookup(d => d.Location.SourceTree?.FilePath ?? "");
        foreach (FuzzCase fuzzCase in cases)
        {
            bool declaresCell = DeclaresCell(input.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == $"Fuzz{fuzzCase.Index}"));
            string? verdict = Judge(fuzzCase, declaresCell, run, byFile, inputByFile);
            statistics.Count(fuzzCase, declaresCell, run.GeneratedSources.Any(s => s.HintName.StartsWith(fuzzCase.HintPrefix, StringComparison.Ordinal)));
            if (verdict is not null)
            {
                failures.Add(verdict);
            }
        }

        return failures;
    }

    /// <summary>
    /// Whether a type in the case's namespace carries a cell attribute, as the compiler binds it: written independently of
    /// the rules under test, so that it can disagree with them.
    /// </summary>
    private static bool DeclaresCell(INamespaceSymbol? ns)
    {
        IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container) =>
            container.GetTypeMembers().SelectMany(t => Types(t).Prepend(t));

        return ns is not null && Types(ns).Any(t => t.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() is "LstmGen.LstmCellAttribute" or "LstmGen.RnnCellAttribute" or "LstmGen.GruCellAttribute"));
    }

    private static string? Judge(FuzzCase fuzzCase, bool declaresCell, GeneratorRunResult run, ILookup<string, Diagnostic> byFile, ILookup<string, Diagnostic> inputByFile)
    {
        string[] generated = run.GeneratedSources.Select(s => s.HintName).Where(h => h.StartsWith(fuzzCase.HintPrefix, StringComparison.Ordinal)).ToArray();
        Diagnostic[] own = byFile[fuzzCase.Path].ToArray();
        Diagnostic[] ownLstm = own.Where(d => d.Id.StartsWith("LSTM", StringComparison.Ordinal)).ToArray();
        Diagnostic[] lstmErrors = ownLstm.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        int infos = ownLstm.Count(d => d.Id == "LSTM0013");
        string Describe(string problem) =>
            $"case {fuzzCase.Index}: {problem}\n--- source ---\n{fuzzCase.Source}\n--- generated: {string.Join(", ", generated)}\n--- diagnostics ---\n{string.Join('\n', own)}";

        if (generated.Length > 0)
        {
            Diagnostic[] inGenerated = generated.SelectMany(h => byFile[h]).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            if (inGenerated.Length > 0)
            {
                return Describe("the generated code has errors or warnings:\n" + string.Join('\n', inGenerated));
            }

            if (lstmErrors.Length > 0 || infos != generated.Length)
            {
                return Describe($"the generator emitted code but the analyzers report {lstmErrors.Length} LSTM error(s) and {infos} LSTM0013 info(s)");
            }

            string[] before = Errors(inputByFile[fuzzCase.Path]);
            string[] after = Errors(own);
            return before.SequenceEqual(after)
                ? null
                : Describe("the generated code changes the errors in the user's file:\nbefore: " + string.Join("; ", before) + "\nafter: " + string.Join("; ", after));
        }

        if (lstmErrors.Length > 0)
        {
            return infos == 0 ? null : Describe("LSTM errors and an LSTM0013 info at once");
        }

        // Nothing generated and no LSTM error: allowed only when no type of the case carries a cell attribute at all
        // (misspelled, or a syntax error left it on nothing).
        return declaresCell || ownLstm.Length > 0
            ? Describe("the generator emitted nothing but the analyzers report no LSTM error")
            : null;
    }

    private static string[] Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("LSTM", StringComparison.Ordinal))
            .Select(d => $"{d.Id}@{d.Location.SourceSpan}")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
