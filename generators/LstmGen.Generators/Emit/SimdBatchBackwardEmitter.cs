using System.Collections.Generic;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The batched backward pass of the SIMD strategy: BPTT of 4 sequences at once, one pass over the columns of [W | U]
/// per step for all 4 (<c>GateBackward4</c>). Per column k and register block of rows, each weight and gradient vector
/// loaded from memory serves 4 samples: the rank-4 update <c>d[W | U][:, k] += Σ_s dz_s·[x_s; h_s]_k</c> and the 4 dot
/// products <c>[dx_s; dh_s]_k = [W | U][:, k]·dz_s</c>. Each sample's dot products keep the single-sample kernel's
/// accumulators (4 per sample, one per vector of the block) and its reduction, so dx, dh and the carried gradients
/// are those of <c>Backward</c> bit for bit; only the order in which samples add into the shared gradients changes.
/// </summary>
internal static class SimdBatchBackwardEmitter
{
    private const int Group = SimdBatchEmitter.Group;

    /// <summary>Body of <c>BpttBatch</c> after the argument checks: groups of 4 sequences, then the rest one by one.</summary>
    public static void EmitBpttBatchBody(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword, span = SimdNames.Span;
        bool lstm = spec.Kind == CellKind.Lstm;
        w.Line($"// Groups of {Group} sequences run backwards together: at each step their dz come from the element-wise backward");
        w.Line($"// (per sample), then one pass over [W | U] serves all {Group} (GateBackward4). Carried gradients live in the spans");
        w.Line("// below (sample s at s * H); dh_prev is written over the carried dh once the element-wise step has read it.");
        w.Line($"{span}<{t}> dzs = stackalloc {t}[{Group} * GateRows];");
        w.Line($"{span}<{t}> carryDh = stackalloc {t}[{Group} * HiddenSize];");
        if (lstm)
        {
            w.Line($"{span}<{t}> carryDc = stackalloc {t}[{Group} * HiddenSize];");
            w.Line($"{span}<{t}> dcPrev = stackalloc {t}[{Group} * HiddenSize];");
        }

        w.Line($"{span}<{t}> hs = stackalloc {t}[{Group} * HiddenSize];");
        w.Line($"{span}<{t}> xs = stackalloc {t}[{Group} * InputSize];");
        w.Line($"{span}<{t}> dxs = stackalloc {t}[{Group} * InputSize];");
        w.Line($"{span}<int> indices = stackalloc int[{Group}];");
        w.Line("int b = 0;");
        w.Line($"for (; b + {Group} <= batchSize; b += {Group})").Open();
        w.Line("carryDh.Clear();");
        if (lstm)
        {
            w.Line("carryDc.Clear();");
        }

        w.Line("for (int t = steps - 1; t >= 0; t--)").Open();
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line("int at = (t * batchSize) + b + s;");
        w.Line("ref readonly StepCache cache = ref caches[at];");
        w.Line($"{span}<{t}> dz = dzs.Slice(s * GateRows, GateRows), dh = carryDh.Slice(s * HiddenSize, HiddenSize);");
        w.Line(lstm
            ? $"{SimdNames.VectorMath}.LstmBackward<{t}>(outputGradients[at], dh, carryDc.Slice(s * HiddenSize, HiddenSize), cache.I, cache.F, cache.G, cache.O, cache.TanhC, cache.CPrev, dz, dcPrev.Slice(s * HiddenSize, HiddenSize));"
            : $"{SimdNames.VectorMath}.TanhBackward<{t}>(outputGradients[at], dh, cache.H, dz);");
        w.Line("cache.HPrev.CopyTo(hs.Slice(s * HiddenSize, HiddenSize));");
        w.Line("cache.X.CopyTo(xs.Slice(s * InputSize, InputSize));");
        w.Line("indices[s] = cache.InputIndex;");
        w.Close();
        w.Line();
        w.Line("GateBackward4(p.Values, grads.Values, dzs, xs, indices, hs, dxs, carryDh);");
        if (lstm)
        {
            w.Line("dcPrev.CopyTo(carryDc);");
        }

        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line("dxs.Slice(s * InputSize, InputSize).CopyTo(inputGradients[(t * batchSize) + b + s]);");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Line("if (!initialGradients.IsEmpty)").Open();
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line(lstm
            ? "initialGradients[b + s] = new StateGradient(Hidden.FromSpan(carryDh.Slice(s * HiddenSize, HiddenSize)), Hidden.FromSpan(carryDc.Slice(s * HiddenSize, HiddenSize)));"
            : "initialGradients[b + s] = new StateGradient(Hidden.FromSpan(carryDh.Slice(s * HiddenSize, HiddenSize)));");
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Line("// The sequences left over (m mod 4), one by one as Bptt runs them.");
        BatchEmitter.EmitSequenceBySequenceBptt(w, "for (; b < batchSize; b++)");
    }

    /// <summary>The dispatcher and the per-width kernels of <c>GateBackward4</c>.</summary>
    public static void EmitKernels(SourceWriter w, CellSpec spec, IReadOnlyList<SimdWidth> widths)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string ro = $"{SimdNames.ReadOnlySpan}<{t}>", rw = $"{SimdNames.Span}<{t}>";
        string parameters = $"{ro} w, {rw} dw, {ro} dzs, {ro} xs, {SimdNames.ReadOnlySpan}<int> indices, {ro} hs, {rw} dxs, {rw} dhs";
        string arguments = "w, dw, dzs, xs, indices, hs, dxs, dhs";
        w.Line();
        SimdKernels.EmitFamily(
            w,
            widths,
            "GateBackward4",
            "GateBackward4x",
            parameters,
            arguments,
            $"The matrix part of a backward step for {Group} samples in one pass over the columns of [W | U]:\n" +
            $"<c>d[W | U] += Σ_s dz_s·[x_s; h_s]ᵀ</c> (for a one-hot sample, a scatter-add of dz_s into column index_s of dW),\n" +
            $"<c>db += Σ_s dz_s</c>, <c>dx_s = Wᵀ·dz_s</c> and <c>dh_s = Uᵀ·dz_s</c>; each dx_s and dh_s equal, bit for bit, to\n" +
            "<see cref=\"GateBackward\"/> of that sample alone.",
            Params,
            width =>
            {
                w.Line($"{RuntimeNames.Guard}.KernelSpans(w.Length >= ParameterCount && dw.Length >= ParameterCount && dzs.Length >= {Group} * GateRows");
                w.Line($"    && xs.Length >= {Group} * InputSize && indices.Length >= {Group} && hs.Length >= {Group} * HiddenSize && dxs.Length >= {Group} * InputSize && dhs.Length >= {Group} * HiddenSize");
                w.Line("    && indices[0] < InputSize && indices[1] < InputSize && indices[2] < InputSize && indices[3] < InputSize);");
                w.Line(SimdNames.Ref(t, "w0", "w"));
                w.Line(SimdNames.Ref(t, "dw0", "dw"));
                w.Line(SimdNames.Ref(t, "dz0", "dzs"));
                w.Line(SimdNames.Ref(t, "x0", "xs"));
                w.Line(SimdNames.Ref(t, "h0", "hs"));
                w.Line(SimdNames.Ref(t, "dx0", "dxs"));
                w.Line(SimdNames.Ref(t, "dh0", "dhs"));
                EmitBody(w, spec, width);
            });
    }

    private static void Params(SourceWriter w)
    {
        w.Param("w", "The flat parameters.");
        w.Param("dw", "The flat gradient accumulator.");
        w.Param("dzs", "The 4 samples' dL/dz, one after the other (4 x GateRows).");
        w.Param("xs", "The 4 dense inputs (4 x D); a one-hot sample's slot is not read.");
        w.Param("indices", "The 4 one-hot indices, -1 for a dense sample.");
        w.Param("hs", "The 4 previous hidden states (4 x H).");
        w.Param("dxs", "Receives the 4 samples' dL/dx (4 x D).");
        w.Param("dhs", "Receives the 4 samples' dL/dh_prev through U (4 x H).");
    }

    private static void EmitBody(SourceWriter w, CellSpec spec, SimdWidth width)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line("bool allDense = (indices[0] & indices[1] & indices[2] & indices[3]) < 0; // every index -1 (all sign bits set)");
        w.Line("// Columns of W (the inputs). All dense: the rank-4 update in the same pass; otherwise the dot products alone here,");
        w.Line("// and each sample's update after the loop (a one-hot sample adds dz_s to column index_s only).");
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        w.Line("nuint column = (nuint)(k * GateRows);");
        w.Line("if (allDense)").Open();
        for (int s = 0; s < Group; s++)
        {
            w.Line($"{t} input{s} = {SimdNames.Unsafe}.Add(ref x0, ({s} * InputSize) + k);");
        }

        EmitColumn(w, spec, width, update: true, target: "dx0", size: "InputSize");
        w.Close();
        w.Line("else").Open();
        EmitColumn(w, spec, width, update: false, target: "dx0", size: "InputSize");
        w.Close();
        w.Close();
        w.Line();
        w.Line("if (!allDense)").Open();
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line("int index = indices[s];");
        w.Line($"ref {t} dz = ref {SimdNames.Unsafe}.Add(ref dz0, s * GateRows);");
        w.Line("if (index >= 0)").Open();
        w.Line("// dW[:, index] += dz_s: x_s is 1 at index and 0 elsewhere.");
        EmitAxpy(w, spec, width, "(nuint)(index * GateRows)", input: null);
        w.Close();
        w.Line("else").Open();
        w.Line("// A dense sample among one-hot ones: its own rank-1 update dW += dz_s·x_sᵀ.");
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        w.Line($"{t} input = {SimdNames.Unsafe}.Add(ref x0, (s * InputSize) + k);");
        EmitAxpy(w, spec, width, "(nuint)(k * GateRows)", input: "input");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        w.Line();
        w.Line("// Columns of U (the previous hidden states): rank-4 update and 4 dot products in one pass.");
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        w.Line("nuint column = (nuint)((InputSize + k) * GateRows);");
        for (int s = 0; s < Group; s++)
        {
            w.Line($"{t} input{s} = {SimdNames.Unsafe}.Add(ref h0, ({s} * HiddenSize) + k);");
        }

        EmitColumn(w, spec, width, update: true, target: "dh0", size: "HiddenSize");
        w.Close();
        w.Line();
        w.Line("// Bias: db += dz_s, sample by sample.");
        w.Line($"for (int s = 0; s < {Group}; s++)").Open();
        w.Line($"ref {t} dz = ref {SimdNames.Unsafe}.Add(ref dz0, s * GateRows);");
        EmitAxpy(w, spec, width, "(nuint)BiasOffset", input: null);
        w.Close();
    }

    /// <summary>
    /// One column for the 4 samples: dot products into <paramref name="target"/>[s * size + k] with accumulators
    /// a{s}{v} laid out as the single-sample kernel's s{v}, and with <paramref name="update"/> the rank-4 update
    /// (inputs in locals input0..input3).
    /// </summary>
    private static void EmitColumn(SourceWriter w, CellSpec spec, SimdWidth width, bool update, string target, string size)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword, v = width.Static, u = SimdNames.Unsafe;
        int rows = spec.GateRows, lanes = width.Lanes, vectors = SimdWidth.BlockVectors, block = vectors * lanes;
        int blockEnd = width.BlockEnd(rows, vectors), vectorEnd = width.VectorEnd(rows);
        string Off(string start, int a) => a == 0 ? start : $"{start} + {a * lanes}";
        string Dz(int s, string r, int a) => $"{v}.LoadUnsafe(ref dz0, {Off($"(nuint)({s * rows} + {r})", a)})";
        if (vectorEnd > 0)
        {
            var names = new List<string>();
            for (int s = 0; s < Group; s++)
            {
                for (int a = 0; a < vectors; a++)
                {
                    names.Add(names.Count == 0 ? $"a{s}{a} = {width.Of(t)}.Zero" : $"a{s}{a} = a00");
                }
            }

            w.Line($"{width.Of(t)} {string.Join(", ", names)};");
            if (update)
            {
                for (int s = 0; s < Group; s++)
                {
                    w.Line($"var in{s} = {v}.Create(input{s});");
                }
            }
        }

        if (blockEnd > 0)
        {
            w.Line($"for (int r = 0; r < {blockEnd}; r += {block})").Open();
            w.Line("nuint at = column + (nuint)r;");
            for (int a = 0; a < vectors; a++)
            {
                w.Line($"var wv{a} = {v}.LoadUnsafe(ref w0, {Off("at", a)});");
                if (update)
                {
                    w.Line($"var g{a} = {v}.LoadUnsafe(ref dw0, {Off("at", a)});");
                }

                for (int s = 0; s < Group; s++)
                {
                    w.Line($"var d{s}{a} = {Dz(s, "r", a)};");
                    w.Line($"a{s}{a} = {v}.FusedMultiplyAdd(wv{a}, d{s}{a}, a{s}{a});");
                    if (update)
                    {
                        w.Line($"g{a} = {v}.FusedMultiplyAdd(d{s}{a}, in{s}, g{a});");
                    }
                }

                if (update)
                {
                    w.Line($"{v}.StoreUnsafe(g{a}, ref dw0, {Off("at", a)});");
                }
            }

            w.Close();
        }

        if (vectorEnd > blockEnd)
        {
            w.Line($"for (int r = {blockEnd}; r < {vectorEnd}; r += {lanes})").Open();
            w.Line("nuint at = column + (nuint)r;");
            w.Line($"var w0v = {v}.LoadUnsafe(ref w0, at);");
            if (update)
            {
                w.Line($"var g0 = {v}.LoadUnsafe(ref dw0, at);");
            }

            for (int s = 0; s < Group; s++)
            {
                w.Line($"var d{s} = {Dz(s, "r", 0)};");
                w.Line($"a{s}0 = {v}.FusedMultiplyAdd(w0v, d{s}, a{s}0);");
                if (update)
                {
                    w.Line($"g0 = {v}.FusedMultiplyAdd(d{s}, in{s}, g0);");
                }
            }

            if (update)
            {
                w.Line($"{v}.StoreUnsafe(g0, ref dw0, at);");
            }

            w.Close();
        }

        for (int s = 0; s < Group; s++)
        {
            w.Line(vectorEnd > 0 ? $"{t} sum{s} = {v}.Sum((a{s}0 + a{s}1) + (a{s}2 + a{s}3));" : $"{t} sum{s} = 0;");
        }

        if (vectorEnd < rows)
        {
            w.Line($"// Rows {vectorEnd}..{rows - 1}: the {rows - vectorEnd} left over after whole vectors, scalar (the update must not repeat a row).");
            w.Line($"for (int r = {vectorEnd}; r < GateRows; r++)").Open();
            w.Line($"{t} weight = {u}.Add(ref w0, (int)column + r);");
            for (int s = 0; s < Group; s++)
            {
                w.Line($"{t} d{s} = {u}.Add(ref dz0, {s * rows} + r);");
                w.Line($"sum{s} += weight * d{s};");
                if (update)
                {
                    w.Line($"{u}.Add(ref dw0, (int)column + r) += d{s} * input{s};");
                }
            }

            w.Close();
        }

        for (int s = 0; s < Group; s++)
        {
            w.Line($"{u}.Add(ref {target}, ({s} * {size}) + k) = sum{s};");
        }
    }

    /// <summary>
    /// <c>dw[start..start + GateRows) += dz·input</c> for one sample (<c>dz</c> a ref in scope), or <c>+= dz</c> when
    /// <paramref name="input"/> is null; the same operations as the single-sample kernel (an FMA with 1 is an addition).
    /// </summary>
    private static void EmitAxpy(SourceWriter w, CellSpec spec, SimdWidth width, string start, string? input)
    {
        string v = width.Static, u = SimdNames.Unsafe;
        int rows = spec.GateRows, vectorEnd = width.VectorEnd(rows);
        w.Line($"nuint start = {start};");
        if (vectorEnd > 0)
        {
            if (input is not null)
            {
                w.Line($"var inputs = {v}.Create({input});");
            }

            w.Line($"for (int r = 0; r < {vectorEnd}; r += {width.Lanes})").Open();
            w.Line("nuint at = start + (nuint)r;");
            w.Line($"var d = {v}.LoadUnsafe(ref dz, (nuint)r);");
            w.Line(input is null
                ? $"{v}.StoreUnsafe({v}.LoadUnsafe(ref dw0, at) + d, ref dw0, at);"
                : $"{v}.StoreUnsafe({v}.FusedMultiplyAdd(d, inputs, {v}.LoadUnsafe(ref dw0, at)), ref dw0, at);");
            w.Close();
        }

        if (vectorEnd < rows)
        {
            w.Line($"for (int r = {vectorEnd}; r < GateRows; r++)").Open();
            w.Line(input is null
                ? $"{u}.Add(ref dw0, (int)start + r) += {u}.Add(ref dz, r);"
                : $"{u}.Add(ref dw0, (int)start + r) += {u}.Add(ref dz, r) * {input};");
            w.Close();
        }
    }
}
