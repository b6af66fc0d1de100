using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The softmax output head <c>ŷ = softmax(W_y h + b_y)</c> (seeds 003/004): its forward above its backward,
/// stable softmax and log-softmax, and cross-entropy against a class index or a target distribution.
/// </summary>
internal static class HeadEmitter
{
    private const string ReadOnlySpan = "global::System.ReadOnlySpan";
    private const string Span = "global::System.Span";

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string t = s.Keyword;

        w.Summary("Head forward: the logits <c>z = W_y h + b_y</c> (V values). Apply <see cref=\"Softmax\"/> for probabilities.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("h", "A hidden state h_t.");
        w.Doc("returns", "The V logits.");
        w.Line("public static Output HeadForward(Parameters p, in Hidden h)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        if (spec.ResolvedKernel == Kernel.Simd)
        {
            w.Line("// Vectorised: the rows of W_y in vectors while the columns stream past (the same order as the scalar loops).");
            w.Line("Output logits = default;");
            w.Line("HeadLogits(p.Values, h, logits);");
            w.Line("return logits;");
            w.Close();
        }
        else
        {
            EmitScalarHeadForward(w, t);
        }

        w.Line();

        w.Summary("Head backward, the twin of <see cref=\"HeadForward\"/>: adds <c>dW_y += dz hᵀ</c> and <c>db_y += dz</c> into <paramref name=\"grads\"/> and returns <c>dL/dh = W_yᵀ dz</c>.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("h", "The hidden state the head read.");
        w.Param("dLogits", "dL/dz for the logits.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Doc("returns", "dL/dh contributed by the head (add the carried dh in <see cref=\"Backward\"/>).");
        w.Line("public static Hidden HeadBackward(Parameters p, in Hidden h, in Output dLogits, Gradients grads)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        if (spec.ResolvedKernel == Kernel.Simd)
        {
            w.Line("// Vectorised: one pass over the columns of W_y, the V rows in vectors (dW_y += dz·h_j, dh_j = W_y[:, j]·dz).");
            w.Line("Hidden dh = default;");
            w.Line("HeadGradients(p.Values, grads.Values, dLogits, h, dh);");
            w.Line($"{Span}<{t}> dby = grads.Values.Slice(HeadBiasOffset, OutputSize);");
            w.Line("for (int v = 0; v < OutputSize; v++)").Open();
            w.Line("dby[v] += dLogits[v];");
            w.Close();
            w.Line();
            w.Line("return dh;");
            w.Close();
        }
        else
        {
            EmitScalarHeadBackward(w, t);
        }

        w.Line();

        w.Summary("Numerically stable softmax (shifted by the largest logit): probabilities that sum to 1.");
        w.Param("logits", "The logits z.");
        w.Line("public static Output Softmax(in Output logits)").Open();
        w.Line("Output probabilities = default;");
        w.Line($"{RuntimeNames.SoftmaxMath}.Softmax<{t}>(logits, probabilities);");
        w.Line("return probabilities;");
        w.Close();
        w.Line();
        w.Summary("Numerically stable log-softmax: <c>z - logΣexp(z)</c>.");
        w.Param("logits", "The logits z.");
        w.Line("public static Output LogSoftmax(in Output logits)").Open();
        w.Line("Output logProbabilities = default;");
        w.Line($"{RuntimeNames.SoftmaxMath}.LogSoftmax<{t}>(logits, logProbabilities);");
        w.Line("return logProbabilities;");
        w.Close();
        w.Line();

        w.Summary("Cross-entropy of one step against a class index, <c>L = -log softmax(z)[target]</c>, with <c>dL/dz = softmax(z) - onehot(target)</c>.");
        w.Param("logits", "The logits z of the step.");
        w.Param("target", $"The true class, 0 ≤ target &lt; V = {spec.OutputSize}.");
        w.Param("dLogits", "Receives dL/dz.");
        w.Doc("returns", "The loss.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"target\"/> is outside [0, V).</exception>");
        w.Line($"public static {t} CrossEntropyLoss(in Output logits, int target, out Output dLogits)").Open();
        w.Line("dLogits = default;");
        w.Line($"return {RuntimeNames.SoftmaxMath}.CrossEntropy<{t}>(logits, target, dLogits);");
        w.Close();
        w.Line();
        w.Summary("Cross-entropy of one step against a target distribution q, <c>L = -Σ q log softmax(z)</c>, with <c>dL/dz = softmax(z)·Σq - q</c>.");
        w.Param("logits", "The logits z of the step.");
        w.Param("target", $"The target distribution q: finite, non-negative, summing to 1 within 2·V·ε (<see cref=\"{RuntimeNames.Guard}.DistributionTolerance{{T}}\"/>).");
        w.Param("dLogits", "Receives dL/dz.");
        w.Doc("returns", "The loss.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"target\"/> is not a distribution.</exception>");
        w.Line($"public static {t} CrossEntropyLoss(in Output logits, in Output target, out Output dLogits)").Open();
        w.Line("dLogits = default;");
        w.Line($"return {RuntimeNames.SoftmaxMath}.CrossEntropy<{t}>(logits, target, dLogits);");
        w.Close();
        w.Line();

        EmitHeadStep(w, t, "int");
        w.Line();
        EmitHeadStep(w, t, "in Output");
        w.Line();
        EmitSequenceLoss(w, spec, t, "int");
        w.Line();
        EmitSequenceLoss(w, spec, t, "Output");
    }

    private static void EmitScalarHeadBackward(SourceWriter w, string t)
    {
        w.Line($"{ReadOnlySpan}<{t}> wy = p.Values.Slice(HeadWeightOffset, OutputSize * HiddenSize);");
        w.Line($"{Span}<{t}> dwy = grads.Values.Slice(HeadWeightOffset, OutputSize * HiddenSize);");
        w.Line($"{Span}<{t}> dby = grads.Values.Slice(HeadBiasOffset, OutputSize);");
        w.Line("Hidden dh = default;");
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        w.Line($"{t} hj = h[j];");
        w.Line($"{ReadOnlySpan}<{t}> column = wy.Slice(j * OutputSize, OutputSize);");
        w.Line($"{Span}<{t}> dColumn = dwy.Slice(j * OutputSize, OutputSize);");
        w.Line($"{t} sum = default;");
        w.Line("for (int v = 0; v < OutputSize; v++)").Open();
        w.Line("dColumn[v] += dLogits[v] * hj;");
        w.Line("sum += column[v] * dLogits[v];");
        w.Close();
        w.Line();
        w.Line("dh[j] = sum;");
        w.Close();
        w.Line();
        w.Line("for (int v = 0; v < OutputSize; v++)").Open();
        w.Line("dby[v] += dLogits[v];");
        w.Close();
        w.Line();
        w.Line("return dh;");
        w.Close();
    }

    private static void EmitScalarHeadForward(SourceWriter w, string t)
    {
        w.Line($"{ReadOnlySpan}<{t}> wy = p.Values.Slice(HeadWeightOffset, OutputSize * HiddenSize);");
        w.Line($"{ReadOnlySpan}<{t}> by = p.Values.Slice(HeadBiasOffset, OutputSize);");
        w.Line("Output logits = default;");
        w.Line("for (int j = 0; j < HiddenSize; j++)").Open();
        w.Line($"{t} hj = h[j];");
        w.Line($"{ReadOnlySpan}<{t}> column = wy.Slice(j * OutputSize, OutputSize);");
        w.Line("for (int v = 0; v < OutputSize; v++)").Open();
        w.Line("logits[v] += column[v] * hj;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("for (int v = 0; v < OutputSize; v++)").Open();
        w.Line("logits[v] += by[v];");
        w.Close();
        w.Line();
        w.Line("return logits;");
        w.Close();
    }

    /// <summary>Head forward, loss, scaling and head backward of one step: the unit every cross-entropy entry point repeats.</summary>
    private static void EmitHeadStep(SourceWriter w, string t, string targetType)
    {
        w.Line($"private static {t} CrossEntropyStep(Parameters p, in Hidden h, {targetType} target, {t} scale, Gradients grads, out Hidden dh)").Open();
        w.Line("Output logits = HeadForward(p, h);");
        w.Line($"{t} loss = CrossEntropyLoss(logits, target, out Output dLogits);");
        w.Line("for (int v = 0; v < OutputSize; v++)").Open();
        w.Line("dLogits[v] *= scale;");
        w.Close();
        w.Line();
        w.Line("dh = HeadBackward(p, h, dLogits, grads);");
        w.Line("return loss;");
        w.Close();
    }

    /// <summary>
    /// The up-front check of a span <c>targets</c> of class indices or target distributions, emitted by every entry point
    /// that takes one, so that a bad target throws before any caller buffer is written.
    /// </summary>
    internal static void EmitTargetsCheck(SourceWriter w, CellSpec spec, bool classIndex)
    {
        string cell = spec.TypeName, t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Line(classIndex
            ? $"{RuntimeNames.Guard}.Indices(targets, OutputSize, \"the class indices of {cell} (V = {spec.OutputSize})\", nameof(targets));"
            : $"{RuntimeNames.Guard}.Distributions(global::System.Runtime.InteropServices.MemoryMarshal.Cast<Output, {t}>(targets), OutputSize, \"the target distributions of {cell}\", nameof(targets));");
    }

    private static void EmitSequenceLoss(SourceWriter w, CellSpec spec, string t, string targetType)
    {
        string cell = spec.TypeName;
        string what = targetType == "int" ? "class indices" : "target distributions";
        w.Summary(
            $"Cross-entropy of the softmax head over a sequence against {what}, <c>L = Σ_t CE(softmax(W_y h_t + b_y), target_t)</c>:\n" +
            "runs the head forward and backward per step, adds dW_y and db_y into <paramref name=\"grads\"/>, and writes the\n" +
            "head's dL/dh_t for <see cref=\"Bptt\"/> (which adds the carried dh, as in seed 003).");
        w.Param("p", "Parameters θ (read only).");
        w.Param("outputs", "The hidden outputs h_t of the forward pass.");
        w.Param("targets", $"The {what}, one per step.");
        w.Param("outputGradients", "Receives dL/dh_t, one per step.");
        w.Line(targetType == "int"
            ? "/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A class index is outside [0, V); checked before anything is written.</exception>"
            : $"/// <exception cref=\"global::System.ArgumentException\">A target is not a distribution (see <see cref=\"{RuntimeNames.Guard}.Distributions{{T}}\"/>); checked before anything is written.</exception>");

        w.Param("grads", "Caller-owned gradient accumulator (head gradients).");
        w.Doc("returns", "The summed loss.");
        w.Line($"public static {t} CrossEntropyLoss(Parameters p, {ReadOnlySpan}<Hidden> outputs, {ReadOnlySpan}<{targetType}> targets, {Span}<Hidden> outputGradients, Gradients grads)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line($"{RuntimeNames.Guard}.SameLength(targets.Length, outputs.Length, \"the targets of {cell}\", nameof(targets));");
        w.Line($"{RuntimeNames.Guard}.SameLength(outputGradients.Length, outputs.Length, \"the output gradients of {cell}\", nameof(outputGradients));");
        EmitTargetsCheck(w, spec, classIndex: targetType == "int");
        w.Line($"{t} loss = default;");
        w.Line("for (int t = 0; t < outputs.Length; t++)").Open();
        w.Line("loss += CrossEntropyStep(p, outputs[t], targets[t], 1, grads, out outputGradients[t]);");
        w.Close();
        w.Line();
        w.Line("return loss;");
        w.Close();
    }
}
