namespace LstmGen.TestCells;

// The SIMD GRU kernels at sizes that exercise the tail cases (SimdAgreementTests): each size with Kernel = Simd and, as
// the scalar path to compare with, Kernel = Loops. Gate rows 3H = 3, 21, 33, 99, 129 against vectors of 2, 4, 8 and 16
// lanes (fewer rows than lanes, blocks plus single vectors, a left-over tail), and the element-wise part's scalar tail
// (H = 7, 11, 33, 43 not multiples of the lanes). Names: Gru{D}x{H}[Head{V}]{Scalar}{Simd|Loops}.

/// <summary>GRU D = 1, H = 1, no head, double, Simd kernels.</summary>
[GruCell(1, 1, Kernel = KernelStrategy.Simd)]
public static partial class Gru1x1DoubleSimd;

/// <summary>GRU D = 1, H = 1, no head, double, Loops kernels.</summary>
[GruCell(1, 1, Kernel = KernelStrategy.Loops)]
public static partial class Gru1x1DoubleLoops;

/// <summary>GRU D = 1, H = 1, no head, float, Simd kernels.</summary>
[GruCell(1, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Gru1x1FloatSimd;

/// <summary>GRU D = 1, H = 1, no head, float, Loops kernels.</summary>
[GruCell(1, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Gru1x1FloatLoops;

/// <summary>GRU D = 3, H = 7, no head, double, Simd kernels.</summary>
[GruCell(3, 7, Kernel = KernelStrategy.Simd)]
public static partial class Gru3x7DoubleSimd;

/// <summary>GRU D = 3, H = 7, no head, double, Loops kernels.</summary>
[GruCell(3, 7, Kernel = KernelStrategy.Loops)]
public static partial class Gru3x7DoubleLoops;

/// <summary>GRU D = 3, H = 7, no head, float, Simd kernels.</summary>
[GruCell(3, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Gru3x7FloatSimd;

/// <summary>GRU D = 3, H = 7, no head, float, Loops kernels.</summary>
[GruCell(3, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Gru3x7FloatLoops;

/// <summary>GRU D = 10, H = 11, no head, double, Simd kernels.</summary>
[GruCell(10, 11, Kernel = KernelStrategy.Simd)]
public static partial class Gru10x11DoubleSimd;

/// <summary>GRU D = 10, H = 11, no head, double, Loops kernels.</summary>
[GruCell(10, 11, Kernel = KernelStrategy.Loops)]
public static partial class Gru10x11DoubleLoops;

/// <summary>GRU D = 10, H = 11, no head, float, Simd kernels.</summary>
[GruCell(10, 11, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Gru10x11FloatSimd;

/// <summary>GRU D = 10, H = 11, no head, float, Loops kernels.</summary>
[GruCell(10, 11, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Gru10x11FloatLoops;

/// <summary>GRU D = 5, H = 33, softmax head V = 10, double, Simd kernels.</summary>
[GruCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class Gru5x33Head10DoubleSimd;

/// <summary>GRU D = 5, H = 33, softmax head V = 10, double, Loops kernels.</summary>
[GruCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class Gru5x33Head10DoubleLoops;

/// <summary>GRU D = 5, H = 33, softmax head V = 10, float, Simd kernels.</summary>
[GruCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Gru5x33Head10FloatSimd;

/// <summary>GRU D = 5, H = 33, softmax head V = 10, float, Loops kernels.</summary>
[GruCell(5, 33, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Gru5x33Head10FloatLoops;

/// <summary>GRU D = 10, H = 43, no head, double, Simd kernels.</summary>
[GruCell(10, 43, Kernel = KernelStrategy.Simd)]
public static partial class Gru10x43DoubleSimd;

/// <summary>GRU D = 10, H = 43, no head, double, Loops kernels.</summary>
[GruCell(10, 43, Kernel = KernelStrategy.Loops)]
public static partial class Gru10x43DoubleLoops;

/// <summary>GRU D = 10, H = 43, no head, float, Simd kernels.</summary>
[GruCell(10, 43, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Gru10x43FloatSimd;

/// <summary>GRU D = 10, H = 43, no head, float, Loops kernels.</summary>
[GruCell(10, 43, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Gru10x43FloatLoops;
