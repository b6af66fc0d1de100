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
        string symbol = isGradient ? "dθ" : "θ";
        string cell = spec.TypeName;
        int d = spec.InputSize, h = spec.HiddenSize;

        if (isGradient)
        {
            w.Summary(
                $"Gradients of a loss with respect to every parameter of {cell}, in the layout of <see cref=\"Parameters\"/>.\n" +
                "Backward steps add into it (<c>+=</c>); call <see cref=\"Clear\"/> before accumulating a new batch.");
        }
        else
        {
            w.Summary(
                $"The weights and biases θ of {cell}: for each gate i, f, g, o an input matrix W (H x D = {h} x {d}),\n" +
                $"a recurrent matrix U (H x H = {h} x {h}) and a bias b (H = {h}); {spec.ParameterCount} scalars in one array allocated once.");
        }

        w.Line("/// <remarks>");
        w.Line("/// Flat layout (<see cref=\"AsSpan\"/>): the fused matrix [W | U] of 4H rows and D+H columns, column by column, so");
        w.Line("/// element (r, k) is at <c>k * 4H + r</c> with <c>r = gate * H + row</c> (gates in the order i, f, g, o);");
        w.Line($"/// columns 0..D-1 are W, columns D..D+H-1 are U. The bias follows at offset {spec.BiasOffset} (4H values, same row order).");
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
        w.Line($"global::LstmGen.Guard.Length(values.Length, ParameterCount, \"flat {name.ToLowerInvariant()} of {cell}\", nameof(values));");
        w.Line("values.CopyTo(_values);");
        w.Close();
        w.Line();

        w.Summary($"All {spec.ParameterCount} values {symbol} as one span, in the documented layout (writable).");
        w.Line($"public global::System.Span<{t}> AsSpan() => _values;");
        w.Line();

        w.Summary("The flat values, for generated kernels.");
        w.Line($"internal global::System.Span<{t}> Values => _values;");
        w.Line();

        EmitAccessor(w, spec, t, "W", "input weight", "row", "column", "InputSize", "D", "0");
        EmitAccessor(w, spec, t, "U", "recurrent weight", "row", "column", "HiddenSize", "H", "InputSize");

        w.Summary($"The bias <c>b_gate[row]</c>{(isGradient ? " gradient" : "")} (row &lt; H = {h}), as a writable reference.");
        w.Param("gate", "The gate: i, f, g or o.");
        w.Param("row", $"Hidden unit, 0 ≤ row &lt; {h}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is out of range.</exception>");
        w.Line($"public ref {t} B(global::LstmGen.LstmGate gate, int row)").Open();
        w.Line($"global::LstmGen.Guard.Index((int)gate, 4, \"an LSTM gate (0..3)\", nameof(gate));");
        w.Line($"global::LstmGen.Guard.Index(row, HiddenSize, \"a bias row of {cell}\", nameof(row));");
        w.Line("return ref _values[BiasOffset + ((int)gate * HiddenSize) + row];");
        w.Close();
        w.Line();

        w.Summary($"Copies every value into <paramref name=\"destination\"/>.");
        w.Line($"public void CopyTo({name} destination)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(destination);");
        w.Line("_values.CopyTo(destination._values, 0);");
        w.Close();

        if (isGradient)
        {
            w.Line();
            w.Summary("Sets every gradient to zero, ready for a new accumulation.");
            w.Line("public void Clear() => global::System.Array.Clear(_values);");
        }

        w.Close();
    }

    private static void EmitAccessor(
        SourceWriter w, CellSpec spec, string t, string name, string what, string rowName, string columnName,
        string columnCount, string columnSymbol, string columnOffset)
    {
        int columns = name == "W" ? spec.InputSize : spec.HiddenSize;
        w.Summary($"The {what} <c>{name}_gate[{rowName}, {columnName}]</c> (H x {columnSymbol} = {spec.HiddenSize} x {columns} per gate), as a writable reference.");
        w.Param("gate", "The gate: i, f, g or o.");
        w.Param(rowName, $"Hidden unit, 0 ≤ {rowName} &lt; {spec.HiddenSize}.");
        w.Param(columnName, $"{(name == "W" ? "Input" : "Previous hidden")} element, 0 ≤ {columnName} &lt; {columns}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is out of range.</exception>");
        w.Line($"public ref {t} {name}(global::LstmGen.LstmGate gate, int {rowName}, int {columnName})").Open();
        w.Line($"global::LstmGen.Guard.Index((int)gate, 4, \"an LSTM gate (0..3)\", nameof(gate));");
        w.Line($"global::LstmGen.Guard.Index({rowName}, HiddenSize, \"a row of {name} in {spec.TypeName}\", nameof({rowName}));");
        w.Line($"global::LstmGen.Guard.Index({columnName}, {columnCount}, \"a column of {name} in {spec.TypeName}\", nameof({columnName}));");
        string col = columnOffset == "0" ? columnName : $"({columnOffset} + {columnName})";
        w.Line($"return ref _values[({col} * GateRows) + ((int)gate * HiddenSize) + {rowName}];");
        w.Close();
        w.Line();
    }
}
