namespace LstmGen.TestCells;

// The layers of the hand-built models of the model runtime tests (LstmGen.Models.Tests/Models): heads-free cells whose
// sizes stack — LSTM 3 → 4 → GRU 4 → 5; RNN 3 → 4 bidirectional (2 × 4 = 8) → LSTM or GRU 8 → 3 — with every kernel
// strategy among them, and float twins of the first stack.

/// <summary>Lstm D = 3, H = 4, double, loops: the bottom of the LSTM → GRU stack.</summary>
[LstmCell(3, 4, Kernel = KernelStrategy.Loops)]
public static partial class ModelLstm3x4;

/// <summary>Gru D = 4, H = 5, double, unrolled: the top of the LSTM → GRU stack.</summary>
[GruCell(4, 5, Kernel = KernelStrategy.Unrolled)]
public static partial class ModelGru4x5;

/// <summary>Rnn D = 3, H = 4, double, SIMD: a bidirectional bottom layer (outputs 8 values per step).</summary>
[RnnCell(3, 4, Kernel = KernelStrategy.Simd)]
public static partial class ModelRnn3x4;

/// <summary>Lstm D = 8, H = 3, double, unrolled: above a bidirectional H = 4 layer.</summary>
[LstmCell(8, 3, Kernel = KernelStrategy.Unrolled)]
public static partial class ModelLstm8x3;

/// <summary>Gru D = 8, H = 3, double, SIMD: above a bidirectional H = 4 layer (also bidirectional itself).</summary>
[GruCell(8, 3, Kernel = KernelStrategy.Simd)]
public static partial class ModelGru8x3;

/// <summary>Lstm D = 3, H = 4, float, SIMD.</summary>
[LstmCell(3, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class ModelLstm3x4Float;

/// <summary>Gru D = 4, H = 5, float, loops.</summary>
[GruCell(4, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class ModelGru4x5Float;
