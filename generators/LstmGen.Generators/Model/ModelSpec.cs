using System.Globalization;

namespace LstmGen.Generators.Model;

/// <summary>One layer of a declared model: its cell as plain values (the cell is valid and has no head).</summary>
/// <param name="CellType">The cell class as generated code names it, <c>global::</c>-qualified, e.g. <c>global::N.Lower</c>.</param>
/// <param name="CellName">The cell class's name, for comments.</param>
/// <param name="Kind">The cell kind.</param>
/// <param name="InputSize">D.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Scalar">The cell's scalar type.</param>
/// <param name="Bidirectional">Whether the layer also runs in reverse (output 2H wide).</param>
/// <param name="ParameterCount">The scalars of the cell's parameter buffer (one direction).</param>
internal sealed record ModelLayerSpec(string CellType, string CellName, CellKind Kind, int InputSize, int HiddenSize, Scalar Scalar, bool Bidirectional, int ParameterCount)
{
    /// <summary>1, or 2 when bidirectional.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>The layer's output width per step: H × directions.</summary>
    public int OutputWidth => Directions * HiddenSize;

    /// <summary>"LSTM D = 1, H = 32 (bidirectional)", as the runtime's <c>RecurrentModel.ToString</c> describes a layer.</summary>
    public string Description =>
        string.Format(CultureInfo.InvariantCulture, "{0} D = {1}, H = {2}{3}", CellSpec.NameOf(Kind), InputSize, HiddenSize, Bidirectional ? " (bidirectional)" : "");
}

/// <summary>
/// Everything the emitter needs to know about one declared model (<c>[RecurrentModel]</c> with its <c>[ModelLayer]</c>s), as
/// plain values: never a symbol, syntax node, location or compilation, so that the pipeline can compare and cache it.
/// </summary>
/// <param name="Namespace">The containing namespace, or <c>null</c> for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="TypeName">The declared class's name (escaped).</param>
/// <param name="IsStatic">Whether the declared class is <c>static</c>.</param>
/// <param name="HintName">File name of the generated source.</param>
/// <param name="Scalar">The scalar type every layer shares.</param>
/// <param name="Layers">The layers, bottom first, in source order.</param>
/// <param name="Head">The head on the top layer's output.</param>
/// <param name="OutputSize">V; 0 without a head.</param>
/// <param name="Dropout">The dropout probability between layers in training, in [0, 1).</param>
internal sealed record ModelSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeName,
    bool IsStatic,
    string HintName,
    Scalar Scalar,
    EquatableArray<ModelLayerSpec> Layers,
    OutputHeadKind Head,
    int OutputSize,
    double Dropout)
{
    /// <summary>The scalar keyword, <c>double</c> or <c>float</c>.</summary>
    public string ScalarKeyword => Scalar == Scalar.Float ? "float" : "double";
}
