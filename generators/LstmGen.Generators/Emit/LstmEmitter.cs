using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the members of an LSTM cell: sizes, value types, the step cache, parameter and gradient sets,
/// and the pure functions (forward above backward, then sequences, loss and SGD).
/// </summary>
internal static partial class LstmEmitter
{
    public static void EmitMembers(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string cell = spec.TypeName;
        int d = spec.InputSize, h = spec.HiddenSize;

        EmitConstants(w, spec);

        VectorTypeEmitter.Emit(w, "Input", "InputSize", d, $"input vector x of {cell} (D = {d})", s);
        w.Line();
        VectorTypeEmitter.Emit(w, "Hidden", "HiddenSize", h, $"hidden-size vector of {cell} (H = {h})", s);
        w.Line();
        EmitStateTypes(w, spec);
        w.Line();
        EmitStepCache(w, spec);
        w.Line();
        ParameterBufferEmitter.Emit(w, spec, isGradient: false);
        w.Line();
        ParameterBufferEmitter.Emit(w, spec, isGradient: true);
        w.Line();
        EmitWorkspace(w, spec);
        w.Line();

        IStepKernelEmitter kernels = spec.ResolvedKernel == Kernel.Unrolled ? UnrolledKernels.Instance : LoopKernels.Instance;
        EmitForward(w, spec, kernels);
        w.Line();
        EmitBackward(w, spec, kernels);
        w.Line();
        EmitSequence(w, spec);
        w.Line();
        EmitLoss(w, spec);
        w.Line();
        EmitOptimizer(w, spec);
    }

    private static void EmitConstants(SourceWriter w, CellSpec spec)
    {
        w.Summary("Input size D: the length of every input vector x.");
        w.Line($"public const int InputSize = {spec.InputSize};");
        w.Line();
        w.Summary("Hidden size H: the length of the hidden state h and of the cell state c.");
        w.Line($"public const int HiddenSize = {spec.HiddenSize};");
        w.Line();
        w.Summary("Rows of the fused gate matrix: 4H (gates i, f, g, o, H rows each).");
        w.Line($"public const int GateRows = {spec.GateRows};");
        w.Line();
        w.Summary("Number of scalars in <see cref=\"Parameters\"/> and <see cref=\"Gradients\"/>: 4H·(D+H) weights and 4H biases.");
        w.Line($"public const int ParameterCount = {spec.ParameterCount};");
        w.Line();
        w.Summary("Offset of the bias in the flat parameter layout (after the 4H x (D+H) weight columns).");
        w.Line($"public const int BiasOffset = {spec.BiasOffset};");
        w.Line();
    }

    private static void EmitStateTypes(SourceWriter w, CellSpec spec)
    {
        w.Summary(
            $"The recurrent state (h, c) of {spec.TypeName}, carried from one step to the next; <c>default</c> is the zero state.\n" +
            "Fields, not properties, so that reading an element never copies the vector.");
        w.Line("public readonly record struct State").Open();
        w.Summary("Hidden state h (H values): the cell's output.");
        w.Line("public readonly Hidden H;");
        w.Line();
        w.Summary("Cell state c (H values): the cell's memory.");
        w.Line("public readonly Hidden C;");
        w.Line();
        w.Summary("Creates a state from a hidden state and a cell state.");
        w.Param("h", "Hidden state h.");
        w.Param("c", "Cell state c.");
        w.Line("public State(in Hidden h, in Hidden c)").Open();
        w.Line("H = h;");
        w.Line("C = c;");
        w.Close();
        w.Line();
        w.Summary("The zero state h = c = 0, where a sequence usually starts.");
        w.Line("public static State Zero => default;");
        w.Line();
        w.Summary("Deconstructs into (h, c).");
        w.Line("public void Deconstruct(out Hidden h, out Hidden c)").Open();
        w.Line("h = H;");
        w.Line("c = C;");
        w.Close();
        w.Close();
        w.Line();

        w.Summary(
            "Gradients of the loss with respect to a state (dL/dh, dL/dc): what one backward step carries to the step before it.\n" +
            "<c>default</c> is zero (nothing flows back from beyond the last step).");
        w.Line("public readonly record struct StateGradient").Open();
        w.Summary("dL/dh: gradient with respect to the hidden state.");
        w.Line("public readonly Hidden Dh;");
        w.Line();
        w.Summary("dL/dc: gradient with respect to the cell state.");
        w.Line("public readonly Hidden Dc;");
        w.Line();
        w.Summary("Creates a state gradient.");
        w.Param("dh", "dL/dh.");
        w.Param("dc", "dL/dc.");
        w.Line("public StateGradient(in Hidden dh, in Hidden dc)").Open();
        w.Line("Dh = dh;");
        w.Line("Dc = dc;");
        w.Close();
        w.Line();
        w.Summary("Deconstructs into (dh, dc).");
        w.Line("public void Deconstruct(out Hidden dh, out Hidden dc)").Open();
        w.Line("dh = Dh;");
        w.Line("dc = Dc;");
        w.Close();
        w.Close();
    }

    private static void EmitStepCache(SourceWriter w, CellSpec spec)
    {
        w.Summary(
            $"What one forward step of {spec.TypeName} keeps for its backward step, and nothing more: the step's inputs\n" +
            "(x, h_prev, c_prev), the four gate activations and tanh(c). Immutable.");
        w.Line("/// <remarks>The new state is not stored: <c>h = O ⊙ TanhC</c>, and c is the next step's <see cref=\"CPrev\"/>.</remarks>");
        w.Line("public readonly record struct StepCache").Open();
        (string Name, string Type, string Doc)[] fields =
        [
            ("X", "Input", "The input x of this step (D values); backward needs it for dW."),
            ("HPrev", "Hidden", "The previous hidden state h_prev (H values); backward needs it for dU."),
            ("CPrev", "Hidden", "The previous cell state c_prev (H values); backward needs it for the forget gate."),
            ("I", "Hidden", "Input gate i = σ(z_i)."),
            ("F", "Hidden", "Forget gate f = σ(z_f)."),
            ("G", "Hidden", "Candidate g = tanh(z_g) (called a, c̃, z or u in the seeds)."),
            ("O", "Hidden", "Output gate o = σ(z_o)."),
            ("TanhC", "Hidden", "tanh(c) of the new cell state c."),
        ];
        foreach (var (name, type, doc) in fields)
        {
            w.Summary(doc);
            w.Line($"public readonly {type} {name};");
            w.Line();
        }

        w.Summary("Creates a cache; generated forward steps call this.");
        foreach (var (name, _, doc) in fields)
        {
            w.Param(Camel(name), doc);
        }

        w.Line("public StepCache(in Input x, in Hidden hPrev, in Hidden cPrev, in Hidden i, in Hidden f, in Hidden g, in Hidden o, in Hidden tanhC)").Open();
        foreach (var (name, _, _) in fields)
        {
            w.Line($"{name} = {Camel(name)};");
        }

        w.Close();
        w.Close();
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static void EmitWorkspace(SourceWriter w, CellSpec spec)
    {
        w.Summary(
            $"Scratch buffers for <see cref=\"LossAndGradients\"/> over sequences of up to <see cref=\"MaxSteps\"/> steps,\n" +
            "allocated once by the caller and reused by every call (nothing is allocated per call).");
        w.Line("public sealed class Workspace").Open();
        w.Line("private readonly StepCache[] _caches;");
        w.Line("private readonly Hidden[] _outputs;");
        w.Line("private readonly Hidden[] _outputGradients;");
        w.Line();
        w.Summary("Allocates buffers for sequences of up to <paramref name=\"maxSteps\"/> steps.");
        w.Param("maxSteps", "Longest sequence the workspace will serve; at least 1.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"maxSteps\"/> is less than 1.</exception>");
        w.Line("public Workspace(int maxSteps)").Open();
        w.Line("global::System.ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);");
        w.Line("_caches = new StepCache[maxSteps];");
        w.Line("_outputs = new Hidden[maxSteps];");
        w.Line("_outputGradients = new Hidden[maxSteps];");
        w.Close();
        w.Line();
        w.Summary("Longest sequence this workspace serves.");
        w.Line("public int MaxSteps => _caches.Length;");
        w.Line();
        w.Summary("Step caches of the last call (the first T are valid).");
        w.Line("public global::System.Span<StepCache> Caches => _caches;");
        w.Line();
        w.Summary("Hidden outputs h_t of the last call (the first T are valid).");
        w.Line("public global::System.Span<Hidden> Outputs => _outputs;");
        w.Line();
        w.Summary("Loss gradients dL/dh_t of the last call (the first T are valid).");
        w.Line("public global::System.Span<Hidden> OutputGradients => _outputGradients;");
        w.Close();
    }
}
