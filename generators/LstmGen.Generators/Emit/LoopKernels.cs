using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Loop kernels with compile-time-constant bounds over contiguous memory: the fused matrix [W | U] is
/// stored column by column, so the forward pass is a sequence of axpy updates over 4H contiguous rows,
/// and the backward pass reads and updates the same columns. Every element-wise expression matches
/// <see cref="UnrolledKernels"/> term for term.
/// </summary>
internal sealed class LoopKernels : IStepKernelEmitter
{
    public static readonly LoopKernels Instance = new();

    public void EmitForwardBody(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Line("// Gate pre-activations z = W·x + U·h_prev + b (4H rows: i, f, g, o): one contiguous column of [W | U] per input element.");
        w.Line($"global::System.Span<{t}> z = stackalloc {t}[GateRows];");
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        w.Line($"{t} xk = x[k];");
        w.Line($"global::System.ReadOnlySpan<{t}> column = w.Slice(k * GateRows, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("z[r] += column[r] * xk;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        w.Line($"{t} hk = state.H[k];");
        w.Line($"global::System.ReadOnlySpan<{t}> column = w.Slice((InputSize + k) * GateRows, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("z[r] += column[r] * hk;");
        w.Close();
        w.Close();
        w.Line();
        w.Line($"global::System.ReadOnlySpan<{t}> bias = w.Slice(BiasOffset, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("z[r] += bias[r];");
        w.Close();
        w.Line();
        w.Line("// Activations: i, f, o = σ(z); g = tanh(z). Then c = f ⊙ c_prev + i ⊙ g and h = o ⊙ tanh(c).");
        w.Line("Hidden i = default, f = default, g = default, o = default, c = default, tanhC = default, h = default;");
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        w.Line("i[j] = global::LstmGen.Activations.Sigmoid(z[j]);");
        w.Line("f[j] = global::LstmGen.Activations.Sigmoid(z[HiddenSize + j]);");
        w.Line("g[j] = global::LstmGen.Activations.Tanh(z[(2 * HiddenSize) + j]);");
        w.Line("o[j] = global::LstmGen.Activations.Sigmoid(z[(3 * HiddenSize) + j]);");
        w.Line("c[j] = (f[j] * state.C[j]) + (i[j] * g[j]);");
        w.Line("tanhC[j] = global::LstmGen.Activations.Tanh(c[j]);");
        w.Line("h[j] = o[j] * tanhC[j];");
        w.Close();
        w.Line();
        w.Line("return (new State(h, c), new StepCache(x, state.H, state.C, i, f, g, o, tanhC));");
    }

    public void EmitBackwardBody(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string t = s.Keyword, one = s.One;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        w.Line($"global::System.Span<{t}> dw = grads.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Line("// Per hidden unit: dh_total = dh + carried dh; through h = o ⊙ tanh(c) into o and c (adding the carried dc);");
        w.Line("// through c = f ⊙ c_prev + i ⊙ g into i, f, g; then through σ' = s(1 - s) and tanh' = 1 - t² into dz (4H rows).");
        w.Line($"global::System.Span<{t}> dz = stackalloc {t}[GateRows];");
        w.Line("Hidden dcPrev = default;");
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        w.Line($"{t} dhj = dh[j] + carry.Dh[j];");
        w.Line($"{t} dOj = dhj * cache.TanhC[j];");
        w.Line($"{t} dcj = carry.Dc[j] + (dhj * cache.O[j] * ({one} - (cache.TanhC[j] * cache.TanhC[j])));");
        w.Line($"dz[j] = dcj * cache.G[j] * (cache.I[j] * ({one} - cache.I[j]));");
        w.Line($"dz[HiddenSize + j] = dcj * cache.CPrev[j] * (cache.F[j] * ({one} - cache.F[j]));");
        w.Line($"dz[(2 * HiddenSize) + j] = dcj * cache.I[j] * ({one} - (cache.G[j] * cache.G[j]));");
        w.Line($"dz[(3 * HiddenSize) + j] = dOj * (cache.O[j] * ({one} - cache.O[j]));");
        w.Line("dcPrev[j] = dcj * cache.F[j];");
        w.Close();
        w.Line();
        w.Line("// Per column k of [W | U]: d[W | U][:, k] += dz * [x; h_prev][k], and the input gradient [dx; dh_prev][k] = column · dz.");
        w.Line("Input dx = default;");
        w.Line("Hidden dhPrev = default;");
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        EmitColumnBackward(w, t, "k * GateRows", "cache.X[k]", "dx[k]");
        w.Close();
        w.Line();
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        EmitColumnBackward(w, t, "(InputSize + k) * GateRows", "cache.HPrev[k]", "dhPrev[k]");
        w.Close();
        w.Line();
        w.Line("// Bias: db += dz.");
        w.Line($"global::System.Span<{t}> dBias = dw.Slice(BiasOffset, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("dBias[r] += dz[r];");
        w.Close();
        w.Line();
        w.Line("return (dx, new StateGradient(dhPrev, dcPrev));");
    }

    private static void EmitColumnBackward(SourceWriter w, string t, string offset, string input, string target)
    {
        w.Line($"{t} xk = {input};");
        w.Line($"global::System.ReadOnlySpan<{t}> column = w.Slice({offset}, GateRows);");
        w.Line($"global::System.Span<{t}> dColumn = dw.Slice({offset}, GateRows);");
        w.Line($"{t} sum = default;");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("dColumn[r] += dz[r] * xk;");
        w.Line("sum += column[r] * dz[r];");
        w.Close();
        w.Line();
        w.Line($"{target} = sum;");
    }
}
