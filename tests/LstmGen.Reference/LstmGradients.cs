using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Result of full BPTT over one LSTM sequence: the loss, the parameter gradients, and the gradients with respect
/// to every input <c>x_t</c> and to the initial state (<c>h0</c>, <c>c0</c>).
/// </summary>
/// <param name="Loss">Sequence loss <c>L = Σ_t loss_t</c>.</param>
/// <param name="Parameters">∂L/∂(W, U, B, Wy, By).</param>
/// <param name="DX">∂L/∂x_t for t = 0 … T−1 (each length D).</param>
/// <param name="DH0">∂L/∂h0 (length H).</param>
/// <param name="DC0">∂L/∂c0 (length H).</param>
public sealed record LstmGradients(
    double Loss,
    LstmParameterGradients Parameters,
    IReadOnlyList<Vector<double>> DX,
    Vector<double> DH0,
    Vector<double> DC0)
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

    /// <summary>Returns a copy with the loss and every gradient multiplied by <paramref name="factor"/>.</summary>
    public LstmGradients Scale(double factor) => new(
        Loss * factor,
        Parameters.Scale(factor),
        [.. DX.Select(v => v * factor)],
        DH0 * factor,
        DC0 * factor);
}
