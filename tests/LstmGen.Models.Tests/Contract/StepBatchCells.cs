using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Contract;

// Hand-written kernels for StepBatchTests: one generic kernel over a kind, a strategy and a hidden size (D = 5, no head),
// so that every combination the tests need is a type argument list rather than a declaration of its own.

/// <summary>A kind, a strategy or a hidden size, as a type argument of <see cref="StepBatchKernel{TKind, TStrategy, TSize, T}"/>.</summary>
public interface IStepBatchChoice
{
    static virtual RecurrentCellKind Kind => RecurrentCellKind.Lstm;

    static virtual KernelStrategy Strategy => KernelStrategy.Loops;

    static virtual int Size => 1;
}

public readonly struct LstmKind : IStepBatchChoice;

public readonly struct GruKind : IStepBatchChoice
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Gru;
}

public readonly struct RnnKind : IStepBatchChoice
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
}

public readonly struct SimdStrategy : IStepBatchChoice
{
    public static KernelStrategy Strategy => KernelStrategy.Simd;
}

public readonly struct LoopsStrategy : IStepBatchChoice;

public readonly struct H1 : IStepBatchChoice;

public readonly struct H7 : IStepBatchChoice
{
    public static int Size => 7;
}

public readonly struct H33 : IStepBatchChoice
{
    public static int Size => 33;
}

public readonly struct H129 : IStepBatchChoice
{
    public static int Size => 129;
}

/// <summary>A cell of kind <typeparamref name="TKind"/>, D = 5, H = <typeparamref name="TSize"/>'s, run by <typeparamref name="TStrategy"/>'s kernels.</summary>
public readonly struct StepBatchKernel<TKind, TStrategy, TSize, T> : IRecurrentKernel<StepBatchKernel<TKind, TStrategy, TSize, T>, T>
    where TKind : IStepBatchChoice
    where TStrategy : IStepBatchChoice
    where TSize : IStepBatchChoice
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static RecurrentCellKind Kind => TKind.Kind;
    public static int InputSize => 5;
    public static int HiddenSize => TSize.Size;
    public static int OutputSize => 0;
    public static KernelStrategy Strategy => TStrategy.Strategy;
}
