using System.Collections.Immutable;
using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// For models as for cells (<see cref="GeneratorAnalyzerAgreementTests"/>): the generator emits no model file exactly when
/// the analyzers report an error. Each invalid model gets its expected ID and no file; each valid one gets a file that
/// compiles without a warning, and no LstmGen diagnostic but the cells' LSTM0013 infos.
/// </summary>
public sealed class GeneratorAnalyzerModelAgreementTests
{
    private const string Cells = """
        using LstmGen;
        namespace Samples;
        [LstmCell(1, 32, Scalar = ScalarType.Float)] public static partial class Lower;
        [GruCell(64, 32, Scalar = ScalarType.Float)] public static partial class Upper;
        [RnnCell(32, 8)] public static partial class Top;
        [GruCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5)] public static partial class Headed;

        """;

    public static TheoryData<string, string> Invalid() => new()
    {
        { "LSTM0020", "[RecurrentModel, ModelLayer(typeof(Lower)), ModelLayer(typeof(Upper))] public static partial class M;" },
        { "LSTM0021", "[RecurrentModel, ModelLayer(typeof(int))] public static partial class M;" },
        { "LSTM0022", "[RecurrentModel, ModelLayer(typeof(Headed))] public static partial class M;" },
        { "LSTM0023", "[RecurrentModel, ModelLayer(typeof(Lower)), ModelLayer(typeof(Top))] public static partial class M;" },
        { "LSTM0024", "[RecurrentModel] public static partial class M;" },
        { "LSTM0025", "[ModelLayer(typeof(Lower))] public static partial class M;" },
        { "LSTM0026", "[RecurrentModel] public static partial class M; [ModelLayer(typeof(Lower))] public static partial class M;" },
        { "LSTM0027", "[RecurrentModel(Output = OutputHead.Linear), ModelLayer(typeof(Lower))] public static partial class M;" },
        { "LSTM0028", "[RecurrentModel(OutputSize = 2), ModelLayer(typeof(Lower))] public static partial class M;" },
        { "LSTM0029", "[RecurrentModel(Dropout = 1), ModelLayer(typeof(Lower))] public static partial class M;" },
        { "LSTM0030", "[RecurrentModel, ModelLayer(typeof(Lower))] public static partial class M { public static void Model() { } }" },
        { "LSTM0008", "[RecurrentModel(Output = (OutputHead)3, OutputSize = 2), ModelLayer(typeof(Lower))] public static partial class M;" },
        { "LSTM0001", "[RecurrentModel, ModelLayer(typeof(Lower))] public static class M { }" },
        { "LSTM0002", "[RecurrentModel, ModelLayer(typeof(Lower))] public partial class M<T>;" },
        { "LSTM0003", "public class Outer { [RecurrentModel, ModelLayer(typeof(Lower))] public static partial class M; }" },
        { "LSTM0014", "[RecurrentModel, ModelLayer(typeof(Lower))] public abstract partial class M;" },
        { "LSTM0015", "[RecurrentModel, ModelLayer(typeof(Missing))] public static partial class M;" },
        { "LSTM0001", "[LstmCell(1, 32, Scalar = ScalarType.Float)] public static class Broken { } [RecurrentModel, ModelLayer(typeof(Broken))] public static partial class M;" },
    };

    public static TheoryData<string> Valid() => new()
    {
        "[RecurrentModel(Output = OutputHead.Linear, OutputSize = 1, Dropout = 0.1), ModelLayer(typeof(Lower), Bidirectional = true), ModelLayer(typeof(Upper))] public static partial class M;",
        "[RecurrentModel(Output = OutputHead.Softmax, OutputSize = 3)] [ModelLayer(typeof(Top))] [ModelLayer(typeof(Top2), Bidirectional = true)] internal sealed partial class @class; [RnnCell(8, 8)] public static partial class Top2;",
        "public partial interface IOuter { [RecurrentModel, ModelLayer(typeof(Lower))] public static partial class M; }",
        "public class Base { private void Model() { } } [RecurrentModel, ModelLayer(typeof(Lower))] public partial class M : Base;",
        "[LstmCell(32, 2, Scalar = ScalarType.Float), RecurrentModel, ModelLayer(typeof(Lower)), ModelLayer(typeof(M))] public static partial class M;",
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_model_gets_its_error_and_no_file(string id, string declaration)
    {
        (ImmutableArray<string> models, ImmutableArray<Diagnostic> diagnostics, _) = await RunAsync(declaration);

        Assert.Empty(models);
        Assert.Contains(diagnostics, d => d.Id == id && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task A_valid_model_gets_clean_code_and_no_diagnostic(string declaration)
    {
        (ImmutableArray<string> models, ImmutableArray<Diagnostic> diagnostics, Compilation output) = await RunAsync(declaration);

        Assert.Single(models);
        Assert.All(diagnostics, d => Assert.Equal("LSTM0013", d.Id));
        Diagnostic[] problems = [.. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && (d.Severity == DiagnosticSeverity.Error || d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true))];
        Assert.True(problems.Length == 0, string.Join('\n', problems.Select(d => d.ToString())));
    }

    /// <summary>The hint names of the generated model files, the LstmGen diagnostics of the generated compilation, and that compilation.</summary>
    private static async Task<(ImmutableArray<string>, ImmutableArray<Diagnostic>, Compilation)> RunAsync(string declaration)
    {
        CSharpCompilation input = Compilations.Create(Cells + declaration);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new CellGenerator().AsSourceGenerator()], parseOptions: TestReferences.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics);

        ImmutableArray<Diagnostic> lstm = [.. (await AnalyzerRun.RunAsync(output)).Where(d => d.Id.StartsWith("LSTM", StringComparison.Ordinal))];
        ImmutableArray<string> models = [.. result.GeneratedSources.Select(s => s.HintName).Where(name => name.EndsWith("-Model.g.cs", StringComparison.Ordinal))];
        return (models, lstm, output);
    }
}
