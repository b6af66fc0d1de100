using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Contract;

// Kernels written the way the generator writes a cell's Kernel: the sizes as constants; the step math is the
// contract's default (the runtime's generic loop kernels).

/// <summary>LSTM D = 3, H = 5, softmax head V = 4, double.</summary>
public readonly struct Lstm3x5Head4 : IRecurrentKernel<Lstm3x5Head4, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 4;
}

/// <summary>tanh RNN D = 3, H = 5, softmax head V = 4, double.</summary>
public readonly struct Rnn3x5Head4 : IRecurrentKernel<Rnn3x5Head4, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 4;
}
