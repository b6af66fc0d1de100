using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>Sequence forward (dense and one-hot) and backpropagation through time for one sequence.</summary>
internal static class SequenceEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        EmitForwardSequence(w, spec, oneHot: false);
        w.Line();
        EmitForwardSequence(w, spec, oneHot: true);
        w.Line();
        EmitBptt(w, spec);
    }

    private static void EmitForwardSequence(SourceWriter w, CellSpec spec, bool oneHot)
    {
        string cell = spec.TypeName;
        string inputs = oneHot ? "global::System.ReadOnlySpan<int> inputs" : "global::System.ReadOnlySpan<Input> inputs";
        string step = oneHot ? "ForwardOneHot" : "Forward";
        w.Summary(
            $"Runs <see cref=\"{step}\"/> over a sequence of T = <c>inputs.Length</c> steps, writing each step's cache and hidden output.\n" +
            "Allocates nothing: the caller owns every buffer.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("inputs", oneHot ? "One-hot input indices x_0 .. x_{T-1}, each in [0, D)." : "Inputs x_0 .. x_{T-1}.");
        w.Param("initial", "State before the first step; <see cref=\"State.Zero\"/> for a fresh sequence.");
        w.Param("caches", "Receives the T step caches; exactly T elements.");
        w.Param("outputs", "Receives the T hidden outputs h_0 .. h_{T-1}; exactly T elements.");
        w.Doc("returns", "The state after the last step, or <paramref name=\"initial\"/> if T = 0.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A buffer's length differs from T.</exception>");
        if (oneHot)
        {
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An index is outside [0, D); checked before anything is written.</exception>");
        }

        w.Line($"public static State ForwardSequence(Parameters p, {inputs}, in State initial, global::System.Span<StepCache> caches, global::System.Span<Hidden> outputs)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line($"{RuntimeNames.Guard}.SameLength(caches.Length, inputs.Length, \"the step caches of {cell}\", nameof(caches));");
        w.Line($"{RuntimeNames.Guard}.SameLength(outputs.Length, inputs.Length, \"the hidden outputs of {cell}\", nameof(outputs));");
        if (oneHot)
        {
            StepEmitter.EmitOneHotIndicesCheck(w, spec);
        }

        w.Line("State state = initial;");
        w.Line("for (int t = 0; t < inputs.Length; t++)").Open();
        w.Line($"(state, caches[t]) = {step}(p, inputs[t], state);");
        w.Line("outputs[t] = state.H;");
        w.Close();
        w.Line();
        w.Line("return state;");
        w.Close();
    }

    private static void EmitBptt(SourceWriter w, CellSpec spec)
    {
        string cell = spec.TypeName;
        string carried = spec.Kind == CellKind.Lstm ? "(dh, dc)" : "dh";
        w.Summary(
            "Backpropagation through time over the T = <c>caches.Length</c> steps of a forward pass: runs\n" +
            $"<see cref=\"Backward\"/> from the last step to the first, carrying {carried} backwards, and adds every\n" +
            "step's parameter gradients into <paramref name=\"grads\"/>. Allocates nothing.");
        w.Param("p", "Parameters θ used by the forward pass (read only).");
        w.Param("caches", "The T step caches of the forward pass.");
        w.Param("outputGradients", "dL/dh_t from above for each step (e.g. from a loss); exactly T elements.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Param("inputGradients", "Receives dL/dx_t for each step (exactly T elements), or empty to skip them.");
        w.Doc("returns", "The gradient with respect to the initial state.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A buffer's length differs from T.</exception>");
        w.Line("public static StateGradient Bptt(Parameters p, global::System.ReadOnlySpan<StepCache> caches, global::System.ReadOnlySpan<Hidden> outputGradients, Gradients grads, global::System.Span<Input> inputGradients)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line($"{RuntimeNames.Guard}.SameLength(outputGradients.Length, caches.Length, \"the output gradients dL/dh of {cell}\", nameof(outputGradients));");
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line($"{RuntimeNames.Guard}.SameLength(inputGradients.Length, caches.Length, \"the input gradients dL/dx of {cell} (or empty)\", nameof(inputGradients));");
        w.Close();
        w.Line();
        w.Line("StateGradient carry = default;");
        w.Line("for (int t = caches.Length - 1; t >= 0; t--)").Open();
        w.Line("(Input dx, carry) = Backward(p, caches[t], outputGradients[t], carry, grads);");
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line("inputGradients[t] = dx;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return carry;");
        w.Close();
    }
}
