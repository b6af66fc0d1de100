using System.Collections.Generic;
using System.Text;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Straight-line kernels: every index is a constant and every gate pre-activation is one expression,
/// so the JIT keeps the values in registers. Terms are summed in the same order as <see cref="LoopKernels"/>
/// (x columns, then h columns, then the bias), so both strategies give identical results.
/// </summary>
internal sealed class UnrolledKernels : IStepKernelEmitter
{
    public static readonly UnrolledKernels Instance = new();

    private static readonly string[] GateNames = ["I", "F", "G", "O"];

    public void EmitForwardBody(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        int d = spec.InputSize, h = spec.HiddenSize, rows = spec.GateRows;
        w.Line($"global::System.ReadOnlySpan<{s.Keyword}> w = p.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Line("// Gate pre-activations z = W·x + U·h_prev + b, one row per line; w[k*4H + r] is row r of column k of [W | U].");
        for (int gate = 0; gate < 4; gate++)
        {
            for (int j = 0; j < h; j++)
            {
                int r = gate * h + j;
                var terms = new List<string>();
                for (int k = 0; k < d; k++)
                {
                    terms.Add($"w[{k * rows + r}] * x[{k}]");
                }

                for (int k = 0; k < h; k++)
                {
                    terms.Add($"w[{(d + k) * rows + r}] * state.H[{k}]");
                }

                terms.Add($"w[{spec.BiasOffset + r}]");
                w.Line($"{s.Keyword} z{GateNames[gate]}{j} = {string.Join(" + ", terms)};");
            }
        }

        w.Line();
        w.Line("// Activations: i, f, o = σ(z); g = tanh(z). Then c = f ⊙ c_prev + i ⊙ g and h = o ⊙ tanh(c).");
        w.Line("Hidden i = default, f = default, g = default, o = default, c = default, tanhC = default, h = default;");
        for (int j = 0; j < h; j++)
        {
            w.Line($"i[{j}] = global::LstmGen.Activations.Sigmoid(zI{j});");
            w.Line($"f[{j}] = global::LstmGen.Activations.Sigmoid(zF{j});");
            w.Line($"g[{j}] = global::LstmGen.Activations.Tanh(zG{j});");
            w.Line($"o[{j}] = global::LstmGen.Activations.Sigmoid(zO{j});");
            w.Line($"c[{j}] = (f[{j}] * state.C[{j}]) + (i[{j}] * g[{j}]);");
            w.Line($"tanhC[{j}] = global::LstmGen.Activations.Tanh(c[{j}]);");
            w.Line($"h[{j}] = o[{j}] * tanhC[{j}];");
        }

        w.Line();
        w.Line("return (new State(h, c), new StepCache(x, state.H, state.C, i, f, g, o, tanhC));");
    }

    public void EmitBackwardBody(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string t = s.Keyword, one = s.One;
        int d = spec.InputSize, h = spec.HiddenSize, rows = spec.GateRows;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        w.Line($"global::System.Span<{t}> dw = grads.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Line("// Per hidden unit: dh_total = dh + carried dh; through h = o ⊙ tanh(c) into o and c (adding the carried dc);");
        w.Line("// through c = f ⊙ c_prev + i ⊙ g into i, f, g; then through σ' = s(1 - s) and tanh' = 1 - t² into dz.");
        for (int j = 0; j < h; j++)
        {
            w.Line($"{t} dh{j} = dh[{j}] + carry.Dh[{j}];");
            w.Line($"{t} dO{j} = dh{j} * cache.TanhC[{j}];");
            w.Line($"{t} dc{j} = carry.Dc[{j}] + (dh{j} * cache.O[{j}] * ({one} - (cache.TanhC[{j}] * cache.TanhC[{j}])));");
            w.Line($"{t} dzI{j} = dc{j} * cache.G[{j}] * (cache.I[{j}] * ({one} - cache.I[{j}]));");
            w.Line($"{t} dzF{j} = dc{j} * cache.CPrev[{j}] * (cache.F[{j}] * ({one} - cache.F[{j}]));");
            w.Line($"{t} dzG{j} = dc{j} * cache.I[{j}] * ({one} - (cache.G[{j}] * cache.G[{j}]));");
            w.Line($"{t} dzO{j} = dO{j} * (cache.O[{j}] * ({one} - cache.O[{j}]));");
        }

        w.Line();
        w.Line("// Parameter gradients: d[W | U][:, k] += dz * [x; h_prev][k]; db += dz.");
        for (int k = 0; k < d + h; k++)
        {
            string input = k < d ? $"cache.X[{k}]" : $"cache.HPrev[{k - d}]";
            for (int r = 0; r < rows; r++)
            {
                w.Line($"dw[{k * rows + r}] += {Dz(r, h)} * {input};");
            }
        }

        for (int r = 0; r < rows; r++)
        {
            w.Line($"dw[{spec.BiasOffset + r}] += {Dz(r, h)};");
        }

        w.Line();
        w.Line("// Gradients to the inputs of this step: dx = Wᵀ·dz, dh_prev = Uᵀ·dz, dc_prev = dc ⊙ f.");
        w.Line("Input dx = default;");
        w.Line("Hidden dhPrev = default, dcPrev = default;");
        for (int k = 0; k < d + h; k++)
        {
            var terms = new StringBuilder();
            for (int r = 0; r < rows; r++)
            {
                if (r > 0)
                {
                    terms.Append(" + ");
                }

                terms.Append($"w[{k * rows + r}] * {Dz(r, h)}");
            }

            string target = k < d ? $"dx[{k}]" : $"dhPrev[{k - d}]";
            w.Line($"{target} = {terms};");
        }

        for (int j = 0; j < h; j++)
        {
            w.Line($"dcPrev[{j}] = dc{j} * cache.F[{j}];");
        }

        w.Line();
        w.Line("return (dx, new StateGradient(dhPrev, dcPrev));");
    }

    /// <summary>The local holding dz for gate row <paramref name="r"/>.</summary>
    private static string Dz(int r, int hiddenSize) => $"dz{GateNames[r / hiddenSize]}{r % hiddenSize}";
}
