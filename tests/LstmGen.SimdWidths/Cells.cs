using LstmGen.Kernels;

namespace LstmGen.SimdWidths;

// Benchmark B's sizes (D = 10, H = 128, V = 10) in both element types and every kind: whole 8-vector blocks of the
// forward product at every width, the head's overlapping vector.

/// <summary>LSTM D = 10, H = 128 (G = 512), softmax head V = 10, float.</summary>
public readonly struct SimdLstm10x128Head10Float : IRecurrentKernel<SimdLstm10x128Head10Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 10;
    public static int HiddenSize => 128;
    public static int OutputSize => 10;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>LSTM D = 10, H = 128 (G = 512), softmax head V = 10, double.</summary>
public readonly struct SimdLstm10x128Head10Double : IRecurrentKernel<SimdLstm10x128Head10Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 10;
    public static int HiddenSize => 128;
    public static int OutputSize => 10;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 10, H = 128, softmax head V = 10, float.</summary>
public readonly struct SimdRnn10x128Head10Float : IRecurrentKernel<SimdRnn10x128Head10Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 10;
    public static int HiddenSize => 128;
    public static int OutputSize => 10;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>tanh RNN D = 10, H = 128, softmax head V = 10, double.</summary>
public readonly struct SimdRnn10x128Head10Double : IRecurrentKernel<SimdRnn10x128Head10Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 10;
    public static int HiddenSize => 128;
    public static int OutputSize => 10;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 10, H = 128 (G = 384), softmax head V = 10, float.</summary>
public readonly struct SimdGru10x128Head10Float : IRecurrentKernel<SimdGru10x128Head10Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 10;
    public static int HiddenSize => 128;
    public static int OutputSize => 10;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 10, H = 128 (G = 384), softmax head V = 10, double.</summary>
public readonly struct SimdGru10x128Head10Double : IRecurrentKernel<SimdGru10x128Head10Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 10;
    public static int HiddenSize => 128;
    public static int OutputSize => 10;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

// Bias-free cells (HasBias false, a Bias = false declaration's Kernel): no bias vector in the products, no db.

/// <summary>Bias-free LSTM D = 10, H = 15 (G = 60), double.</summary>
public readonly struct NoBiasSimdLstm10x15Double : IRecurrentKernel<NoBiasSimdLstm10x15Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 10;
    public static int HiddenSize => 15;
    public static int OutputSize => 0;
    public static bool HasBias => false;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>Bias-free LSTM D = 5, H = 33 (G = 132), float.</summary>
public readonly struct NoBiasSimdLstm5x33Float : IRecurrentKernel<NoBiasSimdLstm5x33Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 0;
    public static bool HasBias => false;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>Bias-free tanh RNN D = 5, H = 33, double.</summary>
public readonly struct NoBiasSimdRnn5x33Double : IRecurrentKernel<NoBiasSimdRnn5x33Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 0;
    public static bool HasBias => false;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>Bias-free GRU D = 5, H = 33 (G = 99), softmax head V = 7, double.</summary>
public readonly struct NoBiasSimdGru5x33Head7Double : IRecurrentKernel<NoBiasSimdGru5x33Head7Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 7;
    public static bool HasBias => false;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}
