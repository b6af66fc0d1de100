namespace LstmGen.TestCells;

// Generated cells matching the PyTorch fixtures (tools/pytorch-fixtures/make_fixtures.py): one per (kind, D, H, V,
// scalar). nn.LSTM and nn.LSTMCell fixtures of the same sizes share a cell, as do nn.RNN and nn.RNNCell and nn.GRU and
// nn.GRUCell: the module only changes the tensor names. Names: Torch{Lstm|Rnn|Gru}{D}x{H}[V{V}]{F|D} (F = float,
// D = double).

/// <summary>PyTorch fixture cell: LSTM D = 2, H = 1, float.</summary>
[LstmCell(inputSize: 2, hiddenSize: 1, Scalar = ScalarType.Float)]
public static partial class TorchLstm2x1F;

/// <summary>PyTorch fixture cell: LSTM D = 2, H = 1, double.</summary>
[LstmCell(inputSize: 2, hiddenSize: 1)]
public static partial class TorchLstm2x1D;

/// <summary>PyTorch fixture cell: LSTM D = 3, H = 5, float.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Scalar = ScalarType.Float)]
public static partial class TorchLstm3x5F;

/// <summary>PyTorch fixture cell: LSTM D = 3, H = 5, double.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5)]
public static partial class TorchLstm3x5D;

/// <summary>PyTorch fixture cell: LSTM D = 3, H = 5, softmax head V = 4, float.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
public static partial class TorchLstm3x5V4F;

/// <summary>PyTorch fixture cell: LSTM D = 3, H = 5, softmax head V = 4, double.</summary>
[LstmCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4)]
public static partial class TorchLstm3x5V4D;

/// <summary>PyTorch fixture cell: LSTM D = 7, H = 17, float.</summary>
[LstmCell(inputSize: 7, hiddenSize: 17, Scalar = ScalarType.Float)]
public static partial class TorchLstm7x17F;

/// <summary>PyTorch fixture cell: LSTM D = 7, H = 17, double.</summary>
[LstmCell(inputSize: 7, hiddenSize: 17)]
public static partial class TorchLstm7x17D;

/// <summary>PyTorch fixture cell: LSTM D = 7, H = 17, softmax head V = 3, float.</summary>
[LstmCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 3, Scalar = ScalarType.Float)]
public static partial class TorchLstm7x17V3F;

/// <summary>PyTorch fixture cell: LSTM D = 7, H = 17, softmax head V = 3, double.</summary>
[LstmCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 3)]
public static partial class TorchLstm7x17V3D;

/// <summary>PyTorch fixture cell: LSTM D = 4, H = 33, float.</summary>
[LstmCell(inputSize: 4, hiddenSize: 33, Scalar = ScalarType.Float)]
public static partial class TorchLstm4x33F;

/// <summary>PyTorch fixture cell: LSTM D = 4, H = 33, double.</summary>
[LstmCell(inputSize: 4, hiddenSize: 33)]
public static partial class TorchLstm4x33D;

/// <summary>PyTorch fixture cell: tanh RNN D = 2, H = 1, float.</summary>
[RnnCell(inputSize: 2, hiddenSize: 1, Scalar = ScalarType.Float)]
public static partial class TorchRnn2x1F;

/// <summary>PyTorch fixture cell: tanh RNN D = 2, H = 1, double.</summary>
[RnnCell(inputSize: 2, hiddenSize: 1)]
public static partial class TorchRnn2x1D;

/// <summary>PyTorch fixture cell: tanh RNN D = 3, H = 5, float.</summary>
[RnnCell(inputSize: 3, hiddenSize: 5, Scalar = ScalarType.Float)]
public static partial class TorchRnn3x5F;

/// <summary>PyTorch fixture cell: tanh RNN D = 3, H = 5, double.</summary>
[RnnCell(inputSize: 3, hiddenSize: 5)]
public static partial class TorchRnn3x5D;

/// <summary>PyTorch fixture cell: tanh RNN D = 3, H = 5, softmax head V = 4, float.</summary>
[RnnCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4, Scalar = ScalarType.Float)]
public static partial class TorchRnn3x5V4F;

/// <summary>PyTorch fixture cell: tanh RNN D = 3, H = 5, softmax head V = 4, double.</summary>
[RnnCell(inputSize: 3, hiddenSize: 5, Output = OutputHead.Softmax, OutputSize = 4)]
public static partial class TorchRnn3x5V4D;

/// <summary>PyTorch fixture cell: tanh RNN D = 7, H = 17, float.</summary>
[RnnCell(inputSize: 7, hiddenSize: 17, Scalar = ScalarType.Float)]
public static partial class TorchRnn7x17F;

/// <summary>PyTorch fixture cell: tanh RNN D = 7, H = 17, double.</summary>
[RnnCell(inputSize: 7, hiddenSize: 17)]
public static partial class TorchRnn7x17D;

/// <summary>PyTorch fixture cell: tanh RNN D = 4, H = 33, float.</summary>
[RnnCell(inputSize: 4, hiddenSize: 33, Scalar = ScalarType.Float)]
public static partial class TorchRnn4x33F;

/// <summary>PyTorch fixture cell: tanh RNN D = 4, H = 33, double.</summary>
[RnnCell(inputSize: 4, hiddenSize: 33)]
public static partial class TorchRnn4x33D;

/// <summary>PyTorch fixture cell: GRU D = 3, H = 4, no head, float.</summary>
[GruCell(inputSize: 3, hiddenSize: 4, Scalar = ScalarType.Float)]
public static partial class TorchGru3x4F;

/// <summary>PyTorch fixture cell: GRU D = 3, H = 4, no head, double.</summary>
[GruCell(inputSize: 3, hiddenSize: 4)]
public static partial class TorchGru3x4D;

/// <summary>PyTorch fixture cell: GRU D = 5, H = 6, softmax head V = 5, float.</summary>
[GruCell(inputSize: 5, hiddenSize: 6, Output = OutputHead.Softmax, OutputSize = 5, Scalar = ScalarType.Float)]
public static partial class TorchGru5x6V5F;

/// <summary>PyTorch fixture cell: GRU D = 5, H = 6, softmax head V = 5, double.</summary>
[GruCell(inputSize: 5, hiddenSize: 6, Output = OutputHead.Softmax, OutputSize = 5)]
public static partial class TorchGru5x6V5D;

/// <summary>PyTorch fixture cell: GRU D = 7, H = 17, no head, float.</summary>
[GruCell(inputSize: 7, hiddenSize: 17, Scalar = ScalarType.Float)]
public static partial class TorchGru7x17F;

/// <summary>PyTorch fixture cell: GRU D = 7, H = 17, no head, double.</summary>
[GruCell(inputSize: 7, hiddenSize: 17)]
public static partial class TorchGru7x17D;

/// <summary>PyTorch fixture cell: GRU D = 4, H = 33, softmax head V = 3, float.</summary>
[GruCell(inputSize: 4, hiddenSize: 33, Output = OutputHead.Softmax, OutputSize = 3, Scalar = ScalarType.Float)]
public static partial class TorchGru4x33V3F;

/// <summary>PyTorch fixture cell: GRU D = 4, H = 33, softmax head V = 3, double.</summary>
[GruCell(inputSize: 4, hiddenSize: 33, Output = OutputHead.Softmax, OutputSize = 3)]
public static partial class TorchGru4x33V3D;

/// <summary>PyTorch fixture cell: GRU D = 3, H = 5, no head, float.</summary>
[GruCell(inputSize: 3, hiddenSize: 5, Scalar = ScalarType.Float)]
public static partial class TorchGru3x5F;

/// <summary>PyTorch fixture cell: GRU D = 3, H = 5, no head, double.</summary>
[GruCell(inputSize: 3, hiddenSize: 5)]
public static partial class TorchGru3x5D;

/// <summary>PyTorch fixture cell: GRU D = 7, H = 17, softmax head V = 3, float.</summary>
[GruCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 3, Scalar = ScalarType.Float)]
public static partial class TorchGru7x17V3F;

/// <summary>PyTorch fixture cell: GRU D = 7, H = 17, softmax head V = 3, double.</summary>
[GruCell(inputSize: 7, hiddenSize: 17, Output = OutputHead.Softmax, OutputSize = 3)]
public static partial class TorchGru7x17V3D;

/// <summary>PyTorch fixture cell: bias-free LSTM D = 3, H = 5, softmax head V = 4, double (nn.LSTM(bias=False) + nn.Linear).</summary>
[LstmCell(3, 5, Bias = false, Output = OutputHead.Softmax, OutputSize = 4)]
public static partial class TorchNoBiasLstm3x5V4D;

/// <summary>PyTorch fixture cell: bias-free tanh RNN D = 4, H = 6, double (nn.RNN(bias=False)).</summary>
[RnnCell(4, 6, Bias = false)]
public static partial class TorchNoBiasRnn4x6D;

/// <summary>PyTorch fixture cell: bias-free GRU D = 3, H = 4, double (nn.GRU(bias=False)).</summary>
[GruCell(3, 4, Bias = false)]
public static partial class TorchNoBiasGru3x4D;
