namespace LstmGen;

/// <summary>
/// The four gates of an LSTM cell, in the order LstmGen stores them (the PyTorch order <c>i, f, g, o</c>).
/// </summary>
/// <remarks>
/// Names in the sources LstmGen was checked against: the candidate <see cref="Candidate"/> (g) is
/// <c>a</c> in seeds 000/001, <c>c̃</c>/<c>Wc</c> in seed 003 and 004, <c>z</c> in seed 002; the input gate
/// <see cref="Input"/> is <c>u</c> ("update") in seed 004. Keras orders gates <c>i, f, c, o</c>; ONNX <c>i, o, f, c</c>.
/// </remarks>
public enum LstmGate
{
    /// <summary>Input gate <c>i = σ(·)</c>: how much of the candidate enters the cell state.</summary>
    Input = 0,

    /// <summary>Forget gate <c>f = σ(·)</c>: how much of the previous cell state is kept.</summary>
    Forget = 1,

    /// <summary>Candidate <c>g = tanh(·)</c>: the new content offered to the cell state.</summary>
    Candidate = 2,

    /// <summary>Output gate <c>o = σ(·)</c>: how much of <c>tanh(c)</c> is exposed as <c>h</c>.</summary>
    Output = 3,
}
