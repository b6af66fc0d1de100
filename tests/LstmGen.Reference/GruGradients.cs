using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Result of full BPTT over one GRU sequence: the loss, the parameter gradients, and the gradients with respect
/// to every input <c>x_t</c> and to the initial hidden state.
/// </summary>
/// <param name="Loss">Sequence loss <c>L = Σ_t loss_t</c>.</param>
/// <param name="Parameters">∂L/∂(W, U, B, Bhn, Wy, By).</param>
/// <param name="DX">∂L/∂x_t for t = 0 … T−1 (each length D).</param>
/// <param name="DH0">∂L/∂h0 (length H).</param>
public sealed record GruGradients(
    double Loss,
    GruParameterGradients Parameters,
    IReadOnlyList<Vector<double>> DX,
    Vector<double> DH0)
{
    /// <summary>Returns a copy with the loss and every gradient multiplied by <paramref name="factor"/>.</summary>
    public GruGradients Scale(double factor) => new(
        Loss * factor,
        Parameters.Scale(factor),
        [.. DX.Select(v => v * factor)],
        DH0 * factor);
}
