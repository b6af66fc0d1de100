using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The LSTM's element-wise step, as <c>LstmLoopKernel</c> computes it: gates i, f, g, o; state [h | c];
/// cache [h_prev | c_prev | i | f | g | o | tanh c].
/// </summary>
internal sealed class UnrolledLstmMath(UnrolledCell cell) : IUnrolledCellMath
{
    private int H => cell.H;

    private string One => cell.Scalar.One;

    public string StateShape => "[h | c]";

    public string CacheShape => "[h_prev | c_prev | i | f | g | o | tanh c]";

    public bool WritesStateGradient => true;

    public void EmitForward(SourceWriter w)
    {
        string t = cell.T;
        if (cell.GatesInOneVector)
        {
            EmitForwardInOneVector(w);
            return;
        }

        w.Line($"// i, f, o = σ(z), g = tanh(z); c = f ⊙ c_prev + i ⊙ g (c_prev = state[{H}..]); h = o ⊙ tanh c; per hidden unit.");
        for (int j = 0; j < H; j++)
        {
            w.Line($"{t} i{j} = {cell.Sigmoid(cell.Z(j))};");
            w.Line($"{t} f{j} = {cell.Sigmoid(cell.Z(H + j))};");
            w.Line($"{t} g{j} = {cell.Tanh(cell.Z((2 * H) + j))};");
            w.Line($"{t} o{j} = {cell.Sigmoid(cell.Z((3 * H) + j))};");
            w.Line($"{t} c{j} = (f{j} * state[{H + j}]) + (i{j} * g{j});");
            w.Line($"{t} tanhC{j} = {cell.Tanh($"c{j}")};");
        }

        EmitCacheAndNext(w);
    }

    // H = 1 in double: the four gates activated in one vector pass, tanh(c) by the same code.
    private void EmitForwardInOneVector(SourceWriter w)
    {
        string t = cell.T;
        w.Line("// [i | f | g | o] = [σ | σ | tanh | σ](z) in one vector pass; c = f ⊙ c_prev + i ⊙ g (c_prev = state[1]); h = o ⊙ tanh c.");
        w.Line($"{cell.GateVector} a = {RuntimeNames.GateActivations}.Lstm(z);");
        w.Line($"{t} i0 = a[0]; {t} f0 = a[1]; {t} g0 = a[2]; {t} o0 = a[3];");
        w.Line($"{t} c0 = (f0 * state[1]) + (i0 * g0);");
        w.Line($"{t} tanhC0 = {RuntimeNames.GateActivations}.Tanh(c0);");
        EmitCacheAndNext(w);
    }

    // The cache (unless empty: Step), then next, last: next may be state.
    private void EmitCacheAndNext(SourceWriter w)
    {
        w.Line($"// cache [{cell.CacheLength}] = {CacheShape}, a hidden unit per line, unless empty (Step); next [{2 * H}] = [h | c], last: next may be state.");
        string[] blocks = ["i", "f", "g", "o", "tanhC"];
        w.Line("if (!cache.IsEmpty)").Open();
        for (int j = 0; j < H; j++)
        {
            int unit = j;
            string slice = j == 0 ? $"cache = cache.Slice(0, {cell.CacheLength}); " : string.Empty;
            w.Line(slice + $"cache[{j}] = state[{j}]; cache[{H + j}] = state[{H + j}]; " + string.Join(" ", blocks.Select((name, b) => $"cache[{((2 + b) * H) + unit}] = {name}{unit};")));
        }

        w.Close();

        for (int j = 0; j < H; j++)
        {
            w.Line($"next[{j}] = o{j} * tanhC{j}; next[{H + j}] = c{j};");
        }
    }

    public void EmitBackward(SourceWriter w)
    {
        w.Line($"{cell.ReadOnlySpan} cPrev = cache.Slice({H}, {H}), i = cache.Slice({2 * H}, {H}), f = cache.Slice({3 * H}, {H}), g = cache.Slice({4 * H}, {H}), o = cache.Slice({5 * H}, {H}), tanhC = cache.Slice({6 * H}, {H});");
        w.Line($"// dNext [{2 * H}] = [dh | dc] → dz [{cell.G}] = ∂L/∂z per hidden unit: through h = o ⊙ tanh c into o and c, through");
        w.Line("// c = f ⊙ c_prev + i ⊙ g into i, f, g, then σ' = s(1 − s), tanh' = 1 − t².");
        string t = cell.T;
        for (int j = 0; j < H; j++)
        {
            w.Line($"{t} dh{j} = dNext[{j}];");
            w.Line($"{t} dO{j} = dh{j} * tanhC[{j}];");
            w.Line($"{t} dc{j} = dNext[{H + j}] + (dh{j} * o[{j}] * ({One} - (tanhC[{j}] * tanhC[{j}])));");
            w.Line($"{cell.Dz(j)} = dc{j} * g[{j}] * i[{j}] * ({One} - i[{j}]);");
            w.Line($"{cell.Dz(H + j)} = dc{j} * cPrev[{j}] * f[{j}] * ({One} - f[{j}]);");
            w.Line($"{cell.Dz((2 * H) + j)} = dc{j} * i[{j}] * ({One} - (g[{j}] * g[{j}]));");
            w.Line($"{cell.Dz((3 * H) + j)} = dO{j} * o[{j}] * ({One} - o[{j}]);");
        }

        w.Line($"// dc_prev [{H}] = dc ⊙ f, into dState[{H}..] (dNext, which it may be, is read in full above).");
        for (int j = 0; j < H; j++)
        {
            w.Line($"dState[{H + j}] = dc{j} * f[{j}];");
        }
    }
}
