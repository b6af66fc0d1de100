using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Everything computed by one vanilla-RNN forward step.</summary>
/// <param name="X">Input <c>x_t</c>.</param>
/// <param name="HPrev">Previous hidden state <c>h_{t−1}</c>.</param>
/// <param name="H">New hidden state <c>h_t = tanh(Wx x_t + Wh h_{t−1} + b)</c>.</param>
/// <param name="Logits">Head logits <c>Wy h_t + By</c>, or null without a head.</param>
/// <param name="Probabilities">Softmax of the logits, or null without a head.</param>
/// <param name="LogProbabilities">Log-softmax of the logits, or null without a head.</param>
public sealed record RnnStep(
    Vector<double> X,
    Vector<double> HPrev,
    Vector<double> H,
    Vector<double>? Logits,
    Vector<double>? Probabilities,
    Vector<double>? LogProbabilities);
