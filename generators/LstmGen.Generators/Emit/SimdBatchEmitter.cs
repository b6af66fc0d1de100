using System.Collections.Generic;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The batched forward step of the SIMD strategy: the gate pre-activations of 4 samples in one pass over the weights
/// (a matrix-matrix product Z = [W | U]·[X; H] in register blocks of 2 row vectors x 4 samples), so each weight vector
/// loaded from memory feeds 4 fused multiply-adds instead of 1. Each sample's sums run in the same order as the
/// single-sample kernel (x columns, h columns, then the bias, one FMA per term), so a batch gives exactly (bit for
/// bit) the values of running its samples one by one.
/// </summary>
internal static class SimdBatchEmitter
{
    /// <summary>Samples per pass over the weights.</summary>
    public const int Group = 4;

    /// <summary>Row vectors per register block: 2 x 4 samples = 8 accumulators.</summary>
    private const int BlockVectors = 2;

    /// <summary>Body of <c>ForwardBatch</c> after the argument checks: groups of 4 samples, then the rest one by one.</summary>
    public static void EmitForwardBatchBody(SourceWriter w, CellSpec spec, bool oneHot)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line($"// Groups of {Group} samples share one pass over the weights (GatePreActivations4); the rest run one by one.");
        w.Line($"{SimdNames.Span}<{t}> hs = stackalloc {t}[{Group} * HiddenSize];");
        w.Line(oneHot ? $"{SimdNames.Span}<int> indices = stackalloc int[{Group}];" : $"{SimdNames.Span}<{t}> xs = stackalloc {t}[{Group} * InputSize];");
        w.Line($"{SimdNames.Span}<{t}> zs = stackalloc {t}[{Group} * GateRows];");
        w.Line("int b = 0;");
        w.Line($"for (; b + {Group} <= inputs.Length; b += {Group})").Open();
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line("states[b + s].H.CopyTo(hs.Slice(s * HiddenSize, HiddenSize));");
        if (oneHot)
        {
            w.Line("indices[s] = inputs[b + s];");
        }
        else
        {
            w.Line("inputs[b + s].CopyTo(xs.Slice(s * InputSize, InputSize));");
        }

        w.Close();
        w.Line();
        w.Line(oneHot ? "GatePreActivations4(p.Values, default, indices, hs, zs);" : "GatePreActivations4(p.Values, xs, default, hs, zs);");
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line(oneHot
            ? "(next[b + s], caches[b + s]) = ForwardActivations(zs.Slice(s * GateRows, GateRows), default, inputs[b + s], states[b + s]);"
            : "(next[b + s], caches[b + s]) = ForwardActivations(zs.Slice(s * GateRows, GateRows), inputs[b + s], -1, states[b + s]);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("for (; b < inputs.Length; b++)").Open();
        w.Line($"(next[b], caches[b]) = {(oneHot ? "ForwardOneHot" : "Forward")}(p, inputs[b], states[b]);");
        w.Close();
    }

    /// <summary>The dispatcher and the per-width kernels.</summary>
    public static void EmitKernels(SourceWriter w, CellSpec spec, IReadOnlyList<SimdWidth> widths)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string ro = $"{SimdNames.ReadOnlySpan}<{t}>", rw = $"{SimdNames.Span}<{t}>";
        string parameters = $"{ro} w, {ro} xs, {SimdNames.ReadOnlySpan}<int> indices, {ro} hs, {rw} zs";
        w.Line();
        SimdKernels.EmitFamily(
            w,
            widths,
            "GatePreActivations4",
            "GatePreActivations4x",
            parameters,
            "w, xs, indices, hs, zs",
            $"Gate pre-activations of {Group} samples in one pass over the weights: <c>z_s = [W | U]·[x_s; h_s] + b</c>, or with\n" +
            $"{Group} one-hot <paramref name=\"indices\"/> <c>z_s = W[:, index_s] + U·h_s + b</c>; each z_s equal, bit for bit, to\n" +
            "<see cref=\"GatePreActivations\"/> of that sample alone.",
            Params,
            width =>
            {
                w.Line($"bool oneHot = !indices.IsEmpty;");
                w.Line($"{RuntimeNames.Guard}.KernelSpans(w.Length >= ParameterCount && hs.Length >= {Group} * HiddenSize && zs.Length >= {Group} * GateRows");
                w.Line($"    && (oneHot ? indices.Length >= {Group} && (uint)indices[0] < InputSize && (uint)indices[1] < InputSize && (uint)indices[2] < InputSize && (uint)indices[3] < InputSize : xs.Length >= {Group} * InputSize));");
                w.Line(SimdNames.Ref(t, "w0", "w"));
                w.Line(SimdNames.Ref(t, "x0", "xs"));
                w.Line(SimdNames.Ref(t, "h0", "hs"));
                w.Line(SimdNames.Ref(t, "z0", "zs"));
                EmitBody(w, spec, width);
            });
    }

    private static void Params(SourceWriter w)
    {
        w.Param("w", "The flat parameters.");
        w.Param("xs", "The 4 dense inputs, one after the other (4 x D), or empty for one-hot inputs.");
        w.Param("indices", "The 4 one-hot indices, or empty for dense inputs.");
        w.Param("hs", "The 4 previous hidden states (4 x H).");
        w.Param("zs", "Receives the 4 samples' pre-activations (4 x GateRows).");
    }

    private static void EmitBody(SourceWriter w, CellSpec spec, SimdWidth width)
    {
        int rows = spec.GateRows, lanes = width.Lanes, block = BlockVectors * lanes;
        int blockEnd = width.BlockEnd(rows, BlockVectors), vectorEnd = width.VectorEnd(rows);
        if (blockEnd > 0)
        {
            w.Line($"// Rows 0..{blockEnd - 1}: blocks of {block} rows x {Group} samples ({BlockVectors * Group} accumulators).");
            w.Line($"for (int r = 0; r < {blockEnd}; r += {block})").Open();
            EmitRows(w, spec, width, BlockVectors, "r");
            w.Close();
        }

        if (vectorEnd > blockEnd)
        {
            w.Line($"// Rows {blockEnd}..{vectorEnd - 1}: one vector x {Group} samples.");
            w.Open();
            w.Line($"const int r = {blockEnd};");
            EmitRows(w, spec, width, 1, "r");
            w.Close();
        }

        if (vectorEnd == rows)
        {
            return;
        }

        if (rows >= lanes)
        {
            w.Line($"// Rows {vectorEnd}..{rows - 1}: one vector ending at the last row (rows {rows - lanes}..{rows - 1}); repeated rows get the same values.");
            w.Open();
            w.Line($"const int r = {rows - lanes};");
            EmitRows(w, spec, width, 1, "r");
            w.Close();
            return;
        }

        string u = SimdNames.Unsafe;
        w.Line($"// Rows 0..{rows - 1}: fewer rows than lanes, so scalar, sample by sample.");
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line($"for (int r = 0; r < {rows}; r++)").Open();
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line($"{t} a = oneHot ? {u}.Add(ref w0, (indices[s] * GateRows) + r) : 0;");
        w.Line("if (!oneHot)").Open();
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        w.Line($"a += {u}.Add(ref w0, (k * GateRows) + r) * {u}.Add(ref x0, (s * InputSize) + k);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        w.Line($"a += {u}.Add(ref w0, ((InputSize + k) * GateRows) + r) * {u}.Add(ref h0, (s * HiddenSize) + k);");
        w.Close();
        w.Line();
        w.Line($"{u}.Add(ref z0, (s * GateRows) + r) = a + {u}.Add(ref w0, BiasOffset + r);");
        w.Close();
        w.Close();
    }

    /// <summary><paramref name="vectors"/> row vectors at row <paramref name="r"/> for all 4 samples: accumulator a{s}{v}.</summary>
    private static void EmitRows(SourceWriter w, CellSpec spec, SimdWidth width, int vectors, string r)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword, v = width.Static;
        string Off(string start, int a) => a == 0 ? start : $"{start} + {a * width.Lanes}";
        var names = new List<string>();
        for (int s = 0; s < Group; s++)
        {
            for (int a = 0; a < vectors; a++)
            {
                names.Add($"a{s}{a}");
            }
        }

        w.Line($"{width.Of(t)} {string.Join(", ", names)};");
        w.Line("if (oneHot)").Open();
        w.Line("// One-hot inputs: each sample starts from its column of W, gathered.");
        for (int s = 0; s < Group; s++)
        {
            w.Line($"nuint at{s} = (nuint)((indices[{s}] * GateRows) + {r});");
            for (int a = 0; a < vectors; a++)
            {
                w.Line($"a{s}{a} = {v}.LoadUnsafe(ref w0, {Off($"at{s}", a)});");
            }
        }

        w.Close();
        w.Line("else").Open();
        foreach (string name in names)
        {
            w.Line($"{name} = {width.Of(t)}.Zero;");
        }

        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        w.Line($"nuint at = (nuint)((k * GateRows) + {r});");
        EmitColumn(w, width, vectors, "x0", "InputSize", Off);
        w.Close();
        w.Close();
        w.Line();
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        w.Line($"nuint at = (nuint)(((InputSize + k) * GateRows) + {r});");
        EmitColumn(w, width, vectors, "h0", "HiddenSize", Off);
        w.Close();
        w.Line();
        w.Line("// Bias last, as in the single-sample kernel; then store each sample's z.");
        w.Line($"nuint bias = (nuint)(BiasOffset + {r});");
        for (int a = 0; a < vectors; a++)
        {
            w.Line($"var b{a} = {v}.LoadUnsafe(ref w0, {Off("bias", a)});");
        }

        for (int s = 0; s < Group; s++)
        {
            for (int a = 0; a < vectors; a++)
            {
                w.Line($"{v}.StoreUnsafe(a{s}{a} + b{a}, ref z0, (nuint)(({s} * GateRows) + {r}){(a == 0 ? "" : $" + {a * width.Lanes}")});");
            }
        }
    }

    private static void EmitColumn(SourceWriter w, SimdWidth width, int vectors, string input, string size, System.Func<string, int, string> off)
    {
        string v = width.Static, u = SimdNames.Unsafe;
        for (int a = 0; a < vectors; a++)
        {
            w.Line($"var weights{a} = {v}.LoadUnsafe(ref w0, {off("at", a)});");
        }

        for (int s = 0; s < Group; s++)
        {
            w.Line($"var in{s} = {v}.Create({u}.Add(ref {input}, ({s} * {size}) + k));");
            for (int a = 0; a < vectors; a++)
            {
                w.Line($"a{s}{a} = {v}.FusedMultiplyAdd(weights{a}, in{s}, a{s}{a});");
            }
        }
    }
}
