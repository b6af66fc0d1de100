using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>The gradients of one sequence's loss (or, from <see cref="ReferenceModel.BatchBackward"/>, its share of the batch loss).</summary>
/// <param name="Loss">The loss.</param>
/// <param name="Blocks">∂L/∂θ per block (layer-major, forward before reverse), each in <see cref="FlatParameters"/> order of its kind.</param>
/// <param name="DWy">∂L/∂W_y (V × W), or null without a head.</param>
/// <param name="DBy">∂L/∂b_y (V), or null without a head.</param>
/// <param name="DX">∂L/∂x_t for the L valid steps.</param>
/// <param name="DH0">∂L/∂h0 per block.</param>
/// <param name="DC0">∂L/∂c0 per block (null for non-LSTM blocks).</param>
public sealed record ModelGradients(
    double Loss,
    IReadOnlyList<double[]> Blocks,
    Matrix<double>? DWy,
    Vector<double>? DBy,
    IReadOnlyList<Vector<double>> DX,
    IReadOnlyList<Vector<double>> DH0,
    IReadOnlyList<Vector<double>?> DC0)
{
    /// <summary>Every parameter gradient in <see cref="ReferenceModel.Flatten"/> order.</summary>
    public double[] FlattenParameters() =>
        [.. Blocks.SelectMany(b => b), .. DWy is null ? [] : DWy.ToRowMajorArray(), .. DBy is null ? [] : DBy.ToArray()];

    /// <summary>The loss and every gradient multiplied by <paramref name="factor"/>.</summary>
    public ModelGradients Scale(double factor) => new(
        Loss * factor,
        [.. Blocks.Select(b => b.Select(v => v * factor).ToArray())],
        DWy is null ? null : DWy * factor,
        DBy is null ? null : DBy * factor,
        [.. DX.Select(v => v * factor)],
        [.. DH0.Select(v => v * factor)],
        [.. DC0.Select(v => v is null ? null : v * factor)]);
}
