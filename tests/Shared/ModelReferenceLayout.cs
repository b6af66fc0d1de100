using LstmGen.Models;
using LstmGen.Reference;
using LstmGen.Reference.Models;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Tests.Shared;

/// <summary>
/// The MathNet reference model and a <see cref="ModelLayout"/> flat buffer, converted through the layouts' index functions
/// only (each block's <see cref="CellLayout"/> gate rows, b, b_hn; the head's <see cref="ModelLayout.HeadWeightIndex"/>),
/// so tests can run the independent reference on parameters an importer wrote, and write its gradients where an exporter reads.
/// </summary>
internal static class ModelReferenceLayout
{
    /// <summary>The reference model holding the parameters <paramref name="p"/> of <paramref name="layout"/>.</summary>
    public static ReferenceModel ToReference(ModelLayout layout, ReadOnlySpan<double> p)
    {
        double[] values = p.ToArray();
        var layers = new List<ReferenceModelLayer>();
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            CellLayout cell = layout.Cells[k];
            ReferenceDirection Direction(int d) => ToDirection(cell, values.AsSpan(layout.ParameterOffset(k, d), cell.ParameterCount));
            layers.Add(new ReferenceModelLayer(Direction(0), layout.Directions[k] == 2 ? Direction(1) : null));
        }

        int v = layout.OutputSize, w = layout.HeadInputSize;
        ReferenceHead head = layout.Output switch
        {
            OutputHead.Softmax => ReferenceHead.Softmax,
            OutputHead.Linear => ReferenceHead.Linear,
            _ => ReferenceHead.None,
        };
        Matrix<double>? wy = v > 0 ? Matrix<double>.Build.Dense(v, w, (r, c) => values[layout.HeadWeightIndex(r, c)]) : null;
        Vector<double>? by = v > 0 ? Vector<double>.Build.Dense(v, r => values[layout.HeadBiasIndex(r)]) : null;
        return new ReferenceModel(layers, head, wy, by);
    }

    /// <summary>The reference's parameter gradients written into a flat buffer of <paramref name="layout"/>.</summary>
    public static double[] Flatten(ModelLayout layout, ModelGradients g)
    {
        var p = new double[layout.ParameterCount];
        int block = 0;
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            CellLayout cell = layout.Cells[k];
            for (int d = 0; d < layout.Directions[k]; d++)
            {
                ReferenceDirection gradient = ReferenceDirection.FromFlat(KindOf(cell), g.Blocks[block++], cell.InputSize, cell.HiddenSize);
                Write(cell, gradient, p.AsSpan(layout.ParameterOffset(k, d), cell.ParameterCount));
            }
        }

        for (int r = 0; r < layout.OutputSize; r++)
        {
            for (int c = 0; c < layout.HeadInputSize; c++)
            {
                p[layout.HeadWeightIndex(r, c)] = g.DWy![r, c];
            }

            p[layout.HeadBiasIndex(r)] = g.DBy![r];
        }

        return p;
    }

    private static ReferenceCellKind KindOf(CellLayout cell) => cell.Kind switch
    {
        RecurrentCellKind.Lstm => ReferenceCellKind.Lstm,
        RecurrentCellKind.Gru => ReferenceCellKind.Gru,
        _ => ReferenceCellKind.Rnn,
    };

    private static ReferenceDirection ToDirection(CellLayout cell, ReadOnlySpan<double> block)
    {
        double[] b = block.ToArray();
        int h = cell.HiddenSize, d = cell.InputSize;
        Matrix<double> W(int g) => Matrix<double>.Build.Dense(h, d, (r, c) => b[cell.InputWeightIndex((g * h) + r, c)]);
        Matrix<double> U(int g) => Matrix<double>.Build.Dense(h, h, (r, c) => b[cell.RecurrentWeightIndex((g * h) + r, c)]);
        // A bias-free cell's reference has its biases fixed at 0 (they are not parameters).
        Vector<double> B(int g) => Vector<double>.Build.Dense(h, r => cell.HasBias ? b[cell.BiasIndex((g * h) + r)] : 0.0);
        int[] gates = [.. Enumerable.Range(0, cell.GateCount)];
        return cell.Kind switch
        {
            RecurrentCellKind.Lstm => ReferenceDirection.Of(new ReferenceLstm([.. gates.Select(W)], [.. gates.Select(U)], [.. gates.Select(B)])),
            RecurrentCellKind.Gru => ReferenceDirection.Of(new ReferenceGru(
                [.. gates.Select(W)], [.. gates.Select(U)], [.. gates.Select(B)], Vector<double>.Build.Dense(h, r => cell.HasBias ? b[cell.RecurrentBiasIndex(r)] : 0.0))),
            _ => ReferenceDirection.Of(new ReferenceRnn(W(0), U(0), B(0))),
        };
    }

    private static void Write(CellLayout cell, ReferenceDirection direction, Span<double> block)
    {
        (Matrix<double>[] w, Matrix<double>[] u, Vector<double>[] bias, Vector<double>? bhn) = direction.Cell switch
        {
            ReferenceLstm l => (l.W, l.U, l.B, null),
            ReferenceGru g => (g.W, g.U, g.B, g.Bhn),
            ReferenceRnn r => (new[] { r.Wx }, new[] { r.Wh }, new[] { r.B }, (Vector<double>?)null),
            _ => throw new ArgumentException("Unknown reference cell."),
        };
        int h = cell.HiddenSize;
        for (int g = 0; g < w.Length; g++)
        {
            for (int r = 0; r < h; r++)
            {
                for (int c = 0; c < cell.InputSize; c++)
                {
                    block[cell.InputWeightIndex((g * h) + r, c)] = w[g][r, c];
                }

                for (int c = 0; c < h; c++)
                {
                    block[cell.RecurrentWeightIndex((g * h) + r, c)] = u[g][r, c];
                }

                if (cell.HasBias)
                {
                    block[cell.BiasIndex((g * h) + r)] = bias[g][r];
                }
            }
        }

        for (int r = 0; bhn is not null && cell.HasBias && r < h; r++)
        {
            block[cell.RecurrentBiasIndex(r)] = bhn[r];
        }
    }
}
