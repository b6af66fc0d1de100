using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The streaming inference step: one timestep per call for running a trained cell, the state carried by the
/// caller, no cache written (nothing is kept for a backward step), nothing allocated. With a softmax head, overloads
/// also return the head's probabilities.
/// </summary>
internal static class StreamingStepEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec, IStepKernelEmitter kernels)
    {
        bool lstm = spec.Kind == CellKind.Lstm;
        string stateDoc = lstm ? "The state (h_{t-1}, c_{t-1}) from the previous call" : "The state h_{t-1} from the previous call";
        string newState = lstm ? "(h_t, c_t)" : "h_t";

        w.Summary(
            "Streaming inference: one forward step that keeps nothing for a backward pass (no <see cref=\"StepCache\"/>),\n" +
            "for running a trained cell one timestep per call. The caller carries the state from call to call:\n" +
            "<c>state = Step(p, x, state);</c>. Same values as <see cref=\"Forward\"/>'s state; allocates nothing.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("x", $"Input x_t (D = {spec.InputSize}).");
        w.Param("state", $"{stateDoc}; <see cref=\"State.Zero\"/> at the start of a stream.");
        w.Doc("returns", $"The new state {newState}.");
        w.Line("public static State Step(Parameters p, in Input x, in State state)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        kernels.EmitForwardBody(w, spec, oneHot: false, withCache: false);
        w.Close();
        w.Line();

        w.Summary(
            "Streaming inference on a one-hot input (a class index): <see cref=\"Step(Parameters, in Input, in State)\"/> with\n" +
            "x = onehot(index), reading column <paramref name=\"index\"/> of W instead of multiplying. Allocates nothing.");
        w.Param("p", "Parameters θ (read only).");
        w.Param("index", $"The input class, 0 ≤ index &lt; D = {spec.InputSize}.");
        w.Param("state", $"{stateDoc}.");
        w.Doc("returns", $"The new state {newState}.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"index\"/> is outside [0, D).</exception>");
        w.Line("public static State StepOneHot(Parameters p, int index, in State state)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line($"{RuntimeNames.Guard}.Index(index, InputSize, \"a one-hot input index of {spec.TypeName}\", nameof(index));");
        kernels.EmitForwardBody(w, spec, oneHot: true, withCache: false);
        w.Close();

        if (!spec.HasHead)
        {
            return;
        }

        w.Line();
        EmitWithHead(w, "Step", "in Input x", "x", "Input x_t.");
        w.Line();
        EmitWithHead(w, "StepOneHot", "int index", "index", $"The input class, 0 ≤ index &lt; D = {spec.InputSize}.");
    }

    private static void EmitWithHead(SourceWriter w, string name, string input, string argument, string inputDoc)
    {
        w.Summary(
            $"Streaming inference with the softmax head: <see cref=\"{name}(Parameters, {(argument == "x" ? "in Input" : "int")}, in State)\"/>, then\n" +
            "<c>softmax(W_y h_t + b_y)</c> into <paramref name=\"probabilities\"/>. Allocates nothing.");
        w.Param("p", "Parameters θ (read only).");
        w.Param(argument, inputDoc);
        w.Param("state", "The state from the previous call.");
        w.Param("probabilities", "Receives the V class probabilities of this step.");
        w.Doc("returns", "The new state.");
        w.Line($"public static State {name}(Parameters p, {input}, in State state, out Output probabilities)").Open();
        w.Line($"State next = {name}(p, {argument}, state);");
        w.Line("probabilities = Softmax(HeadForward(p, next.H));");
        w.Line("return next;");
        w.Close();
    }
}
