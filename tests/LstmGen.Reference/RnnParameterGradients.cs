using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Gradients of a loss with respect to the parameters of a <see cref="ReferenceRnn"/>, with the same shapes:
/// <see cref="DWx"/> H×D, <see cref="DWh"/> H×H, <see cref="DB"/> length H, <see cref="DWy"/> V×H and
/// <see cref="DBy"/> length V (null when the cell has no head).
/// </summary>
/// <param name="DWx">∂L/∂Wx (H×D).</param>
/// <param name="DWh">∂L/∂Wh (H×H).</param>
/// <param name="DB">∂L/∂b (length H).</param>
/// <param name="DWy">∂L/∂Wy (V×H), or null without a head.</param>
/// <param name="DBy">∂L/∂By (length V), or null without a head.</param>
public sealed record RnnParameterGradients(
    Matrix<double> DWx,
    Matrix<double> DWh,
    Vector<double> DB,
    Matrix<double>? DWy,
    Vector<double>? DBy)
{
    /// <summary>All-zero gradients shaped like <paramref name="cell"/>'s parameters.</summary>
    public static RnnParameterGradients Zeros(ReferenceRnn cell) => new(
        Matrix<double>.Build.Dense(cell.HiddenSize, cell.InputSize),
        Matrix<double>.Build.Dense(cell.HiddenSize, cell.HiddenSize),
        Vector<double>.Build.Dense(cell.HiddenSize),
        cell.HasHead ? Matrix<double>.Build.Dense(cell.OutputSize, cell.HiddenSize) : null,
        cell.HasHead ? Vector<double>.Build.Dense(cell.OutputSize) : null);

    /// <summary>Returns a new object holding <c>this + other</c>, entry by entry.</summary>
    public RnnParameterGradients Add(RnnParameterGradients other) => new(
        DWx + other.DWx,
        DWh + other.DWh,
        DB + other.DB,
        DWy is null || other.DWy is null ? null : DWy + other.DWy,
        DBy is null || other.DBy is null ? null : DBy + other.DBy);

    /// <summary>Returns a new object holding <c>factor · this</c>.</summary>
    public RnnParameterGradients Scale(double factor) => new(
        DWx * factor,
        DWh * factor,
        DB * factor,
        DWy is null ? null : DWy * factor,
        DBy is null ? null : DBy * factor);
}
