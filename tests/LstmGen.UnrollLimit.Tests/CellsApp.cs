using System.Diagnostics;
using System.Reflection;

namespace LstmGen.UnrollLimit.Tests;

/// <summary>Starts LstmGen.UnrollLimit.Cells (copied next to this assembly) in a child process.</summary>
internal static class CellsApp
{
    private static readonly Assembly Cells = typeof(LstmGen.UnrollLimit.Cells.UnrollLimitCellsMarker).Assembly;

    /// <summary>The cells the app runs, in declaration order.</summary>
    public static IReadOnlyList<string> CellNames { get; } =
        [.. Cells.GetTypes().Where(t => t.Namespace == "LstmGen.UnrollLimit.Cells" && t.GetField("InputSize") is not null).OrderBy(t => t.MetadataToken).Select(t => t.Name)];

    /// <summary>Gate multiply-adds per step of <paramref name="cell"/>, from its generated size constants.</summary>
    public static int MultiplyAdds(string cell)
    {
        Type type = Cells.GetType($"LstmGen.UnrollLimit.Cells.{cell}", throwOnError: true)!;
        int Constant(string name) => (int)type.GetField(name)!.GetValue(null)!;
        return Constant("GateRows") * (Constant("InputSize") + Constant("HiddenSize"));
    }

    /// <summary>Runs the app for <paramref name="cell"/> with extra environment <paramref name="variables"/> (NAME=value).</summary>
    public static (int ExitCode, string Output) Run(string cell, IEnumerable<string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cells.Location);
        start.ArgumentList.Add(cell);
        foreach (string variable in variables)
        {
            int equals = variable.IndexOf('=', StringComparison.Ordinal);
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out after 2 minutes)");
        }

        return (process.ExitCode, output + error.Result);
    }
}
