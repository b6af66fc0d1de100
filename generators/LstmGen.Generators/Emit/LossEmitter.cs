using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The squared-error loss on h (seeds 000/001) and the one-call "loss and gradients" entry points for every
/// input kind (dense, one-hot) and loss (MSE on h; cross-entropy of the head against class indices or
/// distributions), for one sequence and for a batch.
/// </summary>
internal static class LossEmitter
{
    private const string ReadOnlySpan = "global::System.ReadOnlySpan";
    private const string Span = "global::System.Span";

    private enum Target
    {
        Mse,
        ClassIndex,
        Distribution,
    }

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        EmitMse(w, spec, s);
        Target[] targets = spec.HasHead ? [Target.Mse, Target.ClassIndex, Target.Distribution] : [Target.Mse];
        foreach (Target target in targets)
        {
            foreach (bool oneHot in new[] { false, true })
            {
                w.Line();
                EmitOneCall(w, spec, s.Keyword, target, oneHot);
                w.Line();
                EmitOneCallBatch(w, spec, s, target, oneHot);
            }
        }
    }

    private static void EmitMse(SourceWriter w, CellSpec spec, ScalarSyntax s)
    {
        string t = s.Keyword, cell = spec.TypeName;
        w.Summary("Squared-error loss of one step on the hidden state, <c>L = ½‖h − y‖²</c>, and its gradient <c>dL/dh = h − y</c>.");
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
        w.Line($"public static {t} MseLoss({ReadOnlySpan}<Hidden> outputs, {ReadOnlySpan}<Hidden> targets, {Span}<Hidden> outputGradients)").Open();
        w.Line($"{RuntimeNames.Guard}.SameLength(targets.Length, outputs.Length, \"the targets of {cell}\", nameof(targets));");
        w.Line($"{RuntimeNames.Guard}.SameLength(outputGradients.Length, outputs.Length, \"the output gradients of {cell}\", nameof(outputGradients));");
        w.Line($"{t} loss = {s.Zero};");
        w.Line("for (int t = 0; t < outputs.Length; t++)").Open();
        w.Line("loss += MseLoss(outputs[t], targets[t], out outputGradients[t]);");
        w.Close();
        w.Line();
        w.Line("return loss;");
        w.Close();
        w.Line();

        w.Line($"private static {t} MseStep(Parameters p, in Hidden h, in Hidden y, {t} scale, Gradients grads, out Hidden dh)").Open();
        w.Line($"{t} loss = MseLoss(h, y, out dh);");
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        w.Line("dh[j] *= scale;");
        w.Close();
        w.Line();
        w.Line("return loss;");
        w.Close();
    }

    private static string Name(Target target) => target == Target.Mse ? "LossAndGradients" : "CrossEntropyLossAndGradients";

    private static string TargetType(Target target) => target switch
    {
        Target.Mse => "Hidden",
        Target.ClassIndex => "int",
        _ => "Output",
    };

    private static string InputsType(bool oneHot) => oneHot ? $"{ReadOnlySpan}<int>" : $"{ReadOnlySpan}<Input>";

    private static string LossDescription(Target target) => target switch
    {
        Target.Mse => "the squared-error loss <c>Σ_t ½‖h_t − y_t‖²</c> on the hidden outputs",
        Target.ClassIndex => "the cross-entropy of the softmax head against a class index per step",
        _ => "the cross-entropy of the softmax head against a target distribution per step",
    };

    private static void EmitOneCall(SourceWriter w, CellSpec spec, string t, Target target, bool oneHot)
    {
        string cell = spec.TypeName;
        w.Summary(
            $"Forward, loss and backward of one sequence in one call: {LossDescription(target)},\n" +
            $"{(oneHot ? "on one-hot inputs, " : "")}with every gradient added into <paramref name=\"grads\"/>. Allocates nothing.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("inputs", oneHot ? "One-hot input indices, one per step." : "Inputs x_0 .. x_{T-1}.");
        w.Param("targets", "Targets, one per step.");
        w.Param("initial", "State before the first step.");
        w.Param("workspace", "Caller-owned scratch buffers with at least T steps; after the call it holds this sequence's caches and outputs.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Doc("returns", "The summed loss and the state after the last step.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">The lengths differ or the workspace is too short.</exception>");
        w.Line($"public static ({t} Loss, State Final) {Name(target)}(Parameters p, {InputsType(oneHot)} inputs, {ReadOnlySpan}<{TargetType(target)}> targets, in State initial, Workspace workspace, Gradients grads)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(workspace);");
        w.Line($"{RuntimeNames.Guard}.SameLength(targets.Length, inputs.Length, \"the targets of {cell}\", nameof(targets));");
        if (target != Target.Mse)
        {
            HeadEmitter.EmitTargetsCheck(w, spec, classIndex: target == Target.ClassIndex);
        }

        w.Line($"{RuntimeNames.Guard}.MinLength(workspace.Caches.Length, inputs.Length, \"the workspace of {cell} (MaxSteps x MaxBatch)\", nameof(workspace));");
        w.Line($"{Span}<StepCache> caches = workspace.Caches.Slice(0, inputs.Length);");
        w.Line($"{Span}<Hidden> outputs = workspace.Outputs.Slice(0, inputs.Length);");
        w.Line($"{Span}<Hidden> outputGradients = workspace.OutputGradients.Slice(0, inputs.Length);");
        w.Line("State final = ForwardSequence(p, inputs, initial, caches, outputs);");
        w.Line(target == Target.Mse
            ? $"{t} loss = MseLoss(outputs, targets, outputGradients);"
            : $"{t} loss = CrossEntropyLoss(p, outputs, targets, outputGradients, grads);");
        w.Line("Bptt(p, caches, outputGradients, grads, default);");
        w.Line("return (loss, final);");
        w.Close();
    }

    private static void EmitOneCallBatch(SourceWriter w, CellSpec spec, ScalarSyntax s, Target target, bool oneHot)
    {
        string t = s.Keyword, cell = spec.TypeName;
        w.Summary(
            $"Forward, loss and backward of a batch of m = <paramref name=\"batchSize\"/> sequences in one call: {LossDescription(target)},\n" +
            $"{(oneHot ? "on one-hot inputs, " : "")}time-major buffers (step t of sequence b at <c>t * m + b</c>).\n" +
            (spec.ResolvedKernel == Kernel.Simd
                ? "With <see cref=\"global::LstmGen.BatchReduction.Sum\"/> the loss is exactly (bit for bit) the sum of running the sequences one by\n" +
                  "one and the gradients equal theirs up to rounding (BPTT runs 4 sequences at a time, adding terms in another order);\n"
                : "With <see cref=\"global::LstmGen.BatchReduction.Sum\"/> the loss and gradients are exactly (bit for bit) the sums of running the\n" +
                  "sequences one by one; ") +
            "with <see cref=\"global::LstmGen.BatchReduction.Mean\"/> every dL/dh (or dL/dz of the head) is scaled by 1/m.\n" +
            "The final states are left in <see cref=\"Workspace.States\"/>. Allocates nothing.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("inputs", $"T x m {(oneHot ? "one-hot input indices" : "inputs")}, time-major.");
        w.Param("targets", "T x m targets, time-major.");
        w.Param("batchSize", "m, the number of sequences.");
        w.Param("reduction", "Sum or mean over the batch.");
        w.Param("workspace", "Caller-owned scratch buffers with at least T steps and m sequences.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Param("initial", "The m initial states, or empty (the default) for zero states.");
        w.Doc("returns", "The loss, summed or averaged over the batch.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A length does not fit T x m or the workspace is too small.</exception>");
        w.Line($"public static {t} {Name(target)}Batch(Parameters p, {InputsType(oneHot)} inputs, {ReadOnlySpan}<{TargetType(target)}> targets, int batchSize, global::LstmGen.BatchReduction reduction, Workspace workspace, Gradients grads, {ReadOnlySpan}<State> initial = default)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(workspace);");
        w.Line($"int steps = {RuntimeNames.Guard}.BatchSteps(inputs.Length, batchSize, \"the batched inputs of {cell}\", nameof(inputs));");
        w.Line($"{RuntimeNames.Guard}.Length(targets.Length, inputs.Length, \"the batched targets of {cell} (T x m)\", nameof(targets));");
        if (target != Target.Mse)
        {
            HeadEmitter.EmitTargetsCheck(w, spec, classIndex: target == Target.ClassIndex);
        }

        w.Line($"{RuntimeNames.Guard}.MinLength(workspace.MaxBatch, batchSize, \"the workspace of {cell} (MaxBatch)\", nameof(workspace));");
        w.Line($"{RuntimeNames.Guard}.MinLength(workspace.MaxSteps, steps, \"the workspace of {cell} (MaxSteps)\", nameof(workspace));");
        w.Line($"{Span}<StepCache> caches = workspace.Caches.Slice(0, inputs.Length);");
        w.Line($"{Span}<Hidden> outputs = workspace.Outputs.Slice(0, inputs.Length);");
        w.Line($"{Span}<Hidden> outputGradients = workspace.OutputGradients.Slice(0, inputs.Length);");
        w.Line("ForwardSequenceBatch(p, inputs, batchSize, initial, workspace.States.Slice(0, batchSize), caches, outputs);");
        w.Line();
        w.Line("// Sample by sample, as if each sequence ran alone: per-sample sums first, then the batch sum.");
        w.Line($"{t} scale = reduction == global::LstmGen.BatchReduction.Mean ? {s.One} / batchSize : {s.One};");
        w.Line($"{t} loss = {s.Zero};");
        w.Line("for (int b = 0; b < batchSize; b++)").Open();
        w.Line($"{t} sampleLoss = {s.Zero};");
        w.Line("for (int t = 0; t < steps; t++)").Open();
        w.Line("int at = (t * batchSize) + b;");
        w.Line(target == Target.Mse
            ? "sampleLoss += MseStep(p, outputs[at], targets[at], scale, grads, out outputGradients[at]);"
            : "sampleLoss += CrossEntropyStep(p, outputs[at], targets[at], scale, grads, out outputGradients[at]);");
        w.Close();
        w.Line();
        w.Line("loss += sampleLoss;");
        w.Close();
        w.Line();
        w.Line("BpttBatch(p, caches, outputGradients, batchSize, grads, default, default);");
        w.Line("return loss * scale;");
        w.Close();
    }
}
