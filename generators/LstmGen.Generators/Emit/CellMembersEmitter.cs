using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the members of a cell class in reading order: sizes, value types, immutable state and cache,
/// parameter and gradient sets, workspace, then the pure functions (forward above backward, sequences,
/// batches, output head, losses, optimiser).
/// </summary>
internal static class CellMembersEmitter
{
    public static void EmitMembers(SourceWriter w, CellSpec spec)
    {
        var s = ScalarSyntax.For(spec.Scalar);
        string cell = spec.TypeName;

        EmitConstants(w, spec);
        VectorTypeEmitter.Emit(w, "Input", "InputSize", spec.InputSize, $"input vector x of {cell} (D = {spec.InputSize})", s);
        w.Line();
        VectorTypeEmitter.Emit(w, "Hidden", "HiddenSize", spec.HiddenSize, $"hidden-size vector of {cell} (H = {spec.HiddenSize})", s);
        w.Line();
        if (spec.HasHead)
        {
            VectorTypeEmitter.Emit(w, "Output", "OutputSize", spec.OutputSize, $"output vector of {cell} (V = {spec.OutputSize} logits, probabilities or targets)", s);
            w.Line();
        }

        StateTypesEmitter.Emit(w, spec);
        w.Line();
        ParameterBufferEmitter.Emit(w, spec, isGradient: false);
        w.Line();
        ParameterBufferEmitter.Emit(w, spec, isGradient: true);
        w.Line();
        WorkspaceEmitter.Emit(w, spec);
        w.Line();
        KernelEmitter.Emit(w, spec);
        w.Line();

        IStepKernelEmitter kernels = spec.ResolvedKernel switch
        {
            Kernel.Unrolled => UnrolledKernels.Instance,
            Kernel.Simd => SimdKernels.Instance,
            _ => LoopKernels.Instance,
        };
        StepEmitter.Emit(w, spec, kernels);
        w.Line();
        StreamingStepEmitter.Emit(w, spec, kernels);
        w.Line();
        SequenceEmitter.Emit(w, spec);
        w.Line();
        BatchEmitter.Emit(w, spec);
        w.Line();
        if (spec.HasHead)
        {
            HeadEmitter.Emit(w, spec);
            w.Line();
        }

        LossEmitter.Emit(w, spec);
        w.Line();
        OptimizerEmitter.Emit(w, spec);
        kernels.EmitHelpers(w, spec);
    }

    private static void EmitConstants(SourceWriter w, CellSpec spec)
    {
        w.Summary("Input size D: the length of every input vector x.");
        w.Line($"public const int InputSize = {spec.InputSize};");
        w.Line();
        w.Summary(spec.Kind == CellKind.Lstm
            ? "Hidden size H: the length of the hidden state h and of the cell state c."
            : "Hidden size H: the length of the hidden state h.");
        w.Line($"public const int HiddenSize = {spec.HiddenSize};");
        w.Line();
        if (spec.HasHead)
        {
            w.Summary("Output size V: the classes of the softmax head.");
            w.Line($"public const int OutputSize = {spec.OutputSize};");
            w.Line();
        }

        w.Summary(spec.Kind == CellKind.Lstm
            ? "Rows of the fused gate matrix: 4H (gates i, f, g, o, H rows each)."
            : "Rows of the fused matrix [W | U]: H.");
        w.Line($"public const int GateRows = {spec.GateRows};");
        w.Line();
        w.Summary("Number of scalars in <see cref=\"Parameters\"/> and <see cref=\"Gradients\"/>.");
        w.Line($"public const int ParameterCount = {spec.ParameterCount};");
        w.Line();
        w.Summary("Offset of the bias b in the flat parameter layout (after the GateRows x (D+H) weight columns).");
        w.Line($"public const int BiasOffset = {spec.BiasOffset};");
        w.Line();
        if (spec.HasHead)
        {
            w.Summary("Offset of the head weights W_y (V x H, column by column) in the flat parameter layout.");
            w.Line($"public const int HeadWeightOffset = {spec.HeadWeightOffset};");
            w.Line();
            w.Summary("Offset of the head bias b_y (V values) in the flat parameter layout.");
            w.Line($"public const int HeadBiasOffset = {spec.HeadBiasOffset};");
            w.Line();
        }

        string kind = spec.Kind == CellKind.Lstm ? "Lstm" : "TanhRnn";
        w.Summary("Where every weight lives in the flat parameter buffer, for interop code (safetensors, PyTorch, Keras, ONNX).");
        w.Line($"public static global::LstmGen.CellLayout Layout => new(global::LstmGen.RecurrentCellKind.{kind}, InputSize, HiddenSize, {(spec.HasHead ? "OutputSize" : "0")});");
        w.Line();
    }
}
