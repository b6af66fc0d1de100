using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// Every model diagnostic (LSTM0020-LSTM0030, and the cell rules the model's class shares), with a case that triggers it
/// (marked inline) and a close case that must not; a valid LSTM → GRU bidirectional model, with its generated code, gets
/// no diagnostic at all.
/// </summary>
public sealed class ModelDeclarationDiagnosticTests
{
    /// <summary>LSTM 1 → 32, GRU 64 → 32 and RNN 32 → 8 (float); RNN 32 → 8 (double); GRU 3 → 4 with a softmax head (float).</summary>
    private const string Cells = """
        using LstmGen;

        namespace Samples;

        [LstmCell(inputSize: 1, hiddenSize: 32, Scalar = ScalarType.Float)] public static partial class Lower;
        [GruCell(inputSize: 64, hiddenSize: 32, Scalar = ScalarType.Float)] public static partial class Upper;
        [RnnCell(32, 8, Scalar = ScalarType.Float)] public static partial class Narrow;
        [RnnCell(32, 8)] public static partial class Top;
        [GruCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5, Scalar = ScalarType.Float)] public static partial class Headed;

        """;

    private static Task Check(string declaration, bool withGeneratedCode = false) =>
        Verify.AnalyzerAsync<ModelDeclarationAnalyzer>(Cells + declaration, withGeneratedCode: withGeneratedCode);

    [Fact]
    public Task A_valid_lstm_to_gru_bidirectional_model_and_its_generated_code_have_no_diagnostic() =>
        Check(
            "[RecurrentModel(Output = OutputHead.Linear, OutputSize = 1, Dropout = 0.1)]\n[ModelLayer(typeof(Lower), Bidirectional = true)]\n[ModelLayer(typeof(Upper))]\npublic static partial class Forecaster;",
            withGeneratedCode: true);

    // LSTM0020
    [Fact]
    public Task A_layer_that_does_not_take_the_bidirectional_output_below_is_LSTM0020() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower), Bidirectional = true)]\n[{|LSTM0020:ModelLayer(typeof(Narrow))|}]\npublic static partial class M;");

    [Fact]
    public Task A_layer_that_takes_the_output_below_is_fine() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower), Bidirectional = true)]\n[ModelLayer(typeof(Upper))]\npublic static partial class M;");

    [Fact]
    public async Task The_shape_message_names_both_layers_both_sizes_and_the_directions()
    {
        Diagnostic diagnostic = (await AnalyzerRun.RunAsync(Cells + "[RecurrentModel]\n[ModelLayer(typeof(Lower), Bidirectional = true)]\n[ModelLayer(typeof(Narrow))]\npublic static partial class M;"))
            .Single(d => d.Id == "LSTM0020");

        Assert.Equal(
            "'Narrow' (layer 1) takes D = 32, but layer 0 'Lower' is bidirectional and outputs 2 × 32 = 64 values per step; declare 'Narrow' with inputSize: 64",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("64", diagnostic.Properties[DiagnosticDescriptors.ExpectedInputSizeProperty]);
    }

    [Fact]
    public async Task The_shape_message_of_a_forward_only_layer_names_h()
    {
        Diagnostic diagnostic = (await AnalyzerRun.RunAsync(Cells + "[RecurrentModel]\n[ModelLayer(typeof(Lower))]\n[ModelLayer(typeof(Upper))]\npublic static partial class M;"))
            .Single(d => d.Id == "LSTM0020");

        Assert.Equal(
            "'Upper' (layer 1) takes D = 64, but layer 0 'Lower' outputs H = 32 values per step; declare 'Upper' with inputSize: 32",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // LSTM0021
    [Theory]
    [InlineData("typeof(string)")]
    [InlineData("typeof(Samples.Plain)")]
    [InlineData("typeof(Open<>)")]
    [InlineData("null!")]
    public Task A_layer_that_is_not_a_cell_is_LSTM0021(string argument) =>
        Check($"public class Plain {{ }}\npublic class Open<T> {{ }}\n[RecurrentModel]\n[{{|LSTM0021:ModelLayer({argument})|}}]\npublic static partial class M;");

    // LSTM0022
    [Fact]
    public Task A_layer_cell_with_a_head_is_LSTM0022() =>
        Check("[RecurrentModel(Output = OutputHead.Softmax, OutputSize = 5)]\n[{|LSTM0022:ModelLayer(typeof(Headed))|}]\npublic static partial class M;");

    // LSTM0023
    [Fact]
    public Task Layers_of_different_scalars_are_LSTM0023() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower))]\n[{|LSTM0023:ModelLayer(typeof(Top))|}]\npublic static partial class M;");

    // LSTM0024
    [Fact]
    public Task A_model_without_layers_is_LSTM0024() => Check("[{|LSTM0024:RecurrentModel|}]\npublic static partial class M;");

    // LSTM0025
    [Fact]
    public Task Layers_without_a_model_are_LSTM0025() =>
        Check("[{|LSTM0025:ModelLayer(typeof(Lower))|}, {|LSTM0025:ModelLayer(typeof(Upper))|}]\npublic static partial class M;");

    // LSTM0026
    [Fact]
    public Task A_layer_on_another_partial_declaration_is_LSTM0026() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower), Bidirectional = true)]\npublic static partial class M;\n[{|LSTM0026:ModelLayer(typeof(Upper))|}]\npublic static partial class M;");

    // LSTM0027, LSTM0028, LSTM0008
    [Theory]
    [InlineData("Output = {|LSTM0027:OutputHead.Linear|}")]
    [InlineData("Output = OutputHead.Softmax, OutputSize = {|LSTM0027:0|}")]
    [InlineData("Output = OutputHead.Linear, OutputSize = {|LSTM0027:-2|}")]
    [InlineData("OutputSize = {|LSTM0028:3|}")]
    [InlineData("Output = OutputHead.None, OutputSize = {|LSTM0028:1|}")]
    [InlineData("Output = {|LSTM0008:(OutputHead)7|}, OutputSize = 3")]
    public Task Wrong_head_options_are_reported(string arguments) =>
        Check($"[RecurrentModel({arguments})]\n[ModelLayer(typeof(Lower))]\npublic static partial class M;");

    [Theory]
    [InlineData("Output = OutputHead.Linear, OutputSize = 1")]
    [InlineData("Output = OutputHead.Softmax, OutputSize = 4096")]
    [InlineData("Output = OutputHead.None, OutputSize = 0")]
    [InlineData("Dropout = 0")]
    [InlineData("Dropout = 0.999")]
    public Task Right_options_are_fine(string arguments) =>
        Check($"[RecurrentModel({arguments})]\n[ModelLayer(typeof(Lower))]\npublic static partial class M;");

    // LSTM0029
    [Theory]
    [InlineData("{|LSTM0029:1|}")]
    [InlineData("{|LSTM0029:-0.1|}")]
    [InlineData("{|LSTM0029:double.NaN|}")]
    [InlineData("{|LSTM0029:double.PositiveInfinity|}")]
    public Task Dropout_outside_0_to_1_is_LSTM0029(string dropout) =>
        Check($"[RecurrentModel(Dropout = {dropout})]\n[ModelLayer(typeof(Lower))]\npublic static partial class M;");

    // LSTM0030
    [Fact]
    public Task A_member_named_Model_is_LSTM0030() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower))]\npublic static partial class M { public static int {|LSTM0030:Model|} => 1; }");

    [Fact]
    public Task An_inherited_member_named_Model_is_LSTM0030() =>
        Check("public class Base { protected int Model; }\n[RecurrentModel]\n[ModelLayer(typeof(Lower))]\npublic partial class {|LSTM0030:M|} : Base;");

    [Fact]
    public Task A_model_named_Model_is_LSTM0030() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower))]\npublic static partial class {|LSTM0030:Model|};");

    [Fact]
    public Task A_private_inherited_member_named_Model_is_fine() =>
        Check("public class Base { private int Model = 0; public int Get() => Model; }\n[RecurrentModel]\n[ModelLayer(typeof(Lower))]\npublic partial class M : Base;");

    // The cell rules on the model's class
    [Fact]
    public Task A_model_class_that_is_not_partial_is_LSTM0001() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower))]\npublic static class {|LSTM0001:M|} { }");

    [Fact]
    public Task An_abstract_model_class_is_LSTM0014() =>
        Check("[RecurrentModel]\n[ModelLayer(typeof(Lower))]\npublic abstract partial class {|LSTM0014:M|};");

    [Fact]
    public Task A_model_in_a_generic_type_is_LSTM0004() =>
        Check("public partial class {|LSTM0004:Outer|}<T>\n{\n    [RecurrentModel]\n    [ModelLayer(typeof(Lower))]\n    public static partial class M;\n}");

    [Fact]
    public Task A_layer_whose_cell_is_invalid_gets_no_model_diagnostic() =>
        Check("[LstmCell(1, 32, Scalar = ScalarType.Float)] public static class Broken { }\n[RecurrentModel]\n[ModelLayer(typeof(Broken))]\npublic static partial class M;");

    // The head's size, and the model's size as a whole
    [Fact]
    public Task A_head_larger_than_4096_is_LSTM0005() =>
        Check("[RecurrentModel(Output = OutputHead.Linear, OutputSize = {|LSTM0005:4097|})]\n[ModelLayer(typeof(Lower))]\npublic static partial class M;");

    [Fact]
    public Task A_head_of_4096_is_fine() =>
        Check("[RecurrentModel(Output = OutputHead.Linear, OutputSize = 4096)]\n[ModelLayer(typeof(Lower))]\npublic static partial class M;");

    [Fact]
    public Task A_model_whose_parameters_do_not_fit_in_one_array_is_LSTM0031() =>
        // 16 LSTM 4096 → 4096 layers: 16 × 134,234,112 = 2,147,745,792 parameters, above 2,147,483,591.
        Check("[LstmCell(4096, 4096, Scalar = ScalarType.Float)] public static partial class Huge;\n[{|LSTM0031:RecurrentModel|}]\n"
            + string.Concat(Enumerable.Repeat("[ModelLayer(typeof(Huge))]\n", 16)) + "public static partial class M;");

    [Fact]
    public Task A_model_just_below_the_array_limit_is_fine() =>
        Check("[LstmCell(4096, 4096, Scalar = ScalarType.Float)] public static partial class Huge;\n[RecurrentModel]\n"
            + string.Concat(Enumerable.Repeat("[ModelLayer(typeof(Huge))]\n", 15)) + "public static partial class M;");
}
