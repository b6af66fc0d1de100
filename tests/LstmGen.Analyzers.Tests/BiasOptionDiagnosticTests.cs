using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// The <c>Bias</c> option (a bool, default true): <c>Bias = false</c> is a valid declaration on every cell attribute;
/// a value that is not a constant bool does not bind (a compiler error) and the declaration cannot be read (LSTM0015),
/// as for the other options; and the unroll budget (LSTM0006) counts a bias-free cell's members without bias terms, so
/// LSTM 109 → 2 may be forced unrolled without biases (largest member 19,957 IL instructions) but not with them (20,037).
/// </summary>
public sealed class BiasOptionDiagnosticTests
{
    private const string Usings = "using LstmGen;\n\nnamespace Samples;\n\n";

    private static Task Check(string declaration) => Verify.AnalyzerAsync<CellDeclarationAnalyzer>(Usings + declaration);

    [Theory]
    [InlineData("[LstmCell(2, 1, Bias = false)]")]
    [InlineData("[RnnCell(2, 1, Bias = false, Kernel = KernelStrategy.Simd)]")]
    [InlineData("[GruCell(2, 1, Bias = false, Output = OutputHead.Softmax, OutputSize = 3, Scalar = ScalarType.Float)]")]
    [InlineData("[GruCell(2, 1, Bias = true)]")]
    public Task Bias_false_or_true_is_fine(string attribute) => Check(attribute + "\npublic static partial class Cell;");

    [Theory]
    [InlineData("[{|LSTM0015:LstmCell(2, 1, Bias = {|CS0182:Flags.B|})|}]")]
    [InlineData("[{|LSTM0015:GruCell(2, 1, Bias = {|CS0029:0|})|}]")]
    public Task A_bias_that_is_not_a_constant_bool_is_LSTM0015(string attribute) =>
        Check(attribute + "\npublic static partial class Cell;\npublic static class Flags { public static bool B = false; }");

    [Fact]
    public Task Forced_unrolled_counts_the_bias_free_members() =>
        Check("""
            [LstmCell(109, 2, Kernel = {|LSTM0006:KernelStrategy.Unrolled|})]
            public static partial class Biased;
            [LstmCell(109, 2, Bias = false, Kernel = KernelStrategy.Unrolled)]
            public static partial class BiasFree;
            """);
}
