using System.Linq;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The step members of an unrolled GRU's <c>Kernel</c>: those of <see cref="UnrolledKernelEmitter"/>, with the GRU's
/// two partial products per gate row kept apart (gru-spec: n = tanh(zx_n + r·(zh_n + b_hn)) needs zh_n alone). The
/// input part zx [G] = b + W·x (one-hot: b + W[:, index]) and the hidden part zh [G] = U·h_prev are private members
/// of their own, the hidden one shared by the dense and one-hot steps; the element-wise forward (<c>Activate</c>) reads
/// both and b_hn. The backward's element-wise part (<c>GateGradients</c>) writes dz [5H] (<see cref="UnrolledGruMath"/>),
/// which the backward copies into locals before the gate matrix's backward reads them (see
/// <see cref="UnrolledCell.DzLocal"/>). Same order of every sum and product as <c>GruLoopKernel</c>.
/// </summary>
internal static class UnrolledGruKernelEmitter
{
    private const string ActivateName = "Activate";
    private const string GateGradientsName = "GateGradients";
    private const string InputName = "InputPreActivations";
    private const string HiddenName = "HiddenPreActivations";

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        var cell = new UnrolledCell(spec);
        var math = new UnrolledGruMath(cell);
        string rs = cell.ReadOnlySpan, s = cell.Span;

        w.Line($"// Straight-line step members. state {math.StateShape} [{cell.StateLength}]; cache {math.CacheShape} [{cell.CacheLength}]; p: [W | U] by column ({cell.G} rows each){(spec.HasBias ? ", then b, b_hn" : " (no bias)")}{(spec.HasHead ? ", W_y, b_y" : string.Empty)}.");
        w.Line("// Spans sliced to constant lengths after the checks (no bounds checks); each member reads all it needs before it writes (next may be state, dState dNext).");
        UnrolledMembers.InlineArray(w, cell, UnrolledCell.GatesType, cell.G);
        UnrolledMembers.InlineArray(w, cell, UnrolledGruMath.GradientsType, math.GradientsLength);
        w.Line();

        UnrolledMembers.Member(w, cell, "Forward", [(rs, "p"), (rs, "x"), (rs, "state"), (s, "next"), (s, "cache")], [],
            () => w.Line($"{ActivateName}(p, {InputName}(p, x), {HiddenName}(p, state), state, next, cache);"));
        UnrolledMembers.Member(w, cell, "ForwardOneHot", [(rs, "p"), ("int", "index"), (rs, "state"), (s, "next"), (s, "cache")], [],
            () => w.Line($"{ActivateName}(p, {InputName}OneHot(p, index), {HiddenName}(p, state), state, next, cache);"));
        PreActivations(w, cell, $"{InputName}({rs} p, {rs} x)", ["p", "x"], null, "zx", () => UnrolledGateMatrix.EmitInputPreActivations(w, cell, oneHot: false));
        PreActivations(w, cell, $"{InputName}OneHot({rs} p, int index)", ["p"], $"{rs} column = p.Slice(index * {cell.G}, {cell.G});", "zx",
            () => UnrolledGateMatrix.EmitInputPreActivations(w, cell, oneHot: true));
        PreActivations(w, cell, $"{HiddenName}({rs} p, {rs} state)", ["p"], $"{rs} hPrev = state.Slice(0, {cell.H});", "zh",
            () => UnrolledGateMatrix.EmitHiddenPreActivations(w, cell));

        w.Line($"// The element-wise forward of Forward and Step (which keeps no cache): zx, zh [{cell.G}] (inline arrays: inlinable, unlike stackalloc),{(spec.HasBias ? " b_hn," : string.Empty)} state [{cell.StateLength}] → cache, next.");
        w.Signature($"private static void {ActivateName}({rs} p, in {UnrolledCell.GatesType} zx, in {UnrolledCell.GatesType} zh, {rs} state, {s} next, {s} cache)", SourceWriter.MaxSignatureWidth);
        w.Open();
        w.Line(UnrolledMembers.SliceStatements(cell, ["state", "next"]) + (spec.HasBias ? $" {rs} bhn = p.Slice({cell.RecurrentBias(0)}, {cell.H});" : string.Empty));
        math.EmitForward(w);
        w.Close().Line();

        string hPrev = $"{rs} hPrev = cache.Slice(0, {cell.H});";
        UnrolledMembers.Member(w, cell, "Backward", [(rs, "p"), (rs, "x"), (rs, "cache"), (rs, "dNext"), (s, "dState"), (s, "dx"), (s, "dp")], ["p", "x", "dState", "dp"], hPrev,
            () => BackwardBody(w, cell, math, oneHot: false));
        UnrolledMembers.Member(w, cell, "BackwardOneHot", [(rs, "p"), ("int", "index"), (rs, "cache"), (rs, "dNext"), (s, "dState"), (s, "dp")], ["p", "dState", "dp"], hPrev,
            () => BackwardBody(w, cell, math, oneHot: true));
        w.Line($"// The element-wise backward of Backward and BackwardOneHot: cache [{cell.CacheLength}], dNext [{cell.StateLength}] → dz [{math.GradientsLength}].");
        w.Signature($"private static void {GateGradientsName}({rs} cache, {rs} dNext, ref {UnrolledGruMath.GradientsType} dz)", SourceWriter.MaxSignatureWidth);
        w.Open();
        UnrolledMembers.SliceLine(w, cell, ["cache", "dNext"]);
        math.EmitBackward(w);
        w.Close().Line();

        UnrolledMembers.Member(w, cell, "Step", [(rs, "p"), (rs, "x"), (rs, "state"), (s, "next")], [],
            () => w.Line($"{ActivateName}(p, {InputName}(p, x), {HiddenName}(p, state), state, next, default);"));
        UnrolledMembers.Member(w, cell, "StepOneHot", [(rs, "p"), ("int", "index"), (rs, "state"), (s, "next")], [],
            () => w.Line($"{ActivateName}(p, {InputName}OneHot(p, index), {HiddenName}(p, state), state, next, default);"), last: !spec.HasHead);
        if (spec.HasHead)
        {
            UnrolledMembers.Head(w, cell);
        }
    }

    // One partial product: its signature, constant-length slices and a declaration, the gate rows, return.
    private static void PreActivations(SourceWriter w, UnrolledCell cell, string signature, string[] constantLength, string? declaration, string result, System.Action rows)
    {
        w.Signature($"private static {UnrolledCell.GatesType} {signature}", SourceWriter.MaxSignatureWidth);
        w.Open();
        w.Line(string.Join(" ", new[] { UnrolledMembers.SliceStatements(cell, constantLength), declaration ?? string.Empty }.Where(part => part.Length > 0)));
        rows();
        w.Line($"return {result};");
        w.Close().Line();
    }

    // cache, dNext [H] → GateGradients: dz [5H] (dNext read in full), copied into locals → dp += ∂L/∂θ (b, b_hn, W, U), dx [D], dState [H].
    private static void BackwardBody(SourceWriter w, UnrolledCell cell, UnrolledGruMath math, bool oneHot)
    {
        string[] locals = math.CopyIntoLocals();
        int first = System.Math.Min(UnrolledCell.StatementsPerLine, locals.Length);
        w.Line(UnrolledCell.Scratch(UnrolledGruMath.GradientsType, "dz") + $" {GateGradientsName}(cache, dNext, ref dz); " + string.Join(" ", locals.Take(first)));
        UnrolledCell.Statements(w, locals.Skip(first), UnrolledCell.StatementsPerLine * 2);
        GateGradientLocals dz = math.Locals;
        UnrolledGateMatrix.EmitParameterGradients(w, cell, oneHot, dz);
        if (cell.Spec.HasBias)
        {
            w.Line($"// db_hn += dhn: n's recurrent bias, p[{cell.RecurrentBias(0)}..].");
            UnrolledCell.Statements(w, Enumerable.Range(0, cell.H).Select(j => UnrolledCell.Accumulate($"dp[{cell.RecurrentBias(j)}]", math.Dhn(j))), UnrolledCell.StatementsPerLine);
        }
        if (!oneHot)
        {
            UnrolledGateMatrix.EmitInputGradient(w, cell, dz);
        }

        UnrolledGateMatrix.EmitStateGradient(w, cell, dz);
    }
}
