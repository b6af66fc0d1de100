using System.Collections.Immutable;
using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// The generator is silent exactly when the analyzers report an error, on hand-picked edge cases (the fuzz test covers
/// random ones): each invalid declaration gets its expected ID and no generated file; each unusual but valid one gets
/// generated code that compiles without a warning, and only the LSTM0013 info.
/// </summary>
public sealed class GeneratorAnalyzerAgreementTests
{
    private const string Usings = "using LstmGen;\nnamespace Samples;\n";

    public static TheoryData<string, string> Invalid() => new()
    {
        { "LSTM0001", "[LstmCell(2, 1)] public static class Cell { }" },
        { "LSTM0001", "[LstmCell(2, 1)] public partial class Cell { } public class Cell { }" },
        { "LSTM0002", "[LstmCell(2, 1)] public partial class Cell<T> { }" },
        { "LSTM0003", "public class Outer { [LstmCell(2, 1)] public static partial class Cell; }" },
        { "LSTM0004", "public partial class Outer<T> { [LstmCell(2, 1)] public static partial class Cell; }" },
        { "LSTM0005", "[LstmCell(int.MaxValue, int.MaxValue)] public static partial class Cell;" },
        { "LSTM0006", "[RnnCell(4096, 4096, Kernel = KernelStrategy.Unrolled)] public static partial class Cell;" },
        { "LSTM0007", "[LstmCell(2, 1, Scalar = (ScalarType)7)] public static partial class Cell;" },
        { "LSTM0008", "[LstmCell(2, 1, Kernel = (KernelStrategy)(-3))] public static partial class Cell;" },
        { "LSTM0009", "[LstmCell(2, 1), RnnCell(2, 1)] public static partial class Cell;" },
        { "LSTM0010", "[RnnCell(2, 1, Output = OutputHead.Softmax)] public static partial class Cell;" },
        { "LSTM0011", "[RnnCell(2, 1, OutputSize = 3)] public static partial class Cell;" },
        { "LSTM0012", "[LstmCell(2, 1)] public static partial class Cell { public static void Forward() { } }" },
        { "LSTM0012", "[LstmCell(2, 1)] public static partial class StateGradient;" },
        { "LSTM0012", "public class Base { protected class State { } } [LstmCell(2, 1)] public partial class Cell : Base;" },
        { "LSTM0014", "[LstmCell(2, 1)] public abstract partial class Cell;" },
        { "LSTM0014", "[LstmCell(2, 1)] public partial record Cell;" },
        { "LSTM0014", "[LstmCell(2, 1)] file static partial class Cell;" },
        { "LSTM0015", "[LstmCell(2)] public static partial class Cell;" },
        { "LSTM0015", "[LstmCell(2, 1)] public static partial class" },
        { "LSTM0001", "[GruCell(2, 1)] public static class Cell { }" },
        { "LSTM0006", "[GruCell(29, 8, Kernel = KernelStrategy.Unrolled)] public static partial class Cell;" },
        { "LSTM0009", "[GruCell(2, 1), LstmCell(2, 1)] public static partial class Cell;" },
        { "LSTM0010", "[GruCell(2, 1, Output = OutputHead.Softmax)] public static partial class Cell;" },
        { "LSTM0010", "[LstmCell(2, 1, Output = OutputHead.Linear)] public static partial class Cell;" },
        { "LSTM0012", "[RnnCell(2, 1, Output = OutputHead.Linear, OutputSize = 1)] public static partial class Cell { public static void HeadMseLoss() { } }" },
        { "LSTM0015", "[GruCell(2)] public static partial class Cell;" },
    };

    public static TheoryData<string> Valid() => new()
    {
        "[LstmCell(2, 1)] public static partial class @class;",
        "[GruCell(2, 3, Output = OutputHead.Linear, OutputSize = 2)] public static partial class Cell { public static void Softmax() { } }",
        "[LstmCell(2, 1)] public static partial class cell;",
        "[RnnCell(2, 1)] public static partial class Ünïcödé;",
        "[GruCell(28, 8, Kernel = KernelStrategy.Unrolled)] public static partial class Cell;",
        "[GruCell(2, 1)] public static partial class Cell; [LstmCell(3, 1)] public static partial class CELL;",
        "[LstmCell(hiddenSize: 3, inputSize: 2)] internal sealed partial class Cell { public static int Train() => 1; }",
        "public partial interface IOuter { [LstmCell(2, 1)] public static partial class Cell; }",
        "public partial record struct Outer { [RnnCell(2, 1, Output = OutputHead.Softmax, OutputSize = 2)] private static partial class Cell; }",
        "public class Base { private void Forward() { } public void Train() { } } [LstmCell(2, 1)] public partial class Cell : Base;",
        "[LstmCell(2, 1)] public static partial class Cell; [LstmCell(3, 1)] public static partial class CELL;",
        "[LstmCell(4096, 1, Scalar = ScalarType.Float)] public static partial class Wide;",
        "public ref partial struct Outer { [LstmCell(2, 1)] public static partial class Cell; }",
        "public readonly partial struct Outer { [LstmCell(2, 1)] public static partial class Cell; }",
        "public sealed partial class outer { [LstmCell(2, 1)] internal sealed partial class Cell; }",
        "public partial class Outer { public partial class @event { [LstmCell(2, 1)] public static partial class Cell; } }",
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_declaration_gets_its_error_and_no_code(string id, string declaration)
    {
        (ImmutableArray<GeneratedSourceResult> generated, ImmutableArray<Diagnostic> diagnostics, _) = await RunAsync(declaration);

        Assert.Empty(generated);
        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "LSTM0013");
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task A_valid_declaration_gets_clean_code_and_only_the_info(string declaration)
    {
        (ImmutableArray<GeneratedSourceResult> generated, ImmutableArray<Diagnostic> diagnostics, Compilation output) = await RunAsync(declaration);

        Assert.NotEmpty(generated);
        Assert.All(diagnostics, d => Assert.Equal("LSTM0013", d.Id));
        Assert.Equal(generated.Length, diagnostics.Length);
        Diagnostic[] inGenerated = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .ToArray();
        Assert.True(inGenerated.Length == 0, string.Join('\n', inGenerated.Select(d => d.ToString())));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp13, true)]
    [InlineData(LanguageVersion.CSharp12, false)]
    [InlineData(LanguageVersion.CSharp11, false)]
    public async Task The_oldest_language_version_is_13(LanguageVersion version, bool generates)
    {
        const string declaration = "[LstmCell(2, 1)] public static partial class Cell { }\n"
            + "[RnnCell(30, 20, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)] public static partial class Rnn { }";
        (ImmutableArray<GeneratedSourceResult> generated, ImmutableArray<Diagnostic> diagnostics, Compilation output) =
            await RunAsync(declaration, TestReferences.ParseOptions.WithLanguageVersion(version));

        if (generates)
        {
            Assert.Equal(2, generated.Length);
            Assert.All(diagnostics, d => Assert.Equal("LSTM0013", d.Id));
            Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
        }
        else
        {
            Assert.Empty(generated);
            Assert.Equal(2, diagnostics.Count(d => d.Id == "LSTM0016"));
        }
    }

    private static async Task<(ImmutableArray<GeneratedSourceResult>, ImmutableArray<Diagnostic>, Compilation)> RunAsync(
        string declaration, CSharpParseOptions? parseOptions = null)
    {
        CSharpParseOptions options = parseOptions ?? TestReferences.ParseOptions;
        CSharpCompilation input = Compilations.Create(options, Usings + declaration);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CellGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);

        ImmutableArray<Diagnostic> lstm = (await AnalyzerRun.RunAsync(output)).Where(d => d.Id.StartsWith("LSTM", StringComparison.Ordinal)).ToImmutableArray();
        // The cells' files: the assembly's shared vectors (one more file whenever a cell is generated) are left out.
        ImmutableArray<GeneratedSourceResult> cells = [.. result.GeneratedSources.Where(s => s.HintName != Generators.Emit.VectorTypesEmitter.HintName)];
        Assert.Equal(cells.IsEmpty ? 0 : 1, result.GeneratedSources.Length - cells.Length);
        return (cells, lstm, output);
    }
}
