namespace LstmGen.TestCells;

// The agreement grid: cells compared with the independent MathNet reference (Agreement/ReferenceAgreementTests,
// Agreement/SequenceReferenceAgreementTests), the finite-difference checks and the batch/one-hot equivalence tests:
// {RNN, LSTM} x {no head, softmax head} x {(D, H, V) = (1, 1, 2), (3, 5, 4), (10, 128, 10)} x {double, float}, plus the
// LSTM-only sizes (2, 1), (10, 16) and (7, 33) of the single-sequence checks. Kernels are left on Auto, the
// generator's choice (today the smallest, such as 1x1, LSTM 2x1 and RNN 3x5, come out unrolled; LSTM 3x5 and the
// larger ones SIMD).
// Names: {Kind}{D}x{H}[Head{V}]{Scalar}.

/// <summary>tanh RNN D = 1, H = 1, no head, double.</summary>
[RnnCell(1, 1)]
public static partial class Rnn1x1Double;

/// <summary>tanh RNN D = 1, H = 1, softmax head V = 2, double.</summary>
[RnnCell(1, 1, OutputSize = 2, Output = OutputHead.Softmax)]
public static partial class Rnn1x1Head2Double;

/// <summary>tanh RNN D = 1, H = 1, no head, float.</summary>
[RnnCell(1, 1, Scalar = ScalarType.Float)]
public static partial class Rnn1x1Float;

/// <summary>tanh RNN D = 1, H = 1, softmax head V = 2, float.</summary>
[RnnCell(1, 1, OutputSize = 2, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Rnn1x1Head2Float;

/// <summary>tanh RNN D = 3, H = 5, no head, double.</summary>
[RnnCell(3, 5)]
public static partial class Rnn3x5Double;

/// <summary>tanh RNN D = 3, H = 5, softmax head V = 4, double.</summary>
[RnnCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax)]
public static partial class Rnn3x5Head4Double;

/// <summary>tanh RNN D = 3, H = 5, no head, float.</summary>
[RnnCell(3, 5, Scalar = ScalarType.Float)]
public static partial class Rnn3x5Float;

/// <summary>tanh RNN D = 3, H = 5, softmax head V = 4, float.</summary>
[RnnCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Rnn3x5Head4Float;

/// <summary>tanh RNN D = 10, H = 128, no head, double.</summary>
[RnnCell(10, 128)]
public static partial class Rnn10x128Double;

/// <summary>tanh RNN D = 10, H = 128, softmax head V = 10, double.</summary>
[RnnCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax)]
public static partial class Rnn10x128Head10Double;

/// <summary>tanh RNN D = 10, H = 128, no head, float.</summary>
[RnnCell(10, 128, Scalar = ScalarType.Float)]
public static partial class Rnn10x128Float;

/// <summary>tanh RNN D = 10, H = 128, softmax head V = 10, float.</summary>
[RnnCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Rnn10x128Head10Float;

/// <summary>LSTM D = 1, H = 1, no head, double.</summary>
[LstmCell(1, 1)]
public static partial class Lstm1x1Double;

/// <summary>LSTM D = 1, H = 1, softmax head V = 2, double.</summary>
[LstmCell(1, 1, OutputSize = 2, Output = OutputHead.Softmax)]
public static partial class Lstm1x1Head2Double;

/// <summary>LSTM D = 1, H = 1, no head, float.</summary>
[LstmCell(1, 1, Scalar = ScalarType.Float)]
public static partial class Lstm1x1Float;

/// <summary>LSTM D = 1, H = 1, softmax head V = 2, float.</summary>
[LstmCell(1, 1, OutputSize = 2, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Lstm1x1Head2Float;

/// <summary>LSTM D = 3, H = 5, no head, double.</summary>
[LstmCell(3, 5)]
public static partial class Lstm3x5Double;

/// <summary>LSTM D = 3, H = 5, softmax head V = 4, double.</summary>
[LstmCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax)]
public static partial class Lstm3x5Head4Double;

/// <summary>LSTM D = 3, H = 5, no head, float.</summary>
[LstmCell(3, 5, Scalar = ScalarType.Float)]
public static partial class Lstm3x5Float;

/// <summary>LSTM D = 3, H = 5, softmax head V = 4, float.</summary>
[LstmCell(3, 5, OutputSize = 4, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Lstm3x5Head4Float;

/// <summary>LSTM D = 10, H = 128, no head, double (also the large cell of Allocation/LstmAllocationTests).</summary>
[LstmCell(10, 128)]
public static partial class Lstm10x128Double;

/// <summary>LSTM D = 10, H = 128, softmax head V = 10, double.</summary>
[LstmCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax)]
public static partial class Lstm10x128Head10Double;

/// <summary>LSTM D = 10, H = 128, no head, float.</summary>
[LstmCell(10, 128, Scalar = ScalarType.Float)]
public static partial class Lstm10x128Float;

/// <summary>LSTM D = 10, H = 128, softmax head V = 10, float.</summary>
[LstmCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class Lstm10x128Head10Float;

/// <summary>LSTM D = 2, H = 1, no head, double (single-sequence agreement, finite differences, allocation).</summary>
[LstmCell(2, 1)]
public static partial class Lstm2x1Double;

/// <summary>LSTM D = 2, H = 1, no head, float (single-sequence agreement).</summary>
[LstmCell(2, 1, Scalar = ScalarType.Float)]
public static partial class Lstm2x1Float;

/// <summary>LSTM D = 10, H = 16, no head, double (single-sequence agreement).</summary>
[LstmCell(10, 16)]
public static partial class Lstm10x16Double;

/// <summary>LSTM D = 10, H = 16, no head, float (single-sequence agreement).</summary>
[LstmCell(10, 16, Scalar = ScalarType.Float)]
public static partial class Lstm10x16Float;

/// <summary>LSTM D = 7, H = 33, no head, double (single-sequence agreement).</summary>
[LstmCell(7, 33)]
public static partial class Lstm7x33Double;

/// <summary>LSTM D = 7, H = 33, no head, float (single-sequence agreement).</summary>
[LstmCell(7, 33, Scalar = ScalarType.Float)]
public static partial class Lstm7x33Float;
