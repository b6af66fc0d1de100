using System.Collections.Generic;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the forward matrix-vector kernel of the SIMD strategy, once per vector width:
/// <c>z = Σ_k M[:, k]·v_k + bias</c> over a column-major matrix M whose columns are contiguous runs of R rows
/// (the fused gate matrix [W | U] with R = GateRows, or the head's W_y with R = V). Rows are processed in register
/// blocks of 8 vectors: the accumulators stay in registers while every column streams past, so each weight is loaded
/// once and used in one fused multiply-add. Terms are added in the scalar kernels' order (columns in order, then the
/// bias), so results differ from <see cref="LoopKernels"/> only by the fused multiply-add's single rounding; except for
/// matrices of a few row vectors (the head), which keep 4 partial sums per row to hide the FMA latency.
/// </summary>
internal static class SimdMatVecEmitter
{
    /// <summary>A run of columns multiplied by one input vector.</summary>
    /// <param name="FirstColumn">C# expression of the run's first column, e.g. <c>InputSize</c>.</param>
    /// <param name="Count">C# expression of the number of columns, e.g. <c>HiddenSize</c>.</param>
    /// <param name="Input">Name of the ref local holding the input's first element.</param>
    /// <param name="OneHot">Whether a non-negative <c>index</c> replaces this run by a gather of column <c>index</c>.</param>
    internal sealed record ColumnRun(string FirstColumn, string Count, string Input, bool OneHot);

    /// <summary>The shape of one matrix-vector product.</summary>
    /// <param name="Rows">R, the constant row count (the column stride).</param>
    /// <param name="RowsName">The constant's name in generated code, e.g. <c>GateRows</c>.</param>
    /// <param name="MatrixOffset">Expression of the matrix's offset in the flat buffer.</param>
    /// <param name="BiasOffset">Expression of the bias's offset in the flat buffer.</param>
    /// <param name="Runs">The column runs, in summation order.</param>
    internal sealed record Shape(int Rows, string RowsName, string MatrixOffset, string BiasOffset, IReadOnlyList<ColumnRun> Runs);

    /// <summary>Emits the body of one width's kernel; refs <c>w0</c> (flat parameters), the inputs and <c>z0</c> must be in scope.</summary>
    public static void EmitBody(SourceWriter w, CellSpec spec, SimdWidth width, Shape shape)
    {
        int rows = shape.Rows, lanes = width.Lanes;
        int blocked = SimdWidth.ForwardBlockVectors;
        int blockEnd = width.BlockEnd(rows, blocked), vectorEnd = width.VectorEnd(rows);
        int block = blocked * lanes;
        int positions = (vectorEnd / lanes) + (rows % lanes == 0 ? 0 : 1);
        if (blockEnd == 0 && rows >= lanes && positions <= 4 && shape.Runs.Count == 1 && !shape.Runs[0].OneHot)
        {
            EmitFewRows(w, spec, width, shape, positions);
            return;
        }

        if (blockEnd > 0)
        {
            w.Line($"// Rows 0..{blockEnd - 1}: {blockEnd / block} block(s) of {block} rows ({blocked} accumulators of {lanes} lanes).");
            w.Line($"for (int r = 0; r < {blockEnd}; r += {block})").Open();
            EmitRows(w, spec, width, shape, blocked, "r");
            w.Close();
        }

        if (vectorEnd > blockEnd)
        {
            if (blockEnd > 0)
            {
                w.Line();
            }

            w.Line($"// Rows {blockEnd}..{vectorEnd - 1}: one vector of {lanes} lanes at a time.");
            w.Line($"for (int r = {blockEnd}; r < {vectorEnd}; r += {lanes})").Open();
            EmitRows(w, spec, width, shape, 1, "r");
            w.Close();
        }

        if (vectorEnd == rows)
        {
            return;
        }

        if (vectorEnd > 0)
        {
            w.Line();
        }

        if (rows >= lanes)
        {
            // The tail as one more vector ending at the last row: it recomputes a few rows with the same operations in
            // the same order, so they get the same values; no scalar remainder, no runtime branch.
            w.Line($"// Rows {vectorEnd}..{rows - 1} ({rows % lanes} left over): one vector ending at the last row, rows {rows - lanes}..{rows - 1}.");
            w.Line($"// The rows it repeats get the same values again (same operations in the same order).");
            w.Open();
            w.Line($"const int r = {rows - lanes};");
            EmitRows(w, spec, width, shape, 1, "r");
            w.Close();
            return;
        }

        w.Line($"// Rows 0..{rows - 1}: fewer rows than lanes, so scalar.");
        w.Line($"for (int r = 0; r < {rows}; r++)").Open();
        EmitScalarRow(w, spec, shape);
        w.Close();
    }

    /// <summary>
    /// A matrix of only a few row vectors (the head: V rows): one accumulator per row vector would make every fused
    /// multiply-add wait for the previous one, so each row vector keeps 4 partial sums over interleaved columns
    /// (k mod 4), added pairwise at the end. The last vector may overlap the one before it (rows R − lanes .. R − 1);
    /// shared rows get identical values, since each lane's sums depend only on its own row.
    /// </summary>
    private static void EmitFewRows(SourceWriter w, CellSpec spec, SimdWidth width, Shape shape, int positions)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword, v = width.Static, u = SimdNames.Unsafe;
        ColumnRun run = shape.Runs[0];
        int rows = shape.Rows, lanes = width.Lanes;
        var starts = new List<int>();
        for (int p = 0; p < positions; p++)
        {
            starts.Add(System.Math.Min(p * lanes, rows - lanes));
        }

        string matrix = shape.MatrixOffset == "0" ? "" : $"{shape.MatrixOffset} + ";
        int columns = run.Count == "HiddenSize" ? spec.HiddenSize : spec.InputSize, fours = columns / 4 * 4;
        w.Line($"// Rows 0..{rows - 1} as {positions} vector(s) starting at row {string.Join(", ", starts)}; 4 partial sums each over columns k mod 4.");
        for (int p = 0; p < positions; p++)
        {
            w.Line($"{width.Of(t)} a{p}0 = {width.Of(t)}.Zero, a{p}1 = a{p}0, a{p}2 = a{p}0, a{p}3 = a{p}0;");
        }

        w.Line($"for (int k = 0; k < {fours}; k += 4)").Open();
        for (int c = 0; c < 4; c++)
        {
            w.Line($"var input{c} = {v}.Create({u}.Add(ref {run.Input}, k + {c}));");
        }

        w.Line($"nuint at = (nuint)({matrix}(k * {shape.RowsName}));");
        for (int p = 0; p < positions; p++)
        {
            for (int c = 0; c < 4; c++)
            {
                string column = c == 0 ? "at" : $"at + ({c} * {shape.RowsName})";
                w.Line($"a{p}{c} = {v}.FusedMultiplyAdd({v}.LoadUnsafe(ref w0, {column} + {starts[p]}), input{c}, a{p}{c});");
            }
        }

        w.Close();
        w.Line();
        if (fours < columns)
        {
            w.Line($"// Columns {fours}..{columns - 1}, left over after groups of 4.");
            w.Line($"for (int k = {fours}; k < {columns}; k++)").Open();
            w.Line($"var input = {v}.Create({u}.Add(ref {run.Input}, k));");
            w.Line($"nuint at = (nuint)({matrix}(k * {shape.RowsName}));");
            for (int p = 0; p < positions; p++)
            {
                w.Line($"a{p}0 = {v}.FusedMultiplyAdd({v}.LoadUnsafe(ref w0, at + {starts[p]}), input, a{p}0);");
            }

            w.Close();
            w.Line();
        }

        w.Line("// Partial sums pairwise, then the bias; store z.");
        for (int p = 0; p < positions; p++)
        {
            w.Line($"{v}.StoreUnsafe(((a{p}0 + a{p}1) + (a{p}2 + a{p}3)) + {v}.LoadUnsafe(ref w0, (nuint)({shape.BiasOffset} + {starts[p]})), ref z0, {starts[p]});");
        }
    }

    private static void EmitRows(SourceWriter w, CellSpec spec, SimdWidth width, Shape shape, int vectors, string r)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword, v = width.Static;
        string Offset(string start, int a) => a == 0 ? start : $"{start} + {a * width.Lanes}";
        for (int i = 0; i < shape.Runs.Count; i++)
        {
            ColumnRun run = shape.Runs[i];
            string column = Column(shape, run.FirstColumn);
            if (run.OneHot)
            {
                w.Line($"{width.Of(t)} {Accumulators(vectors, "")};");
                w.Line("if (index >= 0)").Open();
                w.Line("// One-hot input: the product is column index, gathered.");
                w.Line($"nuint at = (nuint)({Column(shape, "index")} + {r});");
                for (int a = 0; a < vectors; a++)
                {
                    w.Line($"a{a} = {v}.LoadUnsafe(ref w0, {Offset("at", a)});");
                }

                w.Close();
                w.Line("else").Open();
                EmitZero(w, width, t, vectors, declare: false);
                EmitColumnLoop(w, width, run, column, vectors, r);
                w.Close();
            }
            else
            {
                if (i == 0)
                {
                    EmitZero(w, width, t, vectors, declare: true);
                }

                EmitColumnLoop(w, width, run, column, vectors, r);
            }

            w.Line();
        }

        w.Line("// Bias last, as in the scalar kernels; then store z.");
        w.Line($"nuint bias = (nuint)({shape.BiasOffset} + {r});");
        for (int a = 0; a < vectors; a++)
        {
            w.Line($"{v}.StoreUnsafe(a{a} + {v}.LoadUnsafe(ref w0, {Offset("bias", a)}), ref z0, {Offset($"(nuint){r}", a)});");
        }
    }

    private static void EmitZero(SourceWriter w, SimdWidth width, string t, int vectors, bool declare)
    {
        string zero = $"{width.Of(t)}.Zero";
        if (declare)
        {
            w.Line($"{width.Of(t)} {Accumulators(vectors, " = " + zero)};");
            return;
        }

        for (int a = 0; a < vectors; a++)
        {
            w.Line($"a{a} = {zero};");
        }
    }

    private static void EmitColumnLoop(SourceWriter w, SimdWidth width, ColumnRun run, string column, int vectors, string r)
    {
        string v = width.Static;
        w.Line($"for (int k = 0; k < {run.Count}; k++)").Open();
        w.Line($"var input = {v}.Create({SimdNames.Unsafe}.Add(ref {run.Input}, k));");
        w.Line($"nuint at = (nuint)({column} + {r});");
        for (int a = 0; a < vectors; a++)
        {
            w.Line($"a{a} = {v}.FusedMultiplyAdd({v}.LoadUnsafe(ref w0, {(a == 0 ? "at" : $"at + {a * width.Lanes}")}), input, a{a});");
        }

        w.Close();
    }

    private static void EmitScalarRow(SourceWriter w, CellSpec spec, Shape shape)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        bool first = true;
        foreach (ColumnRun run in shape.Runs)
        {
            string column = Column(shape, run.FirstColumn);
            if (run.OneHot)
            {
                w.Line($"{t} a = index >= 0 ? {SimdNames.Unsafe}.Add(ref w0, {Column(shape, "index")} + r) : 0;");
                w.Line("if (index < 0)").Open();
                EmitScalarLoop(w, run, column);
                w.Close();
            }
            else
            {
                if (first)
                {
                    w.Line($"{t} a = 0;");
                }

                EmitScalarLoop(w, run, column);
            }

            first = false;
        }

        w.Line($"{SimdNames.Unsafe}.Add(ref z0, r) = a + {SimdNames.Unsafe}.Add(ref w0, {shape.BiasOffset} + r);");
    }

    private static void EmitScalarLoop(SourceWriter w, ColumnRun run, string column)
    {
        w.Line($"for (int k = 0; k < {run.Count}; k++)").Open();
        w.Line($"a += {SimdNames.Unsafe}.Add(ref w0, {column} + r) * {SimdNames.Unsafe}.Add(ref {run.Input}, k);");
        w.Close();
    }

    /// <summary>Offset of the first element of column (<paramref name="first"/> + k), e.g. <c>((InputSize + k) * GateRows)</c>.</summary>
    private static string Column(Shape shape, string first)
    {
        string matrix = shape.MatrixOffset == "0" ? "" : $"{shape.MatrixOffset} + ";
        if (first == "index")
        {
            return $"{matrix}(index * {shape.RowsName})";
        }

        string k = first == "0" ? "k" : $"({first} + k)";
        return $"{matrix}({k} * {shape.RowsName})";
    }

    private static string Accumulators(int vectors, string init)
    {
        var names = new List<string>();
        for (int a = 0; a < vectors; a++)
        {
            names.Add($"a{a}{init}");
        }

        return string.Join(", ", names);
    }
}
