using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LstmGen.Analyzers.Tests;

/// <summary>LSTM0013: every valid cell gets one info diagnostic naming its kernels and the numbers behind the choice.</summary>
public sealed class KernelSpecialisationTests
{
    private const string Usings = "using LstmGen;\n\nnamespace Samples;\n\n";

    [Fact]
    public Task A_valid_cell_gets_the_info_and_an_invalid_one_does_not() =>
        Verify.AnalyzerAsync<CellDeclarationAnalyzer>(
            Usings + "[LstmCell(2, 1)]\npublic static partial class {|LSTM0013:TinyLstm|};\n[LstmCell({|LSTM0005:0|}, 1)]\npublic static partial class Broken;",
            withKernelInfo: true);

    // 4·1·(2+1) = 12 ≤ 64; 4·16·(10+16) = 1664 > 64; RNN 16·(10+16) = 416 > 64; RNN 8·(8+8) = 128 > 64; RNN 4·(4+4) = 32 ≤ 64;
    // forced kernels say so. SIMD lists the vector widths whose lanes fit in the gate rows (4 double rows: Vector256/Vector128).
    // Unrolled cells name their largest straight-line member, Backward here, with G gate rows and C = D + H columns:
    // 47 (+1 for an LSTM) + 15G + 15G·C + C·(7G + 3) IL instructions (StraightLineSize, checked against compiled IL by
    // UnrolledIlSizeTests): LSTM 2→1 (G 4, C 3) 48 + 60 + 180 + 93 = 381; RNN 4→4 (G 4, C 8) 47 + 60 + 480 + 248 = 835;
    // LSTM 3→5 (G 20, C 8) 48 + 300 + 2400 + 1144 = 3892. A softmax head of V = 4096 on LSTM 2→1 needs a HeadBackward of
    // 32 + 13V + 18V·H + H·(10V + 3) = 167,971: SIMD, though the gate matrix is small.
    // GRU (G = 3H): 3·2·(2+2) = 24 ≤ 64; 3·4·(4+4) = 96 > 64 (12 double rows: every width fits); 3·1·(2+1) = 9. Its
    // Backward has 47 + 25H + 10G + 10H + 15G·C + D·(7G + 3) + H·(7G + 5): GRU 2→2 (G 6, C 4) 47 + 50 + 60 + 20 + 360
    // + 90 + 94 = 721; GRU 3→5 (G 15, C 8) 47 + 125 + 150 + 50 + 1,800 + 324 + 550 = 3,046.
    [Theory]
    [InlineData("[LstmCell(2, 1)]", "'Cell' gets unrolled straight-line code, because the gate matrix needs 12 multiply-adds per step (4*H*(D+H)), within the unroll budget of 64; its largest straight-line member, Backward, has 381 IL instructions of the JIT's 20000")]
    [InlineData("[LstmCell(10, 16)]", "'Cell' gets Vector512/Vector256/Vector128 loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT), because the gate matrix needs 1664 multiply-adds per step (4*H*(D+H)), above the unroll budget of 64")]
    [InlineData("[RnnCell(10, 16)]", "'Cell' gets Vector512/Vector256/Vector128 loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT), because the gate matrix needs 416 multiply-adds per step (H*(D+H)), above the unroll budget of 64")]
    [InlineData("[RnnCell(8, 8)]", "'Cell' gets Vector512/Vector256/Vector128 loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT), because the gate matrix needs 128 multiply-adds per step (H*(D+H)), above the unroll budget of 64")]
    [InlineData("[RnnCell(4, 4)]", "'Cell' gets unrolled straight-line code, because the gate matrix needs 32 multiply-adds per step (H*(D+H)), within the unroll budget of 64; its largest straight-line member, Backward, has 835 IL instructions of the JIT's 20000")]
    [InlineData("[LstmCell(3, 5, Kernel = KernelStrategy.Unrolled)]", "'Cell' gets unrolled straight-line code, as the declaration requests; the gate matrix needs 160 multiply-adds per step (4*H*(D+H)); its largest straight-line member, Backward, has 3892 IL instructions of the JIT's 20000")]
    [InlineData("[LstmCell(2, 1, Output = OutputHead.Softmax, OutputSize = 4096)]", "'Cell' gets Vector256/Vector128 loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT), because straight-line code would exceed the JIT's limit for optimised methods (HeadBackward: 167971 IL instructions of 20000), although the gate matrix needs 12 multiply-adds per step (4*H*(D+H))")]
    [InlineData("[GruCell(2, 2)]", "'Cell' gets unrolled straight-line code, because the gate matrix needs 24 multiply-adds per step (3*H*(D+H)), within the unroll budget of 64; its largest straight-line member, Backward, has 721 IL instructions of the JIT's 20000")]
    [InlineData("[GruCell(4, 4)]", "'Cell' gets Vector512/Vector256/Vector128 loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT), because the gate matrix needs 96 multiply-adds per step (3*H*(D+H)), above the unroll budget of 64")]
    [InlineData("[GruCell(3, 5, Kernel = KernelStrategy.Unrolled)]", "'Cell' gets unrolled straight-line code, as the declaration requests; the gate matrix needs 120 multiply-adds per step (3*H*(D+H)); its largest straight-line member, Backward, has 3046 IL instructions of the JIT's 20000")]
    [InlineData("[GruCell(2, 1, Kernel = KernelStrategy.Loops)]", "'Cell' gets loops with constant bounds, as the declaration requests; the gate matrix needs 9 multiply-adds per step (3*H*(D+H))")]
    [InlineData("[LstmCell(2, 1, Kernel = KernelStrategy.Loops)]", "'Cell' gets loops with constant bounds, as the declaration requests; the gate matrix needs 12 multiply-adds per step (4*H*(D+H))")]
    [InlineData("[LstmCell(2, 1, Kernel = KernelStrategy.Simd)]", "'Cell' gets Vector256/Vector128 loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT), as the declaration requests; the gate matrix needs 12 multiply-adds per step (4*H*(D+H))")]
    public async Task The_message_names_the_strategy_and_the_numbers(string attribute, string message)
    {
        var diagnostics = await AnalyzerRun.RunAsync(Usings + attribute + "\npublic static partial class Cell;");

        Diagnostic info = Assert.Single(diagnostics);
        Assert.Equal("LSTM0013", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(message, info.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
