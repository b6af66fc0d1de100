namespace LstmGen.Kernels;

/// <summary>
/// The derived sizes and offsets of <typeparamref name="TShape"/>, read once from its <see cref="CellLayout"/> (the one
/// place their formulas live). Static readonly fields of a class generic over a value type are constants to the
/// optimising JIT, like the sizes themselves.
/// </summary>
internal static class CellShape<TShape>
    where TShape : ICellShape
{
    /// <summary>The layout of the cell's flat parameter buffer (sizes and offsets; the head's kind is the kernel's, <see cref="KernelShape{TKernel, T}.Layout"/>).</summary>
    public static readonly CellLayout Layout = new(TShape.Kind, TShape.InputSize, TShape.HiddenSize, TShape.OutputSize, hasBias: TShape.HasBias);

    /// <summary>G: the gate rows (4H for an LSTM, 3H for a GRU, H for an RNN).</summary>
    public static readonly int GateRows = Layout.GateRows;

    /// <summary>Where the gate bias b starts.</summary>
    public static readonly int BiasOffset = Layout.BiasOffset;

    /// <summary>Where a GRU's recurrent bias of n, b_hn (H values), starts; for the other kinds, where the head starts.</summary>
    public static readonly int RecurrentBiasOffset = Layout.RecurrentBiasOffset;

    /// <summary>Where the head's W_y starts (column by column, V × H).</summary>
    public static readonly int HeadWeightOffset = Layout.HeadWeightOffset;

    /// <summary>Where the head's b_y starts.</summary>
    public static readonly int HeadBiasOffset = Layout.HeadBiasOffset;

    /// <summary>The length of the flat parameter buffer.</summary>
    public static readonly int ParameterCount = Layout.ParameterCount;
}

/// <summary>The layout of a kernel with its head's kind (<see cref="IRecurrentKernel{TSelf, T}.Head"/>), for the public <c>Layout</c> properties.</summary>
internal static class KernelShape<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    /// <summary>The cell's layout, head kind included.</summary>
    public static readonly CellLayout Layout = new(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, TKernel.Head, TKernel.HasBias);
}
