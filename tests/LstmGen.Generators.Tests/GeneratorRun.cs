using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>The outcome of one generator run: the driver to reuse, the run result, and the compilations before and after.</summary>
/// <param name="Driver">The driver after the run; run it again to test caching.</param>
/// <param name="Result">The run result, with tracked steps.</param>
/// <param name="InputCompilation">The compilation the generator saw.</param>
/// <param name="OutputCompilation">The input compilation plus the generated trees.</param>
/// <param name="GeneratorDiagnostics">Diagnostics reported by the generator itself (must stay empty: analyzers explain invalid input).</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The single generator's result.</summary>
    public GeneratorRunResult Single => Result.Results.Single();

    /// <summary>The exception the generator threw, if any (a generator bug).</summary>
    public Exception? Exception => Single.Exception;

    /// <summary>Every generated source, in the generator's order: one per cell, and the assembly's shared vectors.</summary>
    public ImmutableArray<GeneratedSourceResult> AllGeneratedSources => Single.GeneratedSources;

    /// <summary>The cells' generated sources (every file but the shared vectors), in the generator's order.</summary>
    public ImmutableArray<GeneratedSourceResult> GeneratedSources =>
        [.. AllGeneratedSources.Where(source => source.HintName != Emit.VectorTypesEmitter.HintName)];

    /// <summary>The text of the one generated cell file; fails if there is not exactly one.</summary>
    public string SingleSourceText => GeneratedSources.Single().SourceText.ToString();

    /// <summary>The text of the shared vectors' file; fails if there is none.</summary>
    public string VectorsSourceText => AllGeneratedSources.Single(source => source.HintName == Emit.VectorTypesEmitter.HintName).SourceText.ToString();

    /// <summary>Warnings and errors of the output compilation (user code plus generated code).</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => GeneratorHarness.WarningsAndErrors(OutputCompilation);

    /// <summary>The tracked steps named <paramref name="trackingName"/>; fails if the name was not tracked.</summary>
    public ImmutableArray<IncrementalGeneratorRunStep> Steps(string trackingName) =>
        Single.TrackedSteps.TryGetValue(trackingName, out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps
            : throw new InvalidOperationException(
                $"No tracked step '{trackingName}'; tracked: {string.Join(", ", Single.TrackedSteps.Keys)}");
}
