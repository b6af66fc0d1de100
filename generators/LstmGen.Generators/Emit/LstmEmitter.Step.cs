using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>The single-step forward and backward functions; their bodies come from a kernel emitter.</summary>
internal static partial class LstmEmitter
{
    private static void EmitForward(SourceWriter w, CellSpec spec, IStepKernelEmitter kernels)
    {
        w.Summary(
            "One forward step: <c>z = W·x + U·h + b</c>; <c>i = σ(z_i)</c>, <c>f = σ(z_f)</c>, <c>g = tanh(z_g)</c>, <c>o = σ(z_o)</c>;\n" +
            "<c>c' = f ⊙ c + i ⊙ g</c>; <c>h' = o ⊙ tanh(c')</c>. Pure: reads its arguments, returns new values.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("x", $"Input x_t (D = {spec.InputSize}).");
        w.Param("state", "State (h_{t-1}, c_{t-1}); <see cref=\"State.Zero\"/> at the start of a sequence.");
        w.Doc("returns", "The new state (h_t, c_t) and the cache that <see cref=\"Backward\"/> needs for this step.");
        w.Line("public static (State State, StepCache Cache) Forward(Parameters p, in Input x, in State state)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        kernels.EmitForwardBody(w, spec);
        w.Close();
    }

    private static void EmitBackward(SourceWriter w, CellSpec spec, IStepKernelEmitter kernels)
    {
        w.Summary(
            "One backward step, the twin of <see cref=\"Forward\"/>: given dL/dh_t from above (e.g. the loss) and the\n" +
            "gradient carried back from step t+1, adds this step's parameter gradients into <paramref name=\"grads\"/>\n" +
            "(<c>d[W|U] += dz·[x; h_prev]ᵀ</c>, <c>db += dz</c>) and returns dL/dx_t and the gradient to carry to step t-1.");
        w.Param("p", "Parameters θ used by the forward step (read only).");
        w.Param("cache", "The cache the forward step returned.");
        w.Param("dh", "dL/dh_t from above this step (the loss gradient); zero if the loss does not read h_t.");
        w.Param("carry", "Gradient carried back from step t+1; <c>default</c> at the last step.");
        w.Param("grads", "Caller-owned gradient accumulator; this step's gradients are added to it.");
        w.Doc("returns", "dL/dx_t (D values) and the state gradient (dL/dh_{t-1}, dL/dc_{t-1}) to carry to the previous step.");
        w.Line("public static (Input Dx, StateGradient Carry) Backward(Parameters p, in StepCache cache, in Hidden dh, in StateGradient carry, Gradients grads)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        kernels.EmitBackwardBody(w, spec);
        w.Close();
    }
}

/// <summary>Emits the bodies of the forward and backward step for one specialisation strategy.</summary>
internal interface IStepKernelEmitter
{
    /// <summary>Body of <c>Forward(p, in x, in state)</c>; must end with a return of (State, StepCache).</summary>
    void EmitForwardBody(SourceWriter w, CellSpec spec);

    /// <summary>Body of <c>Backward(p, in cache, in dh, in carry, grads)</c>; must end with a return of (Input, StateGradient).</summary>
    void EmitBackwardBody(SourceWriter w, CellSpec spec);
}
