namespace LstmGen.TestCells;

// Cells with a linear (regression) head, y = W_y h + b_y trained with squared error on y: each kind, each kernel
// strategy and both scalars, for the reference agreement, finite-difference, allocation and interop tests.

/// <summary>Linear head: LSTM D = 1, H = 3, V = 1, double (48 multiply-adds: unrolled).</summary>
[LstmCell(inputSize: 1, hiddenSize: 3, Output = OutputHead.Linear, OutputSize = 1)]
public static partial class LinearLstm1x3V1Double;

/// <summary>Linear head: LSTM D = 3, H = 5, V = 2, double, loops.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Linear, OutputSize = 2, Kernel = KernelStrategy.Loops)]
public static partial class LinearLstm3x5V2Double;

/// <summary>Linear head: LSTM D = 3, H = 5, V = 2, float (160 multiply-adds: SIMD).</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Linear, OutputSize = 2, Scalar = ScalarType.Float)]
public static partial class LinearLstm3x5V2Float;

/// <summary>Linear head: GRU D = 2, H = 3, V = 2, double (45 multiply-adds: unrolled).</summary>
[GruCell(inputSize: 2, hiddenSize: 3, Output = OutputHead.Linear, OutputSize = 2)]
public static partial class LinearGru2x3V2Double;

/// <summary>Linear head: GRU D = 4, H = 9, V = 3, double, SIMD.</summary>
[GruCell(inputSize: 4, hiddenSize: 9, Output = OutputHead.Linear, OutputSize = 3, Kernel = KernelStrategy.Simd)]
public static partial class LinearGru4x9V3Double;

/// <summary>Linear head: tanh RNN D = 2, H = 4, V = 3, double, loops.</summary>
[RnnCell(inputSize: 2, hiddenSize: 4, Output = OutputHead.Linear, OutputSize = 3, Kernel = KernelStrategy.Loops)]
public static partial class LinearRnn2x4V3Double;

/// <summary>Linear head: tanh RNN D = 10, H = 40, V = 4, double, SIMD.</summary>
[RnnCell(inputSize: 10, hiddenSize: 40, Output = OutputHead.Linear, OutputSize = 4, Kernel = KernelStrategy.Simd)]
public static partial class LinearRnn10x40V4Double;

/// <summary>Linear head: tanh RNN D = 2, H = 4, V = 3, float (24 multiply-adds: unrolled).</summary>
[RnnCell(inputSize: 2, hiddenSize: 4, Output = OutputHead.Linear, OutputSize = 3, Scalar = ScalarType.Float)]
public static partial class LinearRnn2x4V3Float;
