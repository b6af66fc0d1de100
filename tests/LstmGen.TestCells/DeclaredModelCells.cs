namespace LstmGen.TestCells;

// A declared model (issue 14): the generator emits DeclaredModel.Model from the attributes, the analyzer checks at
// compile time that the GRU takes the bidirectional LSTM's 2 × 4 outputs.

/// <summary>LSTM D = 3, H = 4, double, no head: the bottom layer of <see cref="DeclaredModel"/>, bidirectional there.</summary>
[LstmCell(3, 4)]
public static partial class DeclaredModelLstm3x4;

/// <summary>GRU D = 8, H = 5, double, no head: the top layer of <see cref="DeclaredModel"/> (8 = 2 × 4).</summary>
[GruCell(8, 5)]
public static partial class DeclaredModelGru8x5;

/// <summary>A declared model: bidirectional LSTM 3 → 2 × 4, GRU 8 → 5, linear head V = 2.</summary>
[RecurrentModel(Output = OutputHead.Linear, OutputSize = 2)]
[ModelLayer(typeof(DeclaredModelLstm3x4), Bidirectional = true)]
[ModelLayer(typeof(DeclaredModelGru8x5))]
public static partial class DeclaredModel;

/// <summary>A declared model of bias-free layers (PyTorch's nn.GRU(3, 5, num_layers=2, bias=False) + Linear(5, 2)).</summary>
[RecurrentModel(Output = OutputHead.Linear, OutputSize = 2)]
[ModelLayer(typeof(InteropNoBiasGru3x5D))]
[ModelLayer(typeof(InteropNoBiasGru5x5D))]
public static partial class DeclaredBiasFreeModel;
