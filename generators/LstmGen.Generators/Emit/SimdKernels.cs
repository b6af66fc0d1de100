using System;
using System.Collections.Generic;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// SIMD kernels for cells above the unroll budget. Forward: one fused pass over all gates' weights [W | U]
/// (<see cref="SimdMatVecEmitter"/>), then vectorised activations over whole gate blocks
/// (<c>LstmGen.Internal.VectorMath</c>). Backward: the element-wise part vectorised (<c>VectorMath.LstmBackward</c>), then
/// one pass over the columns for the outer-product update and the transposed product (<see cref="SimdBackwardEmitter"/>).
/// Each matrix kernel is emitted for Vector512, Vector256 and Vector128, less the widths wider than its rows
/// (<see cref="SimdWidth.Fitting"/>); a dispatcher picks the widest the CPU
/// accelerates (the JIT folds the <c>IsHardwareAccelerated</c> checks to constants, so only one path is compiled),
/// and every path is correct on any CPU (an unaccelerated vector type runs in software).
/// </summary>
internal sealed class SimdKernels : IStepKernelEmitter
{
    public static readonly SimdKernels Instance = new();

    private const string VectorMath = SimdNames.VectorMath;

    public void EmitForwardBody(SourceWriter w, CellSpec spec, bool oneHot, bool withCache)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        bool lstm = spec.Kind == CellKind.Lstm;
        w.Line($"{SimdNames.Span}<{t}> z = stackalloc {t}[GateRows];");
        w.Line(oneHot
            ? "// Gate pre-activations z = W[:, index] + U·h_prev + b in one pass over the weights (the one-hot input selects a column of W)."
            : "// Gate pre-activations z = [W | U]·[x; h_prev] + b in one pass over the weights.");
        w.Line(oneHot ? "GatePreActivations(p.Values, default, index, state.H, z);" : "GatePreActivations(p.Values, x, -1, state.H, z);");
        w.Line();
        if (withCache)
        {
            w.Line("// Activations and the cache, shared with the batched forward step.");
            w.Line(oneHot ? "return ForwardActivations(z, default, index, state);" : "return ForwardActivations(z, x, -1, state);");
            return;
        }

        if (!lstm)
        {
            w.Line("// Activation: h = tanh(z), vectorised.");
            w.Line("Hidden h = default;");
            w.Line($"{VectorMath}.Tanh<{t}>(z, h);");
        }
        else
        {
            w.Line("// Activations in place over the gate blocks (nothing is kept), one call per gate as in Forward, so the values are");
            w.Line("// the same bit for bit: i, f, o = σ(z); g = tanh(z). Then c = f ⊙ c_prev + i ⊙ g and h = o ⊙ tanh(c).");
            w.Line($"{SimdNames.Span}<{t}> i = z.Slice(0, HiddenSize), f = z.Slice(HiddenSize, HiddenSize), g = z.Slice(2 * HiddenSize, HiddenSize), o = z.Slice(3 * HiddenSize, HiddenSize);");
            w.Line($"{VectorMath}.Sigmoid<{t}>(i, i);");
            w.Line($"{VectorMath}.Sigmoid<{t}>(f, f);");
            w.Line($"{VectorMath}.Tanh<{t}>(g, g);");
            w.Line($"{VectorMath}.Sigmoid<{t}>(o, o);");
            w.Line("Hidden c = default, tanhC = default, h = default;");
            w.Line($"{VectorMath}.LstmState<{t}>(i, f, g, o, state.C, c, tanhC, h);");
        }

        w.Line();
        w.Line(CellMath.StateReturn(spec));
    }

    public void EmitBackwardBody(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Lines(CellMath.BackwardComment(spec));
        w.Line("// Vectorised, with the scalar kernels' expressions operation for operation.");
        w.Line($"{SimdNames.Span}<{t}> dz = stackalloc {t}[GateRows];");
        string? locals = CellMath.BackwardLocals(spec);
        if (locals is not null)
        {
            w.Line(locals);
        }

        w.Line(spec.Kind == CellKind.Lstm
            ? $"{VectorMath}.LstmBackward<{t}>(dh, carry.Dh, carry.Dc, cache.I, cache.F, cache.G, cache.O, cache.TanhC, cache.CPrev, dz, dcPrev);"
            : $"{VectorMath}.TanhBackward<{t}>(dh, carry.Dh, cache.H, dz);");
        w.Line();
        w.Line("// One pass over the columns of [W | U]: d[W | U][:, k] += dz·[x; h_prev]_k, [dx; dh_prev]_k = [W | U][:, k]·dz; db += dz.");
        w.Line("Input dx = default;");
        w.Line("Hidden dhPrev = default;");
        w.Line("GateBackward(p.Values, grads.Values, dz, cache.X, cache.InputIndex, cache.HPrev, dx, dhPrev);");
        w.Line();
        w.Line(CellMath.BackwardReturn(spec));
    }

    public void EmitHelpers(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string ro = $"{SimdNames.ReadOnlySpan}<{t}>", rw = $"{SimdNames.Span}<{t}>";
        SimdWidth[] widths = SimdWidth.Fitting(spec, spec.GateRows);
        w.Line();
        EmitForwardActivations(w, spec, t, rw);
        w.Line();

        string forwardParameters = $"{ro} w, {ro} x, int index, {ro} h, {rw} z";
        string forwardArguments = "w, x, index, h, z";
        EmitFamily(
            w,
            widths,
            "GatePreActivations",
            "GatePreActivations",
            forwardParameters,
            forwardArguments,
            "Gate pre-activations <c>z = [W | U]·[x; h] + b</c> (GateRows values), or with <paramref name=\"index\"/> ≥ 0 <c>z = W[:, index] + U·h + b</c>\n" +
            "(a one-hot input; <paramref name=\"x\"/> is then not read). Runs the widest vector kernel the CPU accelerates.",
            ForwardParams,
            width =>
            {
                w.Line($"{RuntimeNames.Guard}.KernelSpans(w.Length >= ParameterCount && h.Length >= HiddenSize && z.Length >= GateRows && (index < 0 ? x.Length >= InputSize : index < InputSize));");
                w.Line(SimdNames.Ref(t, "w0", "w"));
                w.Line(SimdNames.Ref(t, "x0", "x"));
                w.Line(SimdNames.Ref(t, "h0", "h"));
                w.Line(SimdNames.Ref(t, "z0", "z"));
                SimdMatVecEmitter.EmitBody(w, spec, width, GateShape(spec));
            });

        w.Line();
        string backwardParameters = $"{ro} w, {rw} dw, {ro} dz, {ro} x, int index, {ro} h, {rw} dx, {rw} dh";
        string backwardArguments = "w, dw, dz, x, index, h, dx, dh";
        EmitFamily(
            w,
            widths,
            "GateBackward",
            "GateBackward",
            backwardParameters,
            backwardArguments,
            "The matrix part of a backward step, one pass over the columns of [W | U]: <c>d[W | U] += dz·[x; h]ᵀ</c> (for a one-hot\n" +
            "input, <paramref name=\"index\"/> ≥ 0, only column index of dW), <c>db += dz</c>, <c>dx = Wᵀ·dz</c> and <c>dh = Uᵀ·dz</c>.",
            BackwardParams,
            width =>
            {
                w.Line($"{RuntimeNames.Guard}.KernelSpans(w.Length >= ParameterCount && dw.Length >= ParameterCount && dz.Length >= GateRows && h.Length >= HiddenSize");
                w.Line("    && dx.Length >= InputSize && dh.Length >= HiddenSize && (index < 0 ? x.Length >= InputSize : index < InputSize));");
                w.Line(SimdNames.Ref(t, "w0", "w"));
                w.Line(SimdNames.Ref(t, "dw0", "dw"));
                w.Line(SimdNames.Ref(t, "dz0", "dz"));
                w.Line(SimdNames.Ref(t, "x0", "x"));
                w.Line(SimdNames.Ref(t, "h0", "h"));
                w.Line(SimdNames.Ref(t, "dx0", "dx"));
                w.Line(SimdNames.Ref(t, "dh0", "dh"));
                SimdBackwardEmitter.EmitBody(w, spec, width);
            });

        SimdBatchEmitter.EmitKernels(w, spec, widths);
        SimdBatchBackwardEmitter.EmitKernels(w, spec, widths);
        if (spec.HasHead)
        {
            EmitHeadHelpers(w, spec, t, ro, rw);
        }
    }

    /// <summary>The fused gate matrix: GateRows rows, x columns (or a one-hot gather), then h columns, then b.</summary>
    private static SimdMatVecEmitter.Shape GateShape(CellSpec spec) => new(
        spec.GateRows,
        "GateRows",
        "0",
        "BiasOffset",
        new List<SimdMatVecEmitter.ColumnRun>
        {
            new("0", "InputSize", "x0", OneHot: true),
            new("InputSize", "HiddenSize", "h0", OneHot: false),
        });

    /// <summary>The forward step after its gate pre-activations: activations, state update and the cache.</summary>
    private static void EmitForwardActivations(SourceWriter w, CellSpec spec, string t, string rw)
    {
        w.Summary(
            "The rest of a forward step once the gate pre-activations z are known (from <see cref=\"GatePreActivations\"/> or the\n" +
            "batched kernel): activations over whole gate blocks, the state update, and the step's cache.");
        w.Param("z", "The GateRows pre-activations (read only here).");
        w.Param("x", "The dense input, or default for a one-hot step.");
        w.Param("index", "The one-hot index, or -1.");
        w.Param("state", "The previous state.");
        w.Doc("returns", "The new state and the cache.");
        w.Line($"private static (State State, StepCache Cache) ForwardActivations({rw} z, in Input x, int index, in State state)").Open();
        if (spec.Kind == CellKind.Rnn)
        {
            w.Line("// h = tanh(z).");
            w.Line("Hidden h = default;");
            w.Line($"{VectorMath}.Tanh<{t}>(z, h);");
            w.Line("return (new State(h), new StepCache(x, index, state.H, h));");
            w.Close();
            return;
        }

        w.Line("// i, f, o = σ(z); g = tanh(z); then c = f ⊙ c_prev + i ⊙ g and h = o ⊙ tanh(c).");
        w.Line(CellMath.ForwardLocals(spec));
        w.Line($"{VectorMath}.Sigmoid<{t}>(z.Slice(0, HiddenSize), i);");
        w.Line($"{VectorMath}.Sigmoid<{t}>(z.Slice(HiddenSize, HiddenSize), f);");
        w.Line($"{VectorMath}.Tanh<{t}>(z.Slice(2 * HiddenSize, HiddenSize), g);");
        w.Line($"{VectorMath}.Sigmoid<{t}>(z.Slice(3 * HiddenSize, HiddenSize), o);");
        w.Line($"{VectorMath}.LstmState<{t}>(i, f, g, o, state.C, c, tanhC, h);");
        w.Line("return (new State(h, c), new StepCache(x, index, state.H, state.C, i, f, g, o, tanhC));");
        w.Close();
    }

    /// <summary>Calls the kernel of the first width the CPU accelerates; the last one runs whatever the CPU (in software if need be).</summary>
    internal static void EmitDispatch(SourceWriter w, IReadOnlyList<SimdWidth> widths, string name, string arguments)
    {
        w.Open();
        for (int i = 0; i < widths.Count; i++)
        {
            if (i < widths.Count - 1)
            {
                w.Line($"{(i == 0 ? "if" : "else if")} ({widths[i].Static}.IsHardwareAccelerated)").Open();
            }
            else if (i > 0)
            {
                w.Line("else").Open();
            }

            w.Line($"{name}{widths[i].Bits}({arguments});");
            if (widths.Count > 1)
            {
                w.Close();
            }
        }

        w.Close();
    }

    /// <summary>
    /// A kernel family: the documented dispatcher <c>name(parameters)</c>, then one private kernel per width,
    /// <c>{kernelPrefix}{bits}(parameters)</c>, each with the same parameter docs; <paramref name="emitKernel"/> writes a
    /// kernel's statements (argument checks, references, body).
    /// </summary>
    internal static void EmitFamily(
        SourceWriter w,
        IReadOnlyList<SimdWidth> widths,
        string name,
        string kernelPrefix,
        string parameters,
        string arguments,
        string summary,
        Action<SourceWriter> emitParameterDocs,
        Action<SimdWidth> emitKernel)
    {
        w.Summary(summary);
        emitParameterDocs(w);
        w.Line($"private static void {name}({parameters})");
        EmitDispatch(w, widths, kernelPrefix, arguments);
        foreach (SimdWidth width in widths)
        {
            w.Line();
            w.Summary($"<see cref=\"{name}\"/> with {width.Static.Replace("global::System.Runtime.Intrinsics.", "")} ({width.Lanes} lanes).");
            emitParameterDocs(w);
            w.Line($"private static void {kernelPrefix}{width.Bits}({parameters})").Open();
            emitKernel(width);
            w.Close();
        }
    }

    /// <summary>
    /// The head's logits <c>W_y h + b_y</c> (V rows, H columns): the same kernel as the gate pre-activations, with the
    /// widths whose lanes fit in V (so V = 10 floats use Vector256: one vector and one overlapping vector, not scalar code).
    /// </summary>
    private static void EmitHeadHelpers(SourceWriter w, CellSpec spec, string t, string ro, string rw)
    {
        SimdWidth[] widths = SimdWidth.Fitting(spec, spec.OutputSize);
        string parameters = $"{ro} w, {ro} h, {rw} z";
        w.Line();
        EmitFamily(
            w,
            widths,
            "HeadLogits",
            "HeadLogits",
            parameters,
            "w, h, z",
            "The head's logits <c>z = W_y·h + b_y</c> (V values), with the widest vector kernel that the CPU accelerates and that fits in V.",
            HeadParams,
            width =>
            {
                w.Line($"{RuntimeNames.Guard}.KernelSpans(w.Length >= ParameterCount && h.Length >= HiddenSize && z.Length >= OutputSize);");
                w.Line(SimdNames.Ref(t, "w0", "w"));
                w.Line(SimdNames.Ref(t, "h0", "h"));
                w.Line(SimdNames.Ref(t, "z0", "z"));
                SimdMatVecEmitter.EmitBody(w, spec, width, new SimdMatVecEmitter.Shape(
                    spec.OutputSize, "OutputSize", "HeadWeightOffset", "HeadBiasOffset", [new("0", "HiddenSize", "h0", OneHot: false)]));
            });

        EmitHeadBackwardHelpers(w, spec, widths, t, ro, rw);
    }

    /// <summary>
    /// The head's backward matrix work, one pass over the columns of W_y (column j holds the V weights of h_j):
    /// <c>dW_y[:, j] += dLogits·h_j</c> and <c>dh_j = W_y[:, j]·dLogits</c>, V rows in vectors and a scalar tail.
    /// </summary>
    private static void EmitHeadBackwardHelpers(SourceWriter w, CellSpec spec, IReadOnlyList<SimdWidth> widths, string t, string ro, string rw)
    {
        string parameters = $"{ro} w, {rw} dw, {ro} dLogits, {ro} h, {rw} dh";
        w.Line();
        EmitFamily(
            w,
            widths,
            "HeadGradients",
            "HeadGradients",
            parameters,
            "w, dw, dLogits, h, dh",
            "The head's backward matrix work: <c>dW_y += dLogits·hᵀ</c> and <c>dh = W_yᵀ·dLogits</c> (not db_y), with the widest vector\n" +
            "kernel that the CPU accelerates and that fits in V.",
            HeadBackwardParams,
            width =>
            {
                string v = width.Static, u = SimdNames.Unsafe;
                int rows = spec.OutputSize, vectorEnd = width.VectorEnd(rows);
                w.Line($"{RuntimeNames.Guard}.KernelSpans(w.Length >= ParameterCount && dw.Length >= ParameterCount && dLogits.Length >= OutputSize && h.Length >= HiddenSize && dh.Length >= HiddenSize);");
                w.Line(SimdNames.Ref(t, "w0", "w"));
                w.Line(SimdNames.Ref(t, "dw0", "dw"));
                w.Line(SimdNames.Ref(t, "d0", "dLogits"));
                w.Line(SimdNames.Ref(t, "h0", "h"));
                w.Line(SimdNames.Ref(t, "dh0", "dh"));
                w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
                w.Line("nuint column = (nuint)(HeadWeightOffset + (j * OutputSize));");
                w.Line($"{t} hj = {u}.Add(ref h0, j);");
                if (vectorEnd > 0)
                {
                    w.Line($"var hs = {v}.Create(hj);");
                    w.Line($"var s = {width.Of(t)}.Zero;");
                    w.Line($"for (int r = 0; r < {vectorEnd}; r += {width.Lanes})").Open();
                    w.Line("nuint at = column + (nuint)r;");
                    w.Line($"var d = {v}.LoadUnsafe(ref d0, (nuint)r);");
                    w.Line($"s = {v}.FusedMultiplyAdd({v}.LoadUnsafe(ref w0, at), d, s);");
                    w.Line($"{v}.StoreUnsafe({v}.FusedMultiplyAdd(d, hs, {v}.LoadUnsafe(ref dw0, at)), ref dw0, at);");
                    w.Close();
                    w.Line();
                    w.Line($"{t} sum = {v}.Sum(s);");
                }
                else
                {
                    w.Line($"{t} sum = 0;");
                }

                if (vectorEnd < rows)
                {
                    w.Line($"// Rows {vectorEnd}..{rows - 1}: scalar (the update must not repeat a row).");
                    w.Line($"for (int r = {vectorEnd}; r < OutputSize; r++)").Open();
                    w.Line($"{t} d = {u}.Add(ref d0, r);");
                    w.Line($"sum += {u}.Add(ref w0, (int)column + r) * d;");
                    w.Line($"{u}.Add(ref dw0, (int)column + r) += d * hj;");
                    w.Close();
                    w.Line();
                }

                w.Line($"{u}.Add(ref dh0, j) = sum;");
                w.Close();
            });
    }

    private static void HeadBackwardParams(SourceWriter w)
    {
        w.Param("w", "The flat parameters.");
        w.Param("dw", "The flat gradient accumulator.");
        w.Param("dLogits", "dL/dz for the V logits.");
        w.Param("h", "The hidden state the head read (H values).");
        w.Param("dh", "Receives dL/dh = W_yᵀ·dLogits (H values).");
    }

    private static void HeadParams(SourceWriter w)
    {
        w.Param("w", "The flat parameters.");
        w.Param("h", "The hidden state (H values).");
        w.Param("z", "Receives the V logits.");
    }

    private static void ForwardParams(SourceWriter w)
    {
        w.Param("w", "The flat parameters.");
        w.Param("x", "The dense input (D values), or empty for a one-hot input.");
        w.Param("index", "The one-hot input index, or -1 for a dense input.");
        w.Param("h", "The previous hidden state (H values).");
        w.Param("z", "Receives the GateRows pre-activations.");
    }

    private static void BackwardParams(SourceWriter w)
    {
        w.Param("w", "The flat parameters.");
        w.Param("dw", "The flat gradient accumulator.");
        w.Param("dz", "dL/dz, the GateRows pre-activation gradients.");
        w.Param("x", "The step's dense input, or empty for a one-hot input.");
        w.Param("index", "The step's one-hot input index, or -1 for a dense input.");
        w.Param("h", "The step's previous hidden state.");
        w.Param("dx", "Receives dL/dx (D values).");
        w.Param("dh", "Receives dL/dh_prev through U (H values).");
    }
}
