namespace LstmGen.TestCells;

// Cells exported and run in ONNX Runtime (LstmGen.Onnx.Tests): LSTM and RNN, with and without a softmax head, H a
// multiple of 8 or not, and the README's "Export to ONNX" model.

/// <summary>ONNX export: LSTM D = 3, H = 5, softmax head V = 4, float.</summary>
[LstmCell(3, 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
public static partial class LstmD3H5V4Float;

/// <summary>ONNX export: LSTM D = 10, H = 33, softmax head V = 7, float (H not a multiple of 8).</summary>
[LstmCell(10, 33, Output = OutputHead.Softmax, OutputSize = 7, Scalar = ScalarType.Float)]
public static partial class LstmD10H33V7Float;

/// <summary>ONNX export: LSTM D = 4, H = 16, no head, float.</summary>
[LstmCell(4, 16, Scalar = ScalarType.Float)]
public static partial class LstmD4H16Float;

/// <summary>ONNX export: tanh RNN D = 3, H = 5, softmax head V = 4, float.</summary>
[RnnCell(3, 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
public static partial class RnnD3H5V4Float;

/// <summary>ONNX export: tanh RNN D = 10, H = 33, no head, float.</summary>
[RnnCell(10, 33, Scalar = ScalarType.Float)]
public static partial class RnnD10H33Float;

/// <summary>ONNX export: LSTM D = 4, H = 6, softmax head V = 3, double.</summary>
[LstmCell(4, 6, Output = OutputHead.Softmax, OutputSize = 3)]
public static partial class LstmD4H6V3Double;

/// <summary>ONNX export: tanh RNN D = 4, H = 6, softmax head V = 3, double.</summary>
[RnnCell(4, 6, Output = OutputHead.Softmax, OutputSize = 3)]
public static partial class RnnD4H6V3Double;

/// <summary>The README's "Export to ONNX" model (ReadmeExampleTests names it CharLstm, as the README does): LSTM D = 4, H = 16, softmax head V = 4, float.</summary>
[LstmCell(inputSize: 4, hiddenSize: 16, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class OnnxReadmeCharLstm;
