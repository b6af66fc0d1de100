namespace LstmGen.Benchmarks;

// Pairs of LSTM cells (double) declared Unrolled and Simd around the unroll budget of 256 multiply-adds (4·H·(D+H)),
// for `--probe-threshold`: 3x5 = 160, 4x6 = 240, 6x8 = 448, 10x16 = 1664 multiply-adds.

/// <summary>160 multiply-adds, unrolled.</summary>
[LstmCell(3, 5, Kernel = KernelStrategy.Unrolled)]
public static partial class T3x5Unrolled;

/// <summary>160 multiply-adds, SIMD.</summary>
[LstmCell(3, 5, Kernel = KernelStrategy.Simd)]
public static partial class T3x5Simd;

/// <summary>240 multiply-adds, unrolled.</summary>
[LstmCell(4, 6, Kernel = KernelStrategy.Unrolled)]
public static partial class T4x6Unrolled;

/// <summary>240 multiply-adds, SIMD.</summary>
[LstmCell(4, 6, Kernel = KernelStrategy.Simd)]
public static partial class T4x6Simd;

/// <summary>448 multiply-adds, unrolled.</summary>
[LstmCell(6, 8, Kernel = KernelStrategy.Unrolled)]
public static partial class T6x8Unrolled;

/// <summary>448 multiply-adds, SIMD.</summary>
[LstmCell(6, 8, Kernel = KernelStrategy.Simd)]
public static partial class T6x8Simd;

/// <summary>1664 multiply-adds, unrolled.</summary>
[LstmCell(10, 16, Kernel = KernelStrategy.Unrolled)]
public static partial class T10x16Unrolled;

/// <summary>1664 multiply-adds, SIMD.</summary>
[LstmCell(10, 16, Kernel = KernelStrategy.Simd)]
public static partial class T10x16Simd;
