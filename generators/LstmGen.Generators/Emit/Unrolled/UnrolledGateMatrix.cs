using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The gate matrix product as straight-line code, and its backward twin: the part of a step that every cell kind
/// shares (the runtime's <c>GateMatrix</c>, unrolled). Terms are summed in the loop kernels' order: the bias, then the x
/// columns (or the one-hot column), then the h columns; dot products from row 0 up. A GRU keeps the x part (with the
/// bias) and the h part as two sums, zx and zh (gru-spec), each in that order. A bias-free cell's sums have no bias term:
/// they start with the first column's.
/// </summary>
internal static class UnrolledGateMatrix
{
    /// <summary>
    /// Declares the scratch z [G] and fills it: z = b + W·x + U·h_prev, one gate row per statement, reading
    /// <c>x</c> (or, one-hot, <c>column</c>) and the span <c>hPrev</c>.
    /// </summary>
    public static void EmitPreActivations(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        string b = cell.Spec.HasBias ? "b + " : string.Empty, where = cell.Spec.HasBias ? $", b is p[{cell.Bias(0)}..]" : ", no bias";
        w.Line(oneHot
            ? $"// z [{cell.G}] = {b}W[:, index] + U·h_prev, one gate row each (i, f, g, o); U's column k is p[{cell.Weight(cell.D, 0)} + k·{cell.G}..]{where}."
            : $"// z [{cell.G}] = {b}W·x + U·h_prev, one gate row each (i, f, g, o); row r of column k of [W | U] is p[k·{cell.G} + r]{where}.");
        w.Line(UnrolledCell.Scratch(UnrolledCell.GatesType, "z"));
        for (int r = 0; r < cell.G; r++)
        {
            UnrolledCell.Assign(w, cell.Z(r), InputTerms(cell, r, oneHot).Concat(HiddenTerms(cell, r)));
        }
    }

    /// <summary>
    /// For an LSTM whose G = 4 gate rows fill one vector (<see cref="UnrolledCell.GatesInOneVector"/>): declares
    /// z = b + W·x + U·h_prev as one Vector256, a column of [W | U] (4 consecutive values of p) per term, in the order
    /// and with the roundings of the scalar rows (so the same z, bit for bit), straight into the activations' register.
    /// </summary>
    public static void EmitPreActivationVector(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        string b = cell.Spec.HasBias ? "b + " : string.Empty, where = cell.Spec.HasBias ? $", b is p[{cell.Bias(0)}..]" : ", no bias";
        w.Line(oneHot
            ? $"// z [4] = {b}W[:, index] + U·h_prev as one vector (gates i, f, g, o); U's column k is p[{cell.Weight(cell.D, 0)} + k·4..]{where}."
            : $"// z [4] = {b}W·x + U·h_prev as one vector (gates i, f, g, o); column k of [W | U] is p[k·4..]{where}.");
        IEnumerable<string> bias = cell.Spec.HasBias ? [cell.VectorAt($"p.Slice({cell.Bias(0)}, 4)")] : [];
        IEnumerable<string> input = oneHot
            ? [cell.VectorAt("column")]
            : Enumerable.Range(0, cell.D).Select(k => UnrolledCell.Product(cell.VectorAt($"p.Slice({cell.Weight(k, 0)}, 4)"), $"x[{k}]"));
        IEnumerable<string> hidden = Enumerable.Range(0, cell.H).Select(k => UnrolledCell.Product(cell.VectorAt($"p.Slice({cell.Weight(cell.D + k, 0)}, 4)"), $"hPrev[{k}]"));
        UnrolledCell.Assign(w, $"{cell.GateVector} z", bias.Concat(input).Concat(hidden), termsPerLine: 2);
    }

    /// <summary>
    /// A GRU's input part: declares the scratch zx [G] and fills it with zx = b + W·x (one-hot: b + W[:, index]), the
    /// bias first, then the x columns from k = 0 up, reading <c>x</c> (or <c>column</c>).
    /// </summary>
    public static void EmitInputPreActivations(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        string b = cell.Spec.HasBias ? "b + " : string.Empty, where = cell.Spec.HasBias ? $", b is p[{cell.Bias(0)}..]" : ", no bias";
        w.Line(oneHot
            ? $"// zx [{cell.G}] = {b}W[:, index], one gate row each (r, z, n){(cell.Spec.HasBias ? $"; b is p[{cell.Bias(0)}..]" : ", no bias")}."
            : $"// zx [{cell.G}] = {b}W·x, one gate row each (r, z, n); row r of column k of W is p[k·{cell.G} + r]{where}.");
        w.Line(UnrolledCell.Scratch(UnrolledCell.GatesType, "zx"));
        for (int r = 0; r < cell.G; r++)
        {
            UnrolledCell.Assign(w, $"zx[{r}]", InputTerms(cell, r, oneHot));
        }
    }

    /// <summary>
    /// A GRU's hidden part: declares the scratch zh [G] and fills it with zh = U·h_prev, from the k = 0 term up (no
    /// leading zero), reading the span <c>hPrev</c>.
    /// </summary>
    public static void EmitHiddenPreActivations(SourceWriter w, UnrolledCell cell)
    {
        w.Line($"// zh [{cell.G}] = U·h_prev, one gate row each (r, z, n); U's column k is p[{cell.Weight(cell.D, 0)} + k·{cell.G}..].");
        w.Line(UnrolledCell.Scratch(UnrolledCell.GatesType, "zh"));
        for (int r = 0; r < cell.G; r++)
        {
            UnrolledCell.Assign(w, $"zh[{r}]", HiddenTerms(cell, r));
        }
    }

    /// <summary>
    /// From dz [G] (the locals <c>dz0</c>, <c>dz1</c>, …): dp += ∂L/∂θ (db += dz; dW[:, k] += x_k·dz, or the one-hot column += dz; dU[:, k] +=
    /// h_prev_k·dz), dx [D] = Wᵀ·dz unless dx is empty (dense only), and dState[0..H] = dh_prev = Uᵀ·dz.
    /// </summary>
    public static void EmitBackward(SourceWriter w, UnrolledCell cell, bool oneHot)
    {
        GateGradientLocals dz = GateGradientLocals.Shared(cell);
        EmitParameterGradients(w, cell, oneHot, dz);
        if (!oneHot)
        {
            EmitInputGradient(w, cell, dz);
        }

        EmitStateGradient(w, cell, dz);
    }

    /// <summary>
    /// dp += ∂L/∂θ of [W | U] and b: db += dzx; dW[:, k] += x_k·dzx (one-hot: the column += dzx); dU[:, k] += h_prev_k·dzh.
    /// Reads <c>x</c> (dense) or <c>index</c> (one-hot) and <c>hPrev</c>.
    /// </summary>
    public static void EmitParameterGradients(SourceWriter w, UnrolledCell cell, bool oneHot, GateGradientLocals dz)
    {
        string x = dz.InputName, h = dz.HiddenName, db = cell.Spec.HasBias ? $"db += {x}; " : string.Empty;
        w.Line(oneHot
            ? $"// dp += ∂L/∂θ: {db}dW[:, index] += {x}; dU[:, k] += h_prev[k]·{h}; column by column, four to a line."
            : $"// dp += ∂L/∂θ: {db}dW[:, k] += x[k]·{x}; dU[:, k] += h_prev[k]·{h}; column by column, four to a line.");
        if (cell.Spec.HasBias)
        {
            Column(w, cell, r => UnrolledCell.Accumulate($"dp[{cell.Bias(r)}]", dz.Input(r)));
        }

        if (oneHot)
        {
            w.Line($"{cell.Span} dColumn = dp.Slice(index * {cell.G}, {cell.G});");
            Column(w, cell, r => UnrolledCell.Accumulate($"dColumn[{r}]", dz.Input(r)));
        }
        else
        {
            EmitOuterProduct(w, cell, 0, cell.D, k => $"x[{k}]", dz.Input);
        }

        EmitOuterProduct(w, cell, cell.D, cell.H, k => $"hPrev[{k}]", dz.Hidden);
    }

    /// <summary>dx [D] = Wᵀ·dzx, each a dot product from row 0 up, unless dx is empty.</summary>
    public static void EmitInputGradient(SourceWriter w, UnrolledCell cell, GateGradientLocals dz)
    {
        w.Line($"// dx [{cell.D}] = Wᵀ·{dz.InputName}, unless dx is empty.");
        w.Line("if (!dx.IsEmpty)").Open();
        w.Line($"dx = dx.Slice(0, {cell.D});");
        for (int k = 0; k < cell.D; k++)
        {
            UnrolledCell.Assign(w, $"dx[{k}]", ColumnDot(cell, k, dz.Input));
        }

        w.Close();
    }

    /// <summary>dState[0..H] = dh_prev = Uᵀ·dzh, each a dot product from row 0 up, then the direct term (if any) added last.</summary>
    public static void EmitStateGradient(SourceWriter w, UnrolledCell cell, GateGradientLocals dz)
    {
        string direct = dz.DirectName is null ? string.Empty : $" + {dz.DirectName}";
        w.Line($"// dh_prev [{cell.H}] = Uᵀ·{dz.HiddenName}{direct}, into dState (dNext, which it may be, is read in full above).");
        for (int k = 0; k < cell.H; k++)
        {
            IEnumerable<string> terms = ColumnDot(cell, cell.D + k, dz.Hidden);
            UnrolledCell.Assign(w, $"dState[{k}]", dz.Direct is null ? terms : terms.Concat([dz.Direct(k)]));
        }
    }

    // Gate row r's bias and x terms: b[r] (none for a bias-free cell), then W[r, k]·x[k] from k = 0 up (one-hot: the
    // column's row r).
    private static IEnumerable<string> InputTerms(UnrolledCell cell, int r, bool oneHot) =>
        (cell.Spec.HasBias ? new[] { $"p[{cell.Bias(r)}]" } : []).Concat(oneHot
            ? [$"column[{r}]"]
            : Enumerable.Range(0, cell.D).Select(k => UnrolledCell.Product($"p[{cell.Weight(k, r)}]", $"x[{k}]")));

    // Gate row r's h terms: U[r, k]·h_prev[k] from k = 0 up.
    private static IEnumerable<string> HiddenTerms(UnrolledCell cell, int r) =>
        Enumerable.Range(0, cell.H).Select(k => UnrolledCell.Product($"p[{cell.Weight(cell.D + k, r)}]", $"hPrev[{k}]"));

    // d[W | U][:, first + k] += a_k·dz for k < count.
    private static void EmitOuterProduct(SourceWriter w, UnrolledCell cell, int first, int count, System.Func<int, string> a, System.Func<int, string> dz)
    {
        for (int k = 0; k < count; k++)
        {
            int column = first + k;
            string ak = a(k);
            Column(w, cell, r => UnrolledCell.Accumulate($"dp[{cell.Weight(column, r)}]", $"{ak} * {dz(r)}"));
        }
    }

    // One statement per gate row, a few to a line.
    private static void Column(SourceWriter w, UnrolledCell cell, System.Func<int, string> statement) =>
        UnrolledCell.Statements(w, Enumerable.Range(0, cell.G).Select(statement), UnrolledCell.StatementsPerLine);

    // The terms of column k of [W | U] · dz, from row 0 up.
    private static IEnumerable<string> ColumnDot(UnrolledCell cell, int k, System.Func<int, string> dz) =>
        Enumerable.Range(0, cell.G).Select(r => UnrolledCell.Product($"p[{cell.Weight(k, r)}]", dz(r)));
}
