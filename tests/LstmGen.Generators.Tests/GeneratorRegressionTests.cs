namespace LstmGen.Generators.Tests;

/// <summary>
/// Regression tests of generator bugs found by the tests and since fixed: generated code that needed the user's
/// <c>using System;</c> (SequenceEqual as an extension method), classes with a missing identifier that were emitted as
/// <c>Samples..g.cs</c> (two of them threw on a duplicate hint name), and cells whose names differ only in case, whose
/// hint names Roslyn treats as equal (AddSource threw, CS8785).
/// </summary>
public sealed class GeneratorRegressionTests
{
    private const string MissingIdentifier = "using LstmGen;\nnamespace Samples;\n[LstmCell(2, 1)] public static partial class";

    [Fact]
    public void Generated_code_needs_no_using_directives_from_the_user()
    {
        GeneratorRun run = GeneratorHarness.Run(CellSources.TinyLstm);

        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
    }

    [Fact]
    public void A_cell_class_with_a_missing_identifier_generates_nothing()
    {
        GeneratorRun run = GeneratorHarness.Run(MissingIdentifier);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void Two_cell_classes_with_missing_identifiers_do_not_break_a_valid_cell()
    {
        GeneratorRun run = GeneratorHarness.Run(MissingIdentifier, MissingIdentifier, CellSources.TinyLstm);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Samples.TinyLstm.g.cs", run.GeneratedSources.Single().HintName);
    }

    [Fact]
    public void Cells_whose_names_differ_only_in_case_both_generate()
    {
        GeneratorRun run = GeneratorHarness.Run(CellSources.Cell("2, 1", "Cell"), CellSources.Cell("2, 1", "CELL"));

        Assert.Empty(GeneratorHarness.WarningsAndErrors(run.InputCompilation));
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(2, run.GeneratedSources.Length);
        Assert.Empty(run.OutputDiagnostics);
    }

    [Fact]
    public void Case_colliding_cells_keep_distinct_stable_hint_names_and_others_keep_the_plain_name()
    {
        GeneratorRun run = GeneratorHarness.Run(
            CellSources.Cell("2, 1", "Cell"), CellSources.Cell("2, 1", "CELL"), CellSources.TinyLstm);

        string[] names = run.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Samples.TinyLstm.g.cs", names);
        Assert.Contains(names, n => n.StartsWith("Samples.Cell.", StringComparison.Ordinal) && n.EndsWith(".g.cs", StringComparison.Ordinal) && n.Length == "Samples.Cell.".Length + 8 + 5);
        Assert.Contains(names, n => n.StartsWith("Samples.CELL.", StringComparison.Ordinal) && n.Length == "Samples.CELL.".Length + 8 + 5);

        GeneratorRun again = GeneratorHarness.Run(CellSources.Cell("2, 1", "CELL"), CellSources.Cell("2, 1", "Cell"));
        Assert.Equal(
            names.Where(n => !n.Contains("TinyLstm", StringComparison.Ordinal)),
            again.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cell_named_with_a_keyword_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run("using LstmGen;\nnamespace @namespace.@class;\n/// <summary>Cell.</summary>\n[LstmCell(2, 1)] public static partial class @struct;");

        Assert.Null(run.Exception);
        Assert.Equal("namespace.class.struct.g.cs", run.GeneratedSources.Single().HintName);
        Assert.Empty(run.OutputDiagnostics);
    }
}
