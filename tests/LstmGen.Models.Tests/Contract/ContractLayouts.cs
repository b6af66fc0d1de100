using LstmGen.Reference;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Models.Tests.Contract;

/// <summary>Reference cells and gradients written into the flat <see cref="CellLayout"/> by its index functions.</summary>
internal static class ContractLayouts
{
    public static double[] Flatten(ReferenceLstm cell) => Lstm(cell.W, cell.U, cell.B, cell.Wy, cell.By);

    public static double[] Flatten(ReferenceRnn cell) => Rnn(cell.Wx, cell.Wh, cell.B, cell.Wy, cell.By);

    public static double[] Flatten(LstmParameterGradients g) => Lstm(g.DW, g.DU, g.DB, g.DWy, g.DBy);

    public static double[] Flatten(RnnParameterGradients g) => Rnn(g.DWx, g.DWh, g.DB, g.DWy, g.DBy);

    private static double[] Lstm(Matrix<double>[] w, Matrix<double>[] u, Vector<double>[] b, Matrix<double>? wy, Vector<double>? by) =>
        Write(RecurrentCellKind.Lstm, w, u, b, wy, by);

    private static double[] Rnn(Matrix<double> w, Matrix<double> u, Vector<double> b, Matrix<double>? wy, Vector<double>? by) =>
        Write(RecurrentCellKind.TanhRnn, [w], [u], [b], wy, by);

    private static double[] Write(RecurrentCellKind kind, Matrix<double>[] w, Matrix<double>[] u, Vector<double>[] b, Matrix<double>? wy, Vector<double>? by)
    {
        int h = w[0].RowCount, d = w[0].ColumnCount;
        var layout = new CellLayout(kind, d, h, wy?.RowCount ?? 0);
        double[] p = new double[layout.ParameterCount];
        for (int gate = 0; gate < w.Length; gate++)
        {
            for (int row = 0; row < h; row++)
            {
                int gateRow = (gate * h) + row;
                for (int k = 0; k < d; k++)
                {
                    p[layout.InputWeightIndex(gateRow, k)] = w[gate][row, k];
                }

                for (int k = 0; k < h; k++)
                {
                    p[layout.RecurrentWeightIndex(gateRow, k)] = u[gate][row, k];
                }

                p[layout.BiasIndex(gateRow)] = b[gate][row];
            }
        }

        for (int output = 0; wy is not null && by is not null && output < wy.RowCount; output++)
        {
            for (int row = 0; row < h; row++)
            {
                p[layout.HeadWeightIndex(output, row)] = wy[output, row];
            }

            p[layout.HeadBiasIndex(output)] = by[output];
        }

        return p;
    }
}
