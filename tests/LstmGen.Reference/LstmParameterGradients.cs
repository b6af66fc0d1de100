using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Gradients of a loss with respect to the parameters of a <see cref="ReferenceLstm"/>, with the same shapes:
/// <see cref="DW"/>[4] H×D, <see cref="DU"/>[4] H×H, <see cref="DB"/>[4] length H (gate order i, f, g, o),
/// <see cref="DWy"/> V×H and <see cref="DBy"/> length V (null when the cell has no head).
/// </summary>
public sealed class LstmParameterGradients
{
    /// <summary>Wraps the given gradient arrays (held by reference).</summary>
    public LstmParameterGradients(
        Matrix<double>[] dW, Matrix<double>[] dU, Vector<double>[] dB, Matrix<double>? dWy, Vector<double>? dBy)
    {
        Shapes.RequireCount(dW, ReferenceGate.Count, nameof(dW));
        Shapes.RequireCount(dU, ReferenceGate.Count, nameof(dU));
        Shapes.RequireCount(dB, ReferenceGate.Count, nameof(dB));
        DW = dW;
        DU = dU;
        DB = dB;
        DWy = dWy;
        DBy = dBy;
    }

    /// <summary>∂L/∂W per gate (H×D), indexed by <see cref="ReferenceGate"/>.</summary>
    public Matrix<double>[] DW { get; }

    /// <summary>∂L/∂U per gate (H×H), indexed by <see cref="ReferenceGate"/>.</summary>
    public Matrix<double>[] DU { get; }

    /// <summary>∂L/∂b per gate (length H), indexed by <see cref="ReferenceGate"/>.</summary>
    public Vector<double>[] DB { get; }

    /// <summary>∂L/∂Wy (V×H), or null without a head.</summary>
    public Matrix<double>? DWy { get; }

    /// <summary>∂L/∂By (length V), or null without a head.</summary>
    public Vector<double>? DBy { get; }

    /// <summary>All-zero gradients shaped like <paramref name="cell"/>'s parameters.</summary>
    public static LstmParameterGradients Zeros(ReferenceLstm cell)
    {
        var dW = new Matrix<double>[ReferenceGate.Count];
        var dU = new Matrix<double>[ReferenceGate.Count];
        var dB = new Vector<double>[ReferenceGate.Count];
        for (int gate = 0; gate < ReferenceGate.Count; gate++)
        {
            dW[gate] = Matrix<double>.Build.Dense(cell.HiddenSize, cell.InputSize);
            dU[gate] = Matrix<double>.Build.Dense(cell.HiddenSize, cell.HiddenSize);
            dB[gate] = Vector<double>.Build.Dense(cell.HiddenSize);
        }

        Matrix<double>? dWy = cell.HasHead ? Matrix<double>.Build.Dense(cell.OutputSize, cell.HiddenSize) : null;
        Vector<double>? dBy = cell.HasHead ? Vector<double>.Build.Dense(cell.OutputSize) : null;
        return new LstmParameterGradients(dW, dU, dB, dWy, dBy);
    }

    /// <summary>Returns a new object holding <c>this + other</c>, entry by entry.</summary>
    public LstmParameterGradients Add(LstmParameterGradients other) => new(
        [.. DW.Zip(other.DW, (a, b) => a + b)],
        [.. DU.Zip(other.DU, (a, b) => a + b)],
        [.. DB.Zip(other.DB, (a, b) => a + b)],
        DWy is null || other.DWy is null ? null : DWy + other.DWy,
        DBy is null || other.DBy is null ? null : DBy + other.DBy);

    /// <summary>Returns a new object holding <c>factor · this</c>.</summary>
    public LstmParameterGradients Scale(double factor) => new(
        [.. DW.Select(m => m * factor)],
        [.. DU.Select(m => m * factor)],
        [.. DB.Select(v => v * factor)],
        DWy is null ? null : DWy * factor,
        DBy is null ? null : DBy * factor);
}
