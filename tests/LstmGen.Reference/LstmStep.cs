using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Everything computed by one LSTM forward step (kept for the backward pass and for inspection).</summary>
/// <param name="X">Input <c>x_t</c>.</param>
/// <param name="HPrev">Previous hidden state <c>h_{t−1}</c>.</param>
/// <param name="CPrev">Previous cell state <c>c_{t−1}</c>.</param>
/// <param name="I">Input gate activation <c>i = σ(·)</c>.</param>
/// <param name="F">Forget gate activation <c>f = σ(·)</c>.</param>
/// <param name="G">Candidate activation <c>g = tanh(·)</c>.</param>
/// <param name="O">Output gate activation <c>o = σ(·)</c>.</param>
/// <param name="C">New cell state <c>c_t = f ⊙ c_{t−1} + i ⊙ g</c>.</param>
/// <param name="TanhC"><c>tanh(c_t)</c>.</param>
/// <param name="H">New hidden state <c>h_t = o ⊙ tanh(c_t)</c>.</param>
/// <param name="Logits">Head logits <c>Wy h_t + By</c>, or null without a head.</param>
/// <param name="Probabilities">Softmax of the logits, or null without a head.</param>
/// <param name="LogProbabilities">Log-softmax of the logits, or null without a head.</param>
public sealed record LstmStep(
    Vector<double> X,
    Vector<double> HPrev,
    Vector<double> CPrev,
    Vector<double> I,
    Vector<double> F,
    Vector<double> G,
    Vector<double> O,
    Vector<double> C,
    Vector<double> TanhC,
    Vector<double> H,
    Vector<double>? Logits,
    Vector<double>? Probabilities,
    Vector<double>? LogProbabilities);
