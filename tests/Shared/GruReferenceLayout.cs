using LstmGen.Reference;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Tests.Shared;

/// <summary>
/// The MathNet reference GRU and the flat <see cref="CellLayout"/> buffer, converted through the layout's index functions
/// only (gate rows r, z, n; b; b_hn; head), so tests can run the reference on parameters that an importer wrote.
/// </summary>
internal static class GruReferenceLayout
{
    /// <summary>The reference GRU holding the parameters <paramref name="p"/> of a GRU <paramref name="layout"/>.</summary>
    public static ReferenceGru ToReference(CellLayout layout, ReadOnlySpan<double> p)
    {
        if (layout.Kind != RecurrentCellKind.Gru || p.Length != layout.ParameterCount)
        {
            throw new ArgumentException($"Expected {layout.ParameterCount} parameters of a GRU layout, got {p.Length} for a {layout}.");
        }

        int h = layout.HiddenSize, d = layout.InputSize, v = layout.OutputSize;
        double[] values = p.ToArray();
        Matrix<double>[] w = [.. Enumerable.Range(0, 3).Select(g => Matrix<double>.Build.Dense(h, d, (r, k) => values[layout.InputWeightIndex((g * h) + r, k)]))];
        Matrix<double>[] u = [.. Enumerable.Range(0, 3).Select(g => Matrix<double>.Build.Dense(h, h, (r, k) => values[layout.RecurrentWeightIndex((g * h) + r, k)]))];
        Vector<double>[] b = [.. Enumerable.Range(0, 3).Select(g => Vector<double>.Build.Dense(h, r => values[layout.BiasIndex((g * h) + r)]))];
        Vector<double> bhn = Vector<double>.Build.Dense(h, r => values[layout.RecurrentBiasIndex(r)]);
        Matrix<double>? wy = v > 0 ? Matrix<double>.Build.Dense(v, h, (o, r) => values[layout.HeadWeightIndex(o, r)]) : null;
        Vector<double>? by = v > 0 ? Vector<double>.Build.Dense(v, o => values[layout.HeadBiasIndex(o)]) : null;
        return new ReferenceGru(w, u, b, bhn, wy, by);
    }

    /// <summary>The reference GRU's parameters written into a flat buffer of <paramref name="layout"/> (the inverse of <see cref="ToReference"/>).</summary>
    public static double[] Flatten(CellLayout layout, ReferenceGru cell) =>
        Flatten(layout, new GruParameterGradients(cell.W, cell.U, cell.B, cell.Bhn, cell.Wy, cell.By));

    /// <summary>Reference gradients written into a flat buffer of <paramref name="layout"/>.</summary>
    public static double[] Flatten(CellLayout layout, GruParameterGradients g)
    {
        int h = layout.HiddenSize;
        var p = new double[layout.ParameterCount];
        for (int gate = 0; gate < 3; gate++)
        {
            for (int r = 0; r < h; r++)
            {
                int row = (gate * h) + r;
                for (int k = 0; k < layout.InputSize; k++)
                {
                    p[layout.InputWeightIndex(row, k)] = g.DW[gate][r, k];
                }

                for (int k = 0; k < h; k++)
                {
                    p[layout.RecurrentWeightIndex(row, k)] = g.DU[gate][r, k];
                }

                p[layout.BiasIndex(row)] = g.DB[gate][r];
            }
        }

        for (int r = 0; r < h; r++)
        {
            p[layout.RecurrentBiasIndex(r)] = g.DBhn[r];
        }

        for (int o = 0; o < layout.OutputSize; o++)
        {
            for (int r = 0; r < h; r++)
            {
                p[layout.HeadWeightIndex(o, r)] = g.DWy![o, r];
            }

            p[layout.HeadBiasIndex(o)] = g.DBy![o];
        }

        return p;
    }
}
