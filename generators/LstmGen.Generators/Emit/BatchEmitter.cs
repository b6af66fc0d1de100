using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Batches of m independent sequences, m chosen at run time. Layout is time-major: element (t, b) of a
/// T x m buffer is at <c>t * m + b</c>, so one step of the whole batch is contiguous. Each sample runs the
/// same single-step arithmetic as a lone sequence (SIMD cells compute the gate products of 4 samples in one pass over the
/// weights, with each sample's sums in the single-sample order), so per-sample states, caches, outputs and dx are bit-for-bit
/// those of running the samples one by one. BPTT of the scalar strategies walks the samples in order (sample-major),
/// so summed gradients are bit-for-bit those of running the samples one by one into the same accumulator; SIMD cells
/// run 4 sequences backwards together (one pass over the weights per step for all 4), so per-sample dx and carried
/// gradients are still bit-for-bit, but the samples' terms add into the shared gradients in another order.
/// </summary>
internal static class BatchEmitter
{
    private const string Span = "global::System.Span";
    private const string ReadOnlySpan = "global::System.ReadOnlySpan";

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        EmitForwardBatch(w, spec, oneHot: false);
        w.Line();
        EmitForwardBatch(w, spec, oneHot: true);
        w.Line();
        EmitBackwardBatch(w, spec);
        w.Line();
        EmitForwardSequenceBatch(w, spec, oneHot: false);
        w.Line();
        EmitForwardSequenceBatch(w, spec, oneHot: true);
        w.Line();
        EmitBpttBatch(w, spec);
    }

    private static string InputsType(bool oneHot) => oneHot ? $"{ReadOnlySpan}<int>" : $"{ReadOnlySpan}<Input>";

    private static void EmitForwardBatch(SourceWriter w, CellSpec spec, bool oneHot)
    {
        string cell = spec.TypeName;
        string step = oneHot ? "ForwardOneHot" : "Forward";
        w.Summary($"One forward step for a batch of m = <c>inputs.Length</c> independent samples: <see cref=\"{step}\"/> per sample.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("inputs", oneHot ? "The m one-hot input indices." : "The m inputs.");
        w.Param("states", "The m states before the step.");
        w.Param("next", "Receives the m states after the step; may be the same span as <paramref name=\"states\"/>.");
        w.Param("caches", "Receives the m step caches.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length differs from m.</exception>");
        w.Line($"public static void ForwardBatch(Parameters p, {InputsType(oneHot)} inputs, {ReadOnlySpan}<State> states, {Span}<State> next, {Span}<StepCache> caches)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line($"{RuntimeNames.Guard}.Length(states.Length, inputs.Length, \"the batch states of {cell} (one per sample)\", nameof(states));");
        w.Line($"{RuntimeNames.Guard}.Length(next.Length, inputs.Length, \"the next batch states of {cell} (one per sample)\", nameof(next));");
        w.Line($"{RuntimeNames.Guard}.Length(caches.Length, inputs.Length, \"the batch caches of {cell} (one per sample)\", nameof(caches));");
        if (oneHot)
        {
            StepEmitter.EmitOneHotIndicesCheck(w, spec);
        }

        if (spec.ResolvedKernel == Kernel.Simd)
        {
            SimdBatchEmitter.EmitForwardBatchBody(w, spec, oneHot);
            w.Close();
            return;
        }

        w.Line("for (int b = 0; b < inputs.Length; b++)").Open();
        w.Line($"(next[b], caches[b]) = {step}(p, inputs[b], states[b]);");
        w.Close();
        w.Close();
    }

    private static void EmitBackwardBatch(SourceWriter w, CellSpec spec)
    {
        string cell = spec.TypeName;
        w.Summary("One backward step for a batch of m = <c>caches.Length</c> samples: <see cref=\"Backward\"/> per sample, gradients summed into <paramref name=\"grads\"/>.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("caches", "The m caches of the forward step.");
        w.Param("outputGradients", "The m gradients dL/dh_t from above.");
        w.Param("carry", "The m gradients carried from step t+1 (or empty for zeros).");
        w.Param("carryOut", "Receives the m gradients to carry to step t-1; may be the same span as <paramref name=\"carry\"/>.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Param("inputGradients", "Receives the m gradients dL/dx_t, or empty to skip them.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length differs from m.</exception>");
        w.Line($"public static void BackwardBatch(Parameters p, {ReadOnlySpan}<StepCache> caches, {ReadOnlySpan}<Hidden> outputGradients, {ReadOnlySpan}<StateGradient> carry, {Span}<StateGradient> carryOut, Gradients grads, {Span}<Input> inputGradients)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line($"{RuntimeNames.Guard}.Length(outputGradients.Length, caches.Length, \"the batch output gradients of {cell} (one per sample)\", nameof(outputGradients));");
        w.Line($"{RuntimeNames.Guard}.Length(carryOut.Length, caches.Length, \"the batch carried gradients of {cell} (one per sample)\", nameof(carryOut));");
        w.Line("if (!carry.IsEmpty)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(carry.Length, caches.Length, \"the incoming carried gradients of {cell} (one per sample, or empty)\", nameof(carry));");
        w.Close();
        w.Line();
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(inputGradients.Length, caches.Length, \"the batch input gradients of {cell} (one per sample, or empty)\", nameof(inputGradients));");
        w.Close();
        w.Line();
        w.Line("for (int b = 0; b < caches.Length; b++)").Open();
        w.Line("StateGradient incoming = carry.IsEmpty ? default : carry[b];");
        w.Line("(Input dx, carryOut[b]) = Backward(p, caches[b], outputGradients[b], incoming, grads);");
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line("inputGradients[b] = dx;");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void EmitForwardSequenceBatch(SourceWriter w, CellSpec spec, bool oneHot)
    {
        string cell = spec.TypeName;
        string step = oneHot ? "ForwardOneHot" : "Forward";
        w.Summary(
            $"Forward pass over a batch of m = <paramref name=\"batchSize\"/> sequences of T = <c>inputs.Length / m</c> steps, time-major\n" +
            $"(step t of sequence b at <c>t * m + b</c>): <see cref=\"{step}\"/> per element. Allocates nothing.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("inputs", $"T x m {(oneHot ? "one-hot input indices" : "inputs")}, time-major.");
        w.Param("batchSize", "m, the number of sequences; at least 1 and a divisor of <c>inputs.Length</c>.");
        w.Param("initial", "The m initial states, or empty for zero states.");
        w.Param("final", "Receives the m final states (and holds the running states during the pass); exactly m elements.");
        w.Param("caches", "Receives the T x m step caches, time-major.");
        w.Param("outputs", "Receives the T x m hidden outputs, time-major.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length does not fit T x m.</exception>");
        w.Line($"public static void ForwardSequenceBatch(Parameters p, {InputsType(oneHot)} inputs, int batchSize, {ReadOnlySpan}<State> initial, {Span}<State> final, {Span}<StepCache> caches, {Span}<Hidden> outputs)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line($"int steps = {RuntimeNames.Guard}.BatchSteps(inputs.Length, batchSize, \"the batched inputs of {cell}\", nameof(inputs));");
        w.Line($"{RuntimeNames.Guard}.Length(final.Length, batchSize, \"the final states of {cell} (one per sequence)\", nameof(final));");
        w.Line($"{RuntimeNames.Guard}.Length(caches.Length, inputs.Length, \"the batched step caches of {cell} (T x m)\", nameof(caches));");
        w.Line($"{RuntimeNames.Guard}.Length(outputs.Length, inputs.Length, \"the batched hidden outputs of {cell} (T x m)\", nameof(outputs));");
        if (oneHot)
        {
            StepEmitter.EmitOneHotIndicesCheck(w, spec);
        }

        w.Line("if (initial.IsEmpty)").Open();
        w.Line("final.Clear();");
        w.Close();
        w.Line("else").Open();
        w.Line($"{RuntimeNames.Guard}.Length(initial.Length, batchSize, \"the initial states of {cell} (one per sequence, or empty)\", nameof(initial));");
        w.Line("initial.CopyTo(final);");
        w.Close();
        w.Line();
        w.Line("for (int t = 0; t < steps; t++)").Open();
        if (spec.ResolvedKernel == Kernel.Simd)
        {
            w.Line("// One batched step at a time: groups of samples share a pass over the weights (see ForwardBatch).");
            w.Line("int first = t * batchSize;");
            w.Line("ForwardBatch(p, inputs.Slice(first, batchSize), final, final, caches.Slice(first, batchSize));");
            w.Line("for (int b = 0; b < batchSize; b++)").Open();
            w.Line("outputs[first + b] = final[b].H;");
            w.Close();
        }
        else
        {
            w.Line("for (int b = 0; b < batchSize; b++)").Open();
            w.Line("int at = (t * batchSize) + b;");
            w.Line($"(final[b], caches[at]) = {step}(p, inputs[at], final[b]);");
            w.Line("outputs[at] = final[b].H;");
            w.Close();
        }

        w.Close();
        w.Close();
    }

    private static void EmitBpttBatch(SourceWriter w, CellSpec spec)
    {
        string cell = spec.TypeName;
        w.Summary(
            "Backpropagation through time over a batch of m = <paramref name=\"batchSize\"/> sequences (time-major T x m buffers):\n" +
            (spec.ResolvedKernel == Kernel.Simd
                ? "the values of <see cref=\"Bptt\"/> per sequence, gradients summed into <paramref name=\"grads\"/>. Groups of 4 sequences run\n" +
                  "backwards together (one pass over [W | U] per step serves all 4), so the summed gradients equal those of one call per\n" +
                  "sequence up to rounding (terms added in another order); dx and the initial-state gradients are the same bit for bit."
                : "<see cref=\"Bptt\"/> per sequence, in sample order, gradients summed into <paramref name=\"grads\"/>."));
        w.Param("p", "Parameters θ (read only).");
        w.Param("caches", "The T x m step caches of the forward pass.");
        w.Param("outputGradients", "The T x m gradients dL/dh_t from above.");
        w.Param("batchSize", "m, the number of sequences.");
        w.Param("grads", "Caller-owned gradient accumulator.");
        w.Param("inputGradients", "Receives the T x m gradients dL/dx_t, or empty to skip them.");
        w.Param("initialGradients", "Receives the m gradients with respect to the initial states, or empty to skip them.");
        w.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length does not fit T x m.</exception>");
        w.Line($"public static void BpttBatch(Parameters p, {ReadOnlySpan}<StepCache> caches, {ReadOnlySpan}<Hidden> outputGradients, int batchSize, Gradients grads, {Span}<Input> inputGradients, {Span}<StateGradient> initialGradients)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line($"int steps = {RuntimeNames.Guard}.BatchSteps(caches.Length, batchSize, \"the batched step caches of {cell}\", nameof(caches));");
        w.Line($"{RuntimeNames.Guard}.Length(outputGradients.Length, caches.Length, \"the batched output gradients of {cell} (T x m)\", nameof(outputGradients));");
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(inputGradients.Length, caches.Length, \"the batched input gradients of {cell} (T x m, or empty)\", nameof(inputGradients));");
        w.Close();
        w.Line();
        w.Line("if (!initialGradients.IsEmpty)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(initialGradients.Length, batchSize, \"the initial-state gradients of {cell} (one per sequence, or empty)\", nameof(initialGradients));");
        w.Close();
        w.Line();
        if (spec.ResolvedKernel == Kernel.Simd)
        {
            SimdBatchBackwardEmitter.EmitBpttBatchBody(w, spec);
            w.Close();
            return;
        }

        EmitSequenceBySequenceBptt(w, "for (int b = 0; b < batchSize; b++)");
        w.Close();
    }

    /// <summary>
    /// Runs the sequences the loop header selects backwards one by one, as <c>Bptt</c> does: the whole scalar batch
    /// BPTT, and the SIMD batch BPTT's leftover sequences (m mod 4).
    /// </summary>
    internal static void EmitSequenceBySequenceBptt(SourceWriter w, string loopHeader)
    {
        w.Line(loopHeader).Open();
        w.Line("StateGradient carry = default;");
        w.Line("for (int t = steps - 1; t >= 0; t--)").Open();
        w.Line("int at = (t * batchSize) + b;");
        w.Line("(Input dx, carry) = Backward(p, caches[at], outputGradients[at], carry, grads);");
        w.Line("if (!inputGradients.IsEmpty)").Open();
        w.Line("inputGradients[at] = dx;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("if (!initialGradients.IsEmpty)").Open();
        w.Line("initialGradients[b] = carry;");
        w.Close();
        w.Close();
    }
}
