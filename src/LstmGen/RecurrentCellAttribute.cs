namespace LstmGen;

/// <summary>
/// What every cell declaration has in common: its sizes, scalar type, kernel strategy and optional output head.
/// Use <see cref="LstmCellAttribute"/> or <see cref="RnnCellAttribute"/>.
/// </summary>
public abstract class RecurrentCellAttribute : Attribute
{
    /// <summary>Sets the sizes of the cell.</summary>
    /// <param name="inputSize">Length D of each input vector x; at least 1.</param>
    /// <param name="hiddenSize">Length H of the hidden state; at least 1.</param>
    protected RecurrentCellAttribute(int inputSize, int hiddenSize)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
    }

    /// <summary>Length D of each input vector.</summary>
    public int InputSize { get; }

    /// <summary>Length H of the hidden (and, for an LSTM, cell) state.</summary>
    public int HiddenSize { get; }

    /// <summary>Scalar type of every value of the cell; <see cref="ScalarType.Double"/> by default.</summary>
    public ScalarType Scalar { get; set; } = ScalarType.Double;

    /// <summary>How the generator specialises the kernels; <see cref="KernelStrategy.Auto"/> by default.</summary>
    public KernelStrategy Kernel { get; set; } = KernelStrategy.Auto;

    /// <summary>
    /// The output head on top of the hidden state; <see cref="OutputHead.None"/> by default.
    /// <see cref="OutputHead.Softmax"/> requires <see cref="OutputSize"/>.
    /// </summary>
    public OutputHead Output { get; set; } = OutputHead.None;

    /// <summary>Number of output classes V of the head (<c>ŷ = softmax(W_y h + b_y)</c>); 0 (no head) by default.</summary>
    public int OutputSize { get; set; }

    /// <summary>
    /// Whether the cell has gate biases: true (the default) for b (and a GRU's b_hn); false for a bias-free cell, PyTorch's
    /// <c>bias=False</c>: no bias values in its parameters (<see cref="CellLayout.HasBias"/>), none added by its kernels,
    /// none in exports. A head keeps its own bias b_y either way.
    /// </summary>
    public bool Bias { get; set; } = true;
}
