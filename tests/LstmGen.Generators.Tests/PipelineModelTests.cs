using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The outputs of every tracked generator stage and of the source outputs are plain values: no symbol, syntax node,
/// syntax tree, location, semantic model or compilation anywhere inside them, on a first run or after an edit.
/// </summary>
public sealed class PipelineModelTests
{
    [Fact]
    public void Tracked_step_outputs_hold_no_roslyn_objects()
    {
        CSharpCompilationPair pair = CSharpCompilationPair.Create(
            CellSources.TinyLstm, CellSources.NestedGlobal, CellSources.MidLstm, CellSources.SmallGru, CellSources.Unrelated(1));
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), pair.Compilation);
        Compilation edited = pair.Compilation.ReplaceSyntaxTree(
            pair.Trees[4], GeneratorHarness.Parse(CellSources.Unrelated(2), pair.Trees[4].FilePath));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited);

        foreach (GeneratorRun run in new[] { first, second })
        {
            var outputs = TrackedSteps.Outputs(TrackedSteps.GeneratorSteps(run).Concat(TrackedSteps.OutputSteps(run))).ToList();
            Assert.Contains(outputs, o => o.Name == CellGenerator.Steps.ParseLstm && o.Value is not null);
            Assert.Contains(outputs, o => o.Name == CellGenerator.Steps.ParseGru && o.Value is not null);

            List<string> forbidden = outputs
                .SelectMany((o, i) => ForbiddenRoslynObjects.Find(o.Value, $"{o.Name}#{i}"))
                .ToList();
            Assert.True(forbidden.Count == 0, string.Join('\n', forbidden));
        }
    }

    [Fact]
    public void The_walker_finds_roslyn_objects_nested_in_records_arrays_and_collections()
    {
        SyntaxTree tree = GeneratorHarness.Parse("class C { }", "C.cs");
        var model = new Holder("x", [1, 2], new List<object> { new Holder("inner", [], new List<object> { tree.GetRoot().GetLocation() }) });
        var cyclic = new List<object>();
        cyclic.Add(cyclic);
        cyclic.Add(new object[] { tree });

        Assert.Single(ForbiddenRoslynObjects.Find(model, "model"));
        Assert.Single(ForbiddenRoslynObjects.Find(cyclic, "cyclic"));
        Assert.Single(ForbiddenRoslynObjects.Find((1, GeneratorHarness.CreateCompilation([])), "tuple"));
        Assert.Empty(ForbiddenRoslynObjects.Find(new Holder("clean", [3], new List<object> { "text", 4.5 }), "clean"));
    }

    private sealed record Holder(string Name, int[] Numbers, List<object> Items);
}
