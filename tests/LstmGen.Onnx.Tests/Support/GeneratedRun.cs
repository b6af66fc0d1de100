namespace LstmGen.Onnx.Tests.Support;

/// <summary>
/// The outputs of one forward pass over a batch, widened to double, in the exported graph's row-major layouts:
/// hidden [T, batch, H], final h and c [batch, H] (c empty for an RNN), logits and probabilities [T, batch, V]
/// (empty without a head).
/// </summary>
internal sealed record GeneratedRun(double[] Hidden, double[] FinalH, double[] FinalC, double[] Logits, double[] Probabilities);
