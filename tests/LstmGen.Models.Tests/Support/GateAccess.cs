using System.Numerics;
using LstmGen.Reference;

namespace LstmGen.Models.Tests.Support;

/// <summary>The shape of a generated <c>Parameters.W</c>/<c>U</c> (or <c>Gradients.W</c>/<c>U</c>) accessor.</summary>
internal delegate ref T MatrixRef<T>(LstmGate gate, int row, int column);

/// <summary>The shape of a generated <c>Parameters.B</c> (or <c>Gradients.B</c>) accessor.</summary>
internal delegate ref T VectorRef<T>(LstmGate gate, int row);

/// <summary>
/// Per-gate tensors in double: <c>W[gate]</c> H×D, <c>U[gate]</c> H×H, <c>B[gate]</c> H, indexed by <see cref="LstmGate"/>.
/// </summary>
internal sealed record GateTensors(double[][,] W, double[][,] U, double[][] B);

/// <summary>
/// Moves parameters and gradients between the reference (MathNet, gate index <see cref="ReferenceGate"/>) and a generated
/// cell, only through the generated W/U/B accessors: no assumption about the generated flat layout.
/// </summary>
internal static class GateAccess
{
    public static readonly LstmGate[] Gates = [LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output];

    /// <summary>The reference's array index of a gate (both use i, f, g, o, but we map by name, not by number).</summary>
    public static int ReferenceIndex(LstmGate gate) => gate switch
    {
        LstmGate.Input => ReferenceGate.Input,
        LstmGate.Forget => ReferenceGate.Forget,
        LstmGate.Candidate => ReferenceGate.Candidate,
        LstmGate.Output => ReferenceGate.Output,
        _ => throw new ArgumentOutOfRangeException(nameof(gate)),
    };

    /// <summary>Writes the reference cell's W, U, b into a generated parameter set.</summary>
    public static void Write<T>(ReferenceLstm reference, MatrixRef<T> w, MatrixRef<T> u, VectorRef<T> b)
        where T : INumberBase<T>
    {
        foreach (LstmGate gate in Gates)
        {
            int g = ReferenceIndex(gate);
            for (int row = 0; row < reference.HiddenSize; row++)
            {
                for (int col = 0; col < reference.InputSize; col++)
                {
                    w(gate, row, col) = T.CreateChecked(reference.W[g][row, col]);
                }

                for (int col = 0; col < reference.HiddenSize; col++)
                {
                    u(gate, row, col) = T.CreateChecked(reference.U[g][row, col]);
                }

                b(gate, row) = T.CreateChecked(reference.B[g][row]);
            }
        }
    }

    /// <summary>Reads a generated gradient (or parameter) set into per-gate double tensors.</summary>
    public static GateTensors Read<T>(int inputSize, int hiddenSize, MatrixRef<T> w, MatrixRef<T> u, VectorRef<T> b)
        where T : INumberBase<T>
    {
        var result = Empty(inputSize, hiddenSize);
        foreach (LstmGate gate in Gates)
        {
            int g = (int)gate;
            for (int row = 0; row < hiddenSize; row++)
            {
                for (int col = 0; col < inputSize; col++)
                {
                    result.W[g][row, col] = double.CreateChecked(w(gate, row, col));
                }

                for (int col = 0; col < hiddenSize; col++)
                {
                    result.U[g][row, col] = double.CreateChecked(u(gate, row, col));
                }

                result.B[g][row] = double.CreateChecked(b(gate, row));
            }
        }

        return result;
    }

    /// <summary>The reference's gradients as per-gate tensors indexed by <see cref="LstmGate"/>.</summary>
    public static GateTensors FromReference(LstmParameterGradients gradients)
    {
        int hiddenSize = gradients.DW[0].RowCount;
        int inputSize = gradients.DW[0].ColumnCount;
        var result = Empty(inputSize, hiddenSize);
        foreach (LstmGate gate in Gates)
        {
            int g = ReferenceIndex(gate);
            result.W[(int)gate] = gradients.DW[g].ToArray();
            result.U[(int)gate] = gradients.DU[g].ToArray();
            result.B[(int)gate] = gradients.DB[g].ToArray();
        }

        return result;
    }

    /// <summary>Builds a reference cell whose parameters are rounded to float (for float cells).</summary>
    public static ReferenceLstm RoundToFloat(ReferenceLstm cell) => new(
        [.. cell.W.Select(m => m.Map(v => (double)(float)v))],
        [.. cell.U.Select(m => m.Map(v => (double)(float)v))],
        [.. cell.B.Select(v => v.Map(x => (double)(float)x))]);

    private static GateTensors Empty(int inputSize, int hiddenSize)
    {
        var w = new double[4][,];
        var u = new double[4][,];
        var b = new double[4][];
        for (int g = 0; g < 4; g++)
        {
            w[g] = new double[hiddenSize, inputSize];
            u[g] = new double[hiddenSize, hiddenSize];
            b[g] = new double[hiddenSize];
        }

        return new GateTensors(w, u, b);
    }
}
