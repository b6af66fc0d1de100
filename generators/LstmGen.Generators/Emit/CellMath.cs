using System;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The element-wise part of a cell's step, per cell kind, written once and used by both kernel strategies:
/// the caller supplies how a gate pre-activation z (or its gradient dz) is named, and the hidden index.
/// </summary>
internal static class CellMath
{
    /// <summary>One-letter names of the gate blocks, for unrolled locals (<c>zI0</c>, <c>dzG3</c>).</summary>
    public static string GateLetter(CellSpec spec, int gate) => spec.Kind == CellKind.Lstm ? "IFGO".Substring(gate, 1) : "H";

    /// <summary>Declares the hidden-size locals the forward step fills.</summary>
    public static string ForwardLocals(CellSpec spec) => spec.Kind == CellKind.Lstm
        ? "Hidden i = default, f = default, g = default, o = default, c = default, tanhC = default, h = default;"
        : "Hidden h = default;";

    /// <summary>Comment above the element-wise forward.</summary>
    public static string ForwardComment(CellSpec spec) => spec.Kind == CellKind.Lstm
        ? "// Activations: i, f, o = σ(z); g = tanh(z). Then c = f ⊙ c_prev + i ⊙ g and h = o ⊙ tanh(c)."
        : "// Activation: h = tanh(z).";

    /// <summary>Forward statements for hidden unit <paramref name="j"/>; <paramref name="z"/> names gate block g's pre-activation.</summary>
    public static void EmitForwardElement(SourceWriter w, CellSpec spec, string j, Func<int, string> z)
    {
        const string act = RuntimeNames.Activations;
        if (spec.Kind == CellKind.Rnn)
        {
            w.Line($"h[{j}] = {act}.Tanh({z(0)});");
            return;
        }

        w.Line($"i[{j}] = {act}.Sigmoid({z(0)});");
        w.Line($"f[{j}] = {act}.Sigmoid({z(1)});");
        w.Line($"g[{j}] = {act}.Tanh({z(2)});");
        w.Line($"o[{j}] = {act}.Sigmoid({z(3)});");
        w.Line($"c[{j}] = (f[{j}] * state.C[{j}]) + (i[{j}] * g[{j}]);");
        w.Line($"tanhC[{j}] = {act}.Tanh(c[{j}]);");
        w.Line($"h[{j}] = o[{j}] * tanhC[{j}];");
    }

    /// <summary>The forward step's return statement; <paramref name="input"/> is the cache's x, <paramref name="inputIndex"/> its one-hot index.</summary>
    public static string ForwardReturn(CellSpec spec, string input, string inputIndex) => spec.Kind == CellKind.Lstm
        ? $"return (new State(h, c), new StepCache({input}, {inputIndex}, state.H, state.C, i, f, g, o, tanhC));"
        : $"return (new State(h), new StepCache({input}, {inputIndex}, state.H, h));";

    /// <summary>The streaming step's return statement: the new state alone, no cache.</summary>
    public static string StateReturn(CellSpec spec) => spec.Kind == CellKind.Lstm ? "return new State(h, c);" : "return new State(h);";

    /// <summary>Comment above the element-wise backward.</summary>
    public static string BackwardComment(CellSpec spec) => spec.Kind == CellKind.Lstm
        ? "// Per hidden unit: dh_total = dh + carried dh; through h = o ⊙ tanh(c) into o and c (adding the carried dc);\n" +
          "// through c = f ⊙ c_prev + i ⊙ g into i, f, g; then through σ' = s(1 - s) and tanh' = 1 - t² into dz."
        : "// Per hidden unit: dh_total = dh + carried dh, then through tanh' = 1 - h² into dz.";

    /// <summary>Locals declared before the element-wise backward.</summary>
    public static string? BackwardLocals(CellSpec spec) => spec.Kind == CellKind.Lstm ? "Hidden dcPrev = default;" : null;

    /// <summary>
    /// Backward statements for hidden unit <paramref name="j"/>; <paramref name="suffix"/> makes local names unique
    /// (<c>0</c>, <c>1</c>.. when unrolled, <c>j</c> in a loop); <paramref name="dzTarget"/> is the assignment target of gate block g's dz.
    /// </summary>
    public static void EmitBackwardElement(SourceWriter w, CellSpec spec, string j, string suffix, Func<int, string> dzTarget)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string t = s.Keyword, one = s.One, dh = "dh" + suffix;
        w.Line($"{t} {dh} = dh[{j}] + carry.Dh[{j}];");
        if (spec.Kind == CellKind.Rnn)
        {
            w.Line($"{dzTarget(0)} = {dh} * ({one} - (cache.H[{j}] * cache.H[{j}]));");
            return;
        }

        string dO = "dO" + suffix, dc = "dc" + suffix;
        w.Line($"{t} {dO} = {dh} * cache.TanhC[{j}];");
        w.Line($"{t} {dc} = carry.Dc[{j}] + ({dh} * cache.O[{j}] * ({one} - (cache.TanhC[{j}] * cache.TanhC[{j}])));");
        w.Line($"{dzTarget(0)} = {dc} * cache.G[{j}] * (cache.I[{j}] * ({one} - cache.I[{j}]));");
        w.Line($"{dzTarget(1)} = {dc} * cache.CPrev[{j}] * (cache.F[{j}] * ({one} - cache.F[{j}]));");
        w.Line($"{dzTarget(2)} = {dc} * cache.I[{j}] * ({one} - (cache.G[{j}] * cache.G[{j}]));");
        w.Line($"{dzTarget(3)} = {dO} * (cache.O[{j}] * ({one} - cache.O[{j}]));");
        w.Line($"dcPrev[{j}] = {dc} * cache.F[{j}];");
    }

    /// <summary>The backward step's return statement.</summary>
    public static string BackwardReturn(CellSpec spec) => spec.Kind == CellKind.Lstm
        ? "return (dx, new StateGradient(dhPrev, dcPrev));"
        : "return (dx, new StateGradient(dhPrev));";
}
