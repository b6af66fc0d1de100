using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Result of BPTT over a batch of independent RNN sequences, combined by <see cref="Reduction"/>.
/// </summary>
/// <param name="Reduction">Sum or mean over the batch.</param>
/// <param name="Loss">Batch loss: <c>Σ_s L_s</c> (Sum) or <c>(1/m) Σ_s L_s</c> (Mean).</param>
/// <param name="Parameters">Gradient of the batch loss with respect to the shared parameters.</param>
/// <param name="Samples">
/// Per-sequence results, already multiplied by the reduction factor (1 or 1/m), so <c>Samples[s].DX[t]</c> is
/// ∂(batch loss)/∂x_{s,t} and <c>Samples[s].Loss</c> is that sequence's contribution to <see cref="Loss"/>.
/// </param>
public sealed record RnnBatchGradients(
    BatchReduction Reduction,
    double Loss,
    RnnParameterGradients Parameters,
    IReadOnlyList<RnnGradients> Samples)
{
    /// <summary>Shortcut for <c>Parameters.DWx</c>.</summary>
    public Matrix<double> DWx => Parameters.DWx;

    /// <summary>Shortcut for <c>Parameters.DWh</c>.</summary>
    public Matrix<double> DWh => Parameters.DWh;

    /// <summary>Shortcut for <c>Parameters.DB</c>.</summary>
    public Vector<double> DB => Parameters.DB;

    /// <summary>Shortcut for <c>Parameters.DWy</c>.</summary>
    public Matrix<double>? DWy => Parameters.DWy;

    /// <summary>Shortcut for <c>Parameters.DBy</c>.</summary>
    public Vector<double>? DBy => Parameters.DBy;
}
