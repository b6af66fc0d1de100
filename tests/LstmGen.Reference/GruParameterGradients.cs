using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Gradients of a loss with respect to the parameters of a <see cref="ReferenceGru"/>, with the same shapes and gate
/// order (r, z, n): <see cref="DW"/> 3 × (H×D), <see cref="DU"/> 3 × (H×H), <see cref="DB"/> 3 × H, <see cref="DBhn"/> H,
/// <see cref="DWy"/> V×H and <see cref="DBy"/> V (null when the cell has no head).
/// </summary>
/// <remarks>
/// <c>DB[r]</c> and <c>DB[z]</c> are the gradients of the summed biases, which equal PyTorch's gradients of both
/// <c>bias_ih</c> and <c>bias_hh</c> in those rows; <c>DB[n]</c> is PyTorch's <c>bias_ih</c> n rows (b_in) and
/// <see cref="DBhn"/> its <c>bias_hh</c> n rows (b_hn).
/// </remarks>
/// <param name="DW">∂L/∂W per gate (H×D).</param>
/// <param name="DU">∂L/∂U per gate (H×H).</param>
/// <param name="DB">∂L/∂b per gate (length H): b_r, b_z, b_in.</param>
/// <param name="DBhn">∂L/∂b_hn (length H).</param>
/// <param name="DWy">∂L/∂Wy (V×H), or null without a head.</param>
/// <param name="DBy">∂L/∂By (length V), or null without a head.</param>
public sealed record GruParameterGradients(
    Matrix<double>[] DW,
    Matrix<double>[] DU,
    Vector<double>[] DB,
    Vector<double> DBhn,
    Matrix<double>? DWy,
    Vector<double>? DBy)
{
    /// <summary>All-zero gradients shaped like <paramref name="cell"/>'s parameters.</summary>
    public static GruParameterGradients Zeros(ReferenceGru cell) => new(
        [.. Enumerable.Range(0, ReferenceGruGate.Count).Select(_ => Matrix<double>.Build.Dense(cell.HiddenSize, cell.InputSize))],
        [.. Enumerable.Range(0, ReferenceGruGate.Count).Select(_ => Matrix<double>.Build.Dense(cell.HiddenSize, cell.HiddenSize))],
        [.. Enumerable.Range(0, ReferenceGruGate.Count).Select(_ => Vector<double>.Build.Dense(cell.HiddenSize))],
        Vector<double>.Build.Dense(cell.HiddenSize),
        cell.HasHead ? Matrix<double>.Build.Dense(cell.OutputSize, cell.HiddenSize) : null,
        cell.HasHead ? Vector<double>.Build.Dense(cell.OutputSize) : null);

    /// <summary>Returns a new object holding <c>this + other</c>, entry by entry.</summary>
    public GruParameterGradients Add(GruParameterGradients other) => new(
        [.. DW.Zip(other.DW, (a, b) => a + b)],
        [.. DU.Zip(other.DU, (a, b) => a + b)],
        [.. DB.Zip(other.DB, (a, b) => a + b)],
        DBhn + other.DBhn,
        DWy is null || other.DWy is null ? null : DWy + other.DWy,
        DBy is null || other.DBy is null ? null : DBy + other.DBy);

    /// <summary>Returns a new object holding <c>factor · this</c>.</summary>
    public GruParameterGradients Scale(double factor) => new(
        [.. DW.Select(m => m * factor)],
        [.. DU.Select(m => m * factor)],
        [.. DB.Select(v => v * factor)],
        DBhn * factor,
        DWy is null ? null : DWy * factor,
        DBy is null ? null : DBy * factor);
}
