using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Everything computed by one GRU forward step (kept for the backward pass and for inspection).</summary>
/// <param name="X">Input <c>x_t</c>.</param>
/// <param name="HPrev">Previous hidden state <c>h_{t−1}</c>.</param>
/// <param name="R">Reset gate <c>r = σ(W_r x + b_r + U_r h_{t−1})</c>.</param>
/// <param name="Z">Update gate <c>z = σ(W_z x + b_z + U_z h_{t−1})</c>.</param>
/// <param name="Hn">The recurrent part of the new gate, <c>U_n h_{t−1} + b_hn</c> (before the reset product).</param>
/// <param name="N">New gate <c>n = tanh(W_n x + b_in + r ⊙ Hn)</c>.</param>
/// <param name="H">New hidden state <c>h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}</c>.</param>
/// <param name="Logits">Head logits <c>Wy h_t + By</c>, or null without a head.</param>
/// <param name="Probabilities">Softmax of the logits, or null without a head.</param>
/// <param name="LogProbabilities">Log-softmax of the logits, or null without a head.</param>
public sealed record GruStep(
    Vector<double> X,
    Vector<double> HPrev,
    Vector<double> R,
    Vector<double> Z,
    Vector<double> Hn,
    Vector<double> N,
    Vector<double> H,
    Vector<double>? Logits,
    Vector<double>? Probabilities,
    Vector<double>? LogProbabilities);
