using LstmGen.Demo.WorkedExample;

namespace LstmGen.Demo.Cli;

/// <summary><c>worked-example</c>: the seeds' worked example through a generated cell (the snapshot-tested table),
/// written as plain text so that no console width can rewrap it.</summary>
internal static class WorkedExampleCommand
{
    public static int Run(TextWriter output)
    {
        output.WriteLine("LstmGen worked example: seeds 000/001 (LSTM, input 2, hidden 1, two timesteps, loss ½(h − y)², SGD lr 0.1)");
        output.WriteLine("computed by the generated cell WorkedExampleCell, each value beside the number the seed printed.");
        IReadOnlyList<WorkedExampleRow> rows = WorkedExampleRun.Run();
        output.Write(WorkedExampleTable.Render(rows));
        output.Flush();
        return rows.All(r => r.Matches) ? 0 : 1;
    }
}
