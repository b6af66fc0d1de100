namespace LstmGen.Demo.Forecasting;

// The layers of the forecasting models: D = 3 (normalised log value, month on the unit circle) → H = 32 → H = 32, float.

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
