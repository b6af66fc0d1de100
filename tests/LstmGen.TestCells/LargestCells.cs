namespace LstmGen.TestCells;

// The largest cells the analyzer accepts (KernelLimits.MaxSize = 4096), and LSTM 1024 -> 1024 double: 0.1's fixed-size
// StepCache structs of these pass the CLR's 65,535-byte limit, so their typed Workspace throws TypeLoadException; the
// contract's flat caches serve them (Contract/LargestCellsTests, Facade/LargestTypedCellTests).

/// <summary>LSTM D = 4096, H = 4096, double: a State of 64 KiB, caches of 7 × 4096 × 8 bytes per step.</summary>
[LstmCell(4096, 4096)]
public static partial class Lstm4096x4096Double;

/// <summary>LSTM D = 4096, H = 4096, float: the largest float LSTM.</summary>
[LstmCell(4096, 4096, Scalar = ScalarType.Float)]
public static partial class Lstm4096x4096Float;

/// <summary>tanh RNN D = 4096, H = 4096, double: the largest RNN.</summary>
[RnnCell(4096, 4096)]
public static partial class Rnn4096x4096Double;

/// <summary>GRU D = 4096, H = 4096, double: the largest GRU (3H gate rows, b_hn).</summary>
[GruCell(4096, 4096)]
public static partial class Gru4096x4096Double;

/// <summary>LSTM D = 3, H = 4096, double: the largest hidden size with a small input.</summary>
[LstmCell(3, 4096)]
public static partial class Lstm3x4096Double;

/// <summary>LSTM D = 1024, H = 1024, double: named by issue 13 among the cells whose 0.1 StepCache passes 64 KiB.</summary>
[LstmCell(1024, 1024)]
public static partial class Lstm1024x1024Double;
