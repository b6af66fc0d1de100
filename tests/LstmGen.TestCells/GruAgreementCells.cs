namespace LstmGen.TestCells;

// The GRU's row of the agreement grid (AgreementCells.cs has the RNN and LSTM rows): {no head, softmax head} x
// {(D, H, V) = (1, 1, 2), (3, 5, 4), (10, 128, 10)} x {double, float}, Kernel on Auto (the generator's choice: 1x1
// unrolled, 3x5 (3·5·8 = 120 multiply-adds > 64) and 10x128 SIMD; the generated header names it).
// Names: Gru{D}x{H}[Head{V}]{Scalar}.

/// <summary>GRU D = 1, H = 1, no head, double.</summary>
[GruCell(1, 1)]
public static partial class Gru1x1Double;

/// <summary>GRU D = 1, H = 1, softmax head V = 2, double.</summary>
[GruCell(1, 1, OutputSize = 2, Output = OutputHead.Softmax)]
public static partial class Gru1x1Head2Double;

/// <summary>GRU D = 1, H = 1, no head, float.</summary>
[GruCell(1, 1, Scalar = ScalarType.Float)]
public static partial class Gru1x1Float;

/// <summary>GRU D = 1, H = 1, softmax head V = 2, float.</summary>
[GruCell(1, 1, OutputSize = 2, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Gru1x1Head2Float;

/// <summary>GRU D = 3, H = 5, no head, double.</summary>
[GruCell(3, 5)]
public static partial class Gru3x5Double;

/// <summary>GRU D = 3, H = 5, softmax head V = 4, double.</summary>
[GruCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax)]
public static partial class Gru3x5Head4Double;

/// <summary>GRU D = 3, H = 5, no head, float.</summary>
[GruCell(3, 5, Scalar = ScalarType.Float)]
public static partial class Gru3x5Float;

/// <summary>GRU D = 3, H = 5, softmax head V = 4, float.</summary>
[GruCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Gru3x5Head4Float;

/// <summary>GRU D = 10, H = 128, no head, double.</summary>
[GruCell(10, 128)]
public static partial class Gru10x128Double;

/// <summary>GRU D = 10, H = 128, softmax head V = 10, double.</summary>
[GruCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax)]
public static partial class Gru10x128Head10Double;

/// <summary>GRU D = 10, H = 128, no head, float.</summary>
[GruCell(10, 128, Scalar = ScalarType.Float)]
public static partial class Gru10x128Float;

/// <summary>GRU D = 10, H = 128, softmax head V = 10, float.</summary>
[GruCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Gru10x128Head10Float;
