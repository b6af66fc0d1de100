using System;
using System.Linq;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The step members of an unrolled cell's <c>Kernel</c>, overriding the contract's defaults (the runtime's loop
/// kernels) with straight-line code over the flat spans: every index a constant, every gate row one expression. Each
/// member runs the runtime's own argument checks first (<c>LstmGen.Internal.KernelChecks</c>), then slices its spans
/// to constant lengths, so that the JIT drops the bounds checks of the constant indices. The cache layout, the
/// activations and the order of every sum are the loop kernels', so the results are theirs; except that an LSTM whose
/// four gates fill one Vector256 (H = 1 in double) activates them in one vector pass (a few ulps from the scalar σ and
/// tanh; see <see cref="UnrolledCell.GatesInOneVector"/>). Forward above backward.
/// </summary>
/// <remarks>
/// The dense and one-hot forms differ only in the gate matrix product, so the element-wise part of each direction is one
/// private member (<c>Activate</c>, <c>GateGradients</c>) over the gate values z or dz [G] in a private inline array on
/// the stack; the inference steps are the forward steps into a scratch cache, another inline array. Inline arrays, not
/// <c>stackalloc</c>: a method with <c>stackalloc</c> is never inlined and gets a stack cookie check, which cost config A's
/// BPTT about 40% (measured); with inline arrays the shared members cost A's step and BPTT a few per cent.
/// </remarks>
internal static class UnrolledKernelEmitter
{
    private const string ActivateName = "Activate";
    private const string GateGradientsName = "GateGradients";
    private const string PreActivationsName = "PreActivations";

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        if (spec.Kind == CellKind.Gru)
        {
            UnrolledGruKernelEmitter.Emit(w, spec);
            return;
        }

        var cell = new UnrolledCell(spec);
        IUnrolledCellMath math = spec.Kind == CellKind.Lstm ? new UnrolledLstmMath(cell) : new UnrolledRnnMath(cell);
        string rs = cell.ReadOnlySpan, s = cell.Span;

        w.Line($"// Straight-line step members. state {math.StateShape} [{cell.StateLength}]; cache {math.CacheShape} [{cell.CacheLength}]; p: [W | U] by column ({cell.G} rows each), then b{(spec.HasHead ? ", W_y, b_y" : string.Empty)}.");
        w.Line("// Spans sliced to constant lengths after the checks (no bounds checks); each member reads all it needs before it writes (next may be state, dState dNext).");
        UnrolledMembers.InlineArray(w, cell, UnrolledCell.GatesType, cell.G);
        w.Line();

        UnrolledMembers.Member(w, cell, "Forward", [(rs, "p"), (rs, "x"), (rs, "state"), (s, "next"), (s, "cache")], [],
            () => w.Line($"{ActivateName}({PreActivationsName}(p, x, state), state, next, cache);"));
        UnrolledMembers.Member(w, cell, "ForwardOneHot", [(rs, "p"), ("int", "index"), (rs, "state"), (s, "next"), (s, "cache")], [],
            () => w.Line($"{ActivateName}({PreActivationsName}OneHot(p, index, state), state, next, cache);"));
        PreActivations(w, cell, $"{rs} p, {rs} x, {rs} state", ["p", "x"], oneHot: false);
        PreActivations(w, cell, $"{rs} p, int index, {rs} state", ["p"], oneHot: true);
        w.Line($"// The element-wise forward of Forward and Step (which keeps no cache): z [{cell.G}] ({(cell.GatesInOneVector ? "one vector" : "an inline array: inlinable, unlike stackalloc")}), state [{cell.StateLength}] → cache, next.");
        string zType = cell.GatesInOneVector ? cell.GateVector : $"in {UnrolledCell.GatesType}";
        w.Signature($"private static void {ActivateName}({zType} z, {rs} state, {s} next, {s} cache)", SourceWriter.MaxSignatureWidth);
        w.Open();
        UnrolledMembers.SliceLine(w, cell, ["state", "next"]);
        math.EmitForward(w);
        w.Close().Line();

        string dState = math.WritesStateGradient ? ", dState" : string.Empty;
        UnrolledMembers.Member(w, cell, "Backward", [(rs, "p"), (rs, "x"), (rs, "cache"), (rs, "dNext"), (s, "dState"), (s, "dx"), (s, "dp")], ["p", "x", "dState", "dp"], $"{cell.ReadOnlySpan} hPrev = cache.Slice(0, {cell.H});",
            () => BackwardBody(w, cell, dState, oneHot: false));
        UnrolledMembers.Member(w, cell, "BackwardOneHot", [(rs, "p"), ("int", "index"), (rs, "cache"), (rs, "dNext"), (s, "dState"), (s, "dp")], ["p", "dState", "dp"], $"{cell.ReadOnlySpan} hPrev = cache.Slice(0, {cell.H});",
            () => BackwardBody(w, cell, dState, oneHot: true));
        w.Line($"// The element-wise backward of Backward and BackwardOneHot: cache [{cell.CacheLength}], dNext [{cell.StateLength}] → dz [{cell.G}]{(dState.Length > 0 ? ", dc_prev" : string.Empty)}.");
        w.Signature($"private static void {GateGradientsName}({rs} cache, {rs} dNext, ref {UnrolledCell.GatesType} dz{(dState.Length > 0 ? $", {s} dState" : string.Empty)})", SourceWriter.MaxSignatureWidth);
        w.Open();
        UnrolledMembers.SliceLine(w, cell, math.WritesStateGradient ? ["cache", "dNext", "dState"] : ["cache", "dNext"]);
        math.EmitBackward(w);
        w.Close().Line();

        UnrolledMembers.Member(w, cell, "Step", [(rs, "p"), (rs, "x"), (rs, "state"), (s, "next")], [],
            () => w.Line($"{ActivateName}({PreActivationsName}(p, x, state), state, next, default);"));
        UnrolledMembers.Member(w, cell, "StepOneHot", [(rs, "p"), ("int", "index"), (rs, "state"), (s, "next")], [],
            () => w.Line($"{ActivateName}({PreActivationsName}OneHot(p, index, state), state, next, default);"), last: !spec.HasHead);
        if (spec.HasHead)
        {
            UnrolledMembers.Head(w, cell);
        }
    }

    // The gate rows of Forward and Step (ForwardOneHot and StepOneHot): x [D] (or e_index), h_prev = state[..H] → z [G].
    private static void PreActivations(SourceWriter w, UnrolledCell cell, string parameters, string[] constantLength, bool oneHot)
    {
        string type = cell.GatesInOneVector ? cell.GateVector : UnrolledCell.GatesType;
        w.Signature($"private static {type} {PreActivationsName}{(oneHot ? "OneHot" : string.Empty)}({parameters})", SourceWriter.MaxSignatureWidth);
        w.Open();
        w.Line(UnrolledMembers.SliceStatements(cell, constantLength) + " " + (oneHot
            ? $"{cell.ReadOnlySpan} column = p.Slice(index * {cell.G}, {cell.G}), hPrev = state.Slice(0, {cell.H});"
            : $"{cell.ReadOnlySpan} hPrev = state.Slice(0, {cell.H});"));
        if (cell.GatesInOneVector)
        {
            UnrolledGateMatrix.EmitPreActivationVector(w, cell, oneHot);
        }
        else
        {
            UnrolledGateMatrix.EmitPreActivations(w, cell, oneHot);
        }

        w.Line("return z;");
        w.Close().Line();
    }

    // cache, dNext [S] → GateGradients: dz [G] (dNext read in full), copied into locals → dp += ∂L/∂θ, dx [D], dState [S].
    private static void BackwardBody(SourceWriter w, UnrolledCell cell, string dState, bool oneHot)
    {
        // dz [G], then into locals dz0, dz1, … (see UnrolledCell.DzLocal): the first few on the call's line.
        var locals = Enumerable.Range(0, cell.G).Select(r => $"{cell.T} {cell.DzLocal(r)} = {cell.Dz(r)};").ToList();
        int first = System.Math.Min(UnrolledCell.StatementsPerLine, locals.Count);
        w.Line(UnrolledCell.Scratch(UnrolledCell.GatesType, "dz") + $" {GateGradientsName}(cache, dNext, ref dz{dState}); " + string.Join(" ", locals.Take(first)));
        UnrolledCell.Statements(w, locals.Skip(first), UnrolledCell.StatementsPerLine * 2);
        UnrolledGateMatrix.EmitBackward(w, cell, oneHot);
    }
}
