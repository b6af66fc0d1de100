using System.Collections.Immutable;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// The order in which a framework stacks a cell's gate blocks of H rows. For an LSTM, <c>Blocks[k]</c> is the LstmGen
/// gate stored k-th: LstmGen, PyTorch and Keras agree (i, f, g, o; Keras calls g "c"); ONNX stores i, o, f, c. For a
/// GRU, <c>GruBlocks[k]</c> is the LstmGen gate block (0 = r, 1 = z, 2 = n) stored k-th: LstmGen and PyTorch store
/// r, z, n; Keras and ONNX store z, r, h (h is n). An RNN has one block and ignores the order.
/// </summary>
public sealed class GateOrder
{
    private GateOrder(string name, LstmGate[] blocks, int[] gruBlocks)
    {
        Name = name;
        Blocks = [.. blocks];
        GruBlocks = [.. gruBlocks];
    }

    /// <summary>LstmGen's own order, which is also PyTorch's: i, f, g, o for an LSTM, r, z, n for a GRU.</summary>
    public static GateOrder PyTorch { get; } = new(
        "i, f, g, o / r, z, n (PyTorch, LstmGen)", [LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output], [0, 1, 2]);

    /// <summary>Keras' order: i, f, c, o for an LSTM (the same blocks as PyTorch), z, r, h for a GRU.</summary>
    public static GateOrder Keras { get; } = new(
        "i, f, c, o / z, r, h (Keras)", [LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output], [1, 0, 2]);

    /// <summary>ONNX's order: i, o, f, c for an LSTM, z, r, h for a GRU.</summary>
    public static GateOrder Onnx { get; } = new(
        "i, o, f, c / z, r, h (ONNX)", [LstmGate.Input, LstmGate.Output, LstmGate.Forget, LstmGate.Candidate], [1, 0, 2]);

    /// <summary>A readable description, e.g. "i, o, f, c / z, r, h (ONNX)".</summary>
    public string Name { get; }

    /// <summary>The LstmGen LSTM gate stored at each block position.</summary>
    public ImmutableArray<LstmGate> Blocks { get; }

    /// <summary>
    /// The LstmGen GRU gate block stored at each block position: 0 = r (rows 0 … H−1 of <see cref="CellLayout"/>'s
    /// gate matrix), 1 = z (rows H … 2H−1), 2 = n (rows 2H … 3H−1).
    /// </summary>
    public ImmutableArray<int> GruBlocks { get; }

    /// <summary>The LstmGen gate row stored at row <paramref name="externalRow"/> of a framework's gate-stacked matrix.</summary>
    internal int ToLstmGenRow(CellLayout layout, int externalRow)
    {
        int h = layout.HiddenSize;
        return layout.Kind switch
        {
            RecurrentCellKind.Lstm => ((int)Blocks[externalRow / h] * h) + (externalRow % h),
            RecurrentCellKind.Gru => (GruBlocks[externalRow / h] * h) + (externalRow % h),
            _ => externalRow,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
