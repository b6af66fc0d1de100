using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Flattening of <see cref="ReferenceGru"/> parameters and gradients.</summary>
public static partial class FlatParameters
{
    /// <summary>
    /// Number of GRU parameters for input size D, hidden size H and head size V (0 = no head). GRU order: for gate
    /// in r, z, n: <c>W_gate</c> (H×D, row-major), <c>U_gate</c> (H×H, row-major), <c>b_gate</c> (H: b_r, b_z summed,
    /// b_in); then <c>b_hn</c> (H); then <c>Wy</c> (V×H, row-major) and <c>By</c> (V). Length
    /// <c>3(HD + HH + H) + H + VH + V</c>; bias-free (<paramref name="hasBias"/> false), <c>3(HD + HH) + VH + V</c>.
    /// </summary>
    public static int GruCount(int inputSize, int hiddenSize, int outputSize = 0, bool hasBias = true) =>
        ReferenceGruGate.Count * (hiddenSize * inputSize + hiddenSize * hiddenSize + (hasBias ? hiddenSize : 0))
        + (hasBias ? hiddenSize : 0) + outputSize * hiddenSize + outputSize;

    /// <summary>Flattens a GRU's parameters in the order of <see cref="GruCount"/>.</summary>
    public static double[] Flatten(ReferenceGru cell, bool hasBias = true) => FlattenGru(cell.W, cell.U, cell.B, cell.Bhn, cell.Wy, cell.By, hasBias);

    /// <summary>Flattens GRU parameter gradients in the same order as <see cref="Flatten(ReferenceGru, bool)"/>.</summary>
    public static double[] Flatten(GruParameterGradients gradients, bool hasBias = true) =>
        FlattenGru(gradients.DW, gradients.DU, gradients.DB, gradients.DBhn, gradients.DWy, gradients.DBy, hasBias);

    /// <summary>Builds a new GRU from a flat vector in the order of <see cref="GruCount"/> (V = 0: no head).</summary>
    public static ReferenceGru ToGru(IReadOnlyList<double> theta, int inputSize, int hiddenSize, int outputSize = 0, bool hasBias = true)
    {
        RequireLength(theta, GruCount(inputSize, hiddenSize, outputSize, hasBias));
        var reader = new Reader(theta);
        var w = new Matrix<double>[ReferenceGruGate.Count];
        var u = new Matrix<double>[ReferenceGruGate.Count];
        var b = new Vector<double>[ReferenceGruGate.Count];
        for (int gate = 0; gate < ReferenceGruGate.Count; gate++)
        {
            w[gate] = reader.Matrix(hiddenSize, inputSize);
            u[gate] = reader.Matrix(hiddenSize, hiddenSize);
            b[gate] = reader.Bias(hiddenSize, hasBias);
        }

        Vector<double> bhn = reader.Bias(hiddenSize, hasBias);
        Matrix<double>? wy = outputSize > 0 ? reader.Matrix(outputSize, hiddenSize) : null;
        Vector<double>? by = outputSize > 0 ? reader.Vector(outputSize) : null;
        return new ReferenceGru(w, u, b, bhn, wy, by);
    }

    /// <summary>Builds a new GRU with the same sizes as <paramref name="shape"/> from a flat vector.</summary>
    public static ReferenceGru ToGru(IReadOnlyList<double> theta, ReferenceGru shape) =>
        ToGru(theta, shape.InputSize, shape.HiddenSize, shape.OutputSize);

    private static double[] FlattenGru(Matrix<double>[] w, Matrix<double>[] u, Vector<double>[] b, Vector<double> bhn, Matrix<double>? wy, Vector<double>? by, bool hasBias)
    {
        var flat = new List<double>();
        for (int gate = 0; gate < ReferenceGruGate.Count; gate++)
        {
            AppendRowMajor(flat, w[gate]);
            AppendRowMajor(flat, u[gate]);
            AppendBias(flat, b[gate], hasBias);
        }

        AppendBias(flat, bhn, hasBias);
        AppendHead(flat, wy, by);
        return [.. flat];
    }
}
