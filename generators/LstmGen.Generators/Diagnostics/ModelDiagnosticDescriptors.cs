using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Diagnostics;

/// <summary>
/// The diagnostics on a model declaration (<c>[RecurrentModel]</c> with <c>[ModelLayer]</c>s), LSTM0020 onwards. The model's
/// own class is checked with the cell rules that apply (LSTM0001-LSTM0004, LSTM0014-LSTM0016) and an undefined
/// <c>Output</c> is LSTM0008, as for cells.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Key of the diagnostic property of LSTM0020 that carries the input size the layer's cell needs (its code fix reads it).</summary>
    public const string ExpectedInputSizeProperty = "ExpectedInputSize";

    /// <summary>LSTM0020: layer k + 1's cell input size is not layer k's output width (H × directions).</summary>
    public static readonly DiagnosticDescriptor LayerShapeMismatch = Error(
        "LSTM0020",
        "Layer does not take the output of the layer below",
        "'{0}' (layer {1}) takes D = {2}, but layer {3} '{4}' {5} values per step; declare '{0}' with inputSize: {6}",
        "A model feeds each layer's output at step t to the next layer as its input at step t, so layer k + 1's cell must have the input size D = H × directions of layer k: its hidden size H, twice that when layer k is bidirectional ([forward h_t | reverse h_t]).");

    /// <summary>LSTM0021: a <c>[ModelLayer]</c> type that is not a declared cell, null or an open generic type.</summary>
    public static readonly DiagnosticDescriptor LayerNotACell = Error(
        "LSTM0021",
        "Layer type is not a cell",
        $"Layer {{1}} of '{{0}}' is {{2}}, not a declared cell; use a class declared with {Validation.CellAttributes.Listed}",
        "Each [ModelLayer(typeof(C))] names the cell of one layer: a class that carries [LstmCell], [GruCell] or [RnnCell]. Null, an open generic type or any other type has no kernel to run.");

    /// <summary>LSTM0022: a layer's cell has its own output head.</summary>
    public static readonly DiagnosticDescriptor LayerCellHasHead = Error(
        "LSTM0022",
        "Layer cell has its own head",
        "Layer {1} of '{0}' is the cell '{2}', which has its own output head (OutputSize = {3}); a layer's cell must have none: put the head on the model with [RecurrentModel(Output = ..., OutputSize = ...)]",
        "A model's layers pass hidden states up the stack; only the model has an output head, on the top layer's output. Remove Output and OutputSize from the cell declaration and declare the head on [RecurrentModel].");

    /// <summary>LSTM0023: layers of different scalar types.</summary>
    public static readonly DiagnosticDescriptor LayerScalarsDiffer = Error(
        "LSTM0023",
        "Layers of different scalar types",
        "Layer {1} of '{0}', '{2}', computes in {3}, but layer 0 '{4}' computes in {5}; every layer of a model needs the same Scalar",
        "A model is a RecurrentModel<T> of one scalar type T, double or float: every layer's cell must be declared with the same Scalar.");

    /// <summary>LSTM0024: <c>[RecurrentModel]</c> without any <c>[ModelLayer]</c>.</summary>
    public static readonly DiagnosticDescriptor ModelWithoutLayers = Error(
        "LSTM0024",
        "Model has no layers",
        "The model '{0}' has no [ModelLayer]; add one per layer, bottom first, e.g. [ModelLayer(typeof(MyLstm))]",
        "A model is a stack of at least one layer, each declared with [ModelLayer(typeof(Cell))] on the class that carries [RecurrentModel], bottom layer first.");

    /// <summary>LSTM0025: <c>[ModelLayer]</c> without <c>[RecurrentModel]</c>.</summary>
    public static readonly DiagnosticDescriptor LayerWithoutModel = Error(
        "LSTM0025",
        "Layer without a model",
        "'{0}' carries [ModelLayer] but no [RecurrentModel]; add [RecurrentModel] to declare the model, or remove the layer",
        "[ModelLayer] only means something on a model declaration: LstmGen generates nothing for layers on a class without [RecurrentModel].");

    /// <summary>LSTM0026: layers on another partial declaration than <c>[RecurrentModel]</c>.</summary>
    public static readonly DiagnosticDescriptor LayersSplit = Error(
        "LSTM0026",
        "Layers split over declarations",
        "Layer {1} of '{0}' is on another declaration of the class than [RecurrentModel]; put every [ModelLayer] on the declaration that carries [RecurrentModel]",
        "Layers are stacked in the order they are written. C# gives no order between the attributes of different partial declarations, so all of a model's [ModelLayer]s must be on the one declaration that carries [RecurrentModel].");

    /// <summary>LSTM0027: a model head (<c>Output</c> other than None) without <c>OutputSize</c> ≥ 1.</summary>
    public static readonly DiagnosticDescriptor ModelHeadWithoutOutputSize = Error(
        "LSTM0027",
        "Model head needs an output size",
        "The model '{0}' has a {1} head, which needs OutputSize = V ≥ 1 (its outputs), but {2}",
        "A model's head maps the top layer's output to V values (OutputHead.Linear, trained with squared error) or V class scores (OutputHead.Softmax, trained with cross-entropy), so it needs OutputSize = V, at least 1.");

    /// <summary>LSTM0028: <c>OutputSize</c> on a model without a head.</summary>
    public static readonly DiagnosticDescriptor ModelOutputSizeWithoutHead = Error(
        "LSTM0028",
        "Model output size without a head",
        "The model '{0}' sets OutputSize = {1} but has no head; add Output = OutputHead.Linear or OutputHead.Softmax, or remove OutputSize",
        "OutputSize is the number of outputs of the model's head. Without Output = OutputHead.Linear or OutputHead.Softmax there is no head, and a size for it contradicts the declaration.");

    /// <summary>LSTM0029: <c>Dropout</c> outside [0, 1), or NaN.</summary>
    public static readonly DiagnosticDescriptor DropoutOutOfRange = Error(
        "LSTM0029",
        "Dropout out of range",
        "The model '{0}' sets Dropout = {1}, but a dropout probability must be at least 0 and less than 1",
        "Dropout is the probability with which training zeroes each output of every layer but the top one (PyTorch's dropout=). 1 would zero everything and NaN means nothing, so it must be in [0, 1).");

    /// <summary>LSTM0030: a member of the model class, an inherited one or the class itself is named <c>Model</c>.</summary>
    public static readonly DiagnosticDescriptor ModelMemberClash = Error(
        "LSTM0030",
        "Name clashes with the generated model",
        "'{1}' ({2}) clashes with the property '{1}' that LstmGen generates in the model '{0}'; rename it",
        "LstmGen generates the static property Model in a model class. A user member of that name, an inherited member it would hide, or a model class named Model makes the generated code fail to compile.");

    /// <summary>LSTM0031: a model whose parameters do not fit in one array.</summary>
    public static readonly DiagnosticDescriptor ModelTooLarge = Error(
        "LSTM0031",
        "Model too large",
        "The model '{0}' needs {1} parameters, more than one array holds ({2})",
        "A model's parameters live in one flat buffer (ModelLayout): its layers, each direction apart, and its head. Use fewer or smaller layers, or a smaller head.");
}
