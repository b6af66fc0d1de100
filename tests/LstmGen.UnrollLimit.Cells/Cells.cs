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

/// <summary>A type the tests name to find this assembly.</summary>
public static class UnrollLimitCellsMarker;
