using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The softmax head's affine map and its backward twin as straight-line code, as <c>SoftmaxHead</c> computes them:
/// W_y (V × H) column by column after the gate bias, then b_y (V).
/// </summary>
internal static class UnrolledHead
{
    public static void EmitForwardBody(SourceWriter w, UnrolledCell cell)
    {
        int v = cell.Spec.OutputSize;
        w.Line($"// logits [{v}] = b_y + W_y·h, one class per line; row r of column k of W_y is p[{cell.Spec.HeadWeightOffset} + k·{v} + r], b_y is p[{cell.Spec.HeadBiasOffset}..].");
        for (int r = 0; r < v; r++)
        {
            var terms = new[] { $"p[{cell.Spec.HeadBiasOffset + r}]" }
                .Concat(Enumerable.Range(0, cell.H).Select(k => UnrolledCell.Product($"h[{k}]", $"p[{HeadWeight(cell, k, r)}]")));
            UnrolledCell.Assign(w, $"logits[{r}]", terms);
        }
    }

    public static void EmitBackwardBody(SourceWriter w, UnrolledCell cell)
    {
        int v = cell.Spec.OutputSize;
        w.Line("// dp += ∂L/∂θ of the head: db_y += dLogits; dW_y[:, k] += h[k]·dLogits; column by column, four to a line.");
        UnrolledCell.Statements(w, Enumerable.Range(0, v).Select(r => UnrolledCell.Accumulate($"dp[{cell.Spec.HeadBiasOffset + r}]", $"dLogits[{r}]")), UnrolledCell.StatementsPerLine);
        for (int k = 0; k < cell.H; k++)
        {
            int hidden = k;
            UnrolledCell.Statements(
                w, Enumerable.Range(0, v).Select(r => UnrolledCell.Accumulate($"dp[{HeadWeight(cell, hidden, r)}]", $"h[{hidden}] * dLogits[{r}]")), UnrolledCell.StatementsPerLine);
        }

        w.Line();
        w.Line($"// dh [{cell.H}] = W_yᵀ·dLogits.");
        for (int k = 0; k < cell.H; k++)
        {
            int hidden = k;
            UnrolledCell.Assign(w, $"dh[{k}]", Enumerable.Range(0, v).Select(r => UnrolledCell.Product($"p[{HeadWeight(cell, hidden, r)}]", $"dLogits[{r}]")));
        }
    }

    private static int HeadWeight(UnrolledCell cell, int k, int r) => cell.Spec.HeadWeightOffset + (k * cell.Spec.OutputSize) + r;
}
