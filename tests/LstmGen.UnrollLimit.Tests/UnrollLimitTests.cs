using LstmGen.Generators.Model;

namespace LstmGen.UnrollLimit.Tests;

/// <summary>
/// The largest forced-unrolled cells the unroll budget accepts (<see cref="KernelBudget.MaxStraightLineIlInstructions"/>;
/// LSTM, RNN and GRU, double and float, the largest D and the largest H, one with a softmax head), in child processes,
/// under this machine's default instruction set (AVX-512 where the CPU has it), with AVX-512 off and with hardware
/// intrinsics off:
/// <list type="bullet">
/// <item>every generated method runs (its Kernel's straight-line members through the contract, then the typed API),
/// with tiered compilation (Tier0 first) and without it (fully optimised at once): a child that does not exit 0, such
/// as the JIT's InvalidProgramException, fails the test with the child's output;</item>
/// <item>the JIT optimises every straight-line member: the runtime's JIT events report each as Optimized, not
/// MinOptJitted, while two control methods either side of the JIT's 20,000-instruction switch show that the events do
/// tell the two apart; and the JIT's own listing of each member (<c>DOTNET_JitDisasm</c>) calls no element accessor,
/// so every span and inline-array access was inlined (past a few hundred temporaries the JIT stops inlining).</item>
/// </list>
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

    public static TheoryData<string, string> CellsAndInstructionSets()
    {
        var data = new TheoryData<string, string>();
        foreach (string cell in CellsApp.CellNames)
        {
            foreach (var (set, _) in InstructionSets)
            {
                data.Add(cell, set);
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
        (int exitCode, string output) = CellsApp.Run([cell], variables);
        Assert.True(exitCode == 0, $"{cell} under {instructionSet} (tiered: {tiered}) exited with {exitCode}:\n{output}");
        Assert.Contains("Kernel.StepOneHot: ok", output, StringComparison.Ordinal);
        Assert.Contains("LossAndGradientsBatch: ok", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CellsAndInstructionSets))]
    public void The_JIT_optimises_every_straight_line_member(string cell, string instructionSet)
    {
        string listing = Path.Combine(Path.GetTempPath(), $"lstmgen-jit-{cell}-{Guid.NewGuid():N}.txt");
        try
        {
            var variables = InstructionSets.Single(s => s.Name == instructionSet).Variables.Concat(
            [
                "DOTNET_TieredCompilation=0",
                $"DOTNET_JitDisasm=LstmGen.UnrollLimit.Cells.{cell}+Kernel:*",
                $"DOTNET_JitStdOutFile={listing}",
            ]);
            (int exitCode, string output) = CellsApp.Run(["--tiers", cell], variables);
            Assert.True(exitCode == 0, $"--tiers {cell} under {instructionSet} exited with {exitCode}:\n{output}");
            Dictionary<string, string> tiers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .Where(words => words.Length == 3 && words[0] == "tier")
                .ToDictionary(words => words[1], words => words[2]);

            Assert.Equal("Optimized", tiers.GetValueOrDefault("control-under"));
            Assert.Equal("MinOptJitted", tiers.GetValueOrDefault("control-over"));
            IReadOnlyDictionary<string, JitListing> listings = JitListing.Parse(File.ReadAllText(listing));
            foreach (string member in CellsApp.StraightLineMembers(cell))
            {
                string what = $"{cell}.Kernel.{member} under {instructionSet}";
                Assert.True(tiers.GetValueOrDefault(member) == "Optimized", $"{what}: {tiers.GetValueOrDefault(member) ?? "no JIT event"}\n{output}");
                Assert.True(listings.TryGetValue(member, out JitListing? code), $"{what}: no JIT listing");
                Assert.False(code.MinOpts, $"{what}: the JIT's listing says MinOpts");
                Assert.True(code.ElementCalls == 0, $"{what}: {code.ElementCalls} calls to element accessors left in the code (the JIT stopped inlining)");
            }
        }
        finally
        {
            File.Delete(listing);
        }
    }

    [Theory]
    [MemberData(nameof(CellNames))]
    public void The_cell_is_at_the_budget_and_the_model_bounds_its_IL(string cell)
    {
        // The SDK's compiler built these cells: every straight-line member's IL within the model's bound, and the
        // largest within 10% of the budget (so the cells above test the budget, not a size well inside it).
        var sizes = CellsApp.Sizes(cell);
        var estimates = StraightLineSize.Members(sizes.Kind, sizes.D, sizes.H, sizes.V, sizes.HasBias).ToList();
        foreach (MemberSize estimate in estimates)
        {
            var il = CellsApp.Il(cell, estimate.Member);
            Assert.True(il.Instructions <= estimate.Instructions && il.Bytes <= estimate.Bytes && il.Locals <= estimate.Locals, $"{cell}.Kernel.{estimate.Member}: {estimate} against {il}");
        }

        Assert.True(estimates.All(e => e.WithinBudget), $"{cell} is over the budget");
        Assert.InRange(estimates.Max(e => e.Instructions), KernelLimits.MaxStraightLineIlInstructions * 0.9, KernelLimits.MaxStraightLineIlInstructions);
    }

    public static TheoryData<string> CellNames() => [.. CellsApp.CellNames];

    [Fact]
    public void The_public_budget_is_the_generators()
    {
        Assert.Equal(KernelLimits.MaxStraightLineIlInstructions, KernelBudget.MaxStraightLineIlInstructions);
        Assert.Equal(KernelLimits.MaxStraightLineLocals, KernelBudget.MaxStraightLineLocals);
    }
}
