using System.Collections.Immutable;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// The order in which a framework stacks an LSTM's four gate blocks: <c>Blocks[k]</c> is the LstmGen gate stored
/// k-th. LstmGen, PyTorch and Keras agree (i, f, g, o; Keras calls g "c"); ONNX stores i, o, f, c. An RNN has one block
/// and ignores the order.
/// </summary>
public sealed class GateOrder
{
    private GateOrder(string name, params LstmGate[] blocks)
    {
        Name = name;
        Blocks = [.. blocks];
    }

    /// <summary>LstmGen's own order, which is also PyTorch's: i, f, g, o.</summary>
    public static GateOrder PyTorch { get; } = new("i, f, g, o (PyTorch, LstmGen)", LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output);

    /// <summary>Keras' order i, f, c, o: the same blocks as PyTorch.</summary>
    public static GateOrder Keras { get; } = new("i, f, c, o (Keras)", LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output);

    /// <summary>ONNX's order i, o, f, c.</summary>
    public static GateOrder Onnx { get; } = new("i, o, f, c (ONNX)", LstmGate.Input, LstmGate.Output, LstmGate.Forget, LstmGate.Candidate);

    /// <summary>A readable description, e.g. "i, o, f, c (ONNX)".</summary>
    public string Name { get; }

    /// <summary>The LstmGen gate stored at each block position.</summary>
    public ImmutableArray<LstmGate> Blocks { get; }

    /// <summary>The LstmGen gate row stored at row <paramref name="externalRow"/> of a framework's gate-stacked matrix.</summary>
    internal int ToLstmGenRow(CellLayout layout, int externalRow)
    {
        if (layout.GateCount == 1)
        {
            return externalRow;
        }

        int h = layout.HiddenSize;
        return ((int)Blocks[externalRow / h] * h) + (externalRow % h);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
