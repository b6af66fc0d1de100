using LstmGen.Demo.WorkedExample;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// The demo's worked-example table (generated cell beside the seeds' prints) as a snapshot,
/// <c>snapshots/WorkedExample.Table.verified.txt</c>, and every row reproducing its print.
/// </summary>
/// <remarks>Tolerance per row: the demo's <see cref="SeedNumber.Matches"/>, ½·10^−decimals + 1e-15·|printed|, exact for <c>0.</c>.</remarks>
public sealed class WorkedExampleTableTests
{
    [Fact]
    public async Task Table_matches_snapshot() =>
        await Verify(WorkedExampleTable.Render(WorkedExampleRun.Run())).UseFileName("WorkedExample.Table");

    [Fact]
    public void Every_row_reproduces_its_print()
    {
        IReadOnlyList<WorkedExampleRow> rows = WorkedExampleRun.Run();

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.Matches, $"{row.Section} / {row.Quantity}: ours {row.Ours:R}, seed {row.Seed.Printed} ({row.Seed.Source})"));
        Assert.EndsWith($"{rows.Count} of {rows.Count} printed values reproduced to every printed digit.\n", WorkedExampleTable.Render(rows), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_is_deterministic() =>
        Assert.Equal(WorkedExampleTable.Render(WorkedExampleRun.Run()), WorkedExampleTable.Render(WorkedExampleRun.Run()));
}
