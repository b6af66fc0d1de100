namespace LstmGen.TestCells;

// SIMD cells that complete the tail grid of the batched BPTT tests (BatchedBackwardTailTests: every kind at H = 1, 7, 33
// and 129, float and double); the other sizes of the grid are declared in SimdCells.cs and GruSimdCells.cs.

/// <summary>GRU D = 10, H = 129, no head, double, Simd kernels: 3H = 387 gate rows, a tail past every vector width.</summary>
[GruCell(10, 129, Kernel = KernelStrategy.Simd)]
public static partial class Gru10x129DoubleSimd;

/// <summary>GRU D = 10, H = 129, no head, float, Simd kernels.</summary>
[GruCell(10, 129, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Gru10x129FloatSimd;

/// <summary>tanh RNN D = 1, H = 1, no head, double, Simd kernels: one gate row, fewer than any vector's lanes.</summary>
[RnnCell(1, 1, Kernel = KernelStrategy.Simd)]
public static partial class Rnn1x1DoubleSimd;

/// <summary>tanh RNN D = 1, H = 1, no head, float, Simd kernels.</summary>
[RnnCell(1, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn1x1FloatSimd;
