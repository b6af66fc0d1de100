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
            w.Line($"logits[{r}] = {UnrolledCell.Sum(terms)};");
        }
    }

    public static void EmitBackwardBody(SourceWriter w, UnrolledCell cell)
    {
        int v = cell.Spec.OutputSize;
        w.Line("// dp += ∂L/∂θ of the head: db_y += dLogits; dW_y[:, k] += h[k]·dLogits.");
        for (int r = 0; r < v; r++)
        {
            w.Line($"dp[{cell.Spec.HeadBiasOffset + r}] += dLogits[{r}];");
        }

        for (int k = 0; k < cell.H; k++)
        {
            for (int r = 0; r < v; r++)
            {
                w.Line($"dp[{HeadWeight(cell, k, r)}] += h[{k}] * dLogits[{r}];");
            }
        }

        w.Line();
        w.Line($"// dh [{cell.H}] = W_yᵀ·dLogits.");
        for (int k = 0; k < cell.H; k++)
        {
            int hidden = k;
            w.Line($"dh[{k}] = {UnrolledCell.Sum(Enumerable.Range(0, v).Select(r => UnrolledCell.Product($"p[{HeadWeight(cell, hidden, r)}]", $"dLogits[{r}]")))};");
        }
    }

    private static int HeadWeight(UnrolledCell cell, int k, int r) => cell.Spec.HeadWeightOffset + (k * cell.Spec.OutputSize) + r;
}
