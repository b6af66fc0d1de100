namespace LstmGen.TestCells;

// Generated cells forced to straight-line code at sizes Auto would give to SIMD (4·5·(3+5) = 160 multiply-adds > 64), so
// that the unrolled Kernel is tested with several hidden units per gate and a head, as the loop kernels are
// (Contract/LoopKernelTests' Lstm3x5Head4). The small unrolled cells of AgreementCells.cs (1x1, RNN 3x5) cover the rest.

/// <summary>LSTM D = 3, H = 5, softmax head V = 4, double, straight-line.</summary>
[LstmCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledLstm3x5Head4Double;

/// <summary>LSTM D = 3, H = 5, softmax head V = 4, float, straight-line.</summary>
[LstmCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledLstm3x5Head4Float;

/// <summary>tanh RNN D = 4, H = 6, double, straight-line (6·10 = 60 multiply-adds: Auto would unroll it too).</summary>
[RnnCell(4, 6, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledRnn4x6Double;
