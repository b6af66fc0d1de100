namespace LstmGen.Onnx;

/// <summary>Choices for <see cref="OnnxExport"/>; the defaults give a model whose only input is <c>X</c>.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>
    /// Whether the model takes the initial state as inputs <c>initial_h</c> (and, for an LSTM, <c>initial_c</c>), each
    /// [1, batch, H]; when false (the default) every sequence starts from the zero state.
    /// </summary>
    public bool InitialStateInputs { get; init; }

    /// <summary>The graph's name, stored in the model; "lstmgen" by default.</summary>
    public string GraphName { get; init; } = "lstmgen";
}
