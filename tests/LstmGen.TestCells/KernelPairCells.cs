namespace LstmGen.TestCells;

// The same sizes generated with both kernel strategies (Agreement/UnrolledVsLoopsTests): the two must agree bit for bit.

/// <summary>D = 2, H = 1, unrolled kernels.</summary>
[LstmCell(2, 1, Kernel = KernelStrategy.Unrolled)]
public static partial class Unrolled2x1;

/// <summary>D = 2, H = 1, loop kernels.</summary>
[LstmCell(2, 1, Kernel = KernelStrategy.Loops)]
public static partial class Loops2x1;

/// <summary>D = 3, H = 5, unrolled kernels.</summary>
[LstmCell(3, 5, Kernel = KernelStrategy.Unrolled)]
public static partial class Unrolled3x5;

/// <summary>D = 3, H = 5, loop kernels.</summary>
[LstmCell(3, 5, Kernel = KernelStrategy.Loops)]
public static partial class Loops3x5;

/// <summary>D = 4, H = 6, unrolled kernels.</summary>
[LstmCell(4, 6, Kernel = KernelStrategy.Unrolled)]
public static partial class Unrolled4x6;

/// <summary>D = 4, H = 6, loop kernels.</summary>
[LstmCell(4, 6, Kernel = KernelStrategy.Loops)]
public static partial class Loops4x6;

/// <summary>D = 3, H = 5, float, unrolled kernels.</summary>
[LstmCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Unrolled3x5Float;

/// <summary>D = 3, H = 5, float, loop kernels.</summary>
[LstmCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class Loops3x5Float;
