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
    /// Declares z [G] = b + W·x + U·h_prev, one gate row per line, reading <c>x</c> (or, one-hot, <c>column</c>) and the
    /// span <c>hPrev</c>.
    /// </summary>
    public static void EmitPreActivations(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        w.Line(oneHot
            ? $"// z [{cell.G}] = b + W[:, index] + U·h_prev, one gate row per line; U's column k is p[{cell.Weight(cell.D, 0)} + k·{cell.G}..], b is p[{cell.Bias(0)}..]."
            : $"// z [{cell.G}] = b + W·x + U·h_prev, one gate row per line; row r of column k of [W | U] is p[k·{cell.G} + r], b is p[{cell.Bias(0)}..].");
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
            w.Line($"{cell.T} {cell.Z(r)} = {UnrolledCell.Sum(terms)};");
        }
    }

    /// <summary>
    /// From the locals dz [G]: dp += ∂L/∂θ (db += dz; dW[:, k] += x_k·dz, or the one-hot column += dz; dU[:, k] +=
    /// h_prev_k·dz), dx [D] = Wᵀ·dz unless dx is empty (dense only), and dState[0..H] = dh_prev = Uᵀ·dz.
    /// </summary>
    public static void EmitBackward(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        w.Line(oneHot
            ? "// dp += ∂L/∂θ: db += dz; dW[:, index] += dz; dU[:, k] += h_prev[k]·dz."
            : "// dp += ∂L/∂θ: db += dz; dW[:, k] += x[k]·dz; dU[:, k] += h_prev[k]·dz.");
        for (int r = 0; r < cell.G; r++)
        {
            w.Line($"dp[{cell.Bias(r)}] += {cell.Dz(r)};");
        }

        if (oneHot)
        {
            w.Line($"{cell.Span} dColumn = dp.Slice(index * {cell.G}, {cell.G});");
            for (int r = 0; r < cell.G; r++)
            {
                w.Line($"dColumn[{r}] += {cell.Dz(r)};");
            }
        }
        else
        {
            EmitOuterProduct(w, cell, 0, cell.D, k => $"x[{k}]");
        }

        EmitOuterProduct(w, cell, cell.D, cell.H, k => $"hPrev[{k}]");
        if (!oneHot)
        {
            w.Line();
            w.Line($"// dx [{cell.D}] = Wᵀ·dz, unless dx is empty.");
            w.Line("if (!dx.IsEmpty)").Open();
            w.Line($"dx = dx.Slice(0, {cell.D});");
            for (int k = 0; k < cell.D; k++)
            {
                w.Line($"dx[{k}] = {ColumnDot(cell, k)};");
            }

            w.Close();
        }

        w.Line();
        w.Line($"// dh_prev [{cell.H}] = Uᵀ·dz, into dState (dNext, which it may be, is read in full above).");
        for (int k = 0; k < cell.H; k++)
        {
            w.Line($"dState[{k}] = {ColumnDot(cell, cell.D + k)};");
        }
    }

    // d[W | U][:, first + k] += a_k·dz for k < count, one parameter per line.
    private static void EmitOuterProduct(SourceWriter w, UnrolledCell cell, int first, int count, System.Func<int, string> a)
    {
        for (int k = 0; k < count; k++)
        {
            for (int r = 0; r < cell.G; r++)
            {
                w.Line($"dp[{cell.Weight(first + k, r)}] += {a(k)} * {cell.Dz(r)};");
            }
        }
    }

    // Column k of [W | U] · dz, from row 0 up.
    private static string ColumnDot(UnrolledCell cell, int k) =>
        UnrolledCell.Sum(Enumerable.Range(0, cell.G).Select(r => UnrolledCell.Product($"p[{cell.Weight(k, r)}]", cell.Dz(r))));
}
