using System.Collections.Generic;
using System.Linq;

namespace LstmGen.Generators.Model;

/// <summary>
/// One straight-line member of an unrolled cell's <c>Kernel</c>, measured in what the JIT bounds: IL instructions and
/// locals. <see cref="Bytes"/> bounds its IL size: the statements of the unrolled emitters average at most 3 bytes per
/// instruction (a span read is <c>ldarga.s</c>, <c>ldc.i4</c>, <c>call</c>, <c>ldind</c>: 13 bytes for 4 instructions
/// at the largest index, and every read comes with a 1-byte <c>mul</c>, <c>add</c> or <c>stind</c>).
/// </summary>
/// <param name="Member">The member's name in the generated <c>Kernel</c>.</param>
/// <param name="Instructions">An upper bound of its IL instructions, as C# compilers emit them in Release.</param>
/// <param name="Locals">An upper bound of its IL locals.</param>
internal readonly record struct MemberSize(string Member, long Instructions, long Locals)
{
    /// <summary>An upper bound of the member's IL bytes.</summary>
    public long Bytes => 3 * Instructions;

    /// <summary>Whether the JIT optimises a member of this size (<see cref="KernelLimits.MaxStraightLineIlInstructions"/>, <see cref="KernelLimits.MaxStraightLineLocals"/>).</summary>
    public bool WithinBudget => Instructions <= KernelLimits.MaxStraightLineIlInstructions && Locals <= KernelLimits.MaxStraightLineLocals;
}

/// <summary>
/// The size of every straight-line member an unrolled cell's <c>Kernel</c> has (<c>Emit/Unrolled</c>), from the cell's
/// kind and sizes alone, so that the analyzer, the generator and the docs apply one unroll budget before any code is
/// emitted. Each count is the statements the emitters write times what C# compiles each into, in IL instructions:
/// <list type="bullet">
/// <item>a read <c>s[k]</c> of a span or of an inline array: address (3: <c>ldarga</c>, <c>ldc.i4</c>, <c>call</c>) and <c>ldind</c>, 4;</item>
/// <item>a product term <c>(a * b)</c>: two reads and <c>mul</c>, 9, and 1 more (<c>add</c>) for each term after the first;</item>
/// <item>a gate or class row <c>t = b + Σ (a·w)</c>: the target's address (3), the bias read (4), 10 per product, <c>stind</c>: 8 + 10n;</item>
/// <item>an accumulation <c>dp[k] = dp[k] + a * dz3;</c> (the backward copies dz into locals first; written out, not
/// <c>+=</c>, see <c>UnrolledCell.Accumulate</c>): address (3), the element (4), a read (4), <c>ldloc</c>, <c>mul</c>,
/// <c>add</c>, <c>stind</c>: 15; <c>dp[k] = dp[k] + dz3;</c> 10; the head's <c>dp[k] = dp[k] + h[j] * dLogits[r];</c> 18;</item>
/// <item>a transposed dot row <c>dx[k] = Σ_r (w·dz_r)</c> of n terms: 7n + 3.</item>
/// </list>
/// The element-wise members are counted per hidden unit, with a constant for the prologue (checks, slices); every
/// constant was checked against the IL of compiled cells, and LstmGen.Generators.Tests (UnrolledIlSizeTests) checks
/// the whole model against the IL Roslyn emits for a ladder of cells, and LstmGen.UnrollLimit.Tests against the SDK's.
/// </summary>
internal static class StraightLineSize
{
    // The GRU's constants: prologues (checks, slices, the scratch array, the return) and element-wise costs per hidden
    // unit, counted from the statements and equal to the IL Roslyn compiles (UnrolledIlSizeTests; Activate per unit: r
    // and z 11 each, hn 10, n 10, h' 13, the cache 28, next 5; GateGradients per unit: dh 5, dan 21, dar 22, daz 27,
    // dan, dhn, dh'·z 5 + 10 + 10).
    private const long GruInputPrologue = 13;
    private const long GruOneHotPrologue = 15;
    private const long GruHiddenPrologue = 13;
    private const long GruActivatePrologue = 22;
    private const long GruActivatePerUnit = 88;

    // A bias-free GRU's Activate reads no b_hn: no slice (5 instructions, 1 local) and hn = zh_n alone (5 fewer per unit).
    private const long GruBhnSlice = 5;
    private const long GruBhnPerUnit = 5;
    private const long GruBackwardPrologue = 47;
    private const long GruBackwardOneHotPrologue = 40;
    private const long GruGateGradientsPrologue = 35;
    private const long GruGateGradientsPerUnit = 100;

    /// <summary>
    /// Every straight-line member of an unrolled cell of this kind and these sizes (<paramref name="v"/> = 0: no head;
    /// <paramref name="hasBias"/> false: a bias-free cell, whose rows have no bias term and whose backward no db;
    /// <paramref name="gatesInOneVector"/>: an LSTM with H = 1 in double, whose z is one vector expression and whose
    /// gates are activated in one call, fewer instructions than the scalar rows: the budget counts the scalar rows, an
    /// upper bound).
    /// </summary>
    public static IEnumerable<MemberSize> Members(CellKind kind, int d, int h, int v, bool hasBias = true, bool gatesInOneVector = false)
    {
        IEnumerable<MemberSize> step = kind == CellKind.Gru ? GruMembers(d, h, hasBias)
            : gatesInOneVector ? OneVectorLstmMembers(d, hasBias)
            : LstmOrRnnMembers(kind, d, h, hasBias);
        return v > 0 ? step.Concat(HeadMembers(h, v)) : step;
    }

    // An LSTM with H = 1 in double: z = b + Σ column·scalar as one Vector256 expression (a term: slice, load, multiply,
    // add: 11; the first without an add; the bias 5), Activate with the activated vector as a local (fewer instructions
    // than the scalar calls, one more local); the backward members as the scalar rows.
    private static IEnumerable<MemberSize> OneVectorLstmMembers(int d, bool hasBias)
    {
        long bias = hasBias ? 5 : -1, columns = (long)d + 1;
        yield return new MemberSize("PreActivations", 16 + bias + (11 * columns), 1);
        yield return new MemberSize("PreActivationsOneHot", 25 + bias + 11, 2);
        foreach (MemberSize member in LstmOrRnnMembers(CellKind.Lstm, d, 1, hasBias).Where(m => m.Member is not ("PreActivations" or "PreActivationsOneHot" or "Activate")))
        {
            yield return member;
        }

        yield return new MemberSize("Activate", 105, 7);
    }

    // The step members of an LSTM or an RNN (UnrolledKernelEmitter).
    private static IEnumerable<MemberSize> LstmOrRnnMembers(CellKind kind, int d, int h, bool hasBias)
    {
        long g = (kind == CellKind.Lstm ? 4L : 1L) * h, columns = (long)d + h;
        bool lstm = kind == CellKind.Lstm;

        // A row's bias read and its add (5), and the backward's db accumulation (10 per gate row); 0 without a bias.
        long biasTerm = hasBias ? 5 : 0, biasGradient = hasBias ? 10 : 0;

        // z [G] = b + W·x + U·h_prev: one row of D + H products per gate row (bias-free: the first product without an add).
        yield return new MemberSize("PreActivations", 18 + (g * (3 + biasTerm + (10 * columns))), 2);

        // z [G] = b + W[:, index] + U·h_prev: bias, the column, H products.
        yield return new MemberSize("PreActivationsOneHot", 20 + (g * (8 + biasTerm + (10 * h))), 3);

        // The element-wise forward: LSTM 6 locals per unit (i, f, g, o, c, tanh c), and at H = 1 one more, which a double
        // cell's activated gate vector takes (OneVectorLstmMembers: the sizes here bound both forms); RNN 1 (h).
        yield return lstm
            ? new MemberSize("Activate", 18 + (91L * h), (6L * h) + (h == 1 ? 1 : 0))
            : new MemberSize("Activate", 18 + (24L * h), h);

        // dz [G] into G locals (5 each) first; then dp += ∂L/∂θ: bias G (10 each), [W | U] G·(D + H) accumulations of a
        // read times a local (15 each); dx [D] and dh_prev [H], each a dot row of G terms p[k]·dz_r (7G + 3). An LSTM
        // passes dState to its element-wise backward: one more argument.
        int lstmArgument = lstm ? 1 : 0;
        yield return new MemberSize("Backward", 47 + lstmArgument + ((5 + biasGradient) * g) + (15 * g * columns) + (columns * ((7 * g) + 3)), g + 2);

        // The same with the one-hot column (G accumulations of a local, 10 each) for W: no dx.
        yield return new MemberSize("BackwardOneHot", 40 + lstmArgument + ((15 + biasGradient) * g) + (15 * g * h) + (h * ((7 * g) + 3)), g + 3);

        // The element-wise backward: LSTM 3 locals per unit (dh, dO, dc) and six cache slices.
        yield return lstm
            ? new MemberSize("GateGradients", 45 + (129L * h), 6 + (3L * h))
            : new MemberSize("GateGradients", 15 + (20L * h), 1);
    }

    // The step members of a GRU (UnrolledGruKernelEmitter): the two partial products zx and zh in members of their own,
    // the element-wise forward reading b_hn, and gate gradients dz [5H] = [dzx (3H) | dhn (H) | dh'⊙z (H)].
    private static IEnumerable<MemberSize> GruMembers(int d, int h, bool hasBias)
    {
        long g = 3L * h;
        long biasTerm = hasBias ? 5 : 0, biasGradient = hasBias ? 10 : 0;

        // zx [G] = b + W·x: one row of D products after the bias per gate row (bias-free: the first without an add).
        yield return new MemberSize("InputPreActivations", GruInputPrologue + (g * (3 + biasTerm + (10L * d))), 1);

        // zx [G] = b + W[:, index]: the bias plus the column's row (13 each; bias-free the row alone, 8).
        yield return new MemberSize("InputPreActivationsOneHot", GruOneHotPrologue + ((8 + biasTerm) * g), 2);

        // zh [G] = U·h_prev: H products, the first without an add (3 + 10H per row).
        yield return new MemberSize("HiddenPreActivations", GruHiddenPrologue + (g * (3 + (10L * h))), 2);

        // The element-wise forward: 5 locals per unit (r, z, hn, n, h) and the b_hn slice.
        yield return hasBias
            ? new MemberSize("Activate", GruActivatePrologue + (GruActivatePerUnit * h), (5L * h) + 1)
            : new MemberSize("Activate", GruActivatePrologue - GruBhnSlice + ((GruActivatePerUnit - GruBhnPerUnit) * h), 5L * h);

        // dz [5H] into 5H locals (5 each) first; then dp += ∂L/∂θ: b (G, 10 each), b_hn (H, 10 each), [W | U] G·(D + H)
        // accumulations (15 each); dx [D], dot rows of G terms (7G + 3); dh_prev [H], the same plus the direct term (+2).
        long gradients = (25L * h) + (biasGradient * (g + h)) + (15 * g * ((long)d + h));
        yield return new MemberSize("Backward", GruBackwardPrologue + gradients + (d * ((7 * g) + 3)) + (h * ((7 * g) + 5)), (5L * h) + 2);

        // The same with the one-hot column (G accumulations of a local, 10 each) for W: no dx.
        long oneHotGradients = (25L * h) + (10 * g) + (biasGradient * (g + h)) + (15 * g * h);
        yield return new MemberSize("BackwardOneHot", GruBackwardOneHotPrologue + oneHotGradients + (h * ((7 * g) + 5)), (5L * h) + 3);

        // The element-wise backward: 2 locals per unit (dh, dan) and five cache slices.
        yield return new MemberSize("GateGradients", GruGateGradientsPrologue + (GruGateGradientsPerUnit * h), 5 + (2L * h));
    }

    // The softmax head's members, the same for every kind.
    private static IEnumerable<MemberSize> HeadMembers(int h, int v)
    {
        // logits [V] = b_y + W_y·h: V rows of H products.
        yield return new MemberSize("HeadForward", 20 + (v * (8 + (10L * h))), 0);

        // db_y (V, 13 each) and dW_y (V·H, 18 each) accumulations; dh [H] = W_yᵀ·dLogits, dot rows of V terms.
        yield return new MemberSize("HeadBackward", 32 + (13L * v) + (18L * v * h) + (h * ((10L * v) + 3)), 1);
    }

    /// <summary>The largest member by IL instructions.</summary>
    public static MemberSize Largest(CellKind kind, int d, int h, int v, bool hasBias = true) =>
        Members(kind, d, h, v, hasBias).Aggregate((largest, member) => member.Instructions > largest.Instructions ? member : largest);

    /// <summary>Whether every member is within the unroll budget, so that the JIT optimises each.</summary>
    public static bool WithinBudget(CellKind kind, int d, int h, int v, bool hasBias = true) => Members(kind, d, h, v, hasBias).All(member => member.WithinBudget);

    /// <summary>As <see cref="WithinBudget(CellKind, int, int, int, bool)"/>, for a parsed cell.</summary>
    public static bool WithinBudget(CellSpec spec) => WithinBudget(spec.Kind, spec.InputSize, spec.HiddenSize, spec.OutputSize, spec.HasBias);

    /// <summary>As <see cref="Largest(CellKind, int, int, int, bool)"/>, for a parsed cell.</summary>
    public static MemberSize Largest(CellSpec spec) => Largest(spec.Kind, spec.InputSize, spec.HiddenSize, spec.OutputSize, spec.HasBias);
}
