using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// Every declaration diagnostic, with a case that triggers it (marked inline) and a close case that must not. Each
/// negative case differs from its positive one only in the fix the diagnostic asks for.
/// </summary>
public sealed class DeclarationDiagnosticTests
{
    private const string Usings = "using LstmGen;\n\nnamespace Samples;\n\n";

    private static Task Check(string declaration) => Verify.AnalyzerAsync<CellDeclarationAnalyzer>(Usings + declaration);

    // LSTM0001
    [Fact]
    public Task Not_partial_is_LSTM0001() => Check("[LstmCell(2, 1)]\npublic static class {|LSTM0001:Cell|} { }");

    [Fact]
    public Task One_non_partial_declaration_of_a_split_class_is_LSTM0001() =>
        Check("[LstmCell(2, 1)]\npublic partial class Cell { }\npublic class {|LSTM0001:{|CS0260:Cell|}|} { }");

    [Fact]
    public Task Partial_is_fine() => Check("[LstmCell(2, 1)]\npublic static partial class Cell;");

    // LSTM0002
    [Fact]
    public Task Generic_cell_is_LSTM0002() => Check("[LstmCell(2, 1)]\npublic partial class {|LSTM0002:Cell|}<T> { }");

    [Fact]
    public Task Non_generic_cell_beside_a_generic_type_is_fine() => Check("[LstmCell(2, 1)]\npublic partial class Cell { }\npublic class Cell<T> { }");

    // LSTM0003
    [Fact]
    public Task Containing_type_not_partial_is_LSTM0003() =>
        Check("public class {|LSTM0003:Outer|}\n{\n    [LstmCell(2, 1)]\n    public static partial class Cell;\n}");

    [Fact]
    public Task Partial_containing_types_are_fine() =>
        Check("public partial class Outer\n{\n    public partial struct Middle\n    {\n        [LstmCell(2, 1)]\n        public static partial class Cell;\n    }\n}");

    // LSTM0004
    [Fact]
    public Task Generic_containing_type_is_LSTM0004() =>
        Check("public partial class {|LSTM0004:Outer|}<T>\n{\n    [LstmCell(2, 1)]\n    public static partial class Cell;\n}");

    [Fact]
    public Task File_local_containing_type_is_LSTM0004() =>
        Check("file partial class {|LSTM0004:Outer|}\n{\n    [LstmCell(2, 1)]\n    public static partial class Cell;\n}");

    [Fact]
    public Task Non_generic_containing_type_is_fine() =>
        Check("public partial class Outer\n{\n    [LstmCell(2, 1)]\n    public static partial class Cell;\n}");

    // LSTM0005
    [Theory]
    [InlineData("[LstmCell({|LSTM0005:0|}, 1)]")]
    [InlineData("[LstmCell(2, {|LSTM0005:-3|})]")]
    [InlineData("[LstmCell({|LSTM0005:4097|}, 1)]")]
    [InlineData("[RnnCell(hiddenSize: {|LSTM0005:int.MaxValue|}, inputSize: 2)]")]
    [InlineData("[LstmCell({|LSTM0005:0|}, {|LSTM0005:0|})]")]
    [InlineData("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = {|LSTM0005:5000|})]")]
    [InlineData("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = {|LSTM0005:-1|})]")]
    // OutputSize = 0 is set, so it is out of range (LSTM0005), not missing (LSTM0010); in either order of the options.
    [InlineData("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = {|LSTM0005:0|})]")]
    [InlineData("[RnnCell(2, 1, OutputSize = {|LSTM0005:0|}, Output = OutputHead.Softmax)]")]
    public Task Size_out_of_range_is_LSTM0005(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    [Theory]
    [InlineData("[LstmCell(1, 1)]")]
    [InlineData("[LstmCell(4096, 4096)]")]
    [InlineData("[RnnCell(hiddenSize: 4096, inputSize: 1)]")]
    [InlineData("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = 4096)]")]
    public Task Sizes_at_the_limits_are_fine(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    // LSTM0006
    [Fact]
    public Task Forced_unrolled_above_the_limit_is_LSTM0006() =>
        Check("[LstmCell(100, 32, Kernel = {|LSTM0006:KernelStrategy.Unrolled|})]\npublic static partial class Cell;");

    // The budget's edges, by the model (StraightLineSize, checked against compiled IL by UnrolledIlSizeTests): Backward
    // has 47 (+1 for an LSTM) + 15G + 15G·C + C·(7G + 3) IL instructions for G gate rows and C = D + H columns.
    // LSTM 19→8 (G 32, C 27): 48 + 480 + 12,960 + 6,129 = 19,617; LSTM 20→8 (C 28): 20,324. RNN 39→16 (G 16, C 55):
    // 47 + 240 + 13,200 + 6,325 = 19,812; RNN 40→16: 20,167. A head's HeadBackward has 32 + 13V + 18V·H + H·(10V + 3):
    // RNN 1→16 with V = 43, 19,903; V = 44, 20,364.
    [Fact]
    public Task Forced_unrolled_at_the_limit_is_fine() =>
        Check("""
            [LstmCell(19, 8, Kernel = KernelStrategy.Unrolled)]
            public static partial class Cell;
            [RnnCell(39, 16, Kernel = KernelStrategy.Unrolled)]
            public static partial class Rnn;
            [RnnCell(1, 16, Kernel = KernelStrategy.Unrolled, Output = OutputHead.Softmax, OutputSize = 43)]
            public static partial class WithHead;
            """);

    [Fact]
    public Task Forced_unrolled_one_past_the_limit_is_LSTM0006() =>
        // The old limit (4096 gate multiply-adds) accepted all three: LSTM 20→8 has 3584, RNN 40→16 896, RNN 1→16 272.
        Check("""
            [LstmCell(20, 8, Kernel = {|LSTM0006:KernelStrategy.Unrolled|})]
            public static partial class Cell;
            [RnnCell(40, 16, Kernel = {|LSTM0006:KernelStrategy.Unrolled|})]
            public static partial class Rnn;
            [RnnCell(1, 16, Kernel = {|LSTM0006:KernelStrategy.Unrolled|}, Output = OutputHead.Softmax, OutputSize = 44)]
            public static partial class WithHead;
            """);

    [Fact]
    public async Task The_LSTM0006_message_names_the_member_its_size_the_limit_and_the_reason()
    {
        var problems = await AnalyzerRun.RunAsync(Usings + "[LstmCell(20, 8, Kernel = KernelStrategy.Unrolled)]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0006").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("its straight-line Backward would have 20324 IL instructions, above the limit of 20000", message, StringComparison.Ordinal);
        Assert.Contains("without optimising it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_budget_is_the_generators()
    {
        Assert.Equal(LstmGen.Generators.Model.KernelLimits.MaxStraightLineIlInstructions, KernelBudget.MaxStraightLineIlInstructions);
        Assert.Equal(LstmGen.Generators.Model.KernelLimits.MaxStraightLineLocals, KernelBudget.MaxStraightLineLocals);
    }

    [Fact]
    public void The_locals_budget_never_binds_before_the_instruction_budget()
    {
        // Locals depend on H alone; every H that the instruction budget allows at all (D = 1, no head) stays far below it.
        foreach (var kind in new[] { LstmGen.Generators.Model.CellKind.Lstm, LstmGen.Generators.Model.CellKind.Rnn })
        {
            for (int h = 1; h <= KernelBudget.MaxSize; h++)
            {
                var members = LstmGen.Generators.Model.StraightLineSize.Members(kind, 1, h, 0).ToList();
                if (members.All(m => m.Instructions <= KernelBudget.MaxStraightLineIlInstructions))
                {
                    Assert.All(members, m => Assert.True(m.Locals <= KernelBudget.MaxStraightLineLocals / 4, $"{kind} H = {h}: {m}"));
                }
            }
        }
    }

    // LSTM0007
    [Fact]
    public Task Undefined_scalar_is_LSTM0007() =>
        Check("[LstmCell(2, 1, Scalar = {|LSTM0007:(ScalarType)7|})]\npublic static partial class Cell;");

    [Fact]
    public Task Float_scalar_is_fine() => Check("[LstmCell(2, 1, Scalar = ScalarType.Float)]\npublic static partial class Cell;");

    // LSTM0008
    [Theory]
    [InlineData("Kernel = {|LSTM0008:(KernelStrategy)(-3)|}")]
    [InlineData("Output = {|LSTM0008:(OutputHead)3|}, OutputSize = 3")]
    public Task Undefined_kernel_or_head_is_LSTM0008(string option) =>
        Check($"[LstmCell(2, 1, {option})]\npublic static partial class Cell;");

    [Fact]
    public Task Defined_kernel_and_head_are_fine() =>
        Check("[LstmCell(2, 1, Kernel = KernelStrategy.Loops, Output = OutputHead.Softmax, OutputSize = 3)]\npublic static partial class Cell;");

    [Fact]
    public async Task The_LSTM0008_message_for_the_head_lists_all_three_heads()
    {
        var problems = await AnalyzerRun.RunAsync(Usings + "[LstmCell(2, 1, Output = (OutputHead)3, OutputSize = 3)]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0008").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("None, Softmax, Linear", message, StringComparison.Ordinal);
    }

    // LSTM0009
    [Fact]
    public Task Lstm_and_rnn_attributes_on_one_type_are_LSTM0009() =>
        Check("[LstmCell(2, 1)]\n[{|LSTM0009:RnnCell(2, 1)|}]\npublic static partial class Cell;");

    [Fact]
    public Task A_repeated_attribute_is_LSTM0009_besides_the_compiler_error() =>
        Check("[LstmCell(2, 1)]\n[{|LSTM0009:{|CS0579:LstmCell|}(3, 1)|}]\npublic static partial class Cell;");

    [Fact]
    public Task Two_cells_in_two_types_are_fine() =>
        Check("[LstmCell(2, 1)]\npublic static partial class Lstm;\n[RnnCell(2, 1)]\npublic static partial class Rnn;");

    // LSTM0010
    [Fact]
    public Task Softmax_without_output_size_is_LSTM0010() =>
        Check("[LstmCell(2, 1, Output = {|LSTM0010:OutputHead.Softmax|})]\npublic static partial class Cell;");

    [Theory]
    [InlineData("LstmCell")]
    [InlineData("GruCell")]
    [InlineData("RnnCell")]
    public Task Linear_head_without_output_size_is_LSTM0010(string attribute) =>
        Check($"[{attribute}(2, 1, Output = {{|LSTM0010:OutputHead.Linear|}})]\npublic static partial class Cell;");

    [Theory]
    [InlineData("OutputHead.Softmax", "the number of classes")]
    [InlineData("OutputHead.Linear", "the number of values it predicts")]
    public async Task The_LSTM0010_message_names_the_head(string head, string meaning)
    {
        var problems = await AnalyzerRun.RunAsync(Usings + $"[GruCell(2, 1, Output = {head})]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0010").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"'Cell' asks for a head (Output = {head}) but does not set OutputSize; add OutputSize = V, {meaning} (1 to 4096)", message);
    }

    [Theory]
    [InlineData("[LstmCell(1, 8, Output = OutputHead.Linear, OutputSize = 1)]")]
    [InlineData("[GruCell(3, 40, Output = OutputHead.Linear, OutputSize = 4096, Scalar = ScalarType.Float)]")]
    [InlineData("[RnnCell(2, 2, OutputSize = 2, Output = OutputHead.Linear, Kernel = KernelStrategy.Unrolled)]")]
    public Task Linear_head_with_output_size_is_fine(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    [Theory]
    [InlineData("[LstmCell(2, 1, Output = OutputHead.Linear, OutputSize = {|LSTM0005:0|})]")]
    [InlineData("[RnnCell(2, 1, Output = OutputHead.Linear, OutputSize = {|LSTM0005:4097|})]")]
    [InlineData("[RnnCell(1, 16, Kernel = {|LSTM0006:KernelStrategy.Unrolled|}, Output = OutputHead.Linear, OutputSize = 44)]")]
    public Task Linear_head_size_limits_are_the_softmax_heads(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    [Fact]
    public Task Softmax_with_output_size_is_fine() =>
        Check("[RnnCell(2, 1, Output = OutputHead.Softmax, OutputSize = 10)]\npublic static partial class Cell;");

    // LSTM0011
    [Theory]
    [InlineData("OutputSize = {|LSTM0011:10|}")]
    [InlineData("Output = OutputHead.None, OutputSize = {|LSTM0011:-2|}")]
    public Task Output_size_without_head_is_LSTM0011(string options) =>
        Check($"[LstmCell(2, 1, {options})]\npublic static partial class Cell;");

    [Fact]
    public async Task The_LSTM0011_message_offers_both_heads()
    {
        var problems = await AnalyzerRun.RunAsync(Usings + "[LstmCell(2, 1, OutputSize = 10)]\npublic static partial class Cell;");
        string message = Assert.Single(problems, d => d.Id == "LSTM0011").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            "'Cell' sets OutputSize = 10 but has no output head; add Output = OutputHead.Softmax (classes) or Output = OutputHead.Linear (regression), or remove OutputSize",
            message);
    }

    [Fact]
    public Task No_head_and_no_output_size_is_fine() =>
        Check("[LstmCell(2, 1, Output = OutputHead.None, OutputSize = 0)]\npublic static partial class Cell;");

    // LSTM0012
    [Theory]
    [InlineData("public static int {|LSTM0012:Forward|}() => 0;")]
    [InlineData("private const int {|LSTM0012:InputSize|} = 2;")]
    [InlineData("public sealed class {|LSTM0012:Workspace|} { }")]
    [InlineData("public static double {|LSTM0012:Sgd|} { get; set; }")]
    public Task User_member_with_a_generated_name_is_LSTM0012(string member) =>
        Check($"[LstmCell(2, 1)]\npublic static partial class Cell\n{{\n    {member}\n}}");

    [Fact]
    public Task Head_member_names_clash_only_with_a_head() =>
        Check("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = 3)]\npublic static partial class Cell\n{\n    public static void {|LSTM0012:Softmax|}() { }\n}");

    [Theory]
    [InlineData("HeadMseLoss")]
    [InlineData("HeadMseLossAndGradientsBatch")]
    [InlineData("HeadForward")]
    public Task Linear_head_member_names_clash_with_a_linear_head(string name) =>
        Check($"[GruCell(2, 1, Output = OutputHead.Linear, OutputSize = 3)]\npublic static partial class Cell\n{{\n    public static void {{|LSTM0012:{name}|}}() {{ }}\n}}");

    [Theory]
    [InlineData("Softmax")]
    [InlineData("CrossEntropyLoss")]
    public Task Softmax_member_names_are_free_on_a_linear_head_cell(string name) =>
        Check($"[LstmCell(2, 1, Output = OutputHead.Linear, OutputSize = 3)]\npublic static partial class Cell\n{{\n    public static void {name}() {{ }}\n}}");

    [Fact]
    public Task Linear_head_member_names_are_free_on_a_softmax_cell() =>
        Check("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = 3)]\npublic static partial class Cell\n{\n    public static void HeadMseLoss() { }\n}");

    [Fact]
    public Task Cell_named_like_a_generated_member_is_LSTM0012() =>
        Check("[LstmCell(2, 1)]\npublic static partial class {|LSTM0012:State|};");

    [Fact]
    public Task Inherited_member_with_a_generated_name_is_LSTM0012() =>
        Check("public class Base { public void Backward() { } }\n[LstmCell(2, 1)]\npublic partial class {|LSTM0012:Cell|} : Base;");

    [Fact]
    public Task Other_member_names_are_fine() =>
        Check("public class Base { private void Backward() { } }\n[LstmCell(2, 1)]\npublic partial class Cell : Base\n{\n    public static void Softmax() { }\n    public static int Train() => 0;\n}");

    // LSTM0014
    [Theory]
    [InlineData("public partial struct {|LSTM0014:Cell|};", "{|CS0592:LstmCell|}")]
    [InlineData("public partial record {|LSTM0014:Cell|};", "LstmCell")]
    [InlineData("public abstract partial class {|LSTM0014:Cell|};", "LstmCell")]
    [InlineData("file static partial class {|LSTM0014:Cell|};", "LstmCell")]
    [InlineData("public partial interface {|LSTM0014:Cell|};", "{|CS0592:LstmCell|}")]
    public Task Not_a_plain_class_is_LSTM0014(string declaration, string attribute) => Check($"[{attribute}(2, 1)]\n{declaration}");

    [Theory]
    [InlineData("public sealed partial class Cell;")]
    [InlineData("internal partial class Cell;")]
    public Task Sealed_and_internal_classes_are_fine(string declaration) => Check($"[LstmCell(2, 1)]\n{declaration}");

    // LSTM0015
    [Theory]
    [InlineData("[{|LSTM0015:{|CS7036:LstmCell(2)|}|}]")]
    [InlineData("[{|LSTM0015:LstmCell({|CS1503:\"2\"|}, 1)|}]")]
    [InlineData("[{|LSTM0015:LstmCell({|CS0182:Sizes.D|}, 1)|}]")]
    [InlineData("[{|LSTM0015:LstmCell(2, 1, Scalar = ScalarType.{|CS0117:Half|})|}]")]
    public Task Unreadable_arguments_are_LSTM0015(string attribute) =>
        Check(attribute + "\npublic static partial class Cell;\npublic static class Sizes { public static int D = 2; }");

    [Fact]
    public Task Missing_class_name_is_LSTM0015() =>
        Check("[{|LSTM0015:LstmCell(2, 1)|}]\npublic static partial class{|CS1001:|}{|CS1513:|}{|CS1514:|}");

    // LSTM0016
    [Fact]
    public Task CSharp_12_is_LSTM0016() =>
        Verify.AnalyzerAsync<CellDeclarationAnalyzer>(
            Usings + "[LstmCell(2, 1)]\npublic static partial class {|LSTM0016:Cell|} { }", languageVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12);

    [Fact]
    public Task CSharp_13_is_fine() =>
        Verify.AnalyzerAsync<CellDeclarationAnalyzer>(
            Usings + "[LstmCell(2, 1)]\npublic static partial class Cell { }", languageVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13);

    [Fact]
    public Task Constant_expressions_are_read() =>
        Check("[LstmCell(Sizes.D * 2, hiddenSize: Sizes.D + 1)]\npublic static partial class Cell;\npublic static class Sizes { public const int D = 2; }");

    [Fact]
    public Task Every_error_is_reported_at_once() =>
        Check("[LstmCell({|LSTM0005:0|}, 1, Scalar = {|LSTM0007:(ScalarType)9|}, OutputSize = {|LSTM0011:4|})]\npublic static class {|LSTM0001:Cell|}\n{\n    public static void {|LSTM0012:Bptt|}() { }\n}");

    [Fact]
    public Task A_type_without_cell_attributes_is_ignored() =>
        Check("public static class Cell\n{\n    public static void Forward() { }\n}");

    [Fact]
    public void Every_descriptor_is_supported_by_an_analyzer_and_links_to_its_section()
    {
        var supported = new CellDeclarationAnalyzer().SupportedDiagnostics
            .Concat(new VectorLengthAnalyzer().SupportedDiagnostics)
            .Concat(new ModelDeclarationAnalyzer().SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .ToList();
        var declared = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<Microsoft.CodeAnalysis.DiagnosticDescriptor>()
            .ToList();

        Assert.Equal(declared.Select(d => d.Id).Order(), supported.Select(d => d.Id).Order());
        Assert.All(declared, d =>
        {
            Assert.Matches("^LSTM[0-9]{4}$", d.Id);
            Assert.Equal("https://github.com/lstmgen/lstmgen/blob/main/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }
}
