namespace LstmGen.TestCells;

// Cells shaped like the seeds' models (seeds 000 to 004 in /work/shared/seeds).

/// <summary>The cell of the seeds' worked example (000/001): D = 2, H = 1, double (WorkedExample/).</summary>
[LstmCell(inputSize: 2, hiddenSize: 1)]
public static partial class TinyLstm;

/// <summary>
/// Seed 002's <c>LSTMCell(input_size=10, hidden_size=128)</c> with H reduced to 16, so that every entry of
/// W, U and b can be checked by finite differences in well under a second. (The forward comparison at the seed's
/// H = 128 uses <see cref="Lstm10x128Double"/>.)
/// </summary>
[LstmCell(10, 16)]
public static partial class Seed002Lstm;

/// <summary>Seed 003's character model: vocabulary D = V = 10, H = 128, softmax head.</summary>
[LstmCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax)]
public static partial class Seed003CharLstm;

/// <summary>A tiny character model in seed 003's style (vocabulary 4, H = 3) for its finite-difference bug check.</summary>
[LstmCell(4, 3, OutputSize = 4, Output = OutputHead.Softmax)]
public static partial class Seed003TinyCharLstm;

/// <summary>Seed 004's RNN with the sizes of its usual test call: n_x = 3, n_a = 5, n_y = 2.</summary>
[RnnCell(3, 5, OutputSize = 2, Output = OutputHead.Softmax)]
public static partial class Seed004Rnn;

/// <summary>Seed 004's LSTM with the sizes of its usual test call: n_x = 3, n_a = 5, n_y = 2.</summary>
[LstmCell(3, 5, OutputSize = 2, Output = OutputHead.Softmax)]
public static partial class Seed004Lstm;
