using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The generated code compiles with no errors and no warnings (nullable on, every warning wave) for a matrix of
/// sizes, scalars and kernel strategies, and for every supported declaration shape.
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    private static readonly (int D, int H)[] Sizes = [(1, 1), (2, 1), (3, 5), (10, 16), (7, 33), (10, 128)];

    /// <summary>Every size with both scalars and every kernel strategy the generator accepts for it.</summary>
    public static TheoryData<int, int, string, string> SizeMatrix()
    {
        var data = new TheoryData<int, int, string, string>();
        foreach ((int d, int h) in Sizes)
        {
            foreach (string scalar in new[] { "Double", "Float" })
            {
                foreach (string kernel in new[] { "Auto", "Unrolled", "Loops", "Simd" })
                {
                    bool unrollAllowed = Model.StraightLineSize.WithinBudget(Model.CellKind.Lstm, d, h, 0);
                    if (kernel != "Unrolled" || unrollAllowed)
                    {
                        data.Add(d, h, scalar, kernel);
                    }
                }
            }
        }

        return data;
    }

    /// <summary>
    /// GRUs of every size, both scalars and every kernel strategy the generator accepts, with and without a softmax head
    /// (V = 5).
    /// </summary>
    public static TheoryData<int, int, string, string, int> GruMatrix()
    {
        var data = new TheoryData<int, int, string, string, int>();
        foreach ((int d, int h) in Sizes)
        {
            foreach (string scalar in new[] { "Double", "Float" })
            {
                foreach (string kernel in new[] { "Auto", "Unrolled", "Loops", "Simd" })
                {
                    foreach (int v in new[] { 0, 5 })
                    {
                        if (kernel != "Unrolled" || Model.StraightLineSize.WithinBudget(Model.CellKind.Gru, d, h, v))
                        {
                            data.Add(d, h, scalar, kernel, v);
                        }
                    }
                }
            }
        }

        return data;
    }

    /// <summary>Declaration shapes: where the attributed class sits and how it is declared.</summary>
    public static TheoryData<string, string> Shapes() => new()
    {
        { "block namespace", "namespace Samples.Block { [LstmCell(3, 2)] public static partial class Cell { } }" },
        { "file-scoped namespace", "namespace Samples.FileScoped; [LstmCell(3, 2)] public static partial class Cell;" },
        { "global namespace", "[LstmCell(3, 2)] public static partial class GlobalCell;" },
        { "non-static partial class", "namespace Samples; [LstmCell(3, 2)] public partial class Cell { }" },
        { "sealed partial class", "namespace Samples; [LstmCell(3, 2)] public sealed partial class Cell { }" },
        { "internal class", "namespace Samples; [LstmCell(3, 2)] internal static partial class Cell;" },
        { "nested in partial class", "namespace Samples; public partial class Outer { [LstmCell(3, 2)] public static partial class Cell; }" },
        { "nested in static partial class", "namespace Samples; public static partial class Outer { [LstmCell(3, 2)] public static partial class Cell; }" },
        { "nested in partial struct", "namespace Samples; public partial struct Outer { [LstmCell(3, 2)] public static partial class Cell; }" },
        { "nested in partial record", "namespace Samples; public partial record Outer { [LstmCell(3, 2)] public static partial class Cell; }" },
        { "nested in partial record struct", "namespace Samples; public partial record struct Outer { [LstmCell(3, 2)] public static partial class Cell; }" },
        { "nested two deep in global namespace", "public partial class A { public partial struct B { [LstmCell(3, 2)] private static partial class Cell; } }" },
        { "nested in partial interface", "namespace Samples; public partial interface IOuter { [LstmCell(3, 2)] public static partial class Cell; }" },
        { "split over two partial declarations", "namespace Samples; [LstmCell(3, 2)] public static partial class Cell; public static partial class Cell { }" },
    };

    [Theory]
    [MemberData(nameof(SizeMatrix))]
    public void Sizes_scalars_and_kernels_compile_cleanly(int inputSize, int hiddenSize, string scalar, string kernel)
    {
        string source = CellSources.Cell(
            $"{inputSize}, {hiddenSize}, Scalar = ScalarType.{scalar}, Kernel = KernelStrategy.{kernel}");

        AssertGeneratesCleanCode(GeneratorHarness.Run(source));
    }

    [Theory]
    [MemberData(nameof(GruMatrix))]
    public void Gru_sizes_scalars_kernels_and_heads_compile_cleanly(int inputSize, int hiddenSize, string scalar, string kernel, int outputSize)
    {
        string head = outputSize > 0 ? $", Output = OutputHead.Softmax, OutputSize = {outputSize}" : string.Empty;
        string source = CellSources.Gru($"{inputSize}, {hiddenSize}, Scalar = ScalarType.{scalar}, Kernel = KernelStrategy.{kernel}{head}");

        AssertGeneratesCleanCode(GeneratorHarness.Run(source));
    }

    [Fact]
    public void The_grus_at_the_unroll_budget_compile_cleanly()
    {
        // The largest forced-unrolled GRUs the analyzer accepts (GruDeclarationDiagnosticTests): the longest members.
        GeneratorRun run = GeneratorHarness.Run(
            CellSources.Gru("287, 1, Kernel = KernelStrategy.Unrolled", "Wide"),
            CellSources.Gru("28, 8, Kernel = KernelStrategy.Unrolled, Scalar = ScalarType.Float", "Deep"),
            CellSources.Gru("1, 2, Kernel = KernelStrategy.Unrolled, Output = OutputHead.Softmax, OutputSize = 289", "WithHead"));

        Assert.Equal(3, run.GeneratedSources.Length);
        AssertGeneratesCleanCode(run);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Declaration_shapes_compile_cleanly(string shape, string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run("using LstmGen;\n" + declaration);

        Assert.True(run.GeneratedSources.Length == 1, $"{shape}: expected one generated file, got {run.GeneratedSources.Length}.");
        AssertGeneratesCleanCode(run);
    }

    [Fact]
    public void Two_cells_in_one_compilation_compile_cleanly()
    {
        GeneratorRun run = GeneratorHarness.Run(
            CellSources.TinyLstm, CellSources.SmallFloatLstm, CellSources.MidLstm, CellSources.SimdLstm, CellSources.NestedGlobal, CellSources.SmallRnn, CellSources.SmallGru, CellSources.SimdGru);

        Assert.Equal(8, run.GeneratedSources.Length);
        AssertGeneratesCleanCode(run);
    }

    private static void AssertGeneratesCleanCode(GeneratorRun run)
    {
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.GeneratedSources);

        ImmutableArray<Diagnostic> userCode = GeneratorHarness.WarningsAndErrors(run.InputCompilation);
        Assert.True(userCode.IsEmpty, "The test's own declaration is invalid:\n" + GeneratorHarness.Describe(userCode));

        ImmutableArray<Diagnostic> output = run.OutputDiagnostics;
        Assert.True(output.IsEmpty, GeneratorHarness.Describe(output));
    }
}
