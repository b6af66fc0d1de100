using LstmGen;

namespace LstmGen.UnrollLimit.Cells;

// The largest forced-unrolled cells of each kind, scalar and shape; each comment gives its gate multiply-adds per step.
[LstmCell(48, 16, Kernel = KernelStrategy.Unrolled)] // 4 · 16 · (48 + 16) = 4096
public static partial class LstmAtLimitDouble;

[LstmCell(48, 16, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // 4096, float
public static partial class LstmAtLimitFloat;

[LstmCell(1023, 1, Kernel = KernelStrategy.Unrolled)] // 4 · 1 · (1023 + 1) = 4096: the largest D
public static partial class LstmWidestInput;

[LstmCell(1, 31, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // 4 · 31 · (1 + 31) = 3968: the largest H
public static partial class LstmWidestHidden;

[RnnCell(96, 32, Kernel = KernelStrategy.Unrolled)] // 32 · (96 + 32) = 4096
public static partial class RnnAtLimitDouble;

[RnnCell(4095, 1, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)] // 1 · (4095 + 1) = 4096: the largest D
public static partial class RnnWidestInput;

[RnnCell(1, 63, Kernel = KernelStrategy.Unrolled, Output = OutputHead.Softmax, OutputSize = 64)] // 63 · (1 + 63) = 4032: the largest H, with a softmax head
public static partial class RnnWidestHiddenWithHead;

/// <summary>A type the tests name to find this assembly.</summary>
public static class UnrollLimitCellsMarker;
