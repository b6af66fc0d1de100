namespace LstmGen.TestCells;

// The SIMD kernels at sizes that exercise every tail case (SimdAgreementTests): each size with
// Kernel = Simd and, as the scalar path to compare with, Kernel = Loops. LSTM gate rows 4H = 4, 28, 60, 68, 132, 516 and
// RNN gate rows H = 7, 17, 33, 129 against vectors of 2, 4, 8 and 16 lanes: fewer rows than lanes (scalar), whole
// vectors only, register blocks plus single vectors, and a left-over tail after each of them.
// Names: {Kind}{D}x{H}[Head{V}]{Scalar}{Simd|Loops}.

/// <summary>LSTM D = 1, H = 1, no head, double, Simd kernels.</summary>
[LstmCell(1, 1, Kernel = KernelStrategy.Simd)]
public static partial class Lstm1x1DoubleSimd;

/// <summary>LSTM D = 1, H = 1, no head, double, Loops kernels.</summary>
[LstmCell(1, 1, Kernel = KernelStrategy.Loops)]
public static partial class Lstm1x1DoubleLoops;

/// <summary>LSTM D = 1, H = 1, no head, float, Simd kernels.</summary>
[LstmCell(1, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm1x1FloatSimd;

/// <summary>LSTM D = 1, H = 1, no head, float, Loops kernels.</summary>
[LstmCell(1, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Lstm1x1FloatLoops;

/// <summary>LSTM D = 3, H = 7, no head, double, Simd kernels.</summary>
[LstmCell(3, 7, Kernel = KernelStrategy.Simd)]
public static partial class Lstm3x7DoubleSimd;

/// <summary>LSTM D = 3, H = 7, no head, double, Loops kernels.</summary>
[LstmCell(3, 7, Kernel = KernelStrategy.Loops)]
public static partial class Lstm3x7DoubleLoops;

/// <summary>LSTM D = 3, H = 7, no head, float, Simd kernels.</summary>
[LstmCell(3, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm3x7FloatSimd;

/// <summary>LSTM D = 3, H = 7, no head, float, Loops kernels.</summary>
[LstmCell(3, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Lstm3x7FloatLoops;

/// <summary>LSTM D = 10, H = 15, no head, double, Simd kernels.</summary>
[LstmCell(10, 15, Kernel = KernelStrategy.Simd)]
public static partial class Lstm10x15DoubleSimd;

/// <summary>LSTM D = 10, H = 15, no head, double, Loops kernels.</summary>
[LstmCell(10, 15, Kernel = KernelStrategy.Loops)]
public static partial class Lstm10x15DoubleLoops;

/// <summary>LSTM D = 10, H = 15, no head, float, Simd kernels.</summary>
[LstmCell(10, 15, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm10x15FloatSimd;

/// <summary>LSTM D = 10, H = 15, no head, float, Loops kernels.</summary>
[LstmCell(10, 15, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Lstm10x15FloatLoops;

/// <summary>LSTM D = 17, H = 17, no head, double, Simd kernels.</summary>
[LstmCell(17, 17, Kernel = KernelStrategy.Simd)]
public static partial class Lstm17x17DoubleSimd;

/// <summary>LSTM D = 17, H = 17, no head, double, Loops kernels.</summary>
[LstmCell(17, 17, Kernel = KernelStrategy.Loops)]
public static partial class Lstm17x17DoubleLoops;

/// <summary>LSTM D = 17, H = 17, no head, float, Simd kernels.</summary>
[LstmCell(17, 17, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm17x17FloatSimd;

/// <summary>LSTM D = 17, H = 17, no head, float, Loops kernels.</summary>
[LstmCell(17, 17, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Lstm17x17FloatLoops;

/// <summary>LSTM D = 5, H = 33, softmax head V = 10, double, Simd kernels.</summary>
[LstmCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class Lstm5x33Head10DoubleSimd;

/// <summary>LSTM D = 5, H = 33, softmax head V = 10, double, Loops kernels.</summary>
[LstmCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class Lstm5x33Head10DoubleLoops;

/// <summary>LSTM D = 5, H = 33, softmax head V = 10, float, Simd kernels.</summary>
[LstmCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm5x33Head10FloatSimd;

/// <summary>LSTM D = 5, H = 33, softmax head V = 10, float, Loops kernels.</summary>
[LstmCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Lstm5x33Head10FloatLoops;

/// <summary>LSTM D = 10, H = 129, no head, double, Simd kernels.</summary>
[LstmCell(10, 129, Kernel = KernelStrategy.Simd)]
public static partial class Lstm10x129DoubleSimd;

/// <summary>LSTM D = 10, H = 129, no head, double, Loops kernels.</summary>
[LstmCell(10, 129, Kernel = KernelStrategy.Loops)]
public static partial class Lstm10x129DoubleLoops;

/// <summary>LSTM D = 10, H = 129, no head, float, Simd kernels.</summary>
[LstmCell(10, 129, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm10x129FloatSimd;

/// <summary>LSTM D = 10, H = 129, no head, float, Loops kernels.</summary>
[LstmCell(10, 129, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Lstm10x129FloatLoops;

/// <summary>tanh RNN D = 2, H = 7, no head, double, Simd kernels.</summary>
[RnnCell(2, 7, Kernel = KernelStrategy.Simd)]
public static partial class Rnn2x7DoubleSimd;

/// <summary>tanh RNN D = 2, H = 7, no head, double, Loops kernels.</summary>
[RnnCell(2, 7, Kernel = KernelStrategy.Loops)]
public static partial class Rnn2x7DoubleLoops;

/// <summary>tanh RNN D = 2, H = 7, no head, float, Simd kernels.</summary>
[RnnCell(2, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn2x7FloatSimd;

/// <summary>tanh RNN D = 2, H = 7, no head, float, Loops kernels.</summary>
[RnnCell(2, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Rnn2x7FloatLoops;

/// <summary>tanh RNN D = 10, H = 17, no head, double, Simd kernels.</summary>
[RnnCell(10, 17, Kernel = KernelStrategy.Simd)]
public static partial class Rnn10x17DoubleSimd;

/// <summary>tanh RNN D = 10, H = 17, no head, double, Loops kernels.</summary>
[RnnCell(10, 17, Kernel = KernelStrategy.Loops)]
public static partial class Rnn10x17DoubleLoops;

/// <summary>tanh RNN D = 10, H = 17, no head, float, Simd kernels.</summary>
[RnnCell(10, 17, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn10x17FloatSimd;

/// <summary>tanh RNN D = 10, H = 17, no head, float, Loops kernels.</summary>
[RnnCell(10, 17, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Rnn10x17FloatLoops;

/// <summary>tanh RNN D = 3, H = 33, softmax head V = 4, double, Simd kernels.</summary>
[RnnCell(3, 33, OutputSize = 4, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class Rnn3x33Head4DoubleSimd;

/// <summary>tanh RNN D = 3, H = 33, softmax head V = 4, double, Loops kernels.</summary>
[RnnCell(3, 33, OutputSize = 4, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class Rnn3x33Head4DoubleLoops;

/// <summary>tanh RNN D = 3, H = 33, softmax head V = 4, float, Simd kernels.</summary>
[RnnCell(3, 33, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn3x33Head4FloatSimd;

/// <summary>tanh RNN D = 3, H = 33, softmax head V = 4, float, Loops kernels.</summary>
[RnnCell(3, 33, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Rnn3x33Head4FloatLoops;

/// <summary>tanh RNN D = 10, H = 129, softmax head V = 10, double, Simd kernels.</summary>
[RnnCell(10, 129, OutputSize = 10, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class Rnn10x129Head10DoubleSimd;

/// <summary>tanh RNN D = 10, H = 129, softmax head V = 10, double, Loops kernels.</summary>
[RnnCell(10, 129, OutputSize = 10, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class Rnn10x129Head10DoubleLoops;

/// <summary>tanh RNN D = 10, H = 129, softmax head V = 10, float, Simd kernels.</summary>
[RnnCell(10, 129, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn10x129Head10FloatSimd;

/// <summary>tanh RNN D = 10, H = 129, softmax head V = 10, float, Loops kernels.</summary>
[RnnCell(10, 129, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Rnn10x129Head10FloatLoops;
