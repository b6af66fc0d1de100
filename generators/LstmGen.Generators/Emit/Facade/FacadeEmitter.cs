using System.Text.RegularExpressions;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the cell's typed functions (<c>TinyLstm.Step(p, x, state)</c> …): each one line that forwards to the runtime's
/// <c>LstmGen.TypedCell&lt;Kernel, T&gt;</c>, written once for every cell, and inherits its documentation from there.
/// Forward above backward; then sequences, batches, the head, losses and the optimiser.
/// </summary>
internal static class FacadeEmitter
{
    private const string Cref = "global::LstmGen.TypedCell{TKernel, T}";
    private const string P = "global::LstmGen.Parameters{TKernel, T}";
    private const string G = "global::LstmGen.Gradients{TKernel, T}";
    private const string Ws = "global::LstmGen.Workspace{TKernel, T}";
    private const string Ros = "global::System.ReadOnlySpan";
    private const string Sp = "global::System.Span";

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string call = $"global::LstmGen.TypedCell<Kernel, {t}>";
        var f = new Writer(w, call, spec);

        w.Doc("summary", "Values in one step's cache (<see cref=\"global::LstmGen.StepCache{TKernel, T}\"/> names them): size a buffer of caches as T × m × CacheLength.");
        w.Line($"public static int CacheLength => global::LstmGen.Kernels.Recurrent<Kernel, {t}>.CacheLength;");
        f.Group("One step: forward above its backward twin. Shapes: x [D], h [H], state [S] (S = 2H for an LSTM), cache [Kernel.CacheLength].");
        f.Fn($"Forward{{TIn, TState}}({P}, in TIn, in TState, {Sp}{{T}})",
            $"State Forward(Parameters p, in Input x, in State state, {Sp}<{t}> cache)", "Forward(p, x, state, cache)");
        f.Fn($"ForwardOneHot{{TState}}({P}, int, in TState, {Sp}{{T}})",
            $"State ForwardOneHot(Parameters p, int index, in State state, {Sp}<{t}> cache)", "ForwardOneHot(p, index, state, cache)");
        f.Fn($"Backward{{TIn, THidden, TStateGradient}}({P}, in TIn, {Ros}{{T}}, in THidden, in TStateGradient, {G})",
            $"(Input Dx, StateGradient Carry) Backward(Parameters p, in Input x, {Ros}<{t}> cache, in Hidden dh, in StateGradient carry, Gradients grads)",
            "Backward(p, x, cache, dh, carry, grads)");
        f.Fn($"BackwardOneHot{{THidden, TStateGradient}}({P}, int, {Ros}{{T}}, in THidden, in TStateGradient, {G})",
            $"StateGradient BackwardOneHot(Parameters p, int index, {Ros}<{t}> cache, in Hidden dh, in StateGradient carry, Gradients grads)",
            "BackwardOneHot(p, index, cache, dh, carry, grads)");
        f.Fn($"Step{{TIn, TState}}({P}, in TIn, in TState)", "State Step(Parameters p, in Input x, in State state)", "Step(p, x, state)");
        f.Fn($"StepOneHot{{TState}}({P}, int, in TState)", "State StepOneHot(Parameters p, int index, in State state)", "StepOneHot(p, index, state)");
        if (spec.HasHead)
        {
            // A softmax head's output is the class probabilities, a linear head's the prediction y.
            string output = spec.HasLinearHead ? "prediction" : "probabilities";
            f.Fn($"Step{{TIn, TState, TOutput}}({P}, in TIn, in TState, out TOutput)",
                $"State Step(Parameters p, in Input x, in State state, out Output {output})", $"Step(p, x, state, out {output})");
            f.Fn($"StepOneHot{{TState, TOutput}}({P}, int, in TState, out TOutput)",
                $"State StepOneHot(Parameters p, int index, in State state, out Output {output})", $"StepOneHot(p, index, state, out {output})");
        }

        f.Group("Sequences of T steps; batches of m sequences, time-major (step t of sequence b at t·m + b).");
        f.Fn($"ForwardSequence{{TIn, THidden, TState}}({P}, {Ros}{{TIn}}, in TState, {Sp}{{T}}, {Sp}{{THidden}})",
            $"State ForwardSequence(Parameters p, {Ros}<Input> inputs, in State initial, {Sp}<{t}> caches, {Sp}<Hidden> outputs)",
            "ForwardSequence(p, inputs, initial, caches, outputs)");
        f.Fn($"ForwardSequence{{THidden, TState}}({P}, {Ros}{{int}}, in TState, {Sp}{{T}}, {Sp}{{THidden}})",
            $"State ForwardSequence(Parameters p, {Ros}<int> inputs, in State initial, {Sp}<{t}> caches, {Sp}<Hidden> outputs)",
            "ForwardSequence(p, inputs, initial, caches, outputs)");
        f.Fn($"Bptt{{TIn, THidden, TStateGradient}}({P}, {Ros}{{TIn}}, {Ros}{{T}}, {Ros}{{THidden}}, {G}, {Sp}{{TIn}})",
            $"StateGradient Bptt(Parameters p, {Ros}<Input> inputs, {Ros}<{t}> caches, {Ros}<Hidden> outputGradients, Gradients grads, {Sp}<Input> inputGradients)",
            "Bptt<Input, Hidden, StateGradient>(p, inputs, caches, outputGradients, grads, inputGradients)");
        f.Fn($"Bptt{{THidden, TStateGradient}}({P}, {Ros}{{int}}, {Ros}{{T}}, {Ros}{{THidden}}, {G})",
            $"StateGradient Bptt(Parameters p, {Ros}<int> inputs, {Ros}<{t}> caches, {Ros}<Hidden> outputGradients, Gradients grads)",
            "Bptt<Hidden, StateGradient>(p, inputs, caches, outputGradients, grads)");
        f.Fn($"ForwardBatch{{TIn, TState}}({P}, {Ros}{{TIn}}, {Ros}{{TState}}, {Sp}{{TState}}, {Sp}{{T}})",
            $"void ForwardBatch(Parameters p, {Ros}<Input> inputs, {Ros}<State> states, {Sp}<State> next, {Sp}<{t}> caches)",
            "ForwardBatch(p, inputs, states, next, caches)");
        f.Fn($"ForwardBatch{{TState}}({P}, {Ros}{{int}}, {Ros}{{TState}}, {Sp}{{TState}}, {Sp}{{T}})",
            $"void ForwardBatch(Parameters p, {Ros}<int> inputs, {Ros}<State> states, {Sp}<State> next, {Sp}<{t}> caches)",
            "ForwardBatch(p, inputs, states, next, caches)");
        f.Fn($"StepBatch{{TIn, TState}}({P}, {Ros}{{TIn}}, {Ros}{{TState}}, {Sp}{{TState}})",
            $"void StepBatch(Parameters p, {Ros}<Input> inputs, {Ros}<State> states, {Sp}<State> next)", "StepBatch(p, inputs, states, next)");
        f.Fn($"StepBatch{{TState}}({P}, {Ros}{{int}}, {Ros}{{TState}}, {Sp}{{TState}})",
            $"void StepBatch(Parameters p, {Ros}<int> inputs, {Ros}<State> states, {Sp}<State> next)", "StepBatch(p, inputs, states, next)");
        f.Fn($"BackwardBatch{{TIn, THidden, TStateGradient}}({P}, {Ros}{{TIn}}, {Ros}{{T}}, {Ros}{{THidden}}, {Ros}{{TStateGradient}}, {Sp}{{TStateGradient}}, {G}, {Sp}{{TIn}})",
            $"void BackwardBatch(Parameters p, {Ros}<Input> inputs, {Ros}<{t}> caches, {Ros}<Hidden> outputGradients, {Ros}<StateGradient> carry, {Sp}<StateGradient> carryOut, Gradients grads, {Sp}<Input> inputGradients)",
            "BackwardBatch(p, inputs, caches, outputGradients, carry, carryOut, grads, inputGradients)");
        f.Fn($"BackwardBatch{{THidden, TStateGradient}}({P}, {Ros}{{int}}, {Ros}{{T}}, {Ros}{{THidden}}, {Ros}{{TStateGradient}}, {Sp}{{TStateGradient}}, {G})",
            $"void BackwardBatch(Parameters p, {Ros}<int> inputs, {Ros}<{t}> caches, {Ros}<Hidden> outputGradients, {Ros}<StateGradient> carry, {Sp}<StateGradient> carryOut, Gradients grads)",
            "BackwardBatch(p, inputs, caches, outputGradients, carry, carryOut, grads)");
        f.Fn($"ForwardSequenceBatch{{TIn, THidden, TState}}({P}, {Ros}{{TIn}}, int, {Ros}{{TState}}, {Sp}{{TState}}, {Sp}{{T}}, {Sp}{{THidden}})",
            $"void ForwardSequenceBatch(Parameters p, {Ros}<Input> inputs, int batchSize, {Ros}<State> initial, {Sp}<State> final, {Sp}<{t}> caches, {Sp}<Hidden> outputs)",
            "ForwardSequenceBatch(p, inputs, batchSize, initial, final, caches, outputs)");
        f.Fn($"ForwardSequenceBatch{{THidden, TState}}({P}, {Ros}{{int}}, int, {Ros}{{TState}}, {Sp}{{TState}}, {Sp}{{T}}, {Sp}{{THidden}})",
            $"void ForwardSequenceBatch(Parameters p, {Ros}<int> inputs, int batchSize, {Ros}<State> initial, {Sp}<State> final, {Sp}<{t}> caches, {Sp}<Hidden> outputs)",
            "ForwardSequenceBatch(p, inputs, batchSize, initial, final, caches, outputs)");
        f.Fn($"BpttBatch{{TIn, THidden, TStateGradient}}({P}, {Ros}{{TIn}}, {Ros}{{T}}, {Ros}{{THidden}}, int, {G}, {Sp}{{TIn}}, {Sp}{{TStateGradient}})",
            $"void BpttBatch(Parameters p, {Ros}<Input> inputs, {Ros}<{t}> caches, {Ros}<Hidden> outputGradients, int batchSize, Gradients grads, {Sp}<Input> inputGradients, {Sp}<StateGradient> initialGradients)",
            "BpttBatch(p, inputs, caches, outputGradients, batchSize, grads, inputGradients, initialGradients)");
        f.Fn($"BpttBatch{{THidden, TStateGradient}}({P}, {Ros}{{int}}, {Ros}{{T}}, {Ros}{{THidden}}, int, {G}, {Sp}{{TStateGradient}})",
            $"void BpttBatch(Parameters p, {Ros}<int> inputs, {Ros}<{t}> caches, {Ros}<Hidden> outputGradients, int batchSize, Gradients grads, {Sp}<StateGradient> initialGradients)",
            "BpttBatch(p, inputs, caches, outputGradients, batchSize, grads, initialGradients)");

        if (spec.HasLinearHead)
        {
            EmitLinearHead(f, t);
        }
        else if (spec.HasHead)
        {
            EmitHead(f, t);
        }

        f.Group("Losses and training: forward, loss and BPTT in one call, over a caller-owned workspace; then the update.");
        f.Fn("MseLoss{THidden}(in THidden, in THidden, out THidden)", "{t} MseLoss(in Hidden h, in Hidden y, out Hidden dh)".Replace("{t}", t), "MseLoss(h, y, out dh)");
        f.Fn($"MseLoss{{THidden}}({Ros}{{THidden}}, {Ros}{{THidden}}, {Sp}{{THidden}})",
            $"{t} MseLoss({Ros}<Hidden> outputs, {Ros}<Hidden> targets, {Sp}<Hidden> outputGradients)", "MseLoss(outputs, targets, outputGradients)");
        Training(f, t, "LossAndGradients", "Hidden", "THidden");
        if (spec.HasLinearHead)
        {
            Training(f, t, "HeadMseLossAndGradients", "Output", "TOutput");
        }
        else if (spec.HasHead)
        {
            Training(f, t, "CrossEntropyLossAndGradients", "int", null);
            Training(f, t, "CrossEntropyLossAndGradients", "Output", "TOutput");
        }

        f.Fn($"Sgd({P}, {G}, T)", $"void Sgd(Parameters p, Gradients grads, {t} learningRate)", "Sgd(p, grads, learningRate)");
    }

    private static void EmitHead(Writer f, string t)
    {
        f.Group("The softmax head: logits z [V] = W_y h + b_y above its backward twin; softmax and cross-entropy.");
        f.Fn($"HeadForward{{THidden, TOutput}}({P}, in THidden)", "Output HeadForward(Parameters p, in Hidden h)", "HeadForward<Hidden, Output>(p, h)");
        f.Fn($"HeadBackward{{THidden, TOutput}}({P}, in THidden, in TOutput, {G})",
            "Hidden HeadBackward(Parameters p, in Hidden h, in Output dLogits, Gradients grads)", "HeadBackward(p, h, dLogits, grads)");
        f.Fn("Softmax{TOutput}(in TOutput)", "Output Softmax(in Output logits)", "Softmax(logits)");
        f.Fn("LogSoftmax{TOutput}(in TOutput)", "Output LogSoftmax(in Output logits)", "LogSoftmax(logits)");
        f.Fn("CrossEntropyLoss{TOutput}(in TOutput, int, out TOutput)", $"{t} CrossEntropyLoss(in Output logits, int target, out Output dLogits)",
            "CrossEntropyLoss(logits, target, out dLogits)");
        f.Fn("CrossEntropyLoss{TOutput}(in TOutput, in TOutput, out TOutput)", $"{t} CrossEntropyLoss(in Output logits, in Output target, out Output dLogits)",
            "CrossEntropyLoss(logits, target, out dLogits)");
        f.Fn($"CrossEntropyLoss{{THidden}}({P}, {Ros}{{THidden}}, {Ros}{{int}}, {Sp}{{THidden}}, {G})",
            $"{t} CrossEntropyLoss(Parameters p, {Ros}<Hidden> outputs, {Ros}<int> targets, {Sp}<Hidden> outputGradients, Gradients grads)",
            "CrossEntropyLoss(p, outputs, targets, outputGradients, grads)");
        f.Fn($"CrossEntropyLoss{{THidden, TOutput}}({P}, {Ros}{{THidden}}, {Ros}{{TOutput}}, {Sp}{{THidden}}, {G})",
            $"{t} CrossEntropyLoss(Parameters p, {Ros}<Hidden> outputs, {Ros}<Output> targets, {Sp}<Hidden> outputGradients, Gradients grads)",
            "CrossEntropyLoss(p, outputs, targets, outputGradients, grads)");
    }

    private static void EmitLinearHead(Writer f, string t)
    {
        f.Group("The linear head: the prediction y [V] = W_y h + b_y above its backward twin; the squared error ½‖y − target‖² on y.");
        f.Fn($"HeadForward{{THidden, TOutput}}({P}, in THidden)", "Output HeadForward(Parameters p, in Hidden h)", "HeadForward<Hidden, Output>(p, h)");
        f.Fn($"HeadBackward{{THidden, TOutput}}({P}, in THidden, in TOutput, {G})",
            "Hidden HeadBackward(Parameters p, in Hidden h, in Output dy, Gradients grads)", "HeadBackward(p, h, dy, grads)");
        f.Fn("HeadMseLoss{TOutput}(in TOutput, in TOutput, out TOutput)", $"{t} HeadMseLoss(in Output y, in Output target, out Output dy)",
            "HeadMseLoss(y, target, out dy)");
        f.Fn($"HeadMseLoss{{THidden, TOutput}}({P}, {Ros}{{THidden}}, {Ros}{{TOutput}}, {Sp}{{THidden}}, {G})",
            $"{t} HeadMseLoss(Parameters p, {Ros}<Hidden> outputs, {Ros}<Output> targets, {Sp}<Hidden> outputGradients, Gradients grads)",
            "HeadMseLoss(p, outputs, targets, outputGradients, grads)");
    }

    // The six one-call forms of a loss (dense and one-hot inputs; one sequence, a batch, a padded batch with lengths and
    // LossSteps); targets of type
    // `target` (generic name `generic`, or null for class indices).
    private static void Training(Writer f, string t, string name, string target, string? generic)
    {
        string targetCref = generic ?? "int";
        string denseArgs = generic is null ? "TIn, TState" : $"TIn, {generic}, TState";
        string oneHotArgs = generic is null ? "TState" : $"{generic}, TState";
        string denseCall = generic is null ? "<Input, State>" : $"<Input, {target}, State>";
        string oneHotCall = generic is null ? "<State>" : $"<{target}, State>";
        string single = $"{Ws}, {G})";
        f.Fn($"{name}{{{denseArgs}}}({P}, {Ros}{{TIn}}, {Ros}{{{targetCref}}}, in TState, {single}",
            $"({t} Loss, State Final) {name}(Parameters p, {Ros}<Input> inputs, {Ros}<{target}> targets, in State initial, Workspace workspace, Gradients grads)",
            $"{name}{denseCall}(p, inputs, targets, initial, workspace, grads)");
        f.Fn($"{name}{{{oneHotArgs}}}({P}, {Ros}{{int}}, {Ros}{{{targetCref}}}, in TState, {single}",
            $"({t} Loss, State Final) {name}(Parameters p, {Ros}<int> inputs, {Ros}<{target}> targets, in State initial, Workspace workspace, Gradients grads)",
            $"{name}{oneHotCall}(p, inputs, targets, initial, workspace, grads)");
        string batch = $"int, global::LstmGen.BatchReduction, {Ws}, {G}, {Ros}{{TState}})";
        f.Fn($"{name}Batch{{{denseArgs}}}({P}, {Ros}{{TIn}}, {Ros}{{{targetCref}}}, {batch}",
            $"{t} {name}Batch(Parameters p, {Ros}<Input> inputs, {Ros}<{target}> targets, int batchSize, global::LstmGen.BatchReduction reduction, Workspace workspace, Gradients grads, {Ros}<State> initial = default)",
            $"{name}Batch{denseCall}(p, inputs, targets, batchSize, reduction, workspace, grads, initial)");
        f.Fn($"{name}Batch{{{oneHotArgs}}}({P}, {Ros}{{int}}, {Ros}{{{targetCref}}}, {batch}",
            $"{t} {name}Batch(Parameters p, {Ros}<int> inputs, {Ros}<{target}> targets, int batchSize, global::LstmGen.BatchReduction reduction, Workspace workspace, Gradients grads, {Ros}<State> initial = default)",
            $"{name}Batch{oneHotCall}(p, inputs, targets, batchSize, reduction, workspace, grads, initial)");
        string padded = $"int, {Ros}{{int}}, global::LstmGen.BatchReduction, global::LstmGen.LossSteps, {Ws}, {G}, {Ros}{{TState}})";
        string paddedParameters = $"int batchSize, {Ros}<int> lengths, global::LstmGen.BatchReduction reduction, global::LstmGen.LossSteps lossSteps, Workspace workspace, Gradients grads, {Ros}<State> initial = default";
        f.Fn($"{name}Batch{{{denseArgs}}}({P}, {Ros}{{TIn}}, {Ros}{{{targetCref}}}, {padded}",
            $"{t} {name}Batch(Parameters p, {Ros}<Input> inputs, {Ros}<{target}> targets, {paddedParameters})",
            $"{name}Batch{denseCall}(p, inputs, targets, batchSize, lengths, reduction, lossSteps, workspace, grads, initial)");
        f.Fn($"{name}Batch{{{oneHotArgs}}}({P}, {Ros}{{int}}, {Ros}{{{targetCref}}}, {padded}",
            $"{t} {name}Batch(Parameters p, {Ros}<int> inputs, {Ros}<{target}> targets, {paddedParameters})",
            $"{name}Batch{oneHotCall}(p, inputs, targets, batchSize, lengths, reduction, lossSteps, workspace, grads, initial)");
    }

    /// <summary>Writes one forwarding function: its inherited documentation and its one-line body.</summary>
    /// <remarks>Signatures and bodies name the vectors by role (<c>Input</c>, <c>Hidden</c>, <c>Output</c>); the writer
    /// puts the assembly's shared vector type of that size in their place (<c>Vec2&lt;double&gt;</c>). The functions
    /// of one group follow each other without a blank line; a group starts with a blank line and its comment.</remarks>
    private sealed class Writer
    {
        /// <summary>Past this width, the arrow body goes on a line of its own.</summary>
        private const int MaxLineWidth = 160;

        /// <summary>
        /// Names that <see cref="Cref"/> overloads with the same number of type parameters: their crefs need the
        /// parameter list. Every other function is named by its name and type parameters alone.
        /// </summary>
        private static readonly string[] AmbiguousWithoutParameters =
            ["MseLoss{", "CrossEntropyLoss{", "CrossEntropyLossAndGradients{", "CrossEntropyLossAndGradientsBatch{", "LossAndGradientsBatch{",
             "HeadMseLossAndGradientsBatch{"];

        private static readonly Regex Roles = new(@"\b(Input|Hidden|Output)\b");
        private readonly SourceWriter w;
        private readonly string call;
        private readonly CellSpec spec;

        public Writer(SourceWriter w, string call, CellSpec spec)
        {
            this.w = w;
            this.call = call;
            this.spec = spec;
        }

        public void Group(string comment) => w.Line().Line("// " + comment);

        public void Fn(string cref, string signature, string body)
        {
            bool ambiguous = System.Array.Exists(AmbiguousWithoutParameters, name => cref.StartsWith(name, System.StringComparison.Ordinal));
            string target = ambiguous || cref.IndexOf('(') < 0 ? cref : cref.Substring(0, cref.IndexOf('('));
            w.Line($"/// <inheritdoc cref=\"{Cref}.{target}\"/>");
            string head = $"public static {Typed(signature)}", arrow = $"=> {call}.{Typed(body)};";
            if (w.IndentWidth + head.Length + 1 + arrow.Length <= MaxLineWidth)
            {
                w.Line($"{head} {arrow}");
            }
            else
            {
                w.Signature(head, SourceWriter.MaxSignatureWidth);
                w.Line("    " + arrow);
            }
        }

        private string Typed(string text) => Roles.Replace(text, role => spec.Vector(role.Value switch
        {
            "Input" => spec.InputSize,
            "Hidden" => spec.HiddenSize,
            _ => spec.OutputSize,
        }));
    }
}
