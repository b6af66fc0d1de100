namespace LstmGen.TestCells;

// GRU sizes generated with both kernel strategies (Contract/UnrolledKernelTests, Agreement/UnrolledVsLoopsTests): the
// straight-line Kernel and the loop kernels must agree bit for bit (the spec's one arithmetic order). The head cells are
// forced to straight-line code at a size Auto gives to SIMD, so that the unrolled GRU is tested with several hidden units
// per gate and a head. Names: {Unrolled|Loops}Gru{D}x{H}[Float] and UnrolledGru{D}x{H}Head{V}{Scalar}.

/// <summary>GRU D = 2, H = 1, unrolled kernels.</summary>
[GruCell(2, 1, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledGru2x1;

/// <summary>GRU D = 2, H = 1, loop kernels.</summary>
[GruCell(2, 1, Kernel = KernelStrategy.Loops)]
public static partial class LoopsGru2x1;

/// <summary>GRU D = 3, H = 5, unrolled kernels.</summary>
[GruCell(3, 5, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledGru3x5;

/// <summary>GRU D = 3, H = 5, loop kernels.</summary>
[GruCell(3, 5, Kernel = KernelStrategy.Loops)]
public static partial class LoopsGru3x5;

/// <summary>GRU D = 4, H = 6, unrolled kernels.</summary>
[GruCell(4, 6, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledGru4x6;

/// <summary>GRU D = 4, H = 6, loop kernels.</summary>
[GruCell(4, 6, Kernel = KernelStrategy.Loops)]
public static partial class LoopsGru4x6;

/// <summary>GRU D = 3, H = 5, float, unrolled kernels.</summary>
[GruCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledGru3x5Float;

/// <summary>GRU D = 3, H = 5, float, loop kernels.</summary>
[GruCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class LoopsGru3x5Float;

/// <summary>GRU D = 3, H = 5, softmax head V = 4, double, straight-line.</summary>
[GruCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledGru3x5Head4Double;

/// <summary>GRU D = 3, H = 5, softmax head V = 4, float, straight-line.</summary>
[GruCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class UnrolledGru3x5Head4Float;
