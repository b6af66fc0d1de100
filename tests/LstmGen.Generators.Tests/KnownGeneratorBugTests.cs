namespace LstmGen.Generators.Tests;

/// <summary>
/// Reproductions of the generator bugs listed in <see cref="KnownGeneratorBugs"/>, skipped until they are fixed.
/// Each asserts the correct behaviour, so unskipping it after the fix turns it into a regression test.
/// </summary>
public sealed class KnownGeneratorBugTests
{
    private const string MissingIdentifier = "using LstmGen;\nnamespace Samples;\n[LstmCell(2, 1)] public static partial class";

    [Fact(Skip = KnownGeneratorBugs.SequenceEqualNeedsUsingSystem)]
    public void Generated_code_needs_no_using_directives_from_the_user()
    {
        GeneratorRun run = GeneratorHarness.Run(CellSources.TinyLstm);

        Assert.True(run.OutputDiagnostics.IsEmpty, GeneratorHarness.Describe(run.OutputDiagnostics));
    }

    [Fact(Skip = KnownGeneratorBugs.MissingIdentifierIsAccepted)]
    public void A_cell_class_with_a_missing_identifier_generates_nothing()
    {
        GeneratorRun run = GeneratorHarness.Run(MissingIdentifier);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact(Skip = KnownGeneratorBugs.MissingIdentifierIsAccepted)]
    public void Two_cell_classes_with_missing_identifiers_do_not_break_a_valid_cell()
    {
        GeneratorRun run = GeneratorHarness.Run(MissingIdentifier, MissingIdentifier, CellSources.TinyLstm);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Samples.TinyLstm.g.cs", run.GeneratedSources.Single().HintName);
    }

    [Fact(Skip = KnownGeneratorBugs.HintNamesCollideIgnoringCase)]
    public void Cells_whose_names_differ_only_in_case_both_generate()
    {
        GeneratorRun run = GeneratorHarness.Run(CellSources.Cell("2, 1", "Cell"), CellSources.Cell("2, 1", "CELL"));

        Assert.Empty(GeneratorHarness.WarningsAndErrors(run.InputCompilation));
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(2, run.GeneratedSources.Length);
    }
}
