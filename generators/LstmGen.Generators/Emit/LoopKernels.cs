using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Loop kernels with compile-time-constant bounds over contiguous memory: the fused matrix [W | U] is
/// stored column by column, so the forward pass is a sequence of axpy updates over the gate rows, and
/// the backward pass reads and updates the same columns. Every element-wise expression matches
/// <see cref="UnrolledKernels"/> term for term, so both strategies give identical results.
/// </summary>
internal sealed class LoopKernels : IStepKernelEmitter
{
    public static readonly LoopKernels Instance = new();

    public void EmitForwardBody(SourceWriter w, CellSpec spec, bool oneHot, bool withCache)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Line($"global::System.Span<{t}> z = stackalloc {t}[GateRows];");
        if (oneHot)
        {
            w.Line("// Gate pre-activations z = W[:, index] + U·h_prev + b: the one-hot input selects column index of W (a gather, no multiply).");
            w.Line("w.Slice(index * GateRows, GateRows).CopyTo(z);");
        }
        else
        {
            w.Line("// Gate pre-activations z = W·x + U·h_prev + b: one contiguous column of [W | U] per input element.");
            EmitAxpyColumns(w, t, "InputSize", "0", "x[k]");
        }

        w.Line();
        EmitAxpyColumns(w, t, "HiddenSize", "InputSize", "state.H[k]");
        w.Line();
        w.Line($"global::System.ReadOnlySpan<{t}> bias = w.Slice(BiasOffset, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("z[r] += bias[r];");
        w.Close();
        w.Line();
        w.Line(CellMath.ForwardComment(spec));
        w.Line(CellMath.ForwardLocals(spec));
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        CellMath.EmitForwardElement(w, spec, "j", Z);
        w.Close();
        w.Line();
        w.Line(!withCache ? CellMath.StateReturn(spec) : oneHot ? CellMath.ForwardReturn(spec, "default", "index") : CellMath.ForwardReturn(spec, "x", "-1"));
    }

    public void EmitBackwardBody(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        w.Line($"global::System.Span<{t}> dw = grads.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Lines(CellMath.BackwardComment(spec));
        w.Line($"global::System.Span<{t}> dz = stackalloc {t}[GateRows];");
        string? locals = CellMath.BackwardLocals(spec);
        if (locals is not null)
        {
            w.Line(locals);
        }

        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        CellMath.EmitBackwardElement(w, spec, "j", "j", gate => $"dz[{Block(gate)}j]");
        w.Close();
        w.Line();
        w.Line("// Per column k of [W | U]: d[W | U][:, k] += dz * [x; h_prev][k], and the input gradient [dx; dh_prev][k] = column · dz.");
        w.Line("Input dx = default;");
        w.Line("Hidden dhPrev = default;");
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        EmitColumnBackward(w, t, "k * GateRows", "cache.X[k]", "dx[k]", oneHotAware: true);
        w.Close();
        w.Line();
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        EmitColumnBackward(w, t, "(InputSize + k) * GateRows", "cache.HPrev[k]", "dhPrev[k]", oneHotAware: false);
        w.Close();
        w.Line();
        w.Line("// Bias: db += dz.");
        w.Line($"global::System.Span<{t}> dBias = dw.Slice(BiasOffset, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("dBias[r] += dz[r];");
        w.Close();
        w.Line();
        w.Line(CellMath.BackwardReturn(spec));
    }

    public void EmitHelpers(SourceWriter w, CellSpec spec)
    {
    }

    private static string Block(int gate) => gate switch
    {
        0 => "",
        1 => "HiddenSize + ",
        _ => $"({gate} * HiddenSize) + ",
    };

    private static string Z(int gate) => $"z[{Block(gate)}j]";

    private static void EmitAxpyColumns(SourceWriter w, string t, string count, string firstColumn, string input)
    {
        string offset = firstColumn == "0" ? "k * GateRows" : $"({firstColumn} + k) * GateRows";
        w.Line($"for (int k = 0; k < {count}; k++)").Open();
        w.Line($"{t} xk = {input};");
        w.Line($"global::System.ReadOnlySpan<{t}> column = w.Slice({offset}, GateRows);");
        w.Line("for (int r = 0; r < GateRows; r++)").Open();
        w.Line("z[r] += column[r] * xk;");
        w.Close();
        w.Close();
    }

    private static void EmitColumnBackward(SourceWriter w, string t, string offset, string input, string target, bool oneHotAware)
    {
        w.Line($"global::System.ReadOnlySpan<{t}> column = w.Slice({offset}, GateRows);");
        w.Line($"global::System.Span<{t}> dColumn = dw.Slice({offset}, GateRows);");
        if (oneHotAware)
        {
            w.Line("// A one-hot step stores no dense x: its input is 1 at InputIndex and 0 elsewhere, so only that column changes.");
            w.Line("if (cache.InputIndex < 0 || cache.InputIndex == k)").Open();
            w.Line($"{t} xk = cache.InputIndex < 0 ? {input} : 1;");
            w.Line("for (int r = 0; r < GateRows; r++)").Open();
            w.Line("dColumn[r] += dz[r] * xk;");
            w.Close();
            w.Close();
            w.Line();
            w.Line($"{t} sum = default;");
            w.Line("for (int r = 0; r < GateRows; r++)").Open();
            w.Line("sum += column[r] * dz[r];");
            w.Close();
        }
        else
        {
            w.Line($"{t} xk = {input};");
            w.Line($"{t} sum = default;");
            w.Line("for (int r = 0; r < GateRows; r++)").Open();
            w.Line("dColumn[r] += dz[r] * xk;");
            w.Line("sum += column[r] * dz[r];");
            w.Close();
        }

        w.Line();
        w.Line($"{target} = sum;");
    }
}
