using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The gate matrix product as straight-line code, and its backward twin: the part of a step that every cell kind
/// shares (the runtime's <c>GateMatrix</c>, unrolled). Terms are summed in the loop kernels' order: the bias, then the x
/// columns (or the one-hot column), then the h columns; dot products from row 0 up.
/// </summary>
internal static class UnrolledGateMatrix
{
    /// <summary>
    /// Declares the scratch z [G] and fills it: z = b + W·x + U·h_prev, one gate row per statement, reading
    /// <c>x</c> (or, one-hot, <c>column</c>) and the span <c>hPrev</c>.
    /// </summary>
    public static void EmitPreActivations(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        w.Line(oneHot
            ? $"// z [{cell.G}] = b + W[:, index] + U·h_prev, one gate row each (i, f, g, o); U's column k is p[{cell.Weight(cell.D, 0)} + k·{cell.G}..], b is p[{cell.Bias(0)}..]."
            : $"// z [{cell.G}] = b + W·x + U·h_prev, one gate row each (i, f, g, o); row r of column k of [W | U] is p[k·{cell.G} + r], b is p[{cell.Bias(0)}..].");
        w.Line(UnrolledCell.Scratch(UnrolledCell.GatesType, "z"));
        for (int r = 0; r < cell.G; r++)
        {
            var terms = new List<string> { $"p[{cell.Bias(r)}]" };
            if (oneHot)
            {
                terms.Add($"column[{r}]");
            }
            else
            {
                terms.AddRange(Enumerable.Range(0, cell.D).Select(k => UnrolledCell.Product($"p[{cell.Weight(k, r)}]", $"x[{k}]")));
            }

            terms.AddRange(Enumerable.Range(0, cell.H).Select(k => UnrolledCell.Product($"p[{cell.Weight(cell.D + k, r)}]", $"hPrev[{k}]")));
            UnrolledCell.Assign(w, cell.Z(r), terms);
        }
    }

    /// <summary>
    /// From dz [G] (the locals <c>dz0</c>, <c>dz1</c>, …): dp += ∂L/∂θ (db += dz; dW[:, k] += x_k·dz, or the one-hot column += dz; dU[:, k] +=
    /// h_prev_k·dz), dx [D] = Wᵀ·dz unless dx is empty (dense only), and dState[0..H] = dh_prev = Uᵀ·dz.
    /// </summary>
    public static void EmitBackward(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        w.Line(oneHot
            ? "// dp += ∂L/∂θ: db += dz; dW[:, index] += dz; dU[:, k] += h_prev[k]·dz; column by column, four to a line."
            : "// dp += ∂L/∂θ: db += dz; dW[:, k] += x[k]·dz; dU[:, k] += h_prev[k]·dz; column by column, four to a line.");
        Column(w, cell, r => UnrolledCell.Accumulate($"dp[{cell.Bias(r)}]", cell.DzLocal(r)));
        if (oneHot)
        {
            w.Line($"{cell.Span} dColumn = dp.Slice(index * {cell.G}, {cell.G});");
            Column(w, cell, r => UnrolledCell.Accumulate($"dColumn[{r}]", cell.DzLocal(r)));
        }
        else
        {
            EmitOuterProduct(w, cell, 0, cell.D, k => $"x[{k}]");
        }

        EmitOuterProduct(w, cell, cell.D, cell.H, k => $"hPrev[{k}]");
        if (!oneHot)
        {
            w.Line($"// dx [{cell.D}] = Wᵀ·dz, unless dx is empty.");
            w.Line("if (!dx.IsEmpty)").Open();
            w.Line($"dx = dx.Slice(0, {cell.D});");
            for (int k = 0; k < cell.D; k++)
            {
                ColumnDot(w, cell, $"dx[{k}]", k);
            }

            w.Close();
        }

        w.Line($"// dh_prev [{cell.H}] = Uᵀ·dz, into dState (dNext, which it may be, is read in full above).");
        for (int k = 0; k < cell.H; k++)
        {
            ColumnDot(w, cell, $"dState[{k}]", cell.D + k);
        }
    }

    // d[W | U][:, first + k] += a_k·dz for k < count.
    private static void EmitOuterProduct(SourceWriter w, UnrolledCell cell, int first, int count, System.Func<int, string> a)
    {
        for (int k = 0; k < count; k++)
        {
            int column = first + k;
            string ak = a(k);
            Column(w, cell, r => UnrolledCell.Accumulate($"dp[{cell.Weight(column, r)}]", $"{ak} * {cell.DzLocal(r)}"));
        }
    }

    // One statement per gate row, a few to a line.
    private static void Column(SourceWriter w, UnrolledCell cell, System.Func<int, string> statement) =>
        UnrolledCell.Statements(w, Enumerable.Range(0, cell.G).Select(statement), UnrolledCell.StatementsPerLine);

    // target = column k of [W | U] · dz, from row 0 up.
    private static void ColumnDot(SourceWriter w, UnrolledCell cell, string target, int k) =>
        UnrolledCell.Assign(w, target, Enumerable.Range(0, cell.G).Select(r => UnrolledCell.Product($"p[{cell.Weight(k, r)}]", cell.DzLocal(r))));
}
