using LstmGen;

namespace LstmGen.UnrollLimit.Cells;

// The largest forced-unrolled cells of each kind, scalar and shape that the unroll budget accepts (every straight-line
// member of the Kernel within KernelBudget.MaxStraightLineIlInstructions = 20,000 IL instructions); each comment gives
// the largest member and its count.
[LstmCell(19, 8, Kernel = KernelStrategy.Unrolled)] // Backward: 19,617 IL instructions (StraightLineSize's count); LSTM 20→8 would be 20,612
public static partial class LstmAtLimitDouble;

[LstmCell(19, 8, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // the same, float
public static partial class LstmAtLimitFloat;

[LstmCell(217, 1, Kernel = KernelStrategy.Unrolled)] // Backward: 19,946; the largest D
public static partial class LstmWidestInput;

[LstmCell(1, 14, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // Backward: 19,413; the largest H
public static partial class LstmWidestHidden;

[RnnCell(39, 16, Kernel = KernelStrategy.Unrolled)] // Backward: 19,812
public static partial class RnnAtLimitDouble;

[RnnCell(796, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // Backward: 19,987; the largest D
public static partial class RnnWidestInput;

[RnnCell(1, 29, Kernel = KernelStrategy.Unrolled)] // Backward: 19,712; the largest H
public static partial class RnnWidestHidden;

[RnnCell(1, 16, Kernel = KernelStrategy.Unrolled, Output = OutputHead.Softmax, OutputSize = 43)] // HeadBackward: 19,903; the largest V for H = 16
public static partial class RnnWithLargestHead;

[GruCell(28, 8, Kernel = KernelStrategy.Unrolled)] // Backward: 19,699; GRU 29→8 would be 20,230
public static partial class GruAtLimitDouble;

[GruCell(28, 8, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // the same, float
public static partial class GruAtLimitFloat;

[GruCell(287, 1, Kernel = KernelStrategy.Unrolled)] // Backward: 19,986; the largest D (288→1: 20,055)
public static partial class GruWidestInput;

[GruCell(1, 16, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // Backward: 19,122; the largest H (1→17: 21,436)
public static partial class GruWidestHidden;

[LstmCell(109, 2, Bias = false, Kernel = KernelStrategy.Unrolled)] // Backward: 19,957 without biases (with them 20,037: refused)
public static partial class LstmNoBiasAtLimit;

[GruCell(1, 2, Kernel = KernelStrategy.Unrolled, Output = OutputHead.Softmax, OutputSize = 289)] // HeadBackward: 19,979; the largest V for H = 2 (290: 20,048)
public static partial class GruWithLargestHead;

/// <summary>A type the tests name to find this assembly.</summary>
public static class UnrollLimitCellsMarker;
