namespace LstmGen.Models.Tests.Contract;

// The largest cells the analyzer accepts (KernelLimits.MaxSize = 4096), and LSTM 1024 -> 1024 double: 0.1's fixed-size
// StepCache structs of these pass the CLR's 65,535-byte limit, so their typed Workspace throws TypeLoadException; the
// contract's flat caches serve them.

[LstmCell(4096, 4096)]
public static partial class Lstm4096x4096Double;

[LstmCell(4096, 4096, Scalar = ScalarType.Float)]
public static partial class Lstm4096x4096Float;

[RnnCell(4096, 4096)]
public static partial class Rnn4096x4096Double;

[LstmCell(3, 4096)]
public static partial class Lstm3x4096Double;

[LstmCell(1024, 1024)]
public static partial class Lstm1024x1024Double;
