using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>The single-step functions, forward above its backward twin; bodies come from a kernel emitter.</summary>
internal static class StepEmitter
{
    /// <summary>
    /// The up-front check of a span <c>inputs</c> of one-hot indices, emitted by every entry point that loops
    /// <c>ForwardOneHot</c> over one, so that a bad index throws before any caller buffer is written.
    /// </summary>
    internal static void EmitOneHotIndicesCheck(SourceWriter w, CellSpec spec) =>
        w.Line($"{RuntimeNames.Guard}.Indices(inputs, InputSize, \"the one-hot input indices of {spec.TypeName} (D = {spec.InputSize})\", nameof(inputs));");

    public static void Emit(SourceWriter w, CellSpec spec, IStepKernelEmitter kernels)
    {
        bool lstm = spec.Kind == CellKind.Lstm;
        string equations = lstm
            ? "<c>z = W·x + U·h + b</c>; <c>i = σ(z_i)</c>, <c>f = σ(z_f)</c>, <c>g = tanh(z_g)</c>, <c>o = σ(z_o)</c>;\n<c>c' = f ⊙ c + i ⊙ g</c>; <c>h' = o ⊙ tanh(c')</c>"
            : "<c>h' = tanh(W·x + U·h + b)</c>";
        string stateDoc = lstm ? "State (h_{t-1}, c_{t-1})" : "State h_{t-1}";
        string newState = lstm ? "(h_t, c_t)" : "h_t";

        w.Summary($"One forward step: {equations}. Pure: reads its arguments, returns new values.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("x", $"Input x_t (D = {spec.InputSize}).");
        w.Param("state", $"{stateDoc}; <see cref=\"State.Zero\"/> at the start of a sequence.");
        w.Doc("returns", $"The new state {newState} and the cache that <see cref=\"Backward\"/> needs for this step.");
        w.Line("public static (State State, StepCache Cache) Forward(Parameters p, in Input x, in State state)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        kernels.EmitForwardBody(w, spec, oneHot: false, withCache: true);
        w.Close();
        w.Line();

        w.Summary(
            $"One forward step on a one-hot input (a class index, as in character models): the same as <see cref=\"Forward\"/>\n" +
            "with x = onehot(index), but the input projection W·x is column <paramref name=\"index\"/> of W, read directly;\n" +
            "no dense one-hot vector is built.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("index", $"The input class, 0 ≤ index &lt; D = {spec.InputSize}.");
        w.Param("state", $"{stateDoc}.");
        w.Doc("returns", "The new state and the cache (with <see cref=\"StepCache.InputIndex\"/> = index).");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"index\"/> is outside [0, D).</exception>");
        w.Line("public static (State State, StepCache Cache) ForwardOneHot(Parameters p, int index, in State state)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line($"{RuntimeNames.Guard}.Index(index, InputSize, \"a one-hot input index of {spec.TypeName}\", nameof(index));");
        kernels.EmitForwardBody(w, spec, oneHot: true, withCache: true);
        w.Close();
        w.Line();

        w.Summary(
            "One backward step, the twin of <see cref=\"Forward\"/>: given dL/dh_t from above (e.g. the loss) and the\n" +
            "gradient carried back from step t+1, adds this step's parameter gradients into <paramref name=\"grads\"/>\n" +
            "(<c>d[W|U] += dz·[x; h_prev]ᵀ</c>, <c>db += dz</c>) and returns dL/dx_t and the gradient to carry to step t-1.");
        w.Param("p", "Parameters θ used by the forward step (read only).");
        w.Param("cache", "The cache the forward step returned.");
        w.Param("dh", "dL/dh_t from above this step (the loss gradient); zero if the loss does not read h_t.");
        w.Param("carry", "Gradient carried back from step t+1; <c>default</c> at the last step.");
        w.Param("grads", "Caller-owned gradient accumulator; this step's gradients are added to it.");
        w.Doc("returns", $"dL/dx_t (D values) and the state gradient ({(lstm ? "dL/dh_{t-1}, dL/dc_{t-1}" : "dL/dh_{t-1}")}) to carry to the previous step.");
        w.Line("public static (Input Dx, StateGradient Carry) Backward(Parameters p, in StepCache cache, in Hidden dh, in StateGradient carry, Gradients grads)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        kernels.EmitBackwardBody(w, spec);
        w.Close();
    }
}
