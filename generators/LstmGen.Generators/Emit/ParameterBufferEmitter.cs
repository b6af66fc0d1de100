using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the parameter set and the gradient set: one class each, the same layout, one array allocated
/// at construction. Distinct types so that passing gradients where parameters are expected is a compile error.
/// </summary>
internal static class ParameterBufferEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec, bool isGradient)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string name = isGradient ? "Gradients" : "Parameters";
        string cell = spec.TypeName;
        int d = spec.InputSize, h = spec.HiddenSize;
        bool lstm = spec.Kind == CellKind.Lstm;

        if (isGradient)
        {
            w.Summary(
                $"Gradients of a loss with respect to every parameter of {cell}, in the layout of <see cref=\"Parameters\"/>.\n" +
                "Backward steps add into it (<c>+=</c>); call <see cref=\"Clear\"/> before accumulating a new batch.");
        }
        else
        {
            string gates = lstm ? "for each gate i, f, g, o " : "";
            string head = spec.HasHead ? $", and the softmax head's W_y (V x H = {spec.OutputSize} x {h}) and b_y (V = {spec.OutputSize})" : "";
            w.Summary(
                $"The weights and biases θ of {cell}: {gates}an input matrix W (H x D = {h} x {d}),\n" +
                $"a recurrent matrix U (H x H = {h} x {h}) and a bias b (H = {h}){head}; {spec.ParameterCount} scalars in one array allocated once.");
        }

        w.Line("/// <remarks>");
        w.Line($"/// Flat layout (<see cref=\"AsSpan\"/>): the fused matrix [W | U] of {(lstm ? "4H" : "H")} rows and D+H columns, column by column, so");
        w.Line(lstm
            ? "/// element (r, k) is at <c>k * GateRows + r</c> with <c>r = gate * H + row</c> (gates in the order i, f, g, o);"
            : "/// element (r, k) is at <c>k * GateRows + r</c>;");
        w.Line($"/// columns 0..D-1 are W, columns D..D+H-1 are U. The bias follows at offset {spec.BiasOffset} ({(lstm ? "4H" : "H")} values, same row order).");
        if (spec.HasHead)
        {
            w.Line($"/// Then the head: W_y column by column from offset {spec.HeadWeightOffset} (element (v, j) at HeadWeightOffset + j * V + v), and b_y at {spec.HeadBiasOffset}.");
        }

        w.Line("/// </remarks>");
        w.Line($"public sealed class {name}").Open();
        w.Line($"private readonly {t}[] _values = new {t}[ParameterCount];");
        w.Line();

        w.Summary($"Creates a {(isGradient ? "zero gradient" : "parameter")} set (all {spec.ParameterCount} values 0).");
        w.Line($"public {name}()").Open().Close();
        w.Line();

        w.Summary($"Creates a set from a flat span in the layout described on <see cref=\"{name}\"/>.");
        w.Param("values", $"Exactly {spec.ParameterCount} values.");
        w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"values\"/> does not have {spec.ParameterCount} elements.</exception>");
        w.Line($"public {name}(global::System.ReadOnlySpan<{t}> values)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(values.Length, ParameterCount, \"flat {name.ToLowerInvariant()} of {cell}\", nameof(values));");
        w.Line("values.CopyTo(_values);");
        w.Close();
        w.Line();

        w.Summary($"All {spec.ParameterCount} values as one span, in the documented layout (writable).");
        w.Line($"public global::System.Span<{t}> AsSpan() => _values;");
        w.Line();

        w.Summary("The flat values, for generated kernels.");
        w.Line($"internal global::System.Span<{t}> Values => _values;");
        w.Line();

        string suffix = isGradient ? " gradient" : "";
        EmitMatrixAccessor(w, spec, t, "W", $"input weight{suffix}", "InputSize", d, "0");
        EmitMatrixAccessor(w, spec, t, "U", $"recurrent weight{suffix}", "HiddenSize", h, "InputSize");
        EmitBiasAccessor(w, spec, t, suffix);
        if (spec.HasHead)
        {
            EmitHeadAccessors(w, spec, t, suffix);
        }

        w.Summary("Copies every value into <paramref name=\"destination\"/>.");
        w.Param("destination", "The set to overwrite.");
        w.Line($"public void CopyTo({name} destination)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(destination);");
        w.Line("_values.CopyTo(destination._values, 0);");
        w.Close();

        if (isGradient)
        {
            EmitGradientOperations(w, t);
        }

        w.Close();
    }

    private static string GateParameter(CellSpec spec) => spec.Kind == CellKind.Lstm ? "global::LstmGen.LstmGate gate, " : "";

    private static string GateOffset(CellSpec spec) => spec.Kind == CellKind.Lstm ? "((int)gate * HiddenSize) + " : "";

    private static void EmitGateDocAndCheck(SourceWriter w, CellSpec spec, bool check)
    {
        if (spec.Kind != CellKind.Lstm)
        {
            return;
        }

        if (check)
        {
            w.Line($"{RuntimeNames.Guard}.Index((int)gate, 4, \"an LSTM gate (0..3)\", nameof(gate));");
        }
        else
        {
            w.Param("gate", "The gate: i, f, g or o.");
        }
    }

    private static void EmitMatrixAccessor(SourceWriter w, CellSpec spec, string t, string name, string what, string columnCount, int columns, string columnOffset)
    {
        string per = spec.Kind == CellKind.Lstm ? " per gate" : "";
        string index = spec.Kind == CellKind.Lstm ? $"{name}_gate[row, column]" : $"{name}[row, column]";
        w.Summary($"The {what} <c>{index}</c> (H x {(name == "W" ? "D" : "H")} = {spec.HiddenSize} x {columns}{per}), as a writable reference.");
        EmitGateDocAndCheck(w, spec, check: false);
        w.Param("row", $"Hidden unit, 0 ≤ row &lt; {spec.HiddenSize}.");
        w.Param("column", $"{(name == "W" ? "Input" : "Previous hidden")} element, 0 ≤ column &lt; {columns}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is out of range.</exception>");
        w.Line($"public ref {t} {name}({GateParameter(spec)}int row, int column)").Open();
        EmitGateDocAndCheck(w, spec, check: true);
        w.Line($"{RuntimeNames.Guard}.Index(row, HiddenSize, \"a row of {name} in {spec.TypeName}\", nameof(row));");
        w.Line($"{RuntimeNames.Guard}.Index(column, {columnCount}, \"a column of {name} in {spec.TypeName}\", nameof(column));");
        string col = columnOffset == "0" ? "column" : $"({columnOffset} + column)";
        w.Line($"return ref _values[({col} * GateRows) + {GateOffset(spec)}row];");
        w.Close();
        w.Line();
    }

    private static void EmitBiasAccessor(SourceWriter w, CellSpec spec, string t, string suffix)
    {
        string index = spec.Kind == CellKind.Lstm ? "b_gate[row]" : "b[row]";
        w.Summary($"The bias{suffix} <c>{index}</c> (row &lt; H = {spec.HiddenSize}), as a writable reference.");
        EmitGateDocAndCheck(w, spec, check: false);
        w.Param("row", $"Hidden unit, 0 ≤ row &lt; {spec.HiddenSize}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is out of range.</exception>");
        w.Line($"public ref {t} B({GateParameter(spec)}int row)").Open();
        EmitGateDocAndCheck(w, spec, check: true);
        w.Line($"{RuntimeNames.Guard}.Index(row, HiddenSize, \"a bias row of {spec.TypeName}\", nameof(row));");
        w.Line($"return ref _values[BiasOffset + {GateOffset(spec)}row];");
        w.Close();
        w.Line();
    }

    private static void EmitHeadAccessors(SourceWriter w, CellSpec spec, string t, string suffix)
    {
        w.Summary($"The head weight{suffix} <c>W_y[output, row]</c> (V x H = {spec.OutputSize} x {spec.HiddenSize}), as a writable reference.");
        w.Param("output", $"Output class, 0 ≤ output &lt; {spec.OutputSize}.");
        w.Param("row", $"Hidden unit, 0 ≤ row &lt; {spec.HiddenSize}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is out of range.</exception>");
        w.Line($"public ref {t} Wy(int output, int row)").Open();
        w.Line($"{RuntimeNames.Guard}.Index(output, OutputSize, \"an output class of {spec.TypeName}\", nameof(output));");
        w.Line($"{RuntimeNames.Guard}.Index(row, HiddenSize, \"a column of W_y in {spec.TypeName}\", nameof(row));");
        w.Line("return ref _values[HeadWeightOffset + (row * OutputSize) + output];");
        w.Close();
        w.Line();
        w.Summary($"The head bias{suffix} <c>b_y[output]</c> (V = {spec.OutputSize}), as a writable reference.");
        w.Param("output", $"Output class, 0 ≤ output &lt; {spec.OutputSize}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is out of range.</exception>");
        w.Line($"public ref {t} By(int output)").Open();
        w.Line($"{RuntimeNames.Guard}.Index(output, OutputSize, \"an output class of {spec.TypeName}\", nameof(output));");
        w.Line("return ref _values[HeadBiasOffset + output];");
        w.Close();
        w.Line();
    }

    private static void EmitGradientOperations(SourceWriter w, string t)
    {
        w.Line();
        w.Summary("Sets every gradient to zero, ready for a new accumulation.");
        w.Line("public void Clear() => global::System.Array.Clear(_values);");
        w.Line();
        w.Summary("The global L2 norm ‖dθ‖ over every gradient, computed without overflow (NaN or +∞ if a gradient is).");
        // Explicit type argument: inferring T from an array needs C# 14's first-class spans; the generated code targets C# 13.
        w.Line($"public {t} Norm() => global::LstmGen.GradientClipping.Norm<{t}>(_values);");
        w.Line();
        w.Summary(
            "Gradient clipping by global norm: if ‖dθ‖ &gt; <paramref name=\"maxNorm\"/>, scales every gradient by maxNorm / ‖dθ‖.\n" +
            "A NaN or infinite gradient makes every gradient NaN or 0, as in PyTorch, unless <paramref name=\"errorIfNonFinite\"/> is set.\n" +
            "(This clips gradients; it is not ONNX's <c>clip</c>, which clamps gate pre-activations.)");
        w.Param("maxNorm", "Largest allowed global norm; positive and finite.");
        w.Param("errorIfNonFinite", "Throw <see cref=\"global::System.ArgumentException\"/>, leaving the gradients untouched, if one is NaN or infinite.");
        w.Doc("returns", "The norm before clipping.");
        w.Line($"public {t} ClipByGlobalNorm({t} maxNorm, bool errorIfNonFinite = false) =>");
        w.Line("    global::LstmGen.GradientClipping.ClipByGlobalNorm(_values, maxNorm, errorIfNonFinite);");
        w.Line();
        w.Summary("Gradient clipping by value: clamps every gradient to [-limit, limit] (min-char-rnn uses 5).");
        w.Param("limit", "The bound; positive and finite.");
        w.Line($"public void ClipByValue({t} limit) => global::LstmGen.GradientClipping.ClipByValue(_values, limit);");
    }
}
