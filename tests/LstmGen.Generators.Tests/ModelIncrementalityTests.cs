using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The model stages cache like the cell stages: an unrelated edit reuses every output; an edit to a layer's cell, in
/// another file than the model, flows through to the model's file (the transform reads the cell's attribute); and no
/// tracked output holds a Roslyn object.
/// </summary>
public sealed class ModelIncrementalityTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    private static readonly string OneLayer = ModelSources.Model("Output = OutputHead.Softmax, OutputSize = 3", "[ModelLayer(typeof(Cell), Bidirectional = true)]");

    [Fact]
    public void Editing_an_unrelated_file_reuses_every_model_output()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(ModelSources.ForecasterCells, ModelSources.Forecaster, CellSources.Unrelated(1));
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);

        Compilation edited = pair.Compilation.ReplaceSyntaxTree(pair.Trees[2], GeneratorHarness.Parse(CellSources.Unrelated(2), pair.Trees[2].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        Assert.Null(second.Exception);
        var stages = TrackedSteps.Outputs(TrackedSteps.GeneratorSteps(second)).ToList();
        Assert.Contains(stages, o => o.Name == CellGenerator.Steps.ParseModel);
        Assert.Contains(stages, o => o.Name == CellGenerator.Steps.EmittedModel);
        Assert.True(stages.TrueForAll(o => Reused.Contains(o.Reason)), TrackedSteps.Describe(stages));
        var emitted = TrackedSteps.Outputs(TrackedSteps.OutputSteps(second)).ToList();
        Assert.True(emitted.TrueForAll(o => Reused.Contains(o.Reason)), TrackedSteps.Describe(emitted));
    }

    [Fact]
    public void Changing_a_layer_cells_hidden_size_in_its_own_file_regenerates_the_model()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(CellSources.Cell("3, 1"), OneLayer);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);
        Assert.Contains("LSTM D = 3, H = 1 (bidirectional) → softmax V = 3", ModelText(first), StringComparison.Ordinal);

        Compilation edited = pair.Compilation.ReplaceSyntaxTree(pair.Trees[0], GeneratorHarness.Parse(CellSources.Cell("3, 2"), pair.Trees[0].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        var parsed = TrackedSteps.Outputs(second.Steps(CellGenerator.Steps.ParseModel).Select(s => ("parse", s))).ToList();
        Assert.Contains(parsed, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("LSTM D = 3, H = 2 (bidirectional) → softmax V = 3", ModelText(second), StringComparison.Ordinal);
    }

    [Fact]
    public void Tracked_model_outputs_hold_no_roslyn_objects()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(ModelSources.ForecasterCells, ModelSources.Forecaster, CellSources.Cell("3, 1"), OneLayer, CellSources.Unrelated(1));
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);
        Compilation edited = pair.Compilation.ReplaceSyntaxTree(pair.Trees[4], GeneratorHarness.Parse(CellSources.Unrelated(2), pair.Trees[4].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        foreach (GeneratorRun run in new[] { first, second })
        {
            var outputs = TrackedSteps.Outputs(TrackedSteps.GeneratorSteps(run).Concat(TrackedSteps.OutputSteps(run))).ToList();
            Assert.Equal(2, outputs.Count(o => o.Name == CellGenerator.Steps.ParseModel && o.Value is not null));
            List<string> forbidden = outputs.SelectMany((o, i) => ForbiddenRoslynObjects.Find(o.Value, $"{o.Name}#{i}")).ToList();
            Assert.True(forbidden.Count == 0, string.Join('\n', forbidden));
        }
    }

    private static string ModelText(GeneratorRun run) =>
        run.GeneratedSources.Single(source => source.HintName == "Samples.Stack-Model.g.cs").SourceText.ToString();
}
