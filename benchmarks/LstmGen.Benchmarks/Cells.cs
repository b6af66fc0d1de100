namespace LstmGen.Benchmarks;

// The benchmarked cells (issue 5, configurations A-D). Loops twins give the "before" figures: the scalar loop kernels
// that Auto chose for these sizes before the SIMD strategy existed.

/// <summary>A: LSTM D = 2, H = 1, double (unrolled before 0.2; the generic loop kernels since).</summary>
[LstmCell(2, 1)]
public static partial class CellA;

/// <summary>
/// A's sizes as a contract kernel that overrides nothing, so every step runs the runtime's generic loop kernels (CellA's
/// generated Kernel overrides them with straight-line code): ContractPath's "generic loops" row.
/// </summary>
public readonly struct CellALoopsKernel : LstmGen.Kernels.IRecurrentKernel<CellALoopsKernel, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;

    public static int InputSize => CellA.InputSize;

    public static int HiddenSize => CellA.HiddenSize;

    public static int OutputSize => 0;
}

/// <summary>B and C: LSTM D = 10 (one-hot), H = 128, softmax head V = 10, float (SIMD).</summary>
[LstmCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CellB;

/// <summary>B with the scalar loop kernels (before SIMD).</summary>
[LstmCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class CellBLoops;

/// <summary>D: tanh RNN D = 10 (one-hot), H = 128, softmax head V = 10, float (SIMD).</summary>
[RnnCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CellD;

/// <summary>D with the scalar loop kernels (before SIMD).</summary>
[RnnCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
public static partial class CellDLoops;

/// <summary>F: GRU D = 10 (one-hot), H = 128, softmax head V = 10, float (SIMD): config B with a GRU (3 gates to 4).</summary>
[GruCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CellF;

/// <summary>E, lower layer: LSTM D = 10, H = 128, float, no head (the model's softmax head sits on top of the upper layer).</summary>
[LstmCell(10, 128, Scalar = ScalarType.Float)]
public static partial class CellELower;

/// <summary>E, upper layer: LSTM D = 128, H = 128, float, no head.</summary>
[LstmCell(128, 128, Scalar = ScalarType.Float)]
public static partial class CellEUpper;

/// <summary>E: the two-layer LSTM 10 → 128 → 128 with a softmax head V = 10, float.</summary>
[RecurrentModel(Output = OutputHead.Softmax, OutputSize = 10)]
[ModelLayer(typeof(CellELower))]
[ModelLayer(typeof(CellEUpper))]
public static partial class ModelE;
