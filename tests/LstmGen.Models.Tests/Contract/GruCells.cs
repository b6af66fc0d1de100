using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Contract;

// GRU kernels written the way the generator writes a cell's Kernel (the generator cannot declare GRU cells yet): the
// sizes as constants, the step math the contract's defaults (GruLoopKernel, or SimdGruKernel with Strategy = Simd).
// SIMD sizes exercise the split gate product's paths (G = 3H rows; lanes 8/16 with AVX-512, 4/8 with AVX2, 2/4 with
// SSE: 8-vector blocks, single vectors, the overlapping tail vector) and the element-wise part's scalar tail
// (H not a multiple of the lanes), down to G = 3 (Vector128 of double with an overlapping vector; scalar for float).

/// <summary>GRU D = 3, H = 4, no head, double, loops.</summary>
public readonly struct Gru3x4 : IRecurrentKernel<Gru3x4, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 3;
    public static int HiddenSize => 4;
    public static int OutputSize => 0;
}

/// <summary>GRU D = 3, H = 4, no head, float, loops.</summary>
public readonly struct Gru3x4Float : IRecurrentKernel<Gru3x4Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 3;
    public static int HiddenSize => 4;
    public static int OutputSize => 0;
}

/// <summary>GRU D = 3, H = 5, softmax head V = 4, double, loops.</summary>
public readonly struct Gru3x5Head4 : IRecurrentKernel<Gru3x5Head4, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 4;
}

/// <summary>GRU D = 3, H = 5 (G = 15), softmax head V = 4, double, SIMD.</summary>
public readonly struct SimdGru3x5Head4Double : IRecurrentKernel<SimdGru3x5Head4Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 4;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 3, H = 5 (G = 15), float, SIMD.</summary>
public readonly struct SimdGru3x5Float : IRecurrentKernel<SimdGru3x5Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 4, H = 17 (G = 51), double, SIMD.</summary>
public readonly struct SimdGru4x17Double : IRecurrentKernel<SimdGru4x17Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 4;
    public static int HiddenSize => 17;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 4, H = 17 (G = 51), float, SIMD.</summary>
public readonly struct SimdGru4x17Float : IRecurrentKernel<SimdGru4x17Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 4;
    public static int HiddenSize => 17;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 5, H = 33 (G = 99: whole 8-vector blocks and a tail), softmax head V = 7, double, SIMD.</summary>
public readonly struct SimdGru5x33Head7Double : IRecurrentKernel<SimdGru5x33Head7Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 7;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 5, H = 33 (G = 99), float, SIMD.</summary>
public readonly struct SimdGru5x33Float : IRecurrentKernel<SimdGru5x33Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 5;
    public static int HiddenSize => 33;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 1, H = 1 (G = 3), double, SIMD.</summary>
public readonly struct SimdGru1x1Double : IRecurrentKernel<SimdGru1x1Double, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 1;
    public static int HiddenSize => 1;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

/// <summary>GRU D = 1, H = 1 (G = 3), float, SIMD.</summary>
public readonly struct SimdGru1x1Float : IRecurrentKernel<SimdGru1x1Float, float>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
    public static int InputSize => 1;
    public static int HiddenSize => 1;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}
