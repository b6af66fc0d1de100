using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the cell's own value types, the records <c>State</c> and <c>StateGradient</c>, made of the assembly's shared
/// hidden-size vector (<see cref="VectorTypesEmitter"/>).
/// </summary>
internal static class ValueTypesEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        string cell = spec.TypeName, hidden = spec.Vector(spec.HiddenSize);
        bool lstm = spec.Kind == CellKind.Lstm;
        Record(w, hidden, "State", lstm ? "the state (h, c) of " + cell + " between steps" : "the state h of " + cell + " between steps",
            lstm ? [("H", "h: the hidden state"), ("C", "c: the cell state")] : [("H", "h: the hidden state")], zero: true);
        Record(w, hidden, "StateGradient", lstm ? "the gradient (dh, dc) carried from step to step" : "the gradient dh carried from step to step",
            lstm ? [("Dh", "∂L/∂h"), ("Dc", "∂L/∂c")] : [("Dh", "∂L/∂h")], zero: false);
    }

    private static void Record(SourceWriter w, string hidden, string name, string what, (string Name, string Doc)[] fields, bool zero)
    {
        w.Doc("summary", $"{Capitalise(what)}: an immutable value{(zero ? "; <see cref=\"Zero\"/> (= default) starts a sequence" : "")}.");
        string parameters = string.Join(", ", System.Linq.Enumerable.Select(fields, f => $"{hidden} {f.Name}"));
        w.Line($"public readonly record struct {name}({parameters})").Open();
        for (int i = 0; i < fields.Length; i++)
        {
            w.Doc("summary", $"{fields[i].Doc}.");
            w.Line($"public readonly {hidden} {fields[i].Name} = {fields[i].Name};");
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
