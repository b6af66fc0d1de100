using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The pipeline caches: edits that do not touch a cell leave every stage's output <c>Cached</c> or <c>Unchanged</c>
/// (so nothing is re-emitted), and an edit to a cell's attribute does flow through to a new file.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void Editing_a_method_body_in_an_unrelated_file_reuses_every_output()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(CellSources.TinyLstm, CellSources.Unrelated(1));
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);

        Compilation edited = pair.Compilation.ReplaceSyntaxTree(
            pair.Trees[1], GeneratorHarness.Parse(CellSources.Unrelated(2), pair.Trees[1].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        AssertEverythingReused(second);
        Assert.Equal(first.SingleSourceText, second.SingleSourceText);
    }

    [Fact]
    public void Adding_an_unrelated_file_reuses_every_output()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(CellSources.TinyLstm, CellSources.MidLstm);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);

        Compilation edited = pair.Compilation.AddSyntaxTrees(GeneratorHarness.Parse(CellSources.Unrelated(7), "Added.cs"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        AssertEverythingReused(second);
        Assert.Equal(2, second.GeneratedSources.Length);
    }

    [Fact]
    public void Changing_the_hidden_size_regenerates_the_cell()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(CellSources.Cell("3, 1"), CellSources.Unrelated(1));
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);

        Compilation edited = pair.Compilation.ReplaceSyntaxTree(
            pair.Trees[0], GeneratorHarness.Parse(CellSources.Cell("3, 2"), pair.Trees[0].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        var parsed = TrackedSteps.Outputs(second.Single.TrackedSteps[CellGenerator.Steps.ParseLstm].Select(s => ("parse", s))).ToList();
        Assert.Contains(parsed, o => o.Reason == IncrementalStepRunReason.Modified);

        var emitted = TrackedSteps.Outputs(TrackedSteps.OutputSteps(second)).ToList();
        Assert.True(
            emitted.Exists(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New),
            TrackedSteps.Describe(emitted));
        Assert.Contains("public const int HiddenSize = 2;", second.SingleSourceText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_on_the_same_compilation_reuses_every_output()
    {
        Compilation compilation = GeneratorHarness.CreateCompilation([CellSources.SmallFloatLstm, CellSources.NestedGlobal]);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.Clone());

        AssertEverythingReused(second);
    }

    [Fact]
    public void Editing_an_unrelated_file_reuses_the_outputs_of_every_kind()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(CellSources.TinyLstm, CellSources.SmallRnn, CellSources.SmallGru, CellSources.Unrelated(1));
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);

        Compilation edited = pair.Compilation.ReplaceSyntaxTree(
            pair.Trees[3], GeneratorHarness.Parse(CellSources.Unrelated(2), pair.Trees[3].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        AssertEverythingReused(second);
        var stages = TrackedSteps.Outputs(TrackedSteps.GeneratorSteps(second)).ToList();
        Assert.Contains(stages, o => o.Name == CellGenerator.Steps.ParseGru);
        Assert.Contains(stages, o => o.Name == CellGenerator.Steps.ValidGru);
        Assert.Equal(3, second.GeneratedSources.Length);
    }

    [Fact]
    public void Changing_a_grus_hidden_size_regenerates_it_and_nothing_else()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(CellSources.Gru("3, 1"), CellSources.TinyLstm);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);

        Compilation edited = pair.Compilation.ReplaceSyntaxTree(
            pair.Trees[0], GeneratorHarness.Parse(CellSources.Gru("3, 2"), pair.Trees[0].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        var parsedGru = TrackedSteps.Outputs(second.Single.TrackedSteps[CellGenerator.Steps.ParseGru].Select(s => ("parse", s))).ToList();
        Assert.Contains(parsedGru, o => o.Reason == IncrementalStepRunReason.Modified);
        var parsedLstm = TrackedSteps.Outputs(second.Single.TrackedSteps[CellGenerator.Steps.ParseLstm].Select(s => ("parse", s))).ToList();
        Assert.True(parsedLstm.TrueForAll(o => Reused.Contains(o.Reason)), TrackedSteps.Describe(parsedLstm));
        Assert.Contains(
            second.GeneratedSources,
            source => source.HintName == "Samples.Cell.g.cs" && source.SourceText.ToString().Contains("public const int HiddenSize = 2;", StringComparison.Ordinal));
    }

    private static void AssertEverythingReused(GeneratorRun run)
    {
        Assert.Null(run.Exception);

        var stages = TrackedSteps.Outputs(TrackedSteps.GeneratorSteps(run)).ToList();
        Assert.Contains(stages, o => o.Name == CellGenerator.Steps.ParseLstm);
        Assert.Contains(stages, o => o.Name == CellGenerator.Steps.ValidLstm);
        Assert.True(stages.TrueForAll(o => Reused.Contains(o.Reason)), TrackedSteps.Describe(stages));

        var emitted = TrackedSteps.Outputs(TrackedSteps.OutputSteps(run)).ToList();
        Assert.NotEmpty(emitted);
        Assert.True(emitted.TrueForAll(o => Reused.Contains(o.Reason)), TrackedSteps.Describe(emitted));
    }
}
