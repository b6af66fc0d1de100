using System.Globalization;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Models;
using LstmGen.Interop;
using LstmGen.Interop.Layouts;
using LstmGen.Onnx;

namespace LstmGen.Demo.Export;

/// <summary>A checkpoint's model as the bytes of an export file, with a one-line description of its content.</summary>
/// <param name="Format">The format.</param>
/// <param name="Bytes">The file's content.</param>
/// <param name="Contents">What the file holds: the tensors' names and shapes, or the ONNX graph's inputs and outputs.</param>
public sealed record ExportedModel(ExportFormat Format, byte[] Bytes, string Contents);

/// <summary>
/// Turns a checkpoint's θ into an export file through the library's interop API: <see cref="LstmGenWeights"/>,
/// <see cref="PyTorchLayout"/> (names <see cref="PyTorchNames"/>) or <see cref="OnnxExport"/>. The safetensors files
/// also carry the vocabulary in their metadata (key <see cref="VocabularyKey"/>), since class k is its character k.
/// </summary>
public static class CheckpointExport
{
    /// <summary>The metadata key of the vocabulary (the sorted characters; class k is character k).</summary>
    public const string VocabularyKey = "vocabulary";

    /// <summary>The state-dict names of <c>--format pytorch</c>: a model with <c>self.lstm = nn.LSTM(...)</c> and <c>self.head = nn.Linear(...)</c>.</summary>
    public static PyTorchNames PyTorchNames { get; } = new(PyTorchModule.Lstm, CellPrefix: "lstm.", HeadPrefix: "head.");

    /// <summary>The export of <paramref name="checkpoint"/>'s parameters in <paramref name="format"/>.</summary>
    /// <exception cref="DemoException">The checkpoint is for a model the demo does not declare.</exception>
    public static ExportedModel Export(Checkpoint checkpoint, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CellLayout layout = ModelCatalog.Find(checkpoint.ModelName).Layout;
        ReadOnlySpan<float> parameters = checkpoint.Parameters;
        return format switch
        {
            ExportFormat.Onnx => new ExportedModel(format, OnnxExport.ToBytes(layout, parameters), DescribeOnnx(layout)),
            ExportFormat.SafeTensors => SafeTensorsFile(format, LstmGenWeights.Export(layout, parameters), checkpoint.Vocabulary, "LstmGen names, gate order i, f, g, o"),
            ExportFormat.PyTorch => SafeTensorsFile(format, PyTorchLayout.Export(layout, parameters, PyTorchNames), checkpoint.Vocabulary, "PyTorch nn.LSTM + nn.Linear state dict, bias_hh = 0"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected an ExportFormat value."),
        };
    }

    private static ExportedModel SafeTensorsFile(ExportFormat format, TensorSet tensors, string vocabulary, string naming)
    {
        var metadata = new Dictionary<string, string>(tensors.Metadata, StringComparer.Ordinal) { [VocabularyKey] = vocabulary };
        string contents = $"safetensors, {naming}: {string.Join(", ", tensors.Select(t => t.Describe()))}";
        return new ExportedModel(format, SafeTensors.Write(new TensorSet(tensors, metadata)), contents);
    }

    /// <summary>The graph's inputs and outputs (<see cref="OnnxGraphNames"/>) for the demo's cells, which are all LSTMs with a softmax head.</summary>
    private static string DescribeOnnx(CellLayout layout)
    {
        if (layout.Kind != RecurrentCellKind.Lstm || !layout.HasHead)
        {
            throw new NotSupportedException($"Expected an LSTM cell with a softmax head, as every model of the demo is, but got a {layout} cell.");
        }


        string sequence = Shape("sequence", "batch", layout.HiddenSize), final = Shape("1", "batch", layout.HiddenSize), classes = Shape("sequence", "batch", layout.OutputSize);
        return string.Create(CultureInfo.InvariantCulture,
            $"ONNX opset {OnnxExport.OpsetVersion}, input {OnnxGraphNames.Input} {Shape("sequence", "batch", layout.InputSize)}; outputs {OnnxGraphNames.Hidden} {sequence}, " +
            $"{OnnxGraphNames.FinalHidden} {final}, {OnnxGraphNames.FinalCell} {final}, {OnnxGraphNames.Logits} {classes}, {OnnxGraphNames.Probabilities} {classes}");
    }

    private static string Shape(string first, string second, int last) => string.Create(CultureInfo.InvariantCulture, $"[{first}, {second}, {last}]");
}
