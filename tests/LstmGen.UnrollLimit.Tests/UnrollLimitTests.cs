namespace LstmGen.UnrollLimit.Tests;

/// <summary>
/// Every forced-unrolled cell at <see cref="KernelBudget.MaxForcedUnrolledMultiplyAdds"/> (LSTM and RNN, double and
/// float, the largest D and the largest H, one with a softmax head) runs every generated method (its Kernel's straight-line
/// members through the contract, then the typed API) in a child process,
/// under this machine's default instruction set (AVX-512 where the CPU has it), with AVX-512 off and with hardware
/// intrinsics off, each with tiered compilation (Tier0 first) and without it (fully optimised at once). A child that
/// does not exit 0, such as the JIT's InvalidProgramException, fails the test with the child's output.
/// </summary>
public sealed class UnrollLimitTests
{
    private static readonly (string Name, string[] Variables)[] InstructionSets =
    [
        ("default", []),
        ("AVX-512 off", ["DOTNET_EnableAVX512=0"]),
        ("hardware intrinsics off", ["DOTNET_EnableHWIntrinsic=0"]),
    ];

    public static TheoryData<string, string, bool> Runs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string cell in CellsApp.CellNames)
        {
            foreach (var (set, _) in InstructionSets)
            {
                data.Add(cell, set, true);
                data.Add(cell, set, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_method_of_the_largest_unrolled_cell_compiles_and_runs(string cell, string instructionSet, bool tiered)
    {
        var variables = InstructionSets.Single(s => s.Name == instructionSet).Variables
            .Append($"DOTNET_TieredCompilation={(tiered ? 1 : 0)}");
        (int exitCode, string output) = CellsApp.Run(cell, variables);
        Assert.True(exitCode == 0, $"{cell} under {instructionSet} (tiered: {tiered}) exited with {exitCode}:\n{output}");
        Assert.Contains("Kernel.StepOneHot: ok", output, StringComparison.Ordinal);
        Assert.Contains("LossAndGradientsBatch: ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cells_are_at_the_limit()
    {
        // Each cell's gate multiply-adds per step, from its declared sizes (4·H·(D+H) or H·(D+H)): every one within the
        // limit, and the largest shape of each kind at it or within one hidden unit of it.
        Assert.Equal(4096, KernelBudget.MaxForcedUnrolledMultiplyAdds);
        Assert.Equal(
            [4096, 4096, 4096, 3968, 4096, 4096, 4032],
            CellsApp.CellNames.Select(CellsApp.MultiplyAdds));
    }
}
