namespace LstmGen.Onnx.Tests;

// Cells exported and run in ONNX Runtime: LSTM and RNN, with and without a softmax head, H a multiple of 8 or not.
[LstmCell(3, 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
internal static partial class LstmD3H5V4Float;

[LstmCell(10, 33, Output = OutputHead.Softmax, OutputSize = 7, Scalar = ScalarType.Float)]
internal static partial class LstmD10H33V7Float;

[LstmCell(4, 16, Scalar = ScalarType.Float)]
internal static partial class LstmD4H16Float;

[RnnCell(3, 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
internal static partial class RnnD3H5V4Float;

[RnnCell(10, 33, Scalar = ScalarType.Float)]
internal static partial class RnnD10H33Float;

[LstmCell(4, 6, Output = OutputHead.Softmax, OutputSize = 3)]
internal static partial class LstmD4H6V3Double;

[RnnCell(4, 6, Output = OutputHead.Softmax, OutputSize = 3)]
internal static partial class RnnD4H6V3Double;
