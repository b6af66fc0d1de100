namespace LstmGen.TestCells;

// Cells of the interop tests that are not PyTorch fixtures: the safetensors round trips (SafeTensors/RoundTripTests:
// both kinds, both scalars, with and without a head) and the layout check of CellLayout against the generated
// accessors (Layout/CellLayoutTests).

/// <summary>Safetensors round trip: LSTM D = 2, H = 1, double.</summary>
[LstmCell(inputSize: 2, hiddenSize: 1)]
public static partial class StLstm2x1Double;

/// <summary>Safetensors round trip: tanh RNN D = 2, H = 1, float.</summary>
[RnnCell(inputSize: 2, hiddenSize: 1, Scalar = ScalarType.Float)]
public static partial class StRnn2x1Float;

/// <summary>Safetensors round trip: LSTM D = 3, H = 5, softmax head V = 4, float.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
public static partial class StLstm3x5HeadFloat;

/// <summary>Safetensors round trip: tanh RNN D = 3, H = 5, double.</summary>
[RnnCell(inputSize: 3, hiddenSize: 5)]
public static partial class StRnn3x5Double;

/// <summary>Safetensors round trip: LSTM D = 7, H = 17, softmax head V = 4, double.</summary>
[LstmCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 4)]
public static partial class StLstm7x17HeadDouble;

/// <summary>Safetensors round trip: tanh RNN D = 7, H = 17, softmax head V = 4, float.</summary>
[RnnCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
public static partial class StRnn7x17HeadFloat;

/// <summary>CellLayout against the generated accessors: LSTM D = 3, H = 5, softmax head V = 4, double.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4)]
public static partial class LayoutLstm;

/// <summary>CellLayout against the generated accessors: tanh RNN D = 2, H = 3, softmax head V = 2, float.</summary>
[RnnCell(inputSize: 2, hiddenSize: 3, Output = OutputHead.Softmax, OutputSize = 2, Scalar = ScalarType.Float)]
public static partial class LayoutRnn;
