namespace LstmGen;

/// <summary>
/// Where every weight of a generated cell lives in its flat parameter buffer (<c>Parameters.AsSpan()</c>); each
/// generated cell exposes its own as <c>Cell.Layout</c>. Interop code (safetensors, PyTorch, Keras, ONNX) reads and
/// writes parameters through this description, so it works for any cell without reflection.
/// </summary>
/// <remarks>
/// The layout: the fused matrix <c>[W | U]</c> of <see cref="GateRows"/> rows and <c>D + H</c> columns, stored column
/// by column (element (r, k) at <c>k * GateRows + r</c>, with <c>r = gate * H + row</c> and gates in the order
/// i, f, g, o); then the bias b (<see cref="GateRows"/> values); then, with a softmax head, W_y (V x H) column by
/// column and b_y (V).
/// </remarks>
public readonly record struct CellLayout
{
    /// <summary>Describes a cell; sizes must be positive (V may be 0: no head) and the buffer must fit in an array.</summary>
    /// <param name="kind">LSTM or tanh RNN.</param>
    /// <param name="inputSize">D, at least 1.</param>
    /// <param name="hiddenSize">H, at least 1.</param>
    /// <param name="outputSize">V, the classes of the softmax head; 0 when the cell has none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the parameters would not fit in an array.</exception>
    public CellLayout(RecurrentCellKind kind, int inputSize, int hiddenSize, int outputSize = 0)
    {
        if (kind is not (RecurrentCellKind.Lstm or RecurrentCellKind.TanhRnn))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected RecurrentCellKind.Lstm or RecurrentCellKind.TanhRnn.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1, nameof(inputSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1, nameof(hiddenSize));
        ArgumentOutOfRangeException.ThrowIfNegative(outputSize, nameof(outputSize));
        long gateRows = (kind == RecurrentCellKind.Lstm ? 4L : 1L) * hiddenSize;
        long count = (gateRows * (inputSize + (long)hiddenSize)) + gateRows + ((long)outputSize * hiddenSize) + outputSize;
        if (count > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(hiddenSize), $"Expected a cell whose parameters fit in one array ({Array.MaxLength} values), but D = {inputSize}, H = {hiddenSize}, V = {outputSize} need {count}.");
        }

        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        OutputSize = outputSize;
    }

    /// <summary>LSTM or tanh RNN.</summary>
    public RecurrentCellKind Kind { get; }

    /// <summary>D: the length of every input vector.</summary>
    public int InputSize { get; }

    /// <summary>H: the length of the hidden state.</summary>
    public int HiddenSize { get; }

    /// <summary>V: the classes of the softmax head; 0 when the cell has none.</summary>
    public int OutputSize { get; }

    /// <summary>Whether the cell has a softmax head.</summary>
    public bool HasHead => OutputSize > 0;

    /// <summary>Blocks of H rows in the gate matrix: 4 for an LSTM (i, f, g, o), 1 for an RNN.</summary>
    public int GateCount => Kind == RecurrentCellKind.Lstm ? 4 : 1;

    /// <summary>Rows of the fused gate matrix: <c>GateCount * H</c>.</summary>
    public int GateRows => GateCount * HiddenSize;

    /// <summary>Columns of the fused gate matrix <c>[W | U]</c>: D + H.</summary>
    public int GateColumns => InputSize + HiddenSize;

    /// <summary>Offset of the bias b.</summary>
    public int BiasOffset => GateRows * GateColumns;

    /// <summary>Offset of the head weights W_y (V x H, column by column); equals <see cref="ParameterCount"/> without a head.</summary>
    public int HeadWeightOffset => BiasOffset + GateRows;

    /// <summary>Offset of the head bias b_y.</summary>
    public int HeadBiasOffset => HeadWeightOffset + (OutputSize * HiddenSize);

    /// <summary>Scalars in the flat parameter buffer.</summary>
    public int ParameterCount => HeadBiasOffset + OutputSize;

    /// <summary>Index of the input weight <c>W[gateRow, column]</c> (<c>gateRow = gate * H + row</c>, <c>column &lt; D</c>).</summary>
    public int InputWeightIndex(int gateRow, int column)
    {
        Guard.Index(gateRow, GateRows, "a gate row", nameof(gateRow));
        Guard.Index(column, InputSize, "a column of W", nameof(column));
        return (column * GateRows) + gateRow;
    }

    /// <summary>Index of the recurrent weight <c>U[gateRow, column]</c> (<c>column &lt; H</c>).</summary>
    public int RecurrentWeightIndex(int gateRow, int column)
    {
        Guard.Index(gateRow, GateRows, "a gate row", nameof(gateRow));
        Guard.Index(column, HiddenSize, "a column of U", nameof(column));
        return ((InputSize + column) * GateRows) + gateRow;
    }

    /// <summary>Index of the bias <c>b[gateRow]</c>.</summary>
    public int BiasIndex(int gateRow)
    {
        Guard.Index(gateRow, GateRows, "a gate row", nameof(gateRow));
        return BiasOffset + gateRow;
    }

    /// <summary>Index of the head weight <c>W_y[output, row]</c>.</summary>
    public int HeadWeightIndex(int output, int row)
    {
        Guard.Index(output, OutputSize, "an output class of the head", nameof(output));
        Guard.Index(row, HiddenSize, "a hidden unit", nameof(row));
        return HeadWeightOffset + (row * OutputSize) + output;
    }

    /// <summary>Index of the head bias <c>b_y[output]</c>.</summary>
    public int HeadBiasIndex(int output)
    {
        Guard.Index(output, OutputSize, "an output class of the head", nameof(output));
        return HeadBiasOffset + output;
    }

    /// <summary>"LSTM D = 2, H = 1" or "tanh RNN D = 10, H = 128, V = 10", for messages.</summary>
    public override string ToString() =>
        $"{(Kind == RecurrentCellKind.Lstm ? "LSTM" : "tanh RNN")} D = {InputSize}, H = {HiddenSize}{(HasHead ? $", V = {OutputSize}" : string.Empty)}";
}
