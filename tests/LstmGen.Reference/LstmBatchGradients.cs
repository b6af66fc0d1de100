using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Result of BPTT over a batch of independent LSTM sequences, combined by <see cref="Reduction"/>.
/// </summary>
/// <param name="Reduction">Sum or mean over the batch.</param>
/// <param name="Loss">Batch loss: <c>Σ_s L_s</c> (Sum) or <c>(1/m) Σ_s L_s</c> (Mean).</param>
/// <param name="Parameters">Gradient of the batch loss with respect to the shared parameters.</param>
/// <param name="Samples">
/// Per-sequence results, already multiplied by the reduction factor (1 or 1/m), so <c>Samples[s].DX[t]</c> is
/// ∂(batch loss)/∂x_{s,t} and <c>Samples[s].Loss</c> is that sequence's contribution to <see cref="Loss"/>.
/// </param>
public sealed record LstmBatchGradients(
    BatchReduction Reduction,
    double Loss,
    LstmParameterGradients Parameters,
    IReadOnlyList<LstmGradients> Samples)
{
    /// <summary>Shortcut for <c>Parameters.DW</c>.</summary>
    public Matrix<double>[] DW => Parameters.DW;

    /// <summary>Shortcut for <c>Parameters.DU</c>.</summary>
    public Matrix<double>[] DU => Parameters.DU;

    /// <summary>Shortcut for <c>Parameters.DB</c>.</summary>
    public Vector<double>[] DB => Parameters.DB;

    /// <summary>Shortcut for <c>Parameters.DWy</c>.</summary>
    public Matrix<double>? DWy => Parameters.DWy;

    /// <summary>Shortcut for <c>Parameters.DBy</c>.</summary>
    public Vector<double>? DBy => Parameters.DBy;
}
