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
}
