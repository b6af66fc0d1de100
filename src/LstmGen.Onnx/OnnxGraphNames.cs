namespace LstmGen.Onnx;

/// <summary>The names of the exported graph's inputs and outputs, for feeding and reading an ONNX Runtime session.</summary>
public static class OnnxGraphNames
{
    /// <summary>Input: the sequences, [sequence, batch, D], time-major.</summary>
    public const string Input = "X";

    /// <summary>Optional input: the initial hidden states, [1, batch, H] (see <see cref="OnnxExportOptions.InitialStateInputs"/>).</summary>
    public const string InitialHidden = "initial_h";

    /// <summary>Optional input (LSTM only): the initial cell states, [1, batch, H].</summary>
    public const string InitialCell = "initial_c";

    /// <summary>Output: the hidden state after every step, [sequence, batch, H].</summary>
    public const string Hidden = "hidden";

    /// <summary>Output: the final hidden states, [1, batch, H].</summary>
    public const string FinalHidden = "Y_h";

    /// <summary>Output (LSTM only): the final cell states, [1, batch, H].</summary>
    public const string FinalCell = "Y_c";

    /// <summary>Output (with a softmax head): the head's logits after every step, [sequence, batch, V].</summary>
    public const string Logits = "logits";

    /// <summary>Output (with a softmax head): the softmax of the logits, [sequence, batch, V].</summary>
    public const string Probabilities = "probabilities";

    /// <summary>Output: a linear head's prediction <c>W_y h + b_y</c> [sequence, batch, V] (no softmax).</summary>
    public const string Prediction = "prediction";

    /// <summary>Optional input of a model (<see cref="OnnxModelExport"/>): layer k's initial hidden states, [directions, batch, H].</summary>
    public static string InitialHiddenOf(int layer) => $"initial_h_l{layer}";

    /// <summary>Optional input of a model (LSTM layers): layer k's initial cell states, [directions, batch, H].</summary>
    public static string InitialCellOf(int layer) => $"initial_c_l{layer}";

    /// <summary>Output of a model: layer k's final hidden states, [directions, batch, H] (forward first; the reverse one after t = 0).</summary>
    public static string FinalHiddenOf(int layer) => $"Y_h_l{layer}";

    /// <summary>Output of a model (LSTM layers): layer k's final cell states, [directions, batch, H].</summary>
    public static string FinalCellOf(int layer) => $"Y_c_l{layer}";
}
