using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Contract;

// Kernels with Strategy = Simd at sizes that exercise every path of the SIMD gate product (G = gate rows; lanes are
// 8 double / 16 float with AVX-512, 4 / 8 with AVX2, 2 / 4 with SSE): whole 4-vector blocks, single vectors, the
// overlapping tail vector, a narrower width when G is below the widest vector's lanes, and the scalar fallback when G
// is below even Vector128's (RNN 1x1: G = 1).

/// <summary>LSTM D = 3, H = 7 (G = 28), double.</summary>
public readonly struct SimdLstm3x7Double : IRecurrentKernel<SimdLstm3x7Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 3;
    public static int HiddenSize => 7;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 3, H = 7 (G = 28), float.</summary>
public readonly struct SimdLstm3x7Float : IRecurrentKernel<SimdLstm3x7Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 3;
    public static int HiddenSize => 7;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 10, H = 15 (G = 60: a 4-vector block, singles and a tail in double), double.</summary>
public readonly struct SimdLstm10x15Double : IRecurrentKernel<SimdLstm10x15Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 10;
    public static int HiddenSize => 15;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 10, H = 15 (G = 15: below Vector512's 16 float lanes), float.</summary>
public readonly struct SimdRnn10x15Float : IRecurrentKernel<SimdRnn10x15Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 10;
    public static int HiddenSize => 15;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 5, H = 33 (G = 132: two 4-vector blocks and a tail in float), float.</summary>
public readonly struct SimdLstm5x33Float : IRecurrentKernel<SimdLstm5x33Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 5, H = 33 (G = 33), double.</summary>
public readonly struct SimdRnn5x33Double : IRecurrentKernel<SimdRnn5x33Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 1, H = 1 (G = 4), double.</summary>
public readonly struct SimdLstm1x1Double : IRecurrentKernel<SimdLstm1x1Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 1;
    public static int HiddenSize => 1;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 1, H = 1 (G = 4), float.</summary>
public readonly struct SimdLstm1x1Float : IRecurrentKernel<SimdLstm1x1Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 1;
    public static int HiddenSize => 1;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 1, H = 1 (G = 1: scalar), double.</summary>
public readonly struct SimdRnn1x1Double : IRecurrentKernel<SimdRnn1x1Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 1;
    public static int HiddenSize => 1;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 1, H = 1 (G = 1: scalar), float.</summary>
public readonly struct SimdRnn1x1Float : IRecurrentKernel<SimdRnn1x1Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 1;
    public static int HiddenSize => 1;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 5, H = 33 (G = 132), softmax head V = 17 (a whole vector and an overlapping one in float), float.</summary>
public readonly struct SimdLstm5x33Head17Float : IRecurrentKernel<SimdLstm5x33Head17Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 17;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 3, H = 7, softmax head V = 3 (Vector128 and an overlapping vector in double, scalar tail rows in the backward), double.</summary>
public readonly struct SimdRnn3x7Head3Double : IRecurrentKernel<SimdRnn3x7Head3Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 3;
    public static int HiddenSize => 7;
    public static int OutputSize => 3;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 2, H = 3, softmax head V = 2 (below Vector128's 4 float lanes: the loop head), float.</summary>
public readonly struct SimdLstm2x3Head2Float : IRecurrentKernel<SimdLstm2x3Head2Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 2;
    public static int HiddenSize => 3;
    public static int OutputSize => 2;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}
