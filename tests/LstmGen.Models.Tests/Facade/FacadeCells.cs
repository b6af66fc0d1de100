namespace LstmGen.Models.Tests.Facade;

// Cells for the tests of the runtime's typed layer (Parameters, Gradients, Workspace, StepCache, TypedCell) under the
// generated facade: both kinds, a head, both scalars, and the largest LSTM the analyzer accepts.

/// <summary>LSTM D = 3, H = 4, softmax head V = 5, double.</summary>
[LstmCell(3, 4, OutputSize = 5, Output = OutputHead.Softmax)]
public static partial class FacadeLstm;

/// <summary>tanh RNN D = 2, H = 3, float.</summary>
[RnnCell(2, 3, Scalar = ScalarType.Float)]
public static partial class FacadeRnn;

/// <summary>LSTM D = 4096, H = 4096, double: a State of 64 KiB, caches of 7 × 4096 × 8 bytes per step.</summary>
[LstmCell(4096, 4096)]
public static partial class FacadeLargestLstm;
