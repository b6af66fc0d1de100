using System.Diagnostics;
using System.Reflection;
using LstmGen.Generators.Model;
using LstmGen.Tests.Shared;

namespace LstmGen.UnrollLimit.Tests;

/// <summary>Starts LstmGen.UnrollLimit.Cells (copied next to this assembly) in a child process, and reads its cells' sizes and IL.</summary>
internal static class CellsApp
{
    private static readonly Assembly Cells = typeof(LstmGen.UnrollLimit.Cells.UnrollLimitCellsMarker).Assembly;

    /// <summary>The cells the app runs, in declaration order.</summary>
    public static IReadOnlyList<string> CellNames { get; } =
        [.. Cells.GetTypes().Where(t => t.Namespace == "LstmGen.UnrollLimit.Cells" && t.GetField("InputSize") is not null).OrderBy(t => t.MetadataToken).Select(t => t.Name)];

    /// <summary><paramref name="cell"/>'s kind (its <c>Kernel.Kind</c>), sizes (its generated size constants) and whether it has biases (<c>Kernel.HasBias</c>).</summary>
    public static (CellKind Kind, int D, int H, int V, bool HasBias) Sizes(string cell)
    {
        Type type = Cells.GetType($"LstmGen.UnrollLimit.Cells.{cell}", throwOnError: true)!;
        int Constant(string name) => (int)type.GetField(name)!.GetValue(null)!;
        Type kernel = type.GetNestedType("Kernel")!;
        int v = (int)kernel.GetProperty("OutputSize")!.GetValue(null)!;
        CellKind kind = (RecurrentCellKind)kernel.GetProperty("Kind")!.GetValue(null)! switch
        {
            RecurrentCellKind.Lstm => CellKind.Lstm,
            RecurrentCellKind.TanhRnn => CellKind.Rnn,
            RecurrentCellKind.Gru => CellKind.Gru,
            RecurrentCellKind other => throw new ArgumentOutOfRangeException(nameof(cell), other, $"{cell}: a kind the unroll budget's model does not know."),
        };
        // A bias-free kernel declares HasBias => false; one with biases keeps the contract's default (true).
        bool hasBias = kernel.GetProperty("HasBias", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not false;
        return (kind, Constant("InputSize"), Constant("HiddenSize"), v, hasBias);
    }

    /// <summary>The straight-line members of <paramref name="cell"/>'s <c>Kernel</c>, as the unroll budget's model lists them.</summary>
    public static IEnumerable<string> StraightLineMembers(string cell)
    {
        var (kind, d, h, v, hasBias) = Sizes(cell);
        return StraightLineSize.Members(kind, d, h, v, hasBias).Select(member => member.Member);
    }

    /// <summary>The IL of <paramref name="cell"/>'s <c>Kernel.</c><paramref name="member"/>, as the SDK compiled it.</summary>
    public static IlBody Il(string cell, string member)
    {
        Type kernel = Cells.GetType($"LstmGen.UnrollLimit.Cells.{cell}+Kernel", throwOnError: true)!;
        MethodBody body = kernel.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Single(m => m.Name == member).GetMethodBody()!;
        return IlBody.Measure(body.GetILAsByteArray()!, body.LocalVariables.Count);
    }

    /// <summary>Runs the app with <paramref name="arguments"/> and extra environment <paramref name="variables"/> (NAME=value).</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, IEnumerable<string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cells.Location);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
