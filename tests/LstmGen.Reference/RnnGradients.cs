using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Result of full BPTT over one RNN sequence: the loss, the parameter gradients, and the gradients with respect
/// to every input <c>x_t</c> and to the initial hidden state.
/// </summary>
/// <param name="Loss">Sequence loss <c>L = Σ_t loss_t</c>.</param>
/// <param name="Parameters">∂L/∂(Wx, Wh, b, Wy, By).</param>
/// <param name="DX">∂L/∂x_t for t = 0 … T−1 (each length D).</param>
/// <param name="DH0">∂L/∂h0 (length H).</param>
public sealed record RnnGradients(
    double Loss,
    RnnParameterGradients Parameters,
    IReadOnlyList<Vector<double>> DX,
    Vector<double> DH0)
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

    /// <summary>Returns a copy with the loss and every gradient multiplied by <paramref name="factor"/>.</summary>
    public RnnGradients Scale(double factor) => new(
        Loss * factor,
        Parameters.Scale(factor),
        [.. DX.Select(v => v * factor)],
        DH0 * factor);
}
