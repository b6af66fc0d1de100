namespace LstmGen.Demo.Export;

/// <summary>What <c>export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>An ONNX model (<c>LstmGen.Onnx</c>'s <c>OnnxExport</c>): the LSTM operator, then the softmax head.</summary>
    Onnx = 0,

    /// <summary>A safetensors file with LstmGen's own names (<c>LstmGenWeights</c>): W, U, b, W_y, b_y.</summary>
    SafeTensors = 1,

    /// <summary>A safetensors file holding a PyTorch state dict (<c>PyTorchLayout</c>): <c>nn.LSTM</c> under <c>lstm.</c>, the <c>nn.Linear</c> head under <c>head.</c>.</summary>
    PyTorch = 2,
}

/// <summary>Chooses the <see cref="ExportFormat"/> from <c>--format</c> and the output's extension.</summary>
public static class ExportFormats
{
    /// <summary>The values <c>--format</c> accepts, in the order help and errors list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["onnx", "safetensors", "pytorch"];

    /// <summary>
    /// The format named by <paramref name="format"/>, or, when it is null, the one the extension of
    /// <paramref name="outputPath"/> implies (<c>.onnx</c> → ONNX, <c>.safetensors</c> → LstmGen names).
    /// </summary>
    /// <exception cref="DemoException">The format is unknown, cannot be told from the extension, or contradicts it.</exception>
    public static ExportFormat Resolve(string? format, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        ExportFormat? implied = FromExtension(outputPath);
        if (format is null)
        {
            return implied ?? throw new DemoException(
                $"Cannot tell the format of {outputPath} from its extension: name it *.onnx or *.safetensors, or pass --format {string.Join("|", Names)}.");
        }

        ExportFormat chosen = format.ToLowerInvariant() switch
        {
            "onnx" => ExportFormat.Onnx,
            "safetensors" => ExportFormat.SafeTensors,
            "pytorch" => ExportFormat.PyTorch,
            _ => throw new DemoException($"Unknown format '{format}'. The demo exports: {string.Join(", ", Names)}."),
        };
        bool contradicts = implied is ExportFormat impliedFormat && (impliedFormat == ExportFormat.Onnx) != (chosen == ExportFormat.Onnx);
        if (contradicts)
        {
            throw new DemoException(
                $"--format {format} writes {(chosen == ExportFormat.Onnx ? "an ONNX model" : "a safetensors file")}, but {outputPath} ends in {Path.GetExtension(outputPath)}: choose an output path that matches the format.");
        }

        return chosen;
    }

    private static ExportFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".onnx" => ExportFormat.Onnx,
        ".safetensors" => ExportFormat.SafeTensors,
        _ => null,
    };
}
