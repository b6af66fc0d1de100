namespace LstmGen.Interop.Tests.PyTorch;

// Generated cells matching the PyTorch fixtures (tools/pytorch-fixtures/make_fixtures.py): one per (kind, D, H, V,
// scalar). nn.LSTM and nn.LSTMCell fixtures of the same sizes share a cell, as do nn.RNN and nn.RNNCell: the module
// only changes the tensor names. Names: Torch{Lstm|Rnn}{D}x{H}[V{V}]{F|D} (F = float, D = double).

[LstmCell(inputSize: 2, hiddenSize: 1, Scalar = ScalarType.Float)]
internal static partial class TorchLstm2x1F;

[LstmCell(inputSize: 2, hiddenSize: 1)]
internal static partial class TorchLstm2x1D;

[LstmCell(inputSize: 3, hiddenSize: 5, Scalar = ScalarType.Float)]
internal static partial class TorchLstm3x5F;

[LstmCell(inputSize: 3, hiddenSize: 5)]
internal static partial class TorchLstm3x5D;

[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
internal static partial class TorchLstm3x5V4F;

[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4)]
internal static partial class TorchLstm3x5V4D;

[LstmCell(inputSize: 7, hiddenSize: 17, Scalar = ScalarType.Float)]
internal static partial class TorchLstm7x17F;

[LstmCell(inputSize: 7, hiddenSize: 17)]
internal static partial class TorchLstm7x17D;

[LstmCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 3, Scalar = ScalarType.Float)]
internal static partial class TorchLstm7x17V3F;

[LstmCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 3)]
internal static partial class TorchLstm7x17V3D;

[LstmCell(inputSize: 4, hiddenSize: 33, Scalar = ScalarType.Float)]
internal static partial class TorchLstm4x33F;

[LstmCell(inputSize: 4, hiddenSize: 33)]
internal static partial class TorchLstm4x33D;

[RnnCell(inputSize: 2, hiddenSize: 1, Scalar = ScalarType.Float)]
internal static partial class TorchRnn2x1F;

[RnnCell(inputSize: 2, hiddenSize: 1)]
internal static partial class TorchRnn2x1D;

[RnnCell(inputSize: 3, hiddenSize: 5, Scalar = ScalarType.Float)]
internal static partial class TorchRnn3x5F;

[RnnCell(inputSize: 3, hiddenSize: 5)]
internal static partial class TorchRnn3x5D;

[RnnCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
internal static partial class TorchRnn3x5V4F;

[RnnCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4)]
internal static partial class TorchRnn3x5V4D;

[RnnCell(inputSize: 7, hiddenSize: 17, Scalar = ScalarType.Float)]
internal static partial class TorchRnn7x17F;

[RnnCell(inputSize: 7, hiddenSize: 17)]
internal static partial class TorchRnn7x17D;

[RnnCell(inputSize: 4, hiddenSize: 33, Scalar = ScalarType.Float)]
internal static partial class TorchRnn4x33F;

[RnnCell(inputSize: 4, hiddenSize: 33)]
internal static partial class TorchRnn4x33D;
