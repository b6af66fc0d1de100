using System.Linq;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the immutable values a step passes around: the state, the state gradient and the step cache.
/// They are <c>readonly record struct</c>s with public readonly fields (not properties), so that reading one
/// element of a vector never copies the whole vector.
/// </summary>
internal static class StateTypesEmitter
{
    private readonly record struct Field(string Name, string Type, string Doc);

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        bool lstm = spec.Kind == CellKind.Lstm;
        string cell = spec.TypeName;

        EmitRecord(
            w,
            "State",
            lstm
                ? $"The recurrent state (h, c) of {cell}, carried from one step to the next; <c>default</c> is the zero state."
                : $"The recurrent state h of {cell}, carried from one step to the next; <c>default</c> is the zero state.",
            lstm
                ? [new("H", "Hidden", "Hidden state h (H values): the cell's output."), new("C", "Hidden", "Cell state c (H values): the cell's memory.")]
                : [new("H", "Hidden", "Hidden state h (H values): the cell's output.")],
            extra: "/// <summary>The zero state, where a sequence usually starts.</summary>\npublic static State Zero => default;");
        w.Line();

        EmitRecord(
            w,
            "StateGradient",
            "Gradient of the loss with respect to a state: what one backward step carries to the step before it.\n<c>default</c> is zero (nothing flows back from beyond the last step).",
            lstm
                ? [new("Dh", "Hidden", "dL/dh: gradient with respect to the hidden state."), new("Dc", "Hidden", "dL/dc: gradient with respect to the cell state.")]
                : [new("Dh", "Hidden", "dL/dh: gradient with respect to the hidden state.")],
            extra: null);
        w.Line();

        Field[] cacheFields = lstm
            ?
            [
                new("X", "Input", "The dense input x of this step (D values), or zero for a one-hot step (see <see cref=\"InputIndex\"/>)."),
                new("InputIndex", "int", "The one-hot input index of a <see cref=\"ForwardOneHot\"/> step, or -1 for a dense input."),
                new("HPrev", "Hidden", "The previous hidden state h_prev (H values); backward needs it for dU."),
                new("CPrev", "Hidden", "The previous cell state c_prev (H values); backward needs it for the forget gate."),
                new("I", "Hidden", "Input gate i = σ(z_i)."),
                new("F", "Hidden", "Forget gate f = σ(z_f)."),
                new("G", "Hidden", "Candidate g = tanh(z_g) (called a, c̃, z or u in the seeds)."),
                new("O", "Hidden", "Output gate o = σ(z_o)."),
                new("TanhC", "Hidden", "tanh(c) of the new cell state c."),
            ]
            :
            [
                new("X", "Input", "The dense input x of this step (D values), or zero for a one-hot step (see <see cref=\"InputIndex\"/>)."),
                new("InputIndex", "int", "The one-hot input index of a <see cref=\"ForwardOneHot\"/> step, or -1 for a dense input."),
                new("HPrev", "Hidden", "The previous hidden state h_prev (H values); backward needs it for dU."),
                new("H", "Hidden", "The new hidden state h = tanh(z); backward needs it for tanh' = 1 - h²."),
            ];
        EmitRecord(
            w,
            "StepCache",
            lstm
                ? $"What one forward step of {cell} keeps for its backward step, and nothing more: the step's inputs\n(x, h_prev, c_prev), the four gate activations and tanh(c). Immutable.\nThe new state is not stored: h = O ⊙ TanhC, and c is the next step's CPrev."
                : $"What one forward step of {cell} keeps for its backward step: the step's inputs (x, h_prev) and the new h. Immutable.",
            cacheFields,
            extra: null,
            deconstruct: false);
    }

    private static void EmitRecord(SourceWriter w, string name, string summary, Field[] fields, string? extra, bool deconstruct = true)
    {
        w.Summary(summary);
        w.Line($"public readonly record struct {name}").Open();
        foreach (Field f in fields)
        {
            w.Summary(f.Doc);
            w.Line($"public readonly {f.Type} {f.Name};");
            w.Line();
        }

        w.Summary($"Creates a {name} from its fields.");
        foreach (Field f in fields)
        {
            w.Param(Camel(f.Name), f.Doc);
        }

        w.Line($"public {name}({string.Join(", ", fields.Select(f => (f.Type == "int" ? "" : "in ") + f.Type + " " + Camel(f.Name)))})").Open();
        foreach (Field f in fields)
        {
            w.Line($"{f.Name} = {Camel(f.Name)};");
        }

        w.Close();
        if (deconstruct)
        {
            w.Line();
            w.Summary($"Deconstructs into ({string.Join(", ", fields.Select(f => Camel(f.Name)))}).");
            foreach (Field f in fields)
            {
                w.Param(Camel(f.Name), f.Doc);
            }

            w.Line($"public void Deconstruct({string.Join(", ", fields.Select(f => "out " + f.Type + " " + Camel(f.Name)))})").Open();
            foreach (Field f in fields)
            {
                w.Line($"{Camel(f.Name)} = {f.Name};");
            }

            w.Close();
        }

        if (extra is not null)
        {
            w.Line();
            w.Lines(extra);
        }

        w.Close();
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
