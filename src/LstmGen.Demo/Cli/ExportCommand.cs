using System.CommandLine;
using System.Globalization;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Export;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Onnx;
using static LstmGen.Demo.Cli.DemoCommandLine;

namespace LstmGen.Demo.Cli;

/// <summary><c>export</c>: writes a checkpoint's model as an ONNX model or a safetensors file (LstmGen or PyTorch names).</summary>
internal static class ExportCommand
{
    public static Command Create(CommandContext context)
    {
        var checkpoint = new Option<string>("--checkpoint")
        {
            Description = "The checkpoint to export.",
            HelpName = "FILE",
            DefaultValueFactory = _ => TrainCommand.CheckpointPath("lstmgen-out", ModelCatalog.DefaultName),
        };
        var output = new Option<string>("--output") { Description = "The file to write (*.onnx or *.safetensors); its directory is created if needed.", HelpName = "PATH", Required = true };
        var format = new Option<string?>("--format")
        {
            Description = "onnx (an ONNX model: LSTM operator and softmax head), safetensors (LstmGen names W, U, b, W_y, b_y) or pytorch " +
                "(a safetensors state dict of nn.LSTM under lstm. and nn.Linear under head.) [default: from the extension of --output: .onnx or .safetensors].",
            HelpName = string.Join("|", ExportFormats.Names),
        };

        var command = new Command("export", "Export a checkpoint written by `train` for other tools: ONNX (ONNX Runtime), safetensors with LstmGen's names, or a PyTorch state dict.");
        foreach (Option option in new Option[] { checkpoint, output, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => context.Guard(() => Export(context, parse.GetValue(checkpoint)!, parse.GetValue(output)!, parse.GetValue(format))));
        return command;
    }

    /// <summary>Loads the checkpoint, writes the export and prints what it holds.</summary>
    /// <exception cref="DemoException">The checkpoint is missing or invalid, the format is unknown or contradicts the output's extension, or the output cannot be written.</exception>
    public static int Export(CommandContext context, string checkpointPath, string outputPath, string? formatName)
    {
        ExportFormat format = ExportFormats.Resolve(formatName, outputPath);
        Checkpoint saved = CheckpointFile.Load(checkpointPath);
        ExportedModel model = CheckpointExport.Export(saved, format);
        Write(outputPath, model.Bytes);

        ModelEntry entry = ModelCatalog.Find(saved.ModelName);
        // Plain lines on the output (as `sample` and `worked-example` write): one line each, whatever the console width.
        context.Output.WriteLine(F($"Wrote {outputPath} ({model.Bytes.Length:N0} bytes): {entry.Name} ({entry.CellName}) at step {saved.Step} from {checkpointPath}."));
        context.Output.WriteLine(F($"  {model.Contents}"));
        if (format == ExportFormat.Onnx)
        {
            context.Output.WriteLine(F($"  Run it with ONNX Runtime (Microsoft.ML.OnnxRuntime; README \"Export to ONNX\"): new InferenceSession(\"{outputPath}\"), feed {OnnxGraphNames.Input} = the text one-hot, time-major [T, 1, {entry.Vocabulary}], read {OnnxGraphNames.Probabilities}: row t is the distribution of the character after character t. Class k is character k of \"{new Vocabulary(saved.Vocabulary).Display()}\"."));
        }
        else
        {
            context.Output.WriteLine(F($"  The metadata entry \"{CheckpointExport.VocabularyKey}\" holds the vocabulary of {Vocabulary.CountRunes(saved.Vocabulary)} characters: class k is its character k."));
        }

        context.Output.Flush();
        return 0;
    }

    /// <summary>Writes through a temporary file beside the output, so a failed export never leaves half a file under its name.</summary>
    private static void Write(string path, byte[] bytes)
    {
        try
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DemoException($"Cannot write '{path}': {error.Message}", error);
        }

        try
        {
            LstmGen.Interop.AtomicFile.WriteAllBytes(path, bytes);
        }
        catch (IOException error)
        {
            throw DemoException.CannotWrite(path, error);
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
