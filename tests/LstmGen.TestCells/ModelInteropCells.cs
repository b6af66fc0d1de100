namespace LstmGen.TestCells;

// Head-free layer cells for model interop (LstmGen.Interop.Tests PyTorch model fixtures, LstmGen.Onnx.Tests model export):
// the layers of the fixtures' nn.LSTM/GRU/RNN(num_layers, bidirectional) (layer k > 0 takes directions × H inputs), and
// two cells that make models PyTorch cannot express (a GRU above an LSTM, a different H). Double precision.

/// <summary>Model interop: LSTM D = 3, H = 4 (layer 0 of model_lstm_l2_bi_d3_h4).</summary>
[LstmCell(inputSize: 3, hiddenSize: 4)]
public static partial class InteropLstm3x4D;

/// <summary>Model interop: LSTM D = 8, H = 4 (layer 1 above a bidirectional H = 4 layer).</summary>
[LstmCell(inputSize: 8, hiddenSize: 4)]
public static partial class InteropLstm8x4D;

/// <summary>Model interop: GRU D = 3, H = 5 (layer 0 of model_gru_l2_d3_h5).</summary>
[GruCell(inputSize: 3, hiddenSize: 5)]
public static partial class InteropGru3x5D;

/// <summary>Model interop: GRU D = 5, H = 5 (layer 1 above a forward-only H = 5 layer).</summary>
[GruCell(inputSize: 5, hiddenSize: 5)]
public static partial class InteropGru5x5D;

/// <summary>Model interop: tanh RNN D = 3, H = 4 (model_rnn_l1_bi_d3_h4).</summary>
[RnnCell(inputSize: 3, hiddenSize: 4)]
public static partial class InteropRnn3x4D;

/// <summary>Model interop: LSTM D = 2, H = 3 (layer 0 of model_lstm_l2_bi_d2_h3 packed).</summary>
[LstmCell(inputSize: 2, hiddenSize: 3)]
public static partial class InteropLstm2x3D;

/// <summary>Model interop: LSTM D = 6, H = 3 (layer 1 above a bidirectional H = 3 layer).</summary>
[LstmCell(inputSize: 6, hiddenSize: 3)]
public static partial class InteropLstm6x3D;

/// <summary>Model interop: GRU D = 4, H = 4 (above a forward-only LSTM H = 4: a mix PyTorch cannot express).</summary>
[GruCell(inputSize: 4, hiddenSize: 4)]
public static partial class InteropGru4x4D;

/// <summary>Model interop: LSTM D = 4, H = 5 (above a forward-only LSTM H = 4: one module has one H).</summary>
[LstmCell(inputSize: 4, hiddenSize: 5)]
public static partial class InteropLstm4x5D;

/// <summary>Model interop: bias-free GRU D = 3, H = 5 (layer 0 of model_gru_l2_d3_h5_nobias: nn.GRU(bias=False)).</summary>
[GruCell(inputSize: 3, hiddenSize: 5, Bias = false)]
public static partial class InteropNoBiasGru3x5D;

/// <summary>Model interop: bias-free GRU D = 5, H = 5 (layer 1 of model_gru_l2_d3_h5_nobias).</summary>
[GruCell(inputSize: 5, hiddenSize: 5, Bias = false)]
public static partial class InteropNoBiasGru5x5D;
