namespace LstmGen.TestCells;

// Bias-free cells (Bias = false, PyTorch's bias=False): no b, and for a GRU no b_hn, in the parameters. The same sizes
// under every kernel strategy (Unrolled == Loops bit for bit, SIMD within 1e-12 of them), SIMD sizes whose gate rows
// leave tails (G = 60, 132, 33, 99, 51) and a softmax head; all of them against the MathNet reference with its biases
// fixed at 0 (BiasFreeReferenceTests). Names: NoBias{Kind}{D}x{H}[Head{V}][Float]{Strategy}.

/// <summary>Bias-free LSTM D = 2, H = 3, double, unrolled.</summary>
[LstmCell(2, 3, Bias = false, Kernel = KernelStrategy.Unrolled)]
public static partial class NoBiasLstm2x3Unrolled;

/// <summary>Bias-free LSTM D = 2, H = 3, double, loops.</summary>
[LstmCell(2, 3, Bias = false, Kernel = KernelStrategy.Loops)]
public static partial class NoBiasLstm2x3Loops;

/// <summary>Bias-free LSTM D = 2, H = 3, double, SIMD.</summary>
[LstmCell(2, 3, Bias = false, Kernel = KernelStrategy.Simd)]
public static partial class NoBiasLstm2x3Simd;

/// <summary>Bias-free LSTM D = 2, H = 3, softmax head V = 4 (which keeps its b_y), double, unrolled.</summary>
[LstmCell(2, 3, Bias = false, Output = OutputHead.Softmax, OutputSize = 4, Kernel = KernelStrategy.Unrolled)]
public static partial class NoBiasLstm2x3Head4Unrolled;

/// <summary>Bias-free LSTM D = 2, H = 3, softmax head V = 4, double, loops.</summary>
[LstmCell(2, 3, Bias = false, Output = OutputHead.Softmax, OutputSize = 4, Kernel = KernelStrategy.Loops)]
public static partial class NoBiasLstm2x3Head4Loops;

/// <summary>Bias-free tanh RNN D = 3, H = 4, double, unrolled.</summary>
[RnnCell(3, 4, Bias = false, Kernel = KernelStrategy.Unrolled)]
public static partial class NoBiasRnn3x4Unrolled;

/// <summary>Bias-free tanh RNN D = 3, H = 4, double, loops.</summary>
[RnnCell(3, 4, Bias = false, Kernel = KernelStrategy.Loops)]
public static partial class NoBiasRnn3x4Loops;

/// <summary>Bias-free tanh RNN D = 3, H = 4, double, SIMD.</summary>
[RnnCell(3, 4, Bias = false, Kernel = KernelStrategy.Simd)]
public static partial class NoBiasRnn3x4Simd;

/// <summary>Bias-free GRU D = 2, H = 3, double, unrolled.</summary>
[GruCell(2, 3, Bias = false, Kernel = KernelStrategy.Unrolled)]
public static partial class NoBiasGru2x3Unrolled;

/// <summary>Bias-free GRU D = 2, H = 3, double, loops.</summary>
[GruCell(2, 3, Bias = false, Kernel = KernelStrategy.Loops)]
public static partial class NoBiasGru2x3Loops;

/// <summary>Bias-free GRU D = 2, H = 3, double, SIMD.</summary>
[GruCell(2, 3, Bias = false, Kernel = KernelStrategy.Simd)]
public static partial class NoBiasGru2x3Simd;

/// <summary>Bias-free GRU D = 2, H = 3, float, unrolled.</summary>
[GruCell(2, 3, Bias = false, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class NoBiasGru2x3FloatUnrolled;

/// <summary>Bias-free GRU D = 2, H = 3, float, loops.</summary>
[GruCell(2, 3, Bias = false, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class NoBiasGru2x3FloatLoops;

/// <summary>Bias-free LSTM D = 10, H = 15 (G = 60), double, SIMD (Auto).</summary>
[LstmCell(10, 15, Bias = false)]
public static partial class NoBiasLstm10x15Simd;

/// <summary>Bias-free LSTM D = 5, H = 33 (G = 132), float, SIMD (Auto).</summary>
[LstmCell(5, 33, Bias = false, Scalar = ScalarType.Float)]
public static partial class NoBiasLstm5x33FloatSimd;

/// <summary>Bias-free tanh RNN D = 5, H = 33, double, SIMD (Auto).</summary>
[RnnCell(5, 33, Bias = false)]
public static partial class NoBiasRnn5x33Simd;

/// <summary>Bias-free GRU D = 5, H = 33 (G = 99), softmax head V = 7, double, SIMD (Auto).</summary>
[GruCell(5, 33, Bias = false, Output = OutputHead.Softmax, OutputSize = 7)]
public static partial class NoBiasGru5x33Head7Simd;

/// <summary>Bias-free GRU D = 4, H = 17 (G = 51), float, SIMD (Auto).</summary>
[GruCell(4, 17, Bias = false, Scalar = ScalarType.Float)]
public static partial class NoBiasGru4x17FloatSimd;
