using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LstmGen.Analyzers.Tests.Support;

/// <summary>
/// Analyzer and code-fix tests on the Roslyn testing packages: expected diagnostics are marked inline in the source
/// (<c>{|LSTM0001:Cell|}</c>), every other diagnostic of the analyzer, and every compiler error, fails the test.
/// </summary>
internal static class Verify
{
    /// <summary>
    /// Runs <typeparamref name="TAnalyzer"/> over <paramref name="source"/> (markup). Unless
    /// <paramref name="withKernelInfo"/>, the LSTM0013 info on valid cells is switched off, so that a test marks only
    /// what it is about. With <paramref name="withGeneratedCode"/>, the generator's output for the source is added as
    /// further files, as the compiler would add it.
    /// </summary>
    public static async Task AnalyzerAsync<TAnalyzer>(
        string source, bool withKernelInfo = false, bool withGeneratedCode = false, LanguageVersion? languageVersion = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerTest<TAnalyzer>(languageVersion is { } v ? TestReferences.ParseOptions.WithLanguageVersion(v) : TestReferences.ParseOptions)
        {
            TestCode = source,
        };
        Configure(test.TestState, test.DisabledDiagnostics, withKernelInfo);
        if (withGeneratedCode)
        {
            string plain = MarkupFree(source);
            foreach ((string hintName, string text) in GeneratedCode.For(plain))
            {
                test.TestState.Sources.Add(("/0/Generated/" + hintName, text));
            }
        }

        await test.RunAsync();
    }

    /// <summary>Applies <typeparamref name="TFix"/> to the diagnostics marked in <paramref name="source"/> and compares with <paramref name="fixedSource"/>.</summary>
    public static async Task CodeFixAsync<TAnalyzer, TFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TAnalyzer, TFix> { TestCode = source, FixedCode = fixedSource };
        Configure(test.TestState, test.DisabledDiagnostics, withKernelInfo: false);
        Configure(test.FixedState, test.DisabledDiagnostics, withKernelInfo: false);
        await test.RunAsync();
    }

    /// <summary>
    /// As <see cref="CodeFixAsync{TAnalyzer, TFix}(string, string)"/>, over several documents (path, text): a fix may change
    /// another document than the diagnostic's.
    /// </summary>
    public static async Task CodeFixAsync<TAnalyzer, TFix>((string Path, string Text)[] sources, (string Path, string Text)[] fixedSources)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TAnalyzer, TFix>();
        test.TestState.Sources.AddRange(sources.Select(source => (source.Path, Microsoft.CodeAnalysis.Text.SourceText.From(source.Text))));
        test.FixedState.Sources.AddRange(fixedSources.Select(source => (source.Path, Microsoft.CodeAnalysis.Text.SourceText.From(source.Text))));
        Configure(test.TestState, test.DisabledDiagnostics, withKernelInfo: false);
        Configure(test.FixedState, test.DisabledDiagnostics, withKernelInfo: false);
        await test.RunAsync();
    }

    private static void Configure(SolutionState state, List<string> disabled, bool withKernelInfo)
    {
        state.ReferenceAssemblies = TestReferences.NoPackages;
        state.AdditionalReferences.AddRange(TestReferences.All);
        if (!withKernelInfo && !disabled.Contains(DiagnosticDescriptors.KernelSpecialisation.Id))
        {
            disabled.Add(DiagnosticDescriptors.KernelSpecialisation.Id);
        }
    }

    /// <summary>The source without <c>{|ID:...|}</c> and <c>[|...|]</c> markers (for running the generator on it).</summary>
    private static string MarkupFree(string markup) =>
        System.Text.RegularExpressions.Regex.Replace(markup, @"\{\|[A-Za-z0-9]+:|\|\}|\[\||\|\]", "");

    private sealed class AnalyzerTest<TAnalyzer>(CSharpParseOptions parseOptions) : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        protected override ParseOptions CreateParseOptions() => parseOptions;
    }

    private sealed class CodeFixTest<TAnalyzer, TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        protected override ParseOptions CreateParseOptions() => TestReferences.ParseOptions;
    }
}
