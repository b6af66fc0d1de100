using System.Collections.Immutable;
using LstmGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests.Support;

/// <summary>Runs the real <see cref="CellGenerator"/> over sources, as the compiler would, and returns what it adds.</summary>
internal static class GeneratedCode
{
    /// <summary>The generated files (hint name, text) for <paramref name="sources"/>; fails if the generator throws.</summary>
    public static ImmutableArray<(string HintName, string Text)> For(params string[] sources)
    {
        CSharpCompilation compilation = Compilations.Create(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CellGenerator().AsSourceGenerator()], parseOptions: TestReferences.ParseOptions)
            .RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw.", result.Exception);
        }

        return result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();
    }

    /// <summary>The cells' generated files: <see cref="For"/> without the assembly's shared vectors.</summary>
    public static ImmutableArray<(string HintName, string Text)> CellsFor(params string[] sources) =>
        [.. For(sources).Where(file => file.HintName != Generators.Emit.VectorTypesEmitter.HintName)];
}
