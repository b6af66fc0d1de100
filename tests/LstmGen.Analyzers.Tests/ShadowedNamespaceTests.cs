using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// LSTM0017: a non-generic type named <c>LstmGen</c> in the global namespace hides the namespace <c>LstmGen</c> (the
/// compiler prefers a source type to an imported namespace, CS0437), so <c>using LstmGen;</c> is CS0138 and the cell
/// attribute CS0246, and no cell can be declared. Found with real compilations: a generic <c>LstmGen&lt;T&gt;</c>, a
/// type <c>LstmGen</c> inside a namespace, a namespace <c>S.LstmGen</c> and a cell named <c>LstmGen</c> in a namespace
/// all compile. The generator stays silent (nothing binds to its attribute), so the only errors are the compiler's and
/// LSTM0017, which says why.
/// </summary>
public sealed class ShadowedNamespaceTests
{
    [Theory]
    [InlineData("using LstmGen;\n[LstmCell(2, 1)]\npublic static partial class LstmGen;")]
    [InlineData("using LstmGen;\npublic class LstmGen { }\nnamespace S { [LstmCell(2, 1)] public static partial class Tiny; }")]
    [InlineData("public class LstmGen { }\nnamespace S { using LstmGen; [LstmCell(2, 1)] public static partial class Tiny; }")]
    [InlineData("using LstmGen;\npublic delegate void LstmGen();\nnamespace S { [LstmCell(2, 1)] public static partial class Tiny; }")]
    [InlineData("using LstmGen;\nfile class LstmGen { }\nnamespace S { [LstmCell(2, 1)] public static partial class Tiny; }")]
    [InlineData("global using LstmGen;\npublic class LstmGen { }\nnamespace S { [LstmCellAttribute(2, 1)] public static partial class Tiny; }")]
    public async Task A_global_type_named_LstmGen_is_LSTM0017_and_the_generator_is_silent(string source)
    {
        Assert.Empty(GeneratedCode.For(source));
        var compilation = Compilations.Create(source);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0246");

        var diagnostics = await AnalyzerRun.RunAsync(compilation);

        Diagnostic shadow = Assert.Single(diagnostics, d => d.Id == DiagnosticDescriptors.NamespaceHidden.Id);
        Assert.Equal(DiagnosticSeverity.Error, shadow.Severity);
        Assert.Equal("LstmGen", shadow.Location.SourceTree!.GetRoot().FindToken(shadow.Location.SourceSpan.Start).ValueText);
        Assert.Equal(
            "The type 'LstmGen' in the global namespace hides the namespace LstmGen, so 'using LstmGen;', the cell attributes "
            + "and the generated code cannot find LstmGen's types (CS0246); rename the type or move it into a namespace",
            shadow.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public class LstmGen { }")]
    [InlineData("public class LstmGen { public class Nested { } }\nnamespace S { public static class C { public static object N = new LstmGen.Nested(); } }")]
    [InlineData("public class LstmCellAttribute : System.Attribute { }\npublic class LstmGen { }\nnamespace S { [LstmCell] public static class C { } }")]
    public async Task A_global_type_named_LstmGen_in_a_project_that_never_uses_the_namespace_compiles_without_LSTM0017(string source)
    {
        // It builds: at most the compiler's own warning CS0437 where the name LstmGen is looked up (the type wins).
        var compilation = Compilations.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await AnalyzerRun.RunAsync(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticDescriptors.NamespaceHidden.Id);
    }

    [Theory]
    [InlineData("using LstmGen;\nnamespace S { [LstmCell(2, 1)] public static partial class LstmGen; }")]
    [InlineData("using LstmGen;\nnamespace S { public class LstmGen { } [LstmCell(2, 1)] public static partial class Tiny; }")]
    [InlineData("using LstmGen;\npublic class LstmGen<T> { }\nnamespace S { [LstmCell(2, 1)] public static partial class Tiny; }")]
    [InlineData("using LstmGen;\nnamespace S.LstmGen { [LstmCell(2, 1)] public static partial class Tiny; }")]
    public async Task A_type_named_LstmGen_elsewhere_compiles_with_its_cell(string source)
    {
        Assert.Single(GeneratedCode.CellsFor(source));
        var generated = GeneratedCode.For(source);
        var compilation = Compilations.Create([source, .. generated.Select(g => g.Text)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var diagnostics = await AnalyzerRun.RunAsync(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
