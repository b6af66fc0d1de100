using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>Sequence forward, backpropagation through time, the MSE loss and the SGD step.</summary>
internal static partial class LstmEmitter
{
    private static void EmitSequence(SourceWriter w, CellSpec spec)
    {
        string cell = spec.TypeName;
        w.Summary(
            "Runs <see cref=\"Forward\"/> over a sequence of T = <c>xs.Length</c> steps, writing each step's cache and hidden output.\n" +
            "Allocates nothing: the caller owns every buffer.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("xs", "Inputs x_0 .. x_{T-1}.");
        w.Param("initial", "State before the first step; <see cref=\"State.Zero\"/> for a fresh sequence.");
        w.Param("caches", "Receives the T step caches; must have exactly T elements.");
        w.Param("outputs", "Receives the T hidden outputs h_0 .. h_{T-1}; must have exactly T elements.");
        w.Doc("returns", "The state after the last step (h_{T-1}, c_{T-1}), or <paramref name=\"initial\"/> if T = 0.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A buffer's length differs from T.</exception>");
        w.Line("public static State ForwardSequence(Parameters p, global::System.ReadOnlySpan<Input> xs, in State initial, global::System.Span<StepCache> caches, global::System.Span<Hidden> outputs)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line($"global::LstmGen.Guard.SameLength(caches.Length, xs.Length, \"the step caches of {cell}\", nameof(caches));");
        w.Line($"global::LstmGen.Guard.SameLength(outputs.Length, xs.Length, \"the hidden outputs of {cell}\", nameof(outputs));");
        w.Line("State state = initial;");
        w.Line("for (int t = 0; t < xs.Length; t++)").Open();
        w.Line("(state, caches[t]) = Forward(p, xs[t], state);");
        w.Line("outputs[t] = state.H;");
        w.Close();
        w.Line();
        w.Line("return state;");
        w.Close();
        w.Line();

        w.Summary(
            "Backpropagation through time over the T = <c>caches.Length</c> steps of <see cref=\"ForwardSequence\"/>: runs\n" +
            "<see cref=\"Backward\"/> from the last step to the first, carrying (dh, dc) backwards, and adds every\n" +
            "step's parameter gradients into <paramref name=\"grads\"/>. Allocates nothing.");
        w.Param("p", "Parameters θ used by the forward pass (read only).");
        w.Param("caches", "The T step caches of the forward pass.");
        w.Param("outputGradients", "dL/dh_t from above for each step (e.g. from <see cref=\"MseLoss(global::System.ReadOnlySpan{Hidden}, global::System.ReadOnlySpan{Hidden}, global::System.Span{Hidden})\"/>); exactly T elements.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Param("inputGradients", "Receives dL/dx_t for each step (exactly T elements), or empty to skip them.");
        w.Doc("returns", "The gradient with respect to the initial state (dL/dh_{-1}, dL/dc_{-1}).");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A buffer's length differs from T.</exception>");
        w.Line("public static StateGradient Bptt(Parameters p, global::System.ReadOnlySpan<StepCache> caches, global::System.ReadOnlySpan<Hidden> outputGradients, Gradients grads, global::System.Span<Input> inputGradients)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line($"global::LstmGen.Guard.SameLength(outputGradients.Length, caches.Length, \"the output gradients dL/dh of {cell}\", nameof(outputGradients));");
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line($"global::LstmGen.Guard.SameLength(inputGradients.Length, caches.Length, \"the input gradients dL/dx of {cell} (or empty)\", nameof(inputGradients));");
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

    private static void EmitLoss(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string t = s.Keyword, cell = spec.TypeName;
        w.Summary("Squared-error loss of one step, <c>L = ½‖h − y‖²</c>, and its gradient <c>dL/dh = h − y</c>.");
        w.Param("h", "The hidden output h_t.");
        w.Param("y", "The target y_t.");
        w.Param("dh", "Receives dL/dh_t = h_t − y_t.");
        w.Doc("returns", "½‖h − y‖².");
        w.Line($"public static {t} MseLoss(in Hidden h, in Hidden y, out Hidden dh)").Open();
        w.Line("dh = default;");
        w.Line($"{t} loss = {s.Zero};");
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        w.Line($"{t} diff = h[j] - y[j];");
        w.Line("dh[j] = diff;");
        w.Line("loss += diff * diff;");
        w.Close();
        w.Line();
        w.Line($"return {s.Half} * loss;");
        w.Close();
        w.Line();

        w.Summary("Squared-error loss of a sequence, <c>L = Σ_t ½‖h_t − y_t‖²</c> (the loss of seeds 000/001), and dL/dh_t for every step.");
        w.Param("outputs", "The hidden outputs h_t.");
        w.Param("targets", "The targets y_t; same length.");
        w.Param("outputGradients", "Receives dL/dh_t = h_t − y_t; same length.");
        w.Doc("returns", "The summed loss.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The lengths differ.</exception>");
        w.Line($"public static {t} MseLoss(global::System.ReadOnlySpan<Hidden> outputs, global::System.ReadOnlySpan<Hidden> targets, global::System.Span<Hidden> outputGradients)").Open();
        w.Line($"global::LstmGen.Guard.SameLength(targets.Length, outputs.Length, \"the targets of {cell}\", nameof(targets));");
        w.Line($"global::LstmGen.Guard.SameLength(outputGradients.Length, outputs.Length, \"the output gradients of {cell}\", nameof(outputGradients));");
        w.Line($"{t} loss = {s.Zero};");
        w.Line("for (int t = 0; t < outputs.Length; t++)").Open();
        w.Line("loss += MseLoss(outputs[t], targets[t], out outputGradients[t]);");
        w.Close();
        w.Line();
        w.Line("return loss;");
        w.Close();
        w.Line();

        w.Summary(
            "Forward, loss and backward of one sequence in one call: runs <see cref=\"ForwardSequence\"/>, the MSE loss\n" +
            "<c>Σ_t ½‖h_t − y_t‖²</c> and <see cref=\"Bptt\"/>, adding the gradients into <paramref name=\"grads\"/>.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("xs", "Inputs x_0 .. x_{T-1}.");
        w.Param("targets", "Targets y_0 .. y_{T-1} for the hidden outputs; same length.");
        w.Param("initial", "State before the first step.");
        w.Param("workspace", "Caller-owned scratch buffers with at least T steps; after the call it holds this sequence's caches and outputs.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Doc("returns", "The summed loss and the state after the last step.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The lengths differ or the workspace is too short.</exception>");
        w.Line($"public static ({t} Loss, State Final) LossAndGradients(Parameters p, global::System.ReadOnlySpan<Input> xs, global::System.ReadOnlySpan<Hidden> targets, in State initial, Workspace workspace, Gradients grads)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(workspace);");
        w.Line($"global::LstmGen.Guard.SameLength(targets.Length, xs.Length, \"the targets of {cell}\", nameof(targets));");
        w.Line($"global::LstmGen.Guard.MinLength(workspace.MaxSteps, xs.Length, \"the workspace of {cell} (MaxSteps)\", nameof(workspace));");
        w.Line("global::System.Span<StepCache> caches = workspace.Caches.Slice(0, xs.Length);");
        w.Line("global::System.Span<Hidden> outputs = workspace.Outputs.Slice(0, xs.Length);");
        w.Line("global::System.Span<Hidden> outputGradients = workspace.OutputGradients.Slice(0, xs.Length);");
        w.Line("State final = ForwardSequence(p, xs, initial, caches, outputs);");
        w.Line($"{t} loss = MseLoss(outputs, targets, outputGradients);");
        w.Line("Bptt(p, caches, outputGradients, grads, default);");
        w.Line("return (loss, final);");
        w.Close();
    }

    private static void EmitOptimizer(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Summary("One step of stochastic gradient descent, <c>θ ← θ − learningRate · dθ</c>, in place on the caller's parameters.");
        w.Param("p", "Parameters θ, updated in place.");
        w.Param("grads", "Gradients dθ (read only; clear them before the next accumulation).");
        w.Param("learningRate", "Step size; must be finite.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"learningRate\"/> is NaN or infinite.</exception>");
        w.Line($"public static void Sgd(Parameters p, Gradients grads, {t} learningRate)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line("global::LstmGen.Optimizers.Sgd(p.Values, grads.Values, learningRate);");
        w.Close();
    }
}
