using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the backward matrix kernel of the SIMD strategy, once per vector width: one pass over the columns of
/// [W | U], each column k read once for both of its uses, the outer-product accumulation
/// <c>d[W | U][:, k] += dz·[x; h_prev]_k</c> and the transposed product <c>[dx; dh_prev]_k = [W | U][:, k]·dz</c>.
/// dz (GateRows values) stays in the L1 cache while the columns stream past. The dot products keep 4 partial sums
/// per lane, so they sum in a different order from the scalar kernels (a few ulps apart).
/// </summary>
internal static class SimdBackwardEmitter
{
    /// <summary>Emits the body; refs <c>w0</c>, <c>dw0</c>, <c>dz0</c>, <c>x0</c>, <c>h0</c>, <c>dx0</c>, <c>dh0</c> must be in scope.</summary>
    public static void EmitBody(SourceWriter w, CellSpec spec, SimdWidth width)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line("// Columns of W (the input x). A one-hot step's x is 1 at index and 0 elsewhere: only column index gains a gradient.");
        w.Line("for (int k = 0; k < InputSize; k++)").Open();
        w.Line("nuint column = (nuint)(k * GateRows);");
        w.Line("if (index < 0 || index == k)").Open();
        w.Line($"{t} input = index < 0 ? {SimdNames.Unsafe}.Add(ref x0, k) : 1;");
        EmitColumn(w, spec, width, update: true, target: "dx0");
        w.Close();
        w.Line("else").Open();
        EmitColumn(w, spec, width, update: false, target: "dx0");
        w.Close();
        w.Close();
        w.Line();
        w.Line("// Columns of U (the previous hidden state).");
        w.Line("for (int k = 0; k < HiddenSize; k++)").Open();
        w.Line("nuint column = (nuint)((InputSize + k) * GateRows);");
        w.Line($"{t} input = {SimdNames.Unsafe}.Add(ref h0, k);");
        EmitColumn(w, spec, width, update: true, target: "dh0");
        w.Close();
        w.Line();
        EmitBias(w, spec, width);
    }

    /// <summary>One column: optional outer-product update, and the dot product written to <paramref name="target"/>[k].</summary>
    private static void EmitColumn(SourceWriter w, CellSpec spec, SimdWidth width, bool update, string target)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword, v = width.Static, u = SimdNames.Unsafe;
        int rows = spec.GateRows, lanes = width.Lanes, block = SimdWidth.BlockVectors * lanes;
        int blockEnd = width.BlockEnd(rows, SimdWidth.BlockVectors), vectorEnd = width.VectorEnd(rows);
        string Off(string start, int a) => a == 0 ? start : $"{start} + {a * lanes}";
        if (vectorEnd > 0)
        {
            w.Line($"{width.Of(t)} s0 = {width.Of(t)}.Zero, s1 = s0, s2 = s0, s3 = s0;");
            if (update)
            {
                w.Line($"var inputs = {v}.Create(input);");
            }
        }

        if (blockEnd > 0)
        {
            w.Line($"for (int r = 0; r < {blockEnd}; r += {block})").Open();
            w.Line("nuint at = column + (nuint)r;");
            for (int a = 0; a < SimdWidth.BlockVectors; a++)
            {
                w.Line($"var d{a} = {v}.LoadUnsafe(ref dz0, {Off("(nuint)r", a)});");
            }

            for (int a = 0; a < SimdWidth.BlockVectors; a++)
            {
                w.Line($"s{a} = {v}.FusedMultiplyAdd({v}.LoadUnsafe(ref w0, {Off("at", a)}), d{a}, s{a});");
                if (update)
                {
                    w.Line($"{v}.StoreUnsafe({v}.FusedMultiplyAdd(d{a}, inputs, {v}.LoadUnsafe(ref dw0, {Off("at", a)})), ref dw0, {Off("at", a)});");
                }
            }

            w.Close();
        }

        if (vectorEnd > blockEnd)
        {
            w.Line($"for (int r = {blockEnd}; r < {vectorEnd}; r += {lanes})").Open();
            w.Line("nuint at = column + (nuint)r;");
            w.Line($"var d = {v}.LoadUnsafe(ref dz0, (nuint)r);");
            w.Line($"s0 = {v}.FusedMultiplyAdd({v}.LoadUnsafe(ref w0, at), d, s0);");
            if (update)
            {
                w.Line($"{v}.StoreUnsafe({v}.FusedMultiplyAdd(d, inputs, {v}.LoadUnsafe(ref dw0, at)), ref dw0, at);");
            }

            w.Close();
        }

        w.Line(vectorEnd > 0 ? $"{t} sum = {v}.Sum((s0 + s1) + (s2 + s3));" : $"{t} sum = 0;");
        if (vectorEnd < rows)
        {
            w.Line($"// Rows {vectorEnd}..{rows - 1}: the {rows - vectorEnd} left over after whole vectors, scalar (the update must not repeat a row).");
            w.Line($"for (int r = {vectorEnd}; r < GateRows; r++)").Open();
            w.Line($"{t} d = {u}.Add(ref dz0, r);");
            w.Line($"sum += {u}.Add(ref w0, (int)column + r) * d;");
            if (update)
            {
                w.Line($"{u}.Add(ref dw0, (int)column + r) += d * input;");
            }

            w.Close();
        }

        w.Line($"{u}.Add(ref {target}, k) = sum;");
    }

    private static void EmitBias(SourceWriter w, CellSpec spec, SimdWidth width)
    {
        string v = width.Static, u = SimdNames.Unsafe;
        int rows = spec.GateRows, vectorEnd = width.VectorEnd(rows);
        w.Line("// Bias: db += dz.");
        if (vectorEnd > 0)
        {
            w.Line($"for (int r = 0; r < {vectorEnd}; r += {width.Lanes})").Open();
            w.Line("nuint at = (nuint)(BiasOffset + r);");
            w.Line($"{v}.StoreUnsafe({v}.LoadUnsafe(ref dw0, at) + {v}.LoadUnsafe(ref dz0, (nuint)r), ref dw0, at);");
            w.Close();
        }

        if (vectorEnd < rows)
        {
            w.Line($"for (int r = {vectorEnd}; r < GateRows; r++)").Open();
            w.Line($"{u}.Add(ref dw0, BiasOffset + r) += {u}.Add(ref dz0, r);");
            w.Close();
        }
    }
}
