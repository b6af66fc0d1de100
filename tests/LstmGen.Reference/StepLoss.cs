using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// The loss of one time step and its gradient. Exactly one of <see cref="DHidden"/> (loss defined on the hidden
/// state) and <see cref="DLogits"/> (loss defined on the softmax head's logits) is non-null.
/// </summary>
/// <param name="Value">The loss value of this step.</param>
/// <param name="DHidden">∂loss/∂h_t, for losses on the hidden state; otherwise null.</param>
/// <param name="DLogits">∂loss/∂logits_t, for losses on the softmax head; otherwise null.</param>
public sealed record StepLoss(double Value, Vector<double>? DHidden, Vector<double>? DLogits);
