namespace LstmGen.Interop.Tests.SafeTensors;

[LstmCell(inputSize: 2, hiddenSize: 1)]
internal static partial class StLstm2x1Double;

[RnnCell(inputSize: 2, hiddenSize: 1, Scalar = ScalarType.Float)]
internal static partial class StRnn2x1Float;

[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
internal static partial class StLstm3x5HeadFloat;

[RnnCell(inputSize: 3, hiddenSize: 5)]
internal static partial class StRnn3x5Double;

[LstmCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 4)]
internal static partial class StLstm7x17HeadDouble;

[RnnCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
internal static partial class StRnn7x17HeadFloat;
