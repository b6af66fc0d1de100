using System.Reflection;
using System.Runtime.Loader;
using LstmGen.Generators.Model;
using LstmGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The unroll budget is only as good as <see cref="StraightLineSize"/>'s counts: for a ladder of forced-unrolled cells
/// (every kind, both scalars, with and without a head, with and without biases, from 1→1 up to cells whose largest member is near the budget)
/// the generated code is compiled in Release, and the IL of every straight-line member of each cell's <c>Kernel</c> is
/// measured. The model must bound every member (instructions, bytes, locals) and be exact up to a few instructions
/// (the compiler folds <c>index * 1</c> in one-row cells), so that the budget refuses no cell the JIT would optimise.
/// </summary>
public sealed class UnrolledIlSizeTests
{
    private const int SlackInstructions = 8;

    private static readonly (string Name, CellKind Kind, int D, int H, int V, string Scalar, bool Bias)[] Ladder =
    [
        ("Lstm1x1", CellKind.Lstm, 1, 1, 0, "Double", true),
        ("Lstm2x1", CellKind.Lstm, 2, 1, 0, "Float", true),
        ("Lstm3x5", CellKind.Lstm, 3, 5, 0, "Double", true),
        ("Lstm10x4", CellKind.Lstm, 10, 4, 0, "Float", true),
        ("Lstm8x8", CellKind.Lstm, 8, 8, 0, "Double", true),
        ("Lstm1x14", CellKind.Lstm, 1, 14, 0, "Float", true),
        ("Lstm2x3Head50", CellKind.Lstm, 2, 3, 50, "Double", true),
        ("Lstm30x5Head7", CellKind.Lstm, 30, 5, 7, "Float", true),
        ("Rnn1x1", CellKind.Rnn, 1, 1, 0, "Double", true),
        ("Rnn5x3", CellKind.Rnn, 5, 3, 0, "Float", true),
        ("Rnn20x16", CellKind.Rnn, 20, 16, 0, "Double", true),
        ("Rnn39x16", CellKind.Rnn, 39, 16, 0, "Float", true),
        ("Rnn1x29", CellKind.Rnn, 1, 29, 0, "Double", true),
        ("Rnn796x1", CellKind.Rnn, 796, 1, 0, "Double", true),
        ("Rnn1x4Head20", CellKind.Rnn, 1, 4, 20, "Float", true),
        ("Rnn1x8Head84", CellKind.Rnn, 1, 8, 84, "Double", true),
        ("Gru1x1", CellKind.Gru, 1, 1, 0, "Double", true),
        ("Gru2x1", CellKind.Gru, 2, 1, 0, "Float", true),
        ("Gru3x5", CellKind.Gru, 3, 5, 0, "Double", true),
        ("Gru10x4", CellKind.Gru, 10, 4, 0, "Float", true),
        ("Gru1x16", CellKind.Gru, 1, 16, 0, "Double", true),
        ("Gru280x1", CellKind.Gru, 280, 1, 0, "Float", true),
        ("Gru2x3Head50", CellKind.Gru, 2, 3, 50, "Double", true),
        ("Gru12x6Head9", CellKind.Gru, 12, 6, 9, "Float", true),

        // Bias-free cells (Bias = false): no bias term in a row, no db, a GRU without b_hn.
        ("NoBiasLstm1x1", CellKind.Lstm, 1, 1, 0, "Double", false),
        ("NoBiasLstm3x5", CellKind.Lstm, 3, 5, 0, "Float", false),
        ("NoBiasLstm2x3Head50", CellKind.Lstm, 2, 3, 50, "Double", false),
        ("NoBiasRnn1x1", CellKind.Rnn, 1, 1, 0, "Float", false),
        ("NoBiasRnn39x16", CellKind.Rnn, 39, 16, 0, "Double", false),
        ("NoBiasGru1x1", CellKind.Gru, 1, 1, 0, "Double", false),
        ("NoBiasGru3x5", CellKind.Gru, 3, 5, 0, "Float", false),
        ("NoBiasGru12x6Head9", CellKind.Gru, 12, 6, 9, "Double", false),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IlBody>>> Measured = new(Compile);

    public static TheoryData<string> Cells() => [.. Ladder.Select(cell => cell.Name)];

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_model_bounds_every_straight_line_member_tightly(string name)
    {
        var cell = Ladder.Single(c => c.Name == name);
        IReadOnlyDictionary<string, IlBody> actual = Measured.Value[name];
        bool gatesInOneVector = cell.Kind == CellKind.Lstm && cell.H == 1 && cell.Scalar == "Double";
        var estimates = StraightLineSize.Members(cell.Kind, cell.D, cell.H, cell.V, cell.Bias, gatesInOneVector).ToList();

        Assert.Equal(estimates.Select(e => e.Member).Order(), actual.Keys.Where(IsStraightLine).Order());
        foreach (MemberSize estimate in estimates)
        {
            IlBody il = actual[estimate.Member];
            string what = $"{name}.Kernel.{estimate.Member}: estimated {estimate.Instructions} instructions, {estimate.Bytes} bytes, {estimate.Locals} locals; compiled {il}";
            Assert.True(estimate.Instructions >= il.Instructions, what);
            Assert.True(estimate.Instructions <= il.Instructions + SlackInstructions, what);
            Assert.True(estimate.Bytes >= il.Bytes, what);
            Assert.True(estimate.Locals >= il.Locals, what);
        }
    }

    [Fact]
    public void The_ladder_reaches_the_budget()
    {
        // The largest member of the largest cells is within 10% of the budget, so the bound is checked where it matters.
        long largest = Ladder.Max(c => StraightLineSize.Largest(c.Kind, c.D, c.H, c.V, c.Bias).Instructions);
        Assert.InRange(largest, KernelLimits.MaxStraightLineIlInstructions * 0.9, KernelLimits.MaxStraightLineIlInstructions);
    }

    // The members the model counts: those whose size grows with the cell (the public forwarding members are a few
    // instructions each, and the size constants one).
    private static bool IsStraightLine(string member) =>
        member is "PreActivations" or "PreActivationsOneHot" or "Activate" or "Backward" or "BackwardOneHot" or "GateGradients" or "HeadForward" or "HeadBackward"
            or "InputPreActivations" or "InputPreActivationsOneHot" or "HiddenPreActivations";

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IlBody>> Compile()
    {
        string[] declarations = [.. Ladder.Select(c =>
            $"[{c.Kind switch { CellKind.Lstm => "LstmCell", CellKind.Gru => "GruCell", _ => "RnnCell" }}({c.D}, {c.H}, Scalar = ScalarType.{c.Scalar}, Kernel = KernelStrategy.Unrolled"
            + (c.V > 0 ? $", Output = OutputHead.Softmax, OutputSize = {c.V}" : string.Empty)
            + (c.Bias ? string.Empty : ", Bias = false")
            + $")] public static partial class {c.Name};")];
        GeneratorRun run = GeneratorHarness.Run("using LstmGen;\nnamespace Ladder;\n" + string.Join('\n', declarations));
        Assert.Empty(run.OutputDiagnostics);

        Compilation release = run.OutputCompilation.WithOptions(run.OutputCompilation.Options.WithOptimizationLevel(OptimizationLevel.Release));
        using var image = new MemoryStream();
        EmitResult emitted = release.Emit(image);
        Assert.True(emitted.Success, GeneratorHarness.Describe(emitted.Diagnostics));

        var context = new AssemblyLoadContext("UnrolledIlSizeTests", isCollectible: true);
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            return Ladder.ToDictionary(
                c => c.Name,
                c => (IReadOnlyDictionary<string, IlBody>)assembly.GetType($"Ladder.{c.Name}+Kernel", throwOnError: true)!
                    .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => m.GetMethodBody() is not null)
                    .ToDictionary(m => m.Name, m => Measure(m.GetMethodBody()!)));
        }
        finally
        {
            context.Unload();
        }
    }

    private static IlBody Measure(MethodBody body) => IlBody.Measure(body.GetILAsByteArray()!, body.LocalVariables.Count);
}
