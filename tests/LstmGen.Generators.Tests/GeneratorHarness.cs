using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generators.Tests;

/// <summary>
/// Builds C# compilations from source strings (nullable on, no unsafe code, the runtime library and the
/// shared framework as references) and runs <see cref="CellGenerator"/> over them with step tracking on.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>
    /// <c>Preview</c>: with the pinned Roslyn 4.14 this is C# 14 as far as 4.14 knows it, the closest to what the SDK 10
    /// compiler gives a net10.0 project by default. XML doc comments are parsed, not diagnosed (see <see cref="DiagnoseDocsParseOptions"/>).
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    /// <summary>As <see cref="ParseOptions"/>, but missing or malformed XML docs are reported (CS1591, CS1570, ...).</summary>
    public static readonly CSharpParseOptions DiagnoseDocsParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        allowUnsafe: false,
        warningLevel: 9999,
        deterministic: true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Parses each source into its own tree (<c>Input0.cs</c>, <c>Input1.cs</c>, ...) and compiles them together.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, CSharpParseOptions? parseOptions = null)
    {
        CSharpParseOptions options = parseOptions ?? ParseOptions;
        IEnumerable<SyntaxTree> trees = sources.Select((text, i) => Parse(text, $"Input{i}.cs", options));
        return CreateCompilation(trees);
    }

    /// <summary>Compiles the given trees with the harness's options and references.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("LstmGen.Generators.Tests.Input", trees, References.Value, CompilationOptions);

    /// <summary>Parses <paramref name="source"/> as a file at <paramref name="path"/>.</summary>
    public static SyntaxTree Parse(string source, string path, CSharpParseOptions? parseOptions = null) =>
        CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path);

    /// <summary>A fresh driver holding one <see cref="CellGenerator"/>, tracking every incremental step.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new CellGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Compiles <paramref name="sources"/> and runs a fresh driver over them; then runs that driver again with an
    /// unrelated file added, and fails unless every output of every tracked step is reused (<c>Cached</c> or
    /// <c>Unchanged</c>) and the generated text is the same: so every test that generates code also checks that the
    /// pipeline caches what it generated.
    /// </summary>
    public static GeneratorRun Run(params string[] sources)
    {
        CSharpCompilation compilation = CreateCompilation(sources);
        GeneratorRun first = Run(CreateDriver(), compilation);
        if (first.Exception is null)
        {
            AssertReusedOnRerun(first, compilation);
        }

        return first;
    }

    private static void AssertReusedOnRerun(GeneratorRun first, CSharpCompilation compilation)
    {
        GeneratorRun second = Run(first.Driver, compilation.AddSyntaxTrees(Parse("namespace Unrelated { internal static class Edit { } }", "UnrelatedEdit.cs")));
        var outputs = TrackedSteps.Outputs(TrackedSteps.GeneratorSteps(second).Concat(TrackedSteps.OutputSteps(second))).ToList();
        Assert.True(first.GeneratedSources.IsEmpty || outputs.Count > 0, "The second run tracked no step outputs.");
        var rerun = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        Assert.True(rerun.Count == 0, "A second run with an unrelated file added re-ran steps:\n" + TrackedSteps.Describe(rerun));
        Assert.Equal(
            first.AllGeneratedSources.Select(g => (g.HintName, g.SourceText.ToString())),
            second.AllGeneratedSources.Select(g => (g.HintName, g.SourceText.ToString())));
    }

    /// <summary>
    /// Runs <paramref name="driver"/> (fresh or from an earlier run) over <paramref name="compilation"/>.
    /// Keep the returned <see cref="GeneratorRun.Driver"/> to observe caching on the next run.
    /// </summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriver next = driver.RunGeneratorsAndUpdateCompilation(
            compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(next, next.GetRunResult(), compilation, output, generatorDiagnostics);
    }

    /// <summary>Diagnostics worth failing on: warnings and errors.</summary>
    public static ImmutableArray<Diagnostic> WarningsAndErrors(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();

    /// <summary>Formats diagnostics one per line (id, location, message) for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join('\n', diagnostics.Select(d => d.ToString()));

    /// <summary>The runtime library (the attribute and helpers) and the shared framework (System.*), not the test's own dependencies.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The shared framework directory is unknown.");
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set.");

        IEnumerable<string> framework = trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));

        return framework
            .Append(typeof(LstmCellAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
