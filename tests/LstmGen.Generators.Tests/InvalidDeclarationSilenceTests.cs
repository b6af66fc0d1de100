namespace LstmGen.Generators.Tests;

/// <summary>
/// On a declaration it cannot serve, the generator stays silent: no source, no diagnostic of its own (the analyzers
/// explain the problem) and no exception (which would reach users as a vague CS8785 warning).
/// </summary>
public sealed class InvalidDeclarationSilenceTests
{
    public static TheoryData<string, string> InvalidDeclarations() => new()
    {
        { "not partial", "[LstmCell(2, 1)] public static class Cell { }" },
        { "generic", "[LstmCell(2, 1)] public partial class Cell<T> { }" },
        { "abstract non-static", "[LstmCell(2, 1)] public abstract partial class Cell { }" },
        { "input size 0", "[LstmCell(0, 1)] public static partial class Cell;" },
        { "hidden size 0", "[LstmCell(2, 0)] public static partial class Cell;" },
        { "negative size", "[LstmCell(-1, 4)] public static partial class Cell;" },
        { "size above 4096", "[LstmCell(5000, 1)] public static partial class Cell;" },
        { "int.MaxValue sizes", "[LstmCell(int.MaxValue, int.MaxValue)] public static partial class Cell;" },
        { "forced unrolled above the hard limit", "[LstmCell(1000, 1000, Kernel = KernelStrategy.Unrolled)] public static partial class Cell;" },
        { "undefined scalar value", "[LstmCell(2, 1, Scalar = (ScalarType)7)] public static partial class Cell;" },
        { "undefined kernel value", "[LstmCell(2, 1, Kernel = (KernelStrategy)(-3))] public static partial class Cell;" },
        { "nested in a non-partial class", "public class Outer { [LstmCell(2, 1)] public static partial class Cell; }" },
        { "nested in a generic partial class", "public partial class Outer<T> { [LstmCell(2, 1)] public static partial class Cell; }" },
        { "missing arguments (user compile error)", "[LstmCell(2)] public static partial class Cell;" },
        { "no arguments (user compile error)", "[LstmCell] public static partial class Cell;" },
        { "wrong argument type (user compile error)", "[LstmCell(\"2\", 1)] public static partial class Cell;" },
        { "non-constant argument (user compile error)", "[LstmCell(Sizes.D, 1)] public static partial class Cell; public static class Sizes { public static int D = 2; }" },
        { "on a struct (user compile error)", "[LstmCell(2, 1)] public partial struct Cell;" },
        { "duplicated attribute (user compile error)", "[LstmCell(2, 1)][LstmCell(3, 1)] public static partial class Cell;" },
        { "LSTM and RNN attributes together", "[LstmCell(2, 1), RnnCell(2, 1)] public static partial class Cell;" },
        { "record", "[LstmCell(2, 1)] public partial record Cell;" },
        { "file-local class", "[LstmCell(2, 1)] file static partial class Cell;" },
        { "one declaration not partial", "[LstmCell(2, 1)] public partial class Cell { } public class Cell { }" },
        { "user member with a generated name", "[LstmCell(2, 1)] public static partial class Cell { public static void Forward() { } }" },
        { "cell named like a generated member", "[LstmCell(2, 1)] public static partial class State;" },
        { "inherited member with a generated name", "public class Base { public int Sgd; } [LstmCell(2, 1)] public partial class Cell : Base;" },
        { "softmax without output size", "[LstmCell(2, 1, Output = OutputHead.Softmax)] public static partial class Cell;" },
        { "output size without head", "[LstmCell(2, 1, OutputSize = 3)] public static partial class Cell;" },
        { "missing class name (user compile error)", "[LstmCell(2, 1)] public static partial class" },
    };

    [Theory]
    [MemberData(nameof(InvalidDeclarations))]
    public void Generator_emits_nothing_reports_nothing_and_does_not_throw(string name, string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run(Wrap(declaration));

        Assert.True(run.Exception is null, $"{name}: {run.Exception}");
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"{name}: {GeneratorHarness.Describe(run.GeneratorDiagnostics)}");
        Assert.True(run.Single.Diagnostics.IsEmpty, $"{name}: {GeneratorHarness.Describe(run.Single.Diagnostics)}");
        Assert.True(run.GeneratedSources.IsEmpty, $"{name}: generated {string.Join(", ", run.GeneratedSources.Select(s => s.HintName))}");
    }

    [Fact]
    public void The_same_wrapper_around_a_valid_declaration_generates_one_file()
    {
        GeneratorRun run = GeneratorHarness.Run(Wrap("[LstmCell(2, 1)] public static partial class Cell;"));

        Assert.Equal("Samples.Cell.g.cs", run.GeneratedSources.Single().HintName);
    }

    [Fact]
    public void An_invalid_cell_does_not_stop_a_valid_one_in_the_same_compilation()
    {
        GeneratorRun run = GeneratorHarness.Run(
            CellSources.TinyLstm,
            "using LstmGen; namespace Samples; [LstmCell(0, 1)] public static partial class Broken;");

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Samples.TinyLstm.g.cs", run.GeneratedSources.Single().HintName);
    }

    private static string Wrap(string declaration) => "using LstmGen;\nnamespace Samples;\n" + declaration;
}
