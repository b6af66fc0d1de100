using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>A compilation and the trees it was built from, in order, so that a test can replace one of them.</summary>
/// <param name="Compilation">The compilation.</param>
/// <param name="Trees">Its syntax trees, in the order of the sources.</param>
internal sealed record CSharpCompilationPair(Compilation Compilation, ImmutableArray<SyntaxTree> Trees)
{
    /// <summary>Compiles <paramref name="sources"/>, one tree each.</summary>
    public static CSharpCompilationPair Create(params string[] sources)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation(sources);
        return new CSharpCompilationPair(compilation, compilation.SyntaxTrees.ToImmutableArray());
    }
}
