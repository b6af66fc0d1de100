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

    public void EmitForwardBody(SourceWriter w, CellSpec spec, bool oneHot, bool withCache)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        int d = spec.InputSize, h = spec.HiddenSize, rows = spec.GateRows;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        if (oneHot)
        {
            w.Line($"global::System.ReadOnlySpan<{t}> column = w.Slice(index * GateRows, GateRows);");
        }

        w.Line();
        w.Line(oneHot
            ? "// Gate pre-activations z = W[:, index] + U·h_prev + b (the one-hot input selects a column of W), one row per line."
            : "// Gate pre-activations z = W·x + U·h_prev + b, one row per line; w[k*GateRows + r] is row r of column k of [W | U].");
        for (int gate = 0; gate < spec.GateCount; gate++)
        {
            for (int j = 0; j < h; j++)
            {
                int r = (gate * h) + j;
                var terms = new List<string>();
                if (oneHot)
                {
                    terms.Add($"column[{r}]");
                }
                else
                {
                    for (int k = 0; k < d; k++)
                    {
                        terms.Add($"w[{(k * rows) + r}] * x[{k}]");
                    }
                }

                for (int k = 0; k < h; k++)
                {
                    terms.Add($"w[{((d + k) * rows) + r}] * state.H[{k}]");
                }

                terms.Add($"w[{spec.BiasOffset + r}]");
                w.Line($"{t} z{CellMath.GateLetter(spec, gate)}{j} = {string.Join(" + ", terms)};");
            }
        }

        w.Line();
        w.Line(CellMath.ForwardComment(spec));
        w.Line(CellMath.ForwardLocals(spec));
        for (int j = 0; j < h; j++)
        {
            int unit = j;
            CellMath.EmitForwardElement(w, spec, j.ToString(), gate => $"z{CellMath.GateLetter(spec, gate)}{unit}");
        }

        w.Line();
        w.Line(!withCache ? CellMath.StateReturn(spec) : oneHot ? CellMath.ForwardReturn(spec, "default", "index") : CellMath.ForwardReturn(spec, "x", "-1"));
    }

    public void EmitBackwardBody(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        int d = spec.InputSize, h = spec.HiddenSize, rows = spec.GateRows;
        w.Line($"global::System.ReadOnlySpan<{t}> w = p.Values.Slice(0, ParameterCount);");
        w.Line($"global::System.Span<{t}> dw = grads.Values.Slice(0, ParameterCount);");
        w.Line();
        w.Lines(CellMath.BackwardComment(spec));
        string? locals = CellMath.BackwardLocals(spec);
        if (locals is not null)
        {
            w.Line(locals);
        }

        for (int j = 0; j < h; j++)
        {
            int unit = j;
            CellMath.EmitBackwardElement(w, spec, j.ToString(), j.ToString(), gate => $"{t} dz{CellMath.GateLetter(spec, gate)}{unit}");
        }

        w.Line();
        w.Line("// Parameter gradients: d[W | U][:, k] += dz * [x; h_prev][k]; db += dz.");
        w.Line("if (cache.InputIndex >= 0)").Open();
        w.Line("// One-hot step: only column InputIndex of W meets a non-zero input.");
        w.Line($"global::System.Span<{t}> dColumn = dw.Slice(cache.InputIndex * GateRows, GateRows);");
        for (int r = 0; r < rows; r++)
        {
            w.Line($"dColumn[{r}] += {Dz(spec, r)};");
        }

        w.Close();
        w.Line("else").Open();
        for (int k = 0; k < d; k++)
        {
            for (int r = 0; r < rows; r++)
            {
                w.Line($"dw[{(k * rows) + r}] += {Dz(spec, r)} * cache.X[{k}];");
            }
        }

        w.Close();
        w.Line();
        for (int k = 0; k < h; k++)
        {
            for (int r = 0; r < rows; r++)
            {
                w.Line($"dw[{((d + k) * rows) + r}] += {Dz(spec, r)} * cache.HPrev[{k}];");
            }
        }

        for (int r = 0; r < rows; r++)
        {
            w.Line($"dw[{spec.BiasOffset + r}] += {Dz(spec, r)};");
        }

        w.Line();
        w.Line(spec.Kind == CellKind.Lstm
            ? "// Gradients to the inputs of this step: dx = Wᵀ·dz, dh_prev = Uᵀ·dz, dc_prev = dc ⊙ f."
            : "// Gradients to the inputs of this step: dx = Wᵀ·dz, dh_prev = Uᵀ·dz.");
        w.Line("Input dx = default;");
        w.Line("Hidden dhPrev = default;");
        for (int k = 0; k < d + h; k++)
        {
            var terms = new StringBuilder();
            for (int r = 0; r < rows; r++)
            {
                if (r > 0)
                {
                    terms.Append(" + ");
                }

                terms.Append($"w[{(k * rows) + r}] * {Dz(spec, r)}");
            }

            w.Line($"{(k < d ? $"dx[{k}]" : $"dhPrev[{k - d}]")} = {terms};");
        }

        w.Line();
        w.Line(CellMath.BackwardReturn(spec));
    }

    /// <summary>The local holding dz for gate row <paramref name="r"/>.</summary>
    public void EmitHelpers(SourceWriter w, CellSpec spec)
    {
    }

    private static string Dz(CellSpec spec, int r) => $"dz{CellMath.GateLetter(spec, r / spec.HiddenSize)}{r % spec.HiddenSize}";
}
