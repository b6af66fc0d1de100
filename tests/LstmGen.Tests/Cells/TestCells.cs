using LstmGen;

namespace LstmGen.Tests.Cells;

/// <summary>The cell of the seeds' worked example (000/001).</summary>
[LstmCell(inputSize: 2, hiddenSize: 1)]
public static partial class TinyLstm;

[LstmCell(3, 5, Scalar = ScalarType.Float)]
public static partial class SmallFloatLstm;

[LstmCell(10, 16)]
public static partial class MidLstm;
