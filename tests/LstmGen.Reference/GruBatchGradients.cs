namespace LstmGen.Reference;

/// <summary>
/// Result of BPTT over a batch of independent GRU sequences, combined by <see cref="Reduction"/>.
/// </summary>
/// <param name="Reduction">Sum or mean over the batch.</param>
/// <param name="Loss">Batch loss: <c>Σ_s L_s</c> (Sum) or <c>(1/m) Σ_s L_s</c> (Mean).</param>
/// <param name="Parameters">Gradient of the batch loss with respect to the shared parameters.</param>
/// <param name="Samples">
/// Per-sequence results, already multiplied by the reduction factor (1 or 1/m), so <c>Samples[s].DX[t]</c> is
/// ∂(batch loss)/∂x_{s,t} and <c>Samples[s].Loss</c> is that sequence's contribution to <see cref="Loss"/>.
/// </param>
public sealed record GruBatchGradients(
    BatchReduction Reduction,
    double Loss,
    GruParameterGradients Parameters,
    IReadOnlyList<GruGradients> Samples);
