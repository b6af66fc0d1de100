using System;
using System.Linq;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The step members of an unrolled cell's <c>Kernel</c>, overriding the contract's defaults (the runtime's loop
/// kernels) with straight-line code over the flat spans: every index a constant, every gate row one expression. Each
/// member runs the runtime's own argument checks first (<c>LstmGen.Internal.KernelChecks</c>), then slices its spans
/// to constant lengths, so that the JIT drops the bounds checks of the constant indices. The cache layout, the
/// activations and the order of every sum are the loop kernels', so the results are theirs. Forward above backward.
/// </summary>
internal static class UnrolledKernelEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        var cell = new UnrolledCell(spec);
        IUnrolledCellMath math = spec.Kind == CellKind.Lstm ? new UnrolledLstmMath(cell) : new UnrolledRnnMath(cell);
        string rs = cell.ReadOnlySpan, s = cell.Span;

        w.Line($"// Straight-line step members. state {math.StateShape} [{cell.StateLength}]; cache {math.CacheShape} [{cell.CacheLength}];");
        w.Line($"// p: [W | U] column by column ({cell.G} rows each), then b{(spec.HasHead ? ", then the head's W_y and b_y" : string.Empty)}.");
        w.Line("// After the checks, spans are sliced to constant lengths: the JIT drops the bounds checks of constant indices.");
        w.Line("// Each member reads all it needs before it writes: next may be state, and dState may be dNext.");
        w.Line();

        Member(w, cell, "Forward", [(rs, "p"), (rs, "x"), (rs, "state"), (s, "next"), (s, "cache")], ["p", "x", "cache", "next"],
            () => ForwardBody(w, cell, math, oneHot: false, withCache: true));
        Member(w, cell, "ForwardOneHot", [(rs, "p"), ("int", "index"), (rs, "state"), (s, "next"), (s, "cache")], ["p", "cache", "next"],
            () => ForwardBody(w, cell, math, oneHot: true, withCache: true));
        Member(w, cell, "Backward", [(rs, "p"), (rs, "x"), (rs, "cache"), (rs, "dNext"), (s, "dState"), (s, "dx"), (s, "dp")], ["p", "x", "cache", "dNext", "dState", "dp"],
            () => BackwardBody(w, cell, math, oneHot: false));
        Member(w, cell, "BackwardOneHot", [(rs, "p"), ("int", "index"), (rs, "cache"), (rs, "dNext"), (s, "dState"), (s, "dp")], ["p", "cache", "dNext", "dState", "dp"],
            () => BackwardBody(w, cell, math, oneHot: true));
        Member(w, cell, "Step", [(rs, "p"), (rs, "x"), (rs, "state"), (s, "next")], ["p", "x", "next"],
            () => ForwardBody(w, cell, math, oneHot: false, withCache: false));
        Member(w, cell, "StepOneHot", [(rs, "p"), ("int", "index"), (rs, "state"), (s, "next")], ["p", "next"],
            () => ForwardBody(w, cell, math, oneHot: true, withCache: false), last: !spec.HasHead);
        if (spec.HasHead)
        {
            Member(w, cell, "HeadForward", [(rs, "p"), (rs, "h"), (s, "logits")], ["p", "h", "logits"],
                () => UnrolledHead.EmitForwardBody(w, cell));
            Member(w, cell, "HeadBackward", [(rs, "p"), (rs, "h"), (rs, "dLogits"), (s, "dh"), (s, "dp")], ["p", "h", "dLogits", "dh", "dp"],
                () => UnrolledHead.EmitBackwardBody(w, cell), last: true);
        }
    }

    // x [D] (or e_index), state [S] → z [G] → activations → cache [CacheLength] (withCache) → next [S], written last.
    private static void ForwardBody(SourceWriter w, UnrolledCell cell, IUnrolledCellMath math, bool oneHot, bool withCache)
    {
        if (oneHot)
        {
            w.Line($"{cell.ReadOnlySpan} column = p.Slice(index * {cell.G}, {cell.G});");
        }

        math.EmitStateViews(w);
        w.Line();
        UnrolledGateMatrix.EmitPreActivations(w, cell, oneHot);
        w.Line();
        math.EmitActivations(w);
        w.Line();
        if (withCache)
        {
            w.Line($"// cache [{cell.CacheLength}] = {math.CacheShape}.");
            w.Line("state.CopyTo(cache);");
            math.EmitCacheWrites(w);
            w.Line();
        }

        w.Line($"// next [{cell.StateLength}] = {math.StateShape}, written last: next may be state itself.");
        math.EmitNextWrites(w);
    }

    // cache, dNext [S] → dz [G] (dNext read in full) → dp += ∂L/∂θ, dx [D], dState [S].
    private static void BackwardBody(SourceWriter w, UnrolledCell cell, IUnrolledCellMath math, bool oneHot)
    {
        math.EmitCacheViews(w);
        w.Line();
        math.EmitGateGradients(w);
        w.Line();
        UnrolledGateMatrix.EmitBackward(w, cell, oneHot);
        math.EmitStateGradientTail(w);
    }

    // One overriding member: its signature, the runtime's checks of the same member, constant-length slices, the body.
    private static void Member(
        SourceWriter w, UnrolledCell cell, string name, (string Type, string Name)[] parameters, string[] constantLength, Action body, bool last = false)
    {
        w.Line("/// <inheritdoc/>");
        w.Line($"public static void {name}({string.Join(", ", parameters.Select(p => $"{p.Type} {p.Name}"))})").Open();
        w.Line($"{cell.Checks(name)}({string.Join(", ", parameters.Select(p => p.Name))});");
        foreach (string span in constantLength)
        {
            w.Line($"{span} = {span}.Slice(0, {cell.Length(span)});");
        }

        w.Line();
        body();
        w.Close();
        if (!last)
        {
            w.Line();
        }
    }
}
