namespace LstmGen;

/// <summary>
/// Where every weight of a generated cell lives in its flat parameter buffer (<c>Parameters.AsSpan()</c>); each
/// generated cell exposes its own as <c>Cell.Layout</c>. Interop code (safetensors, PyTorch, Keras, ONNX) reads and
/// writes parameters through this description, so it works for any cell without reflection.
/// </summary>
/// <remarks>
/// The layout: the fused matrix <c>[W | U]</c> of <see cref="GateRows"/> rows and <c>D + H</c> columns, stored column
/// by column (element (r, k) at <c>k * GateRows + r</c>, with <c>r = gate * H + row</c> and gates in the order
/// i, f, g, o for an LSTM, r, z, n for a GRU); then the bias b (<see cref="GateRows"/> values); for a GRU, the recurrent
/// bias of n, b_hn (H values, <see cref="RecurrentBiasIndex"/>); a bias-free cell (<see cref="HasBias"/> false,
/// PyTorch's <c>bias=False</c>) has neither, so the head follows the weights directly; then, with an output head (softmax or linear, the same
/// layout), W_y (V x H) column by column and b_y (V). A GRU's b holds b_ir + b_hr and b_iz + b_hz (PyTorch's two biases summed) and b_in.
/// </remarks>
public readonly record struct CellLayout
{
    /// <summary>Describes a cell; sizes must be positive (V may be 0: no head) and the buffer must fit in an array.</summary>
    /// <param name="kind">LSTM, tanh RNN or GRU.</param>
    /// <param name="inputSize">D, at least 1.</param>
    /// <param name="hiddenSize">H, at least 1.</param>
    /// <param name="outputSize">V, the outputs of the head (classes of a softmax head, values of a linear one); 0 when the cell has none.</param>
    /// <param name="head">
    /// The head's kind; <c>null</c> (the default) means <see cref="OutputHead.Softmax"/> when V &gt; 0 and
    /// <see cref="OutputHead.None"/> when V = 0. A head needs V ≥ 1, and <see cref="OutputHead.None"/> needs V = 0.
    /// </param>
    /// <param name="hasBias">
    /// Whether the cell has gate biases (b, and a GRU's b_hn): true (the default) for a cell as PyTorch's default,
    /// false for a bias-free cell (<c>Bias = false</c>, PyTorch's <c>bias=False</c>). The head's b_y is there either way.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, the parameters would not fit in an array, or the head does not agree with V.</exception>
    public CellLayout(RecurrentCellKind kind, int inputSize, int hiddenSize, int outputSize = 0, OutputHead? head = null, bool hasBias = true)
    {
        if (kind is not (RecurrentCellKind.Lstm or RecurrentCellKind.TanhRnn or RecurrentCellKind.Gru))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected RecurrentCellKind.Lstm, RecurrentCellKind.TanhRnn or RecurrentCellKind.Gru.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1, nameof(inputSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1, nameof(hiddenSize));
        ArgumentOutOfRangeException.ThrowIfNegative(outputSize, nameof(outputSize));
        long gateRows = (long)GatesOf(kind) * hiddenSize;
        long bias = hasBias ? gateRows : 0;
        long recurrentBias = hasBias && kind == RecurrentCellKind.Gru ? hiddenSize : 0;
        long count = (gateRows * (inputSize + (long)hiddenSize)) + bias + recurrentBias + ((long)outputSize * hiddenSize) + outputSize;
        if (count > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(hiddenSize), $"Expected a cell whose parameters fit in one array ({Array.MaxLength} values), but D = {inputSize}, H = {hiddenSize}, V = {outputSize} need {count}.");
        }

        Head = CheckHead(head ?? (outputSize > 0 ? OutputHead.Softmax : OutputHead.None), outputSize);
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        OutputSize = outputSize;
        HasBias = hasBias;
    }

    /// <summary>LSTM, tanh RNN or GRU.</summary>
    public RecurrentCellKind Kind { get; }

    /// <summary>D: the length of every input vector.</summary>
    public int InputSize { get; }

    /// <summary>H: the length of the hidden state.</summary>
    public int HiddenSize { get; }

    /// <summary>V: the outputs of the head (classes of a softmax head, values of a linear one); 0 when the cell has none.</summary>
    public int OutputSize { get; }

    /// <summary>The head on top of h: <see cref="OutputHead.None"/>, <see cref="OutputHead.Softmax"/> or <see cref="OutputHead.Linear"/>.</summary>
    public OutputHead Head { get; }

    /// <summary>
    /// Whether the cell has gate biases: b (<see cref="GateRows"/> values) and, for a GRU, b_hn (H). False for a bias-free
    /// cell (PyTorch's <c>bias=False</c>): its buffer holds neither (<see cref="BiasCount"/> and
    /// <see cref="RecurrentBiasCount"/> are 0) and <see cref="BiasIndex"/> throws. The head's b_y is not affected.
    /// </summary>
    public bool HasBias { get; }

    /// <summary>Whether the cell has an output head (softmax or linear: both are W_y and b_y in the buffer).</summary>
    public bool HasHead => OutputSize > 0;

    /// <summary>Blocks of H rows in the gate matrix: 4 for an LSTM (i, f, g, o), 3 for a GRU (r, z, n), 1 for an RNN.</summary>
    public int GateCount => GatesOf(Kind);

    /// <summary>Rows of the fused gate matrix: <c>GateCount * H</c>.</summary>
    public int GateRows => GateCount * HiddenSize;

    /// <summary>Columns of the fused gate matrix <c>[W | U]</c>: D + H.</summary>
    public int GateColumns => InputSize + HiddenSize;

    /// <summary>Offset of the bias b (for a bias-free cell, where it would start: the end of the weights).</summary>
    public int BiasOffset => GateRows * GateColumns;

    /// <summary>Values of the bias b: <see cref="GateRows"/>, or 0 for a bias-free cell.</summary>
    public int BiasCount => HasBias ? GateRows : 0;

    /// <summary>Offset of a GRU's recurrent bias of n, b_hn (H values); for the other kinds and bias-free cells, where the head starts (no values).</summary>
    public int RecurrentBiasOffset => BiasOffset + BiasCount;

    /// <summary>Values of the recurrent bias b_hn: H for a GRU with biases, 0 for the other kinds and for a bias-free GRU.</summary>
    public int RecurrentBiasCount => HasBias && Kind == RecurrentCellKind.Gru ? HiddenSize : 0;

    /// <summary>Offset of the head weights W_y (V x H, column by column); equals <see cref="ParameterCount"/> without a head.</summary>
    public int HeadWeightOffset => RecurrentBiasOffset + RecurrentBiasCount;

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
    /// <exception cref="InvalidOperationException">The cell is bias-free (<see cref="HasBias"/> is false).</exception>
    public int BiasIndex(int gateRow)
    {
        ThrowIfBiasFree("b");
        Guard.Index(gateRow, GateRows, "a gate row", nameof(gateRow));
        return BiasOffset + gateRow;
    }

    /// <summary>Index of a GRU's recurrent bias of n, <c>b_hn[row]</c> (<c>row &lt; H</c>).</summary>
    /// <exception cref="InvalidOperationException">The cell is not a GRU, or it is bias-free (<see cref="HasBias"/> is false).</exception>
    public int RecurrentBiasIndex(int row)
    {
        if (Kind != RecurrentCellKind.Gru)
        {
            throw new InvalidOperationException($"Only a GRU has a recurrent bias b_hn; this is a {this}.");
        }

        ThrowIfBiasFree("b_hn");
        Guard.Index(row, HiddenSize, "a hidden unit", nameof(row));
        return RecurrentBiasOffset + row;
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

    /// <summary>
    /// "LSTM D = 2, H = 1", "GRU D = 3, H = 4", "tanh RNN D = 10, H = 128, V = 10" (softmax), "LSTM D = 1, H = 8, linear V = 1"
    /// or, bias-free, "GRU D = 3, H = 4, no bias", for messages.
    /// </summary>
    public override string ToString() => $"{KindName(Kind)} D = {InputSize}, H = {HiddenSize}{HeadText}{(HasBias ? string.Empty : ", no bias")}";

    // A bias-free cell has no b and no b_hn: asking where one is is a mistake worth naming.
    private void ThrowIfBiasFree(string bias)
    {
        if (!HasBias)
        {
            throw new InvalidOperationException(
                $"The cell ({this}) is bias-free (declared with Bias = false, PyTorch's bias=False): it has no {bias} in its parameters.");
        }
    }

    private string HeadText => Head switch
    {
        OutputHead.Softmax => $", V = {OutputSize}",
        OutputHead.Linear => $", linear V = {OutputSize}",
        _ => string.Empty,
    };

    // A defined head that agrees with V: a head needs V ≥ 1, no head needs V = 0.
    private static OutputHead CheckHead(OutputHead head, int outputSize)
    {
        if (head is not (OutputHead.None or OutputHead.Softmax or OutputHead.Linear))
        {
            throw new ArgumentOutOfRangeException(nameof(head), head, "Expected OutputHead.None, OutputHead.Softmax or OutputHead.Linear.");
        }

        if ((head == OutputHead.None) != (outputSize == 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(head), head, $"Expected V = 0 without a head and V ≥ 1 with one, but the head is OutputHead.{head} and V = {outputSize}.");
        }

        return head;
    }

    /// <summary>Gate blocks of H rows of <paramref name="kind"/>: 4, 3 or 1.</summary>
    internal static int GatesOf(RecurrentCellKind kind) => kind switch
    {
        RecurrentCellKind.Lstm => 4,
        RecurrentCellKind.Gru => 3,
        _ => 1,
    };

    /// <summary>"LSTM", "GRU" or "tanh RNN".</summary>
    internal static string KindName(RecurrentCellKind kind) => kind switch
    {
        RecurrentCellKind.Lstm => "LSTM",
        RecurrentCellKind.Gru => "GRU",
        _ => "tanh RNN",
    };
}
