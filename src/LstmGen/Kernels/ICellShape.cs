namespace LstmGen.Kernels;

/// <summary>
/// The sizes of one recurrent cell as static constants. Generic code over a value type implementing this interface is
/// compiled once per cell, with every size folded to a constant: loop bounds, tails and buffer offsets are known to the
/// JIT as they would be to a code generator (see <c>docs/architecture.md</c>).
/// </summary>
public interface ICellShape
{
    /// <summary>LSTM or tanh RNN.</summary>
    static abstract RecurrentCellKind Kind { get; }

    /// <summary>D: the length of every input vector.</summary>
    static abstract int InputSize { get; }

    /// <summary>H: the length of the hidden state (and, for an LSTM, of the cell state).</summary>
    static abstract int HiddenSize { get; }

    /// <summary>V: the classes of the softmax head; 0 when the cell has none.</summary>
    static abstract int OutputSize { get; }

    /// <summary>
    /// Whether the cell has gate biases (b, and a GRU's b_hn): true by default; false for a cell declared with
    /// <c>Bias = false</c> (PyTorch's <c>bias=False</c>), whose buffer holds no bias values and whose kernels add none.
    /// A constant, so the JIT keeps only one branch. The head's b_y is not a gate bias: a head keeps it either way.
    /// </summary>
    static virtual bool HasBias => true;
}
