namespace LstmGen.Demo.Forecasting;

// The forecasting models and their layers: D = 3 (normalised log value, month on the unit circle) → H = 32 → H = 32, float.

/// <summary>The lower LSTM layer of <see cref="ForecastLstm"/>.</summary>
[LstmCell(inputSize: ForecastWindows.Features, hiddenSize: 32, Scalar = ScalarType.Float)]
public static partial class ForecastLstmLower;

/// <summary>The upper LSTM layer of <see cref="ForecastLstm"/>.</summary>
[LstmCell(inputSize: 32, hiddenSize: 32, Scalar = ScalarType.Float)]
public static partial class ForecastLstmUpper;

/// <summary>The lower GRU layer of <see cref="ForecastGru"/>.</summary>
[GruCell(inputSize: ForecastWindows.Features, hiddenSize: 32, Scalar = ScalarType.Float)]
public static partial class ForecastGruLower;

/// <summary>The upper GRU layer of <see cref="ForecastGru"/>.</summary>
[GruCell(inputSize: 32, hiddenSize: 32, Scalar = ScalarType.Float)]
public static partial class ForecastGruUpper;

/// <summary>A two-layer LSTM with a linear head: PyTorch's <c>nn.LSTM(3, 32, num_layers=2)</c> + <c>nn.Linear(32, 1)</c>.</summary>
[RecurrentModel(Output = OutputHead.Linear, OutputSize = 1, Dropout = 0.1)]
[ModelLayer(typeof(ForecastLstmLower))]
[ModelLayer(typeof(ForecastLstmUpper))]
public static partial class ForecastLstm;

/// <summary>A two-layer GRU with a linear head: PyTorch's <c>nn.GRU(3, 32, num_layers=2)</c> + <c>nn.Linear(32, 1)</c>.</summary>
[RecurrentModel(Output = OutputHead.Linear, OutputSize = 1, Dropout = 0.1)]
[ModelLayer(typeof(ForecastGruLower))]
[ModelLayer(typeof(ForecastGruUpper))]
public static partial class ForecastGru;
