using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// The declaration rules apply to <c>[GruCell]</c> as to the other cell attributes: each rule with a GRU declaration that
/// triggers it (marked inline) and, where the rule has an edge, the close case that must not. The unroll budget's edges
/// are the GRU's own (its straight-line members differ: two partial products, gate gradients dz [5H], b_hn).
/// </summary>
public sealed class GruDeclarationDiagnosticTests
{
    private const string Usings = "using LstmGen;\n\nnamespace Samples;\n\n";

    private static Task Check(string declaration) => Verify.AnalyzerAsync<CellDeclarationAnalyzer>(Usings + declaration);

    [Fact]
    public Task A_valid_gru_is_fine() => Check("[GruCell(2, 1)]\npublic static partial class Cell;");

    [Fact]
    public Task Not_partial_is_LSTM0001() => Check("[GruCell(2, 1)]\npublic static class {|LSTM0001:Cell|} { }");

    [Fact]
    public Task Generic_cell_is_LSTM0002() => Check("[GruCell(2, 1)]\npublic partial class {|LSTM0002:Cell|}<T> { }");

    [Fact]
    public Task Containing_type_not_partial_is_LSTM0003() =>
        Check("public class {|LSTM0003:Outer|}\n{\n    [GruCell(2, 1)]\n    public static partial class Cell;\n}");

    [Fact]
    public Task Generic_containing_type_is_LSTM0004() =>
        Check("public partial class {|LSTM0004:Outer|}<T>\n{\n    [GruCell(2, 1)]\n    public static partial class Cell;\n}");

    [Theory]
    [InlineData("[GruCell({|LSTM0005:0|}, 1)]")]
    [InlineData("[GruCell(2, {|LSTM0005:4097|})]")]
    [InlineData("[GruCell(2, 1, Output = OutputHead.Softmax, OutputSize = {|LSTM0005:-1|})]")]
    public Task Size_out_of_range_is_LSTM0005(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    [Theory]
    [InlineData("[GruCell(1, 1)]")]
    [InlineData("[GruCell(4096, 4096)]")]
    [InlineData("[GruCell(2, 1, Output = OutputHead.Softmax, OutputSize = 4096)]")]
    public Task Sizes_at_the_limits_are_fine(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    // The GRU's budget edges, by the model (StraightLineSize, exact to compiled IL on UnrolledIlSizeTests' GRU ladder).
    // Backward has 47 + 25H + 10G + 10H + 15G·(D + H) + D·(7G + 3) + H·(7G + 5) IL instructions, G = 3H:
    // GRU 287→1 (G 3): 47 + 25 + 30 + 10 + 12,960 + 6,888 + 26 = 19,986; GRU 288→1: 20,055.
    // GRU 28→8 (G 24): 47 + 200 + 240 + 80 + 12,960 + 4,788 + 1,384 = 19,699; GRU 29→8: 20,230.
    // A head's HeadBackward has 32 + 13V + 18V·H + H·(10V + 3): GRU 1→2 with V = 289, 19,979; V = 290, 20,048 (its
    // Backward has 586).
    [Fact]
    public Task Forced_unrolled_at_the_limit_is_fine() =>
        Check("""
            [GruCell(287, 1, Kernel = KernelStrategy.Unrolled)]
            public static partial class Wide;
            [GruCell(28, 8, Kernel = KernelStrategy.Unrolled)]
            public static partial class Cell;
            [GruCell(1, 2, Kernel = KernelStrategy.Unrolled, Output = OutputHead.Softmax, OutputSize = 289)]
            public static partial class WithHead;
            """);

    [Fact]
    public Task Forced_unrolled_one_column_past_the_limit_is_LSTM0006() =>
        Check("""
            [GruCell(288, 1, Kernel = {|LSTM0006:KernelStrategy.Unrolled|})]
            public static partial class Wide;
            [GruCell(29, 8, Kernel = {|LSTM0006:KernelStrategy.Unrolled|})]
            public static partial class Cell;
            [GruCell(1, 2, Kernel = {|LSTM0006:KernelStrategy.Unrolled|}, Output = OutputHead.Softmax, OutputSize = 290)]
            public static partial class WithHead;
            """);

    [Fact]
    public async Task The_LSTM0006_message_names_the_grus_member_and_its_size()
    {
        var problems = await AnalyzerRun.RunAsync(Usings + "[GruCell(288, 1, Kernel = KernelStrategy.Unrolled)]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0006").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("its straight-line Backward would have 20055 IL instructions, above the limit of 20000", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Undefined_scalar_is_LSTM0007() =>
        Check("[GruCell(2, 1, Scalar = {|LSTM0007:(ScalarType)7|})]\npublic static partial class Cell;");

    [Fact]
    public Task Undefined_kernel_is_LSTM0008() =>
        Check("[GruCell(2, 1, Kernel = {|LSTM0008:(KernelStrategy)9|})]\npublic static partial class Cell;");

    [Theory]
    [InlineData("[GruCell(2, 1)]\n[{|LSTM0009:LstmCell(2, 1)|}]")]
    [InlineData("[RnnCell(2, 1)]\n[{|LSTM0009:GruCell(2, 1)|}]")]
    public Task Gru_and_another_attribute_on_one_type_is_LSTM0009(string attributes) => Check(attributes + "\npublic static partial class Cell;");

    [Fact]
    public async Task The_LSTM0009_message_names_every_cell_attribute()
    {
        var problems = await AnalyzerRun.RunAsync(Usings + "[GruCell(2, 1)]\n[LstmCell(2, 1)]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0009").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("[LstmCell], [RnnCell] and [GruCell]", message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_gru_beside_an_lstm_and_an_rnn_is_fine() =>
        Check("[LstmCell(2, 1)]\npublic static partial class Lstm;\n[RnnCell(2, 1)]\npublic static partial class Rnn;\n[GruCell(2, 1)]\npublic static partial class Gru;");

    [Fact]
    public Task Softmax_without_output_size_is_LSTM0010() =>
        Check("[GruCell(2, 1, Output = {|LSTM0010:OutputHead.Softmax|})]\npublic static partial class Cell;");

    [Fact]
    public Task Output_size_without_head_is_LSTM0011() =>
        Check("[GruCell(2, 1, OutputSize = {|LSTM0011:10|})]\npublic static partial class Cell;");

    [Theory]
    [InlineData("public static int {|LSTM0012:Backward|}() => 0;")]
    [InlineData("public sealed class {|LSTM0012:StateGradient|} { }")]
    public Task User_member_with_a_generated_name_is_LSTM0012(string member) =>
        Check($"[GruCell(2, 1)]\npublic static partial class Cell\n{{\n    {member}\n}}");

    [Fact]
    public Task Head_member_names_clash_only_with_a_head() =>
        Check("[GruCell(2, 1, Output = OutputHead.Softmax, OutputSize = 3)]\npublic static partial class Cell\n{\n    public static void {|LSTM0012:LogSoftmax|}() { }\n}\n"
            + "[GruCell(2, 1)]\npublic static partial class NoHead\n{\n    public static void LogSoftmax() { }\n}");

    [Fact]
    public Task A_record_is_LSTM0014() => Check("[GruCell(2, 1)]\npublic partial record {|LSTM0014:Cell|};");

    [Fact]
    public Task Unreadable_arguments_are_LSTM0015() =>
        Check("[{|LSTM0015:{|CS7036:GruCell(2)|}|}]\npublic static partial class Cell;");

    [Fact]
    public async Task The_LSTM0015_message_names_the_gru_attribute()
    {
        var problems = await AnalyzerRun.RunAsync(Usings + "[GruCell(2, 1, Scalar = ScalarType.Half)]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0015").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("the arguments of [GruCell] cannot be read", message, StringComparison.Ordinal);
    }
}
