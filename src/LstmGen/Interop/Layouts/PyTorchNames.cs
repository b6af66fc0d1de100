namespace LstmGen.Interop.Layouts;

/// <summary>
/// How a PyTorch state dict names a cell's tensors: the module (which fixes the suffixes <c>weight_ih_l0</c> or
/// <c>weight_ih</c>) and the prefixes under which the recurrent module and the <c>nn.Linear</c> head were registered.
/// </summary>
/// <remarks>
/// A model <c>self.lstm = nn.LSTM(...); self.head = nn.Linear(...)</c> saves <c>lstm.weight_ih_l0</c>, ...,
/// <c>head.weight</c>, <c>head.bias</c>: <c>new PyTorchNames(PyTorchModule.Lstm, CellPrefix: "lstm.")</c>. A bare
/// <c>nn.LSTM</c>'s own state dict has no prefix (the default <c>""</c>).
/// </remarks>
/// <param name="Module">The recurrent module; its kind must match the cell's kind.</param>
/// <param name="CellPrefix">Prepended to the recurrent module's tensor names, e.g. <c>"lstm."</c>; default none.</param>
/// <param name="HeadPrefix">Prepended to the head's <c>weight</c> [V, H] and <c>bias</c> [V]; default <c>"head."</c>.</param>
public sealed record PyTorchNames(PyTorchModule Module, string CellPrefix = "", string HeadPrefix = "head.")
{
    /// <summary>Whether the module is a layered <c>nn.LSTM</c> / <c>nn.RNN</c> / <c>nn.GRU</c>, whose names end in <c>_l0</c>.</summary>
    public bool IsLayered => Module is PyTorchModule.Lstm or PyTorchModule.Rnn or PyTorchModule.Gru;

    /// <summary>The input weights, e.g. <c>lstm.weight_ih_l0</c>.</summary>
    public string InputWeights => Name("weight_ih");

    /// <summary>The recurrent weights, e.g. <c>lstm.weight_hh_l0</c>.</summary>
    public string RecurrentWeights => Name("weight_hh");

    /// <summary>The input-side bias, e.g. <c>lstm.bias_ih_l0</c>.</summary>
    public string InputBias => Name("bias_ih");

    /// <summary>The recurrent-side bias, e.g. <c>lstm.bias_hh_l0</c>.</summary>
    public string RecurrentBias => Name("bias_hh");

    /// <summary>The head's weight matrix [V, H], e.g. <c>head.weight</c>.</summary>
    public string HeadWeights => HeadPrefix + "weight";

    /// <summary>The head's bias [V], e.g. <c>head.bias</c>.</summary>
    public string HeadBias => HeadPrefix + "bias";

    /// <summary>"nn.LSTM", "nn.LSTMCell", "nn.RNN", "nn.RNNCell", "nn.GRU" or "nn.GRUCell".</summary>
    public string ModuleName => Module switch
    {
        PyTorchModule.Lstm => "nn.LSTM",
        PyTorchModule.LstmCell => "nn.LSTMCell",
        PyTorchModule.Rnn => "nn.RNN",
        PyTorchModule.RnnCell => "nn.RNNCell",
        PyTorchModule.Gru => "nn.GRU",
        PyTorchModule.GruCell => "nn.GRUCell",
        _ => throw new ArgumentOutOfRangeException(nameof(Module), Module, "Expected a PyTorchModule value."),
    };

    /// <summary>The cell kind the module computes.</summary>
    public RecurrentCellKind CellKind => Module switch
    {
        PyTorchModule.Lstm or PyTorchModule.LstmCell => RecurrentCellKind.Lstm,
        PyTorchModule.Rnn or PyTorchModule.RnnCell => RecurrentCellKind.TanhRnn,
        PyTorchModule.Gru or PyTorchModule.GruCell => RecurrentCellKind.Gru,
        _ => throw new ArgumentOutOfRangeException(nameof(Module), Module, "Expected a PyTorchModule value."),
    };

    /// <summary>The two modules of <paramref name="kind"/>, for messages: "PyTorchModule.Gru or PyTorchModule.GruCell".</summary>
    internal static string ModulesOf(RecurrentCellKind kind) => kind switch
    {
        RecurrentCellKind.Lstm => "PyTorchModule.Lstm or PyTorchModule.LstmCell",
        RecurrentCellKind.Gru => "PyTorchModule.Gru or PyTorchModule.GruCell",
        _ => "PyTorchModule.Rnn or PyTorchModule.RnnCell",
    };

    private string Name(string stem) => CellPrefix + stem + (IsLayered ? "_l0" : string.Empty);
}
