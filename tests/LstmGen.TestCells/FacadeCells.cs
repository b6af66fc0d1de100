namespace LstmGen.TestCells;

// Cells for the tests of the runtime's typed layer (Parameters, Gradients, Workspace, StepCache, TypedCell) under the
// generated facade: every kind, a head, both scalars (the largest LSTM the analyzer accepts is LargestCells.cs'
// Lstm4096x4096Double).

/// <summary>LSTM D = 3, H = 4, softmax head V = 5, double.</summary>
[LstmCell(3, 4, OutputSize = 5, Output = OutputHead.Softmax)]
public static partial class FacadeLstm;

/// <summary>tanh RNN D = 2, H = 3, float.</summary>
[RnnCell(2, 3, Scalar = ScalarType.Float)]
public static partial class FacadeRnn;

/// <summary>GRU D = 3, H = 4, softmax head V = 5, double.</summary>
[GruCell(3, 4, OutputSize = 5, Output = OutputHead.Softmax)]
public static partial class FacadeGru;
