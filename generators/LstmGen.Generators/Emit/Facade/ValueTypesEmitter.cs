using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the cell's fixed-size value types: the vectors <c>Input</c> [D], <c>Hidden</c> [H] and, with a head,
/// <c>Output</c> [V] (each an <c>[InlineArray(N)]</c> struct whose members are one-line calls into the runtime), and the
/// records <c>State</c> and <c>StateGradient</c> made of them.
/// </summary>
internal static class ValueTypesEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        string cell = spec.TypeName;
        Vector(w, spec, "Input", "InputSize", $"the input vector x of {cell} (D = {spec.InputSize})");
        Vector(w, spec, "Hidden", "HiddenSize", $"a hidden-size vector of {cell} (H = {spec.HiddenSize})");
        if (spec.HasHead)
        {
            Vector(w, spec, "Output", "OutputSize", $"an output vector of {cell} (V = {spec.OutputSize} logits, probabilities or targets)");
        }

        bool lstm = spec.Kind == CellKind.Lstm;
        Record(w, "State", lstm ? "the state (h, c) of " + cell + " between steps" : "the state h of " + cell + " between steps",
            lstm ? [("H", "h: the hidden state"), ("C", "c: the cell state")] : [("H", "h: the hidden state")], zero: true);
        Record(w, "StateGradient", "the gradient (dh, dc) carried from step to step",
            lstm ? [("Dh", "∂L/∂h"), ("Dc", "∂L/∂c")] : [("Dh", "∂L/∂h")], zero: false);
    }

    private static void Vector(SourceWriter w, CellSpec spec, string name, string size, string what)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string helper = $"{RuntimeNames.FixedVector}<{name}, {t}>";
        w.Doc("summary", $"{Capitalise(what)}: values stored inline. Index it like an array; it converts to a span implicitly.");
        w.Line($"[global::System.Runtime.CompilerServices.InlineArray({size})]");
        w.Line($"public struct {name} : global::System.IEquatable<{name}>").Open();
        w.Line($"private {t} _element0;").Line();
        w.Doc("summary", $"Copies exactly {size} values into a new {name} (the length is checked).");
        w.Line($"public static {name} FromSpan(global::System.ReadOnlySpan<{t}> values) => {helper}.FromSpan(values, \"{what}\");").Line();
        w.Doc("summary", "The values in a new array (allocates; not for hot paths).");
        w.Line($"public readonly {t}[] ToArray() => ((global::System.ReadOnlySpan<{t}>)this).ToArray();").Line();
        w.Doc("summary", "Element-wise equality (NaN equals NaN, as <c>Equals</c> of the scalar).");
        w.Line($"public readonly bool Equals({name} other) => {helper}.Equals(this, other);").Line();
        w.Line("/// <inheritdoc/>").Line($"public override readonly bool Equals(object? obj) => obj is {name} other && Equals(other);").Line();
        w.Line("/// <inheritdoc/>").Line($"public override readonly int GetHashCode() => {helper}.GetHashCode(this);").Line();
        w.Doc("summary", "The values as <c>[v0, v1, ...]</c>, round-trip format, invariant culture.");
        w.Line($"public override readonly string ToString() => {helper}.ToString(this);").Line();
        w.Doc("summary", "Element-wise equality.");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);").Line();
        w.Doc("summary", "Element-wise inequality.");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Close().Line();
    }

    private static void Record(SourceWriter w, string name, string what, (string Name, string Doc)[] fields, bool zero)
    {
        w.Doc("summary", $"{Capitalise(what)}: an immutable value{(zero ? "; <see cref=\"Zero\"/> (= default) starts a sequence" : "")}.");
        string parameters = string.Join(", ", System.Linq.Enumerable.Select(fields, f => $"Hidden {f.Name}"));
        w.Line($"public readonly record struct {name}({parameters})").Open();
        for (int i = 0; i < fields.Length; i++)
        {
            w.Doc("summary", $"{fields[i].Doc}.");
            w.Line($"public readonly Hidden {fields[i].Name} = {fields[i].Name};");
            if (i < fields.Length - 1 || zero)
            {
                w.Line();
            }
        }

        if (zero)
        {
            w.Doc("summary", "The zero state.");
            w.Line($"public static {name} Zero => default;");
        }

        w.Close().Line();
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
