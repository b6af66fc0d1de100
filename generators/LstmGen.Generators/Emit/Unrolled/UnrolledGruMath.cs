using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The GRU's element-wise step (gru-spec, PyTorch's <c>nn.GRU</c>), as <c>GruLoopKernel</c> computes it, operation for
/// operation: gates r, z, n from the two partial products zx = b + W·x and zh = U·h_prev; state [h]; cache
/// [h_prev | r | z | n | hn]. The backward writes its gate gradients as one vector dz [5H] = [dar | daz | dan | dhn |
/// dh'⊙z]: dzx = dz[0..3H) (for b, W and dx), dzh = [dar | daz | dhn] (for U and dh_prev), dhn for b_hn, and
/// dh'⊙z, dh_prev's direct term, so that dNext is read in full before dState (which may be dNext) is written.
/// </summary>
internal sealed class UnrolledGruMath(UnrolledCell cell)
{
    /// <summary>The private inline array of the gate gradients, 5H scalars.</summary>
    public const string GradientsType = "GruGradients";

    private int H => cell.H;

    private string One => cell.Scalar.One;

    public string StateShape => "[h]";

    public string CacheShape => "[h_prev | r | z | n | hn]";

    /// <summary>The length of <see cref="GradientsType"/>: dzx (3H), dhn (H), dh'⊙z (H).</summary>
    public int GradientsLength => 5 * H;

    /// <summary>
    /// The locals the backward copies dz into: <c>dz0</c> … <c>dz{3H-1}</c> (dzx), <c>dhn0</c> … (dzh's n rows; its r and
    /// z rows are dzx's), <c>dhz0</c> … (dh'⊙z).
    /// </summary>
    public GateGradientLocals Locals => new(
        "dzx", cell.DzLocal, "dzh", r => r < 2 * H ? cell.DzLocal(r) : Dhn(r - (2 * H)), "dh'⊙z", Dhz);

    /// <summary>The local of dhn[j] (= dzh[2H + j], the gradient of b_hn[j]).</summary>
    public string Dhn(int j) => $"dhn{j}";

    /// <summary>The statements that copy dz [5H] into <see cref="Locals"/>, in order.</summary>
    public string[] CopyIntoLocals() =>
    [
        .. Enumerable.Range(0, 3 * H).Select(r => $"{cell.T} {cell.DzLocal(r)} = dz[{r}];"),
        .. Enumerable.Range(0, H).Select(j => $"{cell.T} {Dhn(j)} = dz[{(3 * H) + j}];"),
        .. Enumerable.Range(0, H).Select(j => $"{cell.T} {Dhz(j)} = dz[{(4 * H) + j}];"),
    ];

    /// <summary>
    /// The element-wise forward's body (after the slices of state, next and <c>bhn</c> = b_hn): from zx, zh [G] and
    /// state, per hidden unit r, z, hn, n and h'; then the cache and, last, next, as next may be state.
    /// </summary>
    public void EmitForward(SourceWriter w)
    {
        w.Line($"// r = σ(zx_r + zh_r), z = σ(zx_z + zh_z), hn = zh_n{(cell.Spec.HasBias ? " + b_hn" : " (no bias)")}, n = tanh(zx_n + r·hn), h' = ((1 − z)·n) + (z·h); per hidden unit.");
        string t = cell.T;
        for (int j = 0; j < H; j++)
        {
            w.Line($"{t} r{j} = {cell.Sigmoid($"zx[{j}] + zh[{j}]")};");
            w.Line($"{t} z{j} = {cell.Sigmoid($"zx[{H + j}] + zh[{H + j}]")};");
            w.Line(cell.Spec.HasBias ? $"{t} hn{j} = zh[{(2 * H) + j}] + bhn[{j}];" : $"{t} hn{j} = zh[{(2 * H) + j}];");
            w.Line($"{t} n{j} = {cell.Tanh($"zx[{(2 * H) + j}] + (r{j} * hn{j})")};");
            w.Line($"{t} h{j} = (({One} - z{j}) * n{j}) + (z{j} * state[{j}]);");
        }

        w.Line($"// cache [{cell.CacheLength}] = {CacheShape}, a hidden unit per line, unless empty (Step); next [{H}] = h', last: next may be state.");
        string[] blocks = ["r", "z", "n", "hn"];
        w.Line("if (!cache.IsEmpty)").Open();
        for (int j = 0; j < H; j++)
        {
            int unit = j;
            string slice = j == 0 ? $"cache = cache.Slice(0, {cell.CacheLength}); " : string.Empty;
            w.Line(slice + $"cache[{j}] = state[{j}]; " + string.Join(" ", blocks.Select((name, b) => $"cache[{((1 + b) * H) + unit}] = {name}{unit};")));
        }

        w.Close();
        UnrolledCell.Statements(w, Enumerable.Range(0, H).Select(j => $"next[{j}] = h{j};"), UnrolledCell.StatementsPerLine);
    }

    /// <summary>The element-wise backward's body (after the slices of cache and dNext): dNext [H] → dz [5H], per hidden unit.</summary>
    public void EmitBackward(SourceWriter w)
    {
        w.Line($"{cell.ReadOnlySpan} hPrev = cache.Slice(0, {H}), r = cache.Slice({H}, {H}), z = cache.Slice({2 * H}, {H}), n = cache.Slice({3 * H}, {H}), hn = cache.Slice({4 * H}, {H});");
        w.Line($"// dNext [{H}] = dh' → dz [{GradientsLength}] = [dar | daz | dan | dhn | dh'·z] per hidden unit: dn = dh'·(1 − z), dan = dn·(1 − n·n),");
        w.Line("// dr = dan·hn, dar = (dr·r)·(1 − r); dz = dh'·(h_prev − n), daz = (dz·z)·(1 − z); dhn = dan·r.");
        string t = cell.T;
        for (int j = 0; j < H; j++)
        {
            w.Line($"{t} dh{j} = dNext[{j}];");
            w.Line($"{t} dan{j} = (dh{j} * ({One} - z[{j}])) * ({One} - (n[{j}] * n[{j}]));");
            w.Line($"dz[{j}] = ((dan{j} * hn[{j}]) * r[{j}]) * ({One} - r[{j}]);");
            w.Line($"dz[{H + j}] = ((dh{j} * (hPrev[{j}] - n[{j}])) * z[{j}]) * ({One} - z[{j}]);");
            w.Line($"dz[{(2 * H) + j}] = dan{j}; dz[{(3 * H) + j}] = dan{j} * r[{j}]; dz[{(4 * H) + j}] = dh{j} * z[{j}];");
        }
    }

    // The local of dh'[k]·z[k], dh_prev[k]'s direct term.
    private static string Dhz(int k) => $"dhz{k}";
}
