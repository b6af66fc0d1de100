using System.Collections.Immutable;
using System.Reflection;
using LstmGen.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Generators.Tests;

/// <summary>
/// A declared model gets one file with its <c>Model</c> property: it compiles without a warning (nullable on, every warning
/// wave, XML docs diagnosed), and, loaded, is the declared stack of layers with the declared head; an invalid model gets no
/// file. The harness's second run checks that the model stages cache what they generated.
/// </summary>
public sealed class ModelGeneratorTests
{
    private const string HintName = "Samples.Forecaster-Model.g.cs";

    [Fact]
    public void The_forecaster_compiles_without_a_warning_and_is_the_declared_model()
    {
        GeneratorRun run = GeneratorHarness.Run(ModelSources.ForecasterCells, ModelSources.Forecaster);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.GeneratedSources, source => source.HintName == HintName);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));

        RecurrentModel<float> model = LoadModel<float>(run.OutputCompilation, "Samples.Forecaster");

        Assert.Equal(2, model.Layers.Count);
        Assert.Equal((RecurrentCellKind.Lstm, 1, 32, true), (model.Layers[0].Cell.Layout.Kind, model.Layers[0].Cell.InputSize, model.Layers[0].Cell.HiddenSize, model.Layers[0].Bidirectional));
        Assert.Equal((RecurrentCellKind.Gru, 64, 32, false), (model.Layers[1].Cell.Layout.Kind, model.Layers[1].Cell.InputSize, model.Layers[1].Cell.HiddenSize, model.Layers[1].Bidirectional));
        Assert.Equal((OutputHead.Linear, 1, 0.1), (model.Output, model.OutputSize, model.Dropout));
        // Counted from the declaration: LSTM 4H(D + H) + 4H per direction, twice; GRU 3H(D + H) + 3H + H (b_hn); head V·W + V.
        int lstm = (4 * 32 * (1 + 32)) + (4 * 32);
        int gru = (3 * 32 * (64 + 32)) + (3 * 32) + 32;
        Assert.Equal((2 * lstm) + gru + (1 * 32) + 1, model.ParameterCount);
        // The generated comment and summary describe the model in the runtime's own words.
        Assert.Contains($"The model: {model};", run.GeneratedSources.Single(source => source.HintName == HintName).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_class_is_split_over_files_is_generated_once()
    {
        // The attributes on one partial declaration, a method on another in its own file.
        const string Other = """
            namespace Samples;

            public static partial class Forecaster
            {
                /// <summary>A member of the user's.</summary>
                public static int Layers => Model.Layers.Count;
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(ModelSources.ForecasterCells, ModelSources.Forecaster, Other);

        Assert.Null(run.Exception);
        Assert.Single(run.GeneratedSources, source => source.HintName == HintName);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
        Assert.Equal(2, LoadModel<float>(run.OutputCompilation, "Samples.Forecaster").Layers.Count);
    }

    [Fact]
    public void A_model_attribute_on_two_partial_declarations_is_the_compiler_s_error_not_a_generator_crash()
    {
        const string Twice = """
            using LstmGen;

            namespace Samples;

            /// <summary>The forecaster.</summary>
            [RecurrentModel(Output = OutputHead.Linear, OutputSize = 1)]
            [ModelLayer(typeof(Lower), Bidirectional = true)]
            [ModelLayer(typeof(Upper))]
            public static partial class Forecaster;

            [RecurrentModel(Output = OutputHead.Linear, OutputSize = 1)]
            public static partial class Forecaster;
            """;
        GeneratorRun run = GeneratorHarness.Run(ModelSources.ForecasterCells, Twice);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);   // no CS8785 (a generator exception)
        Assert.DoesNotContain(run.GeneratedSources, source => source.HintName == HintName);
        Assert.Contains(run.OutputDiagnostics, d => d.Id == "CS0579");   // the compiler: duplicate attribute
    }

    [Fact]
    public void A_model_over_cells_of_another_assembly_reads_them_from_their_generated_constants()
    {
        // The cells compiled (with the generator) into an assembly of their own, referenced by the model's project.
        GeneratorRun cells = GeneratorHarness.Run(ModelSources.ForecasterCells);
        using var image = new MemoryStream();
        Assert.True(cells.OutputCompilation.WithAssemblyName("Samples.Cells").Emit(image).Success);
        CSharpCompilation modelProject = GeneratorHarness.CreateCompilation([ModelSources.Forecaster])
            .WithAssemblyName("Samples.Model")
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), modelProject);

        Assert.Null(run.Exception);
        Assert.Single(run.GeneratedSources, source => source.HintName == HintName);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
        Assert.Contains("LSTM D = 1, H = 32 (bidirectional) → GRU D = 64, H = 32 → linear V = 1", run.GeneratedSources.Single(source => source.HintName == HintName).SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The spec's example, compared with <c>snapshots/Model.Forecaster.verified.cs</c>.</summary>
    [Fact]
    public async Task The_forecasters_file_matches_its_snapshot()
    {
        GeneratorRun run = GeneratorHarness.Run(ModelSources.ForecasterCells, ModelSources.Forecaster);

        await Verify(run.GeneratedSources.Single(source => source.HintName == HintName).SourceText.ToString(), "cs").UseFileName("Model.Forecaster");
    }

    [Fact]
    public void The_generated_model_has_xml_docs()
    {
        GeneratorRun run = GeneratorHarness.Run(ModelSources.ForecasterCells, ModelSources.Forecaster);
        string[] generated = [.. run.AllGeneratedSources.Select(source => source.SourceText.ToString().Replace("// <auto-generated/>\n", "", StringComparison.Ordinal))];

        Compilation documented = GeneratorHarness.CreateCompilation(
            [ModelSources.ForecasterCells, ModelSources.Forecaster, .. generated], GeneratorHarness.DiagnoseDocsParseOptions);

        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.WarningsAndErrors(documented);
        Assert.True(diagnostics.IsEmpty, GeneratorHarness.Describe(diagnostics));
    }

    [Fact]
    public void Every_kind_nested_forward_only_double_without_a_head()
    {
        const string Declarations = """
            using LstmGen;

            namespace Samples;

            /// <summary>Holds the model.</summary>
            public static partial class Outer
            {
                /// <summary>RNN 3 → 4.</summary>
                [RnnCell(3, 4)] public static partial class A;
                /// <summary>LSTM 4 → 5.</summary>
                [LstmCell(4, 5)] public static partial class B;
                /// <summary>GRU 10 → 2.</summary>
                [GruCell(10, 2)] public static partial class C;

                /// <summary>A model.</summary>
                [RecurrentModel]
                [ModelLayer(typeof(A))]
                [ModelLayer(typeof(B), Bidirectional = true)]
                [ModelLayer(typeof(C), Bidirectional = false)]
                internal sealed partial class Deep;
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(Declarations);

        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
        RecurrentModel<double> model = LoadModel<double>(run.OutputCompilation, "Samples.Outer+Deep");
        Assert.Equal(
            [(RecurrentCellKind.TanhRnn, 3, 4, false), (RecurrentCellKind.Lstm, 4, 5, true), (RecurrentCellKind.Gru, 10, 2, false)],
            model.Layers.Select(layer => (layer.Cell.Layout.Kind, layer.Cell.InputSize, layer.Cell.HiddenSize, layer.Bidirectional)));
        Assert.Equal((OutputHead.None, 0, 0.0, 2), (model.Output, model.OutputSize, model.Dropout, model.OutputWidth));
    }

    [Theory]
    [InlineData("[ModelLayer(typeof(Lower))] [ModelLayer(typeof(Upper))]")] // LSTM0020: Upper takes 64, Lower outputs 32
    [InlineData("")] // LSTM0024
    [InlineData("[ModelLayer(typeof(string))]")] // LSTM0021
    [InlineData("[ModelLayer(typeof(Lower), Bidirectional = true)] [ModelLayer(typeof(Upper))] [ModelLayer(typeof(Half))]")] // LSTM0023
    public void An_invalid_model_gets_no_file_and_its_cells_still_do(string layers)
    {
        const string Half = "namespace Samples;\n/// <summary>Double.</summary>\n[LstmGen.GruCell(32, 1)] public static partial class Half;";
        GeneratorRun run = GeneratorHarness.Run(ModelSources.ForecasterCells, Half, ModelSources.Model("", layers));

        Assert.Null(run.Exception);
        Assert.DoesNotContain(run.GeneratedSources, source => source.HintName.Contains("-Model", StringComparison.Ordinal));
        Assert.Equal(3, run.GeneratedSources.Length);
    }

    [Fact]
    public void A_model_whose_cell_is_invalid_gets_no_file()
    {
        const string Broken = "namespace Samples;\n/// <summary>Not partial.</summary>\n[LstmGen.LstmCell(1, 2)] public static class Broken { }";
        GeneratorRun run = GeneratorHarness.Run(Broken, ModelSources.Model("", "[ModelLayer(typeof(Broken))]"));

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void Models_whose_names_differ_only_in_case_and_a_model_that_is_also_a_cell_get_files_of_their_own()
    {
        GeneratorRun run = GeneratorHarness.Run(
            ModelSources.ForecasterCells,
            ModelSources.Model("", "[ModelLayer(typeof(Lower))]", "Pair"),
            ModelSources.Model("", "[ModelLayer(typeof(Lower))]", "PAIR"),
            "namespace Samples;\n/// <summary>Both.</summary>\n[LstmGen.LstmCell(32, 3, Scalar = LstmGen.ScalarType.Float), LstmGen.RecurrentModel, LstmGen.ModelLayer(typeof(Lower)), LstmGen.ModelLayer(typeof(Both))]\npublic static partial class Both;");

        Assert.Null(run.Exception);
        string[] names = [.. run.GeneratedSources.Select(source => source.HintName).Order(StringComparer.Ordinal)];
        Assert.Equal(6, names.Length);
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Samples.Both.g.cs", names);
        Assert.Contains("Samples.Both-Model.g.cs", names);
        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
        Assert.Equal(3, LoadModel<float>(run.OutputCompilation, "Samples.Both").OutputWidth);
    }

    /// <summary>Emits <paramref name="compilation"/>, loads it and reads <c>Model</c> of <paramref name="typeName"/>.</summary>
    internal static RecurrentModel<T> LoadModel<T>(Compilation compilation, string typeName)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        Assert.True(result.Success, GeneratorHarness.Describe(result.Diagnostics));
        Assembly assembly = Assembly.Load(image.ToArray());
        Type type = assembly.GetType(typeName, throwOnError: true)!;
        return (RecurrentModel<T>)type.GetProperty("Model", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
