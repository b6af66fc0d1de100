using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the members of a cell class in reading order: sizes, value types, the parameter, gradient and workspace
/// buffers, the cell's <c>Kernel</c> (its contract with the runtime), then its typed functions, each a one-line call
/// into the runtime.
/// </summary>
internal static class CellMembersEmitter
{
    public static void EmitMembers(SourceWriter w, CellSpec spec)
    {
        EmitConstants(w, spec);
        ValueTypesEmitter.Emit(w, spec);
        BufferTypesEmitter.Emit(w, spec);
        KernelEmitter.Emit(w, spec);
        w.Line();
        FacadeEmitter.Emit(w, spec);
    }

    // The sizes and offsets, one line each with no blank line between: one group.
    private static void EmitConstants(SourceWriter w, CellSpec spec)
    {
        w.Doc("summary", "Input size D: the length of every input vector x.");
        w.Line($"public const int InputSize = {spec.InputSize};");
        w.Doc("summary", spec.Kind == CellKind.Lstm
            ? "Hidden size H: the length of the hidden state h and of the cell state c."
            : "Hidden size H: the length of the hidden state h.");
        w.Line($"public const int HiddenSize = {spec.HiddenSize};");
        if (spec.HasHead)
        {
            w.Doc("summary", spec.HasLinearHead ? "Output size V: the values the linear head predicts." : "Output size V: the classes of the softmax head.");
            w.Line($"public const int OutputSize = {spec.OutputSize};");
        }

        w.Doc("summary", spec.Kind switch
        {
            CellKind.Lstm => "Rows of the fused gate matrix: 4H (gates i, f, g, o, H rows each).",
            CellKind.Gru => "Rows of the fused gate matrix: 3H (gates r, z, n, H rows each).",
            _ => "Rows of the fused matrix [W | U]: H.",
        });
        w.Line($"public const int GateRows = {spec.GateRows};");
        w.Doc("summary", "Number of scalars in <see cref=\"Parameters\"/> and <see cref=\"Gradients\"/>.");
        w.Line($"public const int ParameterCount = {spec.ParameterCount};");
        if (spec.HasBias)
        {
            // A bias-free cell (Bias = false) has no b, so no offset of it either.
            w.Doc("summary", spec.Kind == CellKind.Gru
                ? "Offset of the bias b in the flat parameter layout (after the GateRows x (D+H) weight columns); the recurrent bias of n, b_hn (H values), follows it."
                : "Offset of the bias b in the flat parameter layout (after the GateRows x (D+H) weight columns).");
            w.Line($"public const int BiasOffset = {spec.BiasOffset};");
        }

        if (spec.HasHead)
        {
            w.Doc("summary", "Offset of the head weights W_y (V x H, column by column) in the flat parameter layout.");
            w.Line($"public const int HeadWeightOffset = {spec.HeadWeightOffset};");
            w.Doc("summary", "Offset of the head bias b_y (V values) in the flat parameter layout.");
            w.Line($"public const int HeadBiasOffset = {spec.HeadBiasOffset};");
        }

        w.Doc("summary", "Where every weight lives in the flat parameter buffer, for interop code (safetensors, PyTorch, Keras, ONNX).");
        string head = spec.HasLinearHead ? ", global::LstmGen.OutputHead.Linear" : string.Empty;
        string bias = spec.HasBias ? string.Empty : ", hasBias: false";
        w.Line($"public static global::LstmGen.CellLayout Layout => new({spec.RuntimeKind}, InputSize, HiddenSize, {(spec.HasHead ? "OutputSize" : "0")}{head}{bias});");
        w.Line();
    }
}
