using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests.Support;

/// <summary>Plain compilations of test sources, with the test references (no testing-package workspace).</summary>
internal static class Compilations
{
    /// <summary>Options shared by every compilation: a library, nullable on, every warning wave.</summary>
    public static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true,
        concurrentBuild: true);

    /// <summary>Compiles each source as its own tree (<c>Input0.cs</c>, <c>Input1.cs</c>, ...).</summary>
    public static CSharpCompilation Create(params string[] sources) => Create(TestReferences.ParseOptions, sources);

    /// <summary>As <see cref="Create(string[])"/>, with the given parse options (e.g. an older language version).</summary>
    public static CSharpCompilation Create(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "LstmGen.Analyzers.Tests.Input",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, $"Input{i}.cs")),
            TestReferences.All,
            Options);
}
