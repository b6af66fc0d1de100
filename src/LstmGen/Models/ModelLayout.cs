namespace LstmGen.Models;

/// <summary>
/// Where every parameter of a <see cref="RecurrentModel{T}"/> lives in its flat parameter buffer, and where every layer's
/// and direction's state lives in a batch of model states. Interop (PyTorch <c>weight_ih_l1_reverse</c>, ONNX) reads and
/// writes parameters through it.
/// </summary>
/// <remarks>
/// <para>Parameters: layer by layer, and within a layer the forward direction before the reverse one, each direction
/// the whole parameter buffer of the layer's cell (<see cref="CellLayout"/>, no head); then the model's head, if any:
/// W_y (V × W, column by column: element (r, c) at <c>HeadWeightOffset + c·V + r</c>) and b_y (V), where W is the top
/// layer's <see cref="ModelLayer{T}.OutputWidth"/>.</para>
/// <para>States of a batch of m sequences: one block per layer and direction in the same order (PyTorch's
/// <c>h_n</c> order, <c>[layers × directions, m, H]</c>), block (k, d) holding the m states of that cell as its batched
/// functions take them, <c>[m × S_k]</c> (S = H, or 2H as <c>[h | c]</c> for an LSTM).</para>
/// </remarks>
public sealed class ModelLayout
{
    private readonly int[] _parameterOffsets;
    private readonly int[] _stateOffsets;

    internal ModelLayout(IReadOnlyList<CellLayout> cells, IReadOnlyList<int> directions, OutputHead output, int outputSize)
    {
        Cells = Array.AsReadOnly(cells.ToArray());
        Output = output;
        OutputSize = outputSize;
        int blocks = 0;
        for (int k = 0; k < cells.Count; k++)
        {
            blocks += directions[k];
        }

        _parameterOffsets = new int[cells.Count * 2];
        _stateOffsets = new int[cells.Count * 2];
        long parameters = 0, state = 0;
        for (int k = 0; k < cells.Count; k++)
        {
            for (int d = 0; d < 2; d++)
            {
                _parameterOffsets[(2 * k) + d] = d < directions[k] ? (int)parameters : -1;
                _stateOffsets[(2 * k) + d] = d < directions[k] ? (int)state : -1;
                if (d < directions[k])
                {
                    parameters += cells[k].ParameterCount;
                    state += StateOf(cells[k]);
                }
            }
        }

        Directions = Array.AsReadOnly(directions.ToArray());
        HeadInputSize = directions[^1] * cells[^1].HiddenSize;
        HeadWeightOffset = (int)parameters;
        parameters += ((long)outputSize * HeadInputSize) + outputSize;
        if (parameters > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), $"Expected a model whose parameters fit in one array ({Array.MaxLength} values), but these layers need {parameters}.");
        }

        ParameterCount = (int)parameters;
        StateLength = (int)state;
        StateBlocks = blocks;
    }

    /// <summary>Each layer's cell layout (no head).</summary>
    public IReadOnlyList<CellLayout> Cells { get; }

    /// <summary>Each layer's directions: 1, or 2 when bidirectional.</summary>
    public IReadOnlyList<int> Directions { get; }

    /// <summary>The model's head: none, softmax (cross-entropy) or linear (squared error).</summary>
    public OutputHead Output { get; }

    /// <summary>V: the head's outputs; 0 without a head.</summary>
    public int OutputSize { get; }

    /// <summary>W: the top layer's output width, the head's input.</summary>
    public int HeadInputSize { get; }

    /// <summary>Offset of the head's weights W_y; equals the end of the last layer's parameters.</summary>
    public int HeadWeightOffset { get; }

    /// <summary>Offset of the head's bias b_y.</summary>
    public int HeadBiasOffset => HeadWeightOffset + (OutputSize * HeadInputSize);

    /// <summary>Scalars in the flat parameter buffer.</summary>
    public int ParameterCount { get; }

    /// <summary>Scalars of one sequence's state: Σ over layers and directions of S_k.</summary>
    public int StateLength { get; }

    /// <summary>Layers × directions: the blocks of a model state, PyTorch's first dimension of <c>h_n</c>.</summary>
    public int StateBlocks { get; }

    /// <summary>Offset of layer <paramref name="layer"/>'s parameters for <paramref name="direction"/> (0 forward, 1 reverse).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such layer, or the layer has no such direction.</exception>
    public int ParameterOffset(int layer, int direction = 0) => _parameterOffsets[Block(layer, direction)];

    /// <summary>
    /// Offset, in a batch of m model states, of layer <paramref name="layer"/>'s block for <paramref name="direction"/>:
    /// <c>m · (offset for one sequence)</c>; the block holds m × S_k values.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such layer or direction, or m is less than 1.</exception>
    public int StateOffset(int layer, int direction = 0, int batchSize = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1, nameof(batchSize));
        return _stateOffsets[Block(layer, direction)] * batchSize;
    }

    /// <summary>S_k: the state length of layer <paramref name="layer"/>'s cell (H, or 2H for an LSTM).</summary>
    public int CellStateLength(int layer)
    {
        Guard.Index(layer, Cells.Count, "a layer", nameof(layer));
        return StateOf(Cells[layer]);
    }

    /// <summary>Index of the head weight <c>W_y[output, column]</c> (<c>column &lt; W</c>).</summary>
    public int HeadWeightIndex(int output, int column)
    {
        Guard.Index(output, OutputSize, "an output of the head", nameof(output));
        Guard.Index(column, HeadInputSize, "a column of the head's input", nameof(column));
        return HeadWeightOffset + (column * OutputSize) + output;
    }

    /// <summary>Index of the head bias <c>b_y[output]</c>.</summary>
    public int HeadBiasIndex(int output)
    {
        Guard.Index(output, OutputSize, "an output of the head", nameof(output));
        return HeadBiasOffset + output;
    }

    private static int StateOf(CellLayout cell) => (cell.Kind == RecurrentCellKind.Lstm ? 2 : 1) * cell.HiddenSize;

    private int Block(int layer, int direction)
    {
        Guard.Index(layer, Cells.Count, "a layer", nameof(layer));
        Guard.Index(direction, Directions[layer], "a direction of this layer (0 forward, 1 reverse)", nameof(direction));
        return (2 * layer) + direction;
    }
}
