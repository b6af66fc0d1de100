using LstmGen.Analyzers.Tests.Support;
using LstmGen.CodeFixes;
using LstmGen.Generators.Diagnostics;

namespace LstmGen.Analyzers.Tests;

/// <summary>The code fixes, shown as the source before and after.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Add_partial_after_the_other_modifiers() =>
        Verify.CodeFixAsync<CellDeclarationAnalyzer, AddPartialCodeFixProvider>(
            """
            using LstmGen;

            namespace Samples;

            /// <summary>A cell.</summary>
            [LstmCell(2, 1)]
            public static class {|LSTM0001:TinyLstm|} // keep this comment
            {
            }
            """,
            """
            using LstmGen;

            namespace Samples;

            /// <summary>A cell.</summary>
            [LstmCell(2, 1)]
            public static partial class TinyLstm // keep this comment
            {
            }
            """);

    [Fact]
    public Task Add_partial_to_a_class_without_modifiers_keeps_the_layout() =>
        Verify.CodeFixAsync<CellDeclarationAnalyzer, AddPartialCodeFixProvider>(
            "using LstmGen;\n\nnamespace Samples;\n\n[LstmCell(2, 1)]\nclass {|LSTM0001:Cell|}\n{\n}\n",
            "using LstmGen;\n\nnamespace Samples;\n\n[LstmCell(2, 1)]\npartial class Cell\n{\n}\n");

    [Fact]
    public Task Add_partial_to_every_non_partial_containing_type() =>
        Verify.CodeFixAsync<CellDeclarationAnalyzer, AddPartialCodeFixProvider>(
            """
            using LstmGen;

            namespace Samples;

            public class {|LSTM0003:Outer|}
            {
                internal struct {|LSTM0003:Inner|}
                {
                    [LstmCell(2, 1)]
                    public static partial class Cell;
                }
            }
            """,
            """
            using LstmGen;

            namespace Samples;

            public partial class Outer
            {
                internal partial struct Inner
                {
                    [LstmCell(2, 1)]
                    public static partial class Cell;
                }
            }
            """);

    [Fact]
    public Task Zero_and_negative_sizes_become_1_and_sizes_above_the_maximum_become_4096() =>
        Verify.CodeFixAsync<CellDeclarationAnalyzer, ClampSizeCodeFixProvider>(
            """
            using LstmGen;

            namespace Samples;

            [LstmCell({|LSTM0005:0|}, hiddenSize: {|LSTM0005:-4|})]
            public static partial class A;

            [RnnCell({|LSTM0005:5000|}, 8, Output = OutputHead.Softmax, OutputSize = {|LSTM0005:int.MaxValue|})]
            public static partial class B;
            """,
            """
            using LstmGen;

            namespace Samples;

            [LstmCell(1, hiddenSize: 1)]
            public static partial class A;

            [RnnCell(4096, 8, Output = OutputHead.Softmax, OutputSize = 4096)]
            public static partial class B;
            """);

    [Fact]
    public Task A_forced_unrolled_kernel_that_is_too_large_becomes_auto() =>
        Verify.CodeFixAsync<CellDeclarationAnalyzer, UseAutoKernelCodeFixProvider>(
            """
            namespace Samples;

            [LstmGen.LstmCell(100, 32, Kernel = {|LSTM0006:LstmGen.KernelStrategy.Unrolled|})]
            public static partial class A;

            [LstmGen.RnnCell(200, 100, Scalar = LstmGen.ScalarType.Float, Kernel = {|LSTM0006:LstmGen.KernelStrategy.Unrolled|})]
            public static partial class B;
            """,
            """
            namespace Samples;

            [LstmGen.LstmCell(100, 32, Kernel = LstmGen.KernelStrategy.Auto)]
            public static partial class A;

            [LstmGen.RnnCell(200, 100, Scalar = LstmGen.ScalarType.Float, Kernel = LstmGen.KernelStrategy.Auto)]
            public static partial class B;
            """);

    [Fact]
    public void Fixers_claim_exactly_their_diagnostics()
    {
        Assert.Equal(
            [DiagnosticDescriptors.CellNotPartial.Id, DiagnosticDescriptors.ContainingTypeNotPartial.Id],
            new AddPartialCodeFixProvider().FixableDiagnosticIds.ToArray());
        Assert.Equal([DiagnosticDescriptors.SizeOutOfRange.Id], new ClampSizeCodeFixProvider().FixableDiagnosticIds.ToArray());
        Assert.Equal([DiagnosticDescriptors.UnrolledTooLarge.Id], new UseAutoKernelCodeFixProvider().FixableDiagnosticIds.ToArray());
        Assert.Equal([DiagnosticDescriptors.LayerShapeMismatch.Id], new SetLayerInputSizeCodeFixProvider().FixableDiagnosticIds.ToArray());
    }

    /// <summary>LSTM0020: the fix sets the upper layer's cell input size, in the cell's own file, to the width of the layer below (2 × 32).</summary>
    [Fact]
    public Task A_layer_input_size_is_set_in_the_cells_own_file() =>
        Verify.CodeFixAsync<ModelDeclarationAnalyzer, SetLayerInputSizeCodeFixProvider>(
            [("/0/Cells.cs", LayerCells("[GruCell(inputSize: 32, hiddenSize: 8)]", "[RnnCell(8, 4)]")), ("/0/Model.cs", LayerModel("{|LSTM0020:", "|}"))],
            [("/0/Cells.cs", LayerCells("[GruCell(inputSize: 64, hiddenSize: 8)]", "[RnnCell(8, 4)]")), ("/0/Model.cs", LayerModel("", ""))]);

    /// <summary>Two mismatches at once (fix all): each layer's cell gets the width of the layer below it, positional or named.</summary>
    [Fact]
    public Task Every_layer_input_size_is_set_by_fix_all() =>
        Verify.CodeFixAsync<ModelDeclarationAnalyzer, SetLayerInputSizeCodeFixProvider>(
            [("/0/Cells.cs", LayerCells("[GruCell(hiddenSize: 8, inputSize: 3)]", "[RnnCell(4 /* D */, 4)]")), ("/0/Model.cs", LayerModel("{|LSTM0020:", "|}", "{|LSTM0020:", "|}"))],
            [("/0/Cells.cs", LayerCells("[GruCell(hiddenSize: 8, inputSize: 64)]", "[RnnCell(8 /* D */, 4)]")), ("/0/Model.cs", LayerModel("", ""))]);

    /// <summary>LSTM0020 below a bidirectional H = 4096 layer: 2 × 4096 is no valid input size, so no fix is offered.</summary>
    [Fact]
    public Task No_fix_is_offered_when_the_width_below_is_no_valid_size()
    {
        const string Source = """
            using LstmGen;

            namespace Samples;

            [LstmCell(1, 4096, Scalar = ScalarType.Float)]
            public static partial class Wide;

            [GruCell(4096, 8, Scalar = ScalarType.Float)]
            public static partial class Above;

            [RecurrentModel]
            [ModelLayer(typeof(Wide), Bidirectional = true)]
            [{|LSTM0020:ModelLayer(typeof(Above))|}]
            public static partial class M;
            """;
        return Verify.CodeFixAsync<ModelDeclarationAnalyzer, SetLayerInputSizeCodeFixProvider>([("/0/All.cs", Source)], [("/0/All.cs", Source)]);
    }

    private static string LayerCells(string middle, string top) => $$"""
        using LstmGen;

        namespace Samples;

        [LstmCell(1, 32)]
        public static partial class Lower;

        {{middle}}
        public static partial class Middle;

        {{top}}
        public static partial class Top;
        """;

    private static string LayerModel(string open, string close, string openTop = "", string closeTop = "") => $$"""
        using LstmGen;

        namespace Samples;

        [RecurrentModel]
        [ModelLayer(typeof(Lower), Bidirectional = true)]
        [{{open}}ModelLayer(typeof(Middle)){{close}}]
        [{{openTop}}ModelLayer(typeof(Top), Bidirectional = true){{closeTop}}]
        public static partial class Stack;
        """;
}
