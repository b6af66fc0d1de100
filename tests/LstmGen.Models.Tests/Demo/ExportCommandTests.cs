using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Cli;
using LstmGen.Demo.Export;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;
using LstmGen.Interop;
using LstmGen.Interop.Layouts;
using LstmGen.Onnx;

using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// <c>export</c>: each format, written from a checkpoint of a short training run, reads back to the checkpoint's θ bit
/// for bit (the safetensors files also against the flat layout by hand: W[r, c] = θ[c·GateRows + r], ...); the ONNX
/// file is exactly <c>OnnxExport.ToBytes</c> of θ (running it in ONNX Runtime is tested in LstmGen.Onnx.Tests); every
/// user error gives exit code 2 and one <c>error:</c> line.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private static readonly Lazy<Checkpoint> Trained = new(() =>
    {
        using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), new TrainingOptions { Steps = 3, SampleEvery = 0 });
        session.Run(3, NullTrainingObserver.Instance);
        return session.ToCheckpoint();
    });

    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-export-").FullName;
    private readonly string _checkpoint;

    public ExportCommandTests()
    {
        _checkpoint = Path.Combine(_directory, "lstm32.ckpt");
        CheckpointFile.Save(Trained.Value, _checkpoint);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Safetensors_with_lstmgen_names_reloads_bit_for_bit()
    {
        string path = Path.Combine(_directory, "model.safetensors");
        string output = AssertExported(["export", "--checkpoint", _checkpoint, "--output", path], path);
        Assert.Contains("safetensors, LstmGen names, gate order i, f, g, o: W F32 [128, 64], U F32 [128, 32], b F32 [128], W_y F32 [64, 32], b_y F32 [64]", output, StringComparison.Ordinal);

        float[] reloaded = new float[CharLstm32.ParameterCount];
        LstmGenWeights.Load<float>(path, CharLstm32.Layout, reloaded);
        Assert.Equal(TrainingTests.Bits(Trained.Value.Parameters), TrainingTests.Bits(reloaded));

        TensorSet file = SafeTensors.Read(path);
        Assert.Equal(Trained.Value.Vocabulary, file.Metadata[CheckpointExport.VocabularyKey]);
        Assert.Equal("lstmgen", file.Metadata["format"]);
        AssertFlatLayout(Trained.Value.Parameters, file["W"], file["U"], file["b"], file["W_y"], file["b_y"]);
    }

    [Fact]
    public void Pytorch_state_dict_reloads_bit_for_bit()
    {
        string path = Path.Combine(_directory, "state_dict.safetensors");
        string output = AssertExported(["export", "--checkpoint", _checkpoint, "--output", path, "--format", "pytorch"], path);
        Assert.Contains("lstm.weight_ih_l0 F32 [128, 64], lstm.weight_hh_l0 F32 [128, 32], lstm.bias_ih_l0 F32 [128], lstm.bias_hh_l0 F32 [128], head.weight F32 [64, 32], head.bias F32 [64]", output, StringComparison.Ordinal);

        TensorSet file = SafeTensors.Read(path);
        Assert.Equal(["head.bias", "head.weight", "lstm.bias_hh_l0", "lstm.bias_ih_l0", "lstm.weight_hh_l0", "lstm.weight_ih_l0"], file.Select(t => t.Name).Order(StringComparer.Ordinal));
        float[] reloaded = new float[CharLstm32.ParameterCount];
        PyTorchLayout.Import<float>(file, CharLstm32.Layout, reloaded, new PyTorchNames(PyTorchModule.Lstm, CellPrefix: "lstm.", HeadPrefix: "head."));
        Assert.Equal(TrainingTests.Bits(Trained.Value.Parameters), TrainingTests.Bits(reloaded));

        // PyTorch's gate order i, f, g, o is LstmGen's, so its tensors hold θ at the same places; bias_hh is zero.
        AssertFlatLayout(Trained.Value.Parameters, file["lstm.weight_ih_l0"], file["lstm.weight_hh_l0"], file["lstm.bias_ih_l0"], file["head.weight"], file["head.bias"]);
        Assert.All(Values(file["lstm.bias_hh_l0"]), value => Assert.Equal(0, BitConverter.SingleToInt32Bits(value)));
        Assert.Equal(Trained.Value.Vocabulary, file.Metadata[CheckpointExport.VocabularyKey]);
    }

    [Fact]
    public void Onnx_is_the_library_export_of_the_checkpoint()
    {
        string path = Path.Combine(_directory, "nested", "model.onnx");       // the directory is created
        string output = AssertExported(["export", "--checkpoint", _checkpoint, "--output", path], path);
        Assert.Contains("ONNX opset 17, input X [sequence, batch, 64]; outputs hidden [sequence, batch, 32], Y_h [1, batch, 32], Y_c [1, batch, 32], logits [sequence, batch, 64], probabilities [sequence, batch, 64]", output, StringComparison.Ordinal);
        Assert.Contains($"Run it with ONNX Runtime (Microsoft.ML.OnnxRuntime; README \"Export to ONNX\"): new InferenceSession(\"{path}\"), feed X = the text one-hot, time-major [T, 1, 64], read probabilities", output, StringComparison.Ordinal);
        Assert.Contains($"Class k is character k of \"{new Vocabulary(Trained.Value.Vocabulary).Display()}\".", output, StringComparison.Ordinal);

        byte[] written = File.ReadAllBytes(path);
        Assert.Equal(0x08, written[0]);                                       // ModelProto field 1 (ir_version), varint
        Assert.Equal(OnnxExport.ToBytes<float>(CharLstm32.Layout, Trained.Value.Parameters), written);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Format_flag_is_case_insensitive_and_writes_any_other_extension()
    {
        string path = Path.Combine(_directory, "weights.bin");
        AssertExported(["export", "--checkpoint", _checkpoint, "--output", path, "--format", "SafeTensors"], path);
        float[] reloaded = new float[CharLstm32.ParameterCount];
        LstmGenWeights.Load<float>(path, CharLstm32.Layout, reloaded);
        Assert.Equal(TrainingTests.Bits(Trained.Value.Parameters), TrainingTests.Bits(reloaded));
    }

    [Fact]
    public void Missing_checkpoint()
    {
        string missing = Path.Combine(_directory, "missing.ckpt");
        AssertUserError(["export", "--checkpoint", missing, "--output", Path.Combine(_directory, "m.onnx")], $"error: Checkpoint file not found: {missing}");
    }

    [Fact]
    public void Unknown_format() =>
        AssertUserError(["export", "--checkpoint", _checkpoint, "--output", Path.Combine(_directory, "m.h5"), "--format", "keras"],
            "error: Unknown format 'keras'. The demo exports: onnx, safetensors, pytorch.");

    [Fact]
    public void Extension_that_names_no_format()
    {
        string path = Path.Combine(_directory, "m.bin");
        AssertUserError(["export", "--checkpoint", _checkpoint, "--output", path],
            $"error: Cannot tell the format of {path} from its extension: name it *.onnx or *.safetensors, or pass --format onnx|safetensors|pytorch.");
    }

    [Fact]
    public void Format_that_contradicts_the_extension()
    {
        string path = Path.Combine(_directory, "m.onnx");
        AssertUserError(["export", "--checkpoint", _checkpoint, "--output", path, "--format", "pytorch"],
            $"error: --format pytorch writes a safetensors file, but {path} ends in .onnx: choose an output path that matches the format.");
    }

    [Fact]
    public void Unwritable_path()
    {
        string file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "not a directory");
        string path = Path.Combine(file, "m.onnx");
        (int code, string output, string error) = Run(["export", "--checkpoint", _checkpoint, "--output", path]);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        string line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: Cannot write '{path}': ", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "Cannot write"));  // the path is named once, not the temporary file
        Assert.DoesNotContain(".tmp", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Equal("not a directory", File.ReadAllText(file));
    }

    [Fact]
    public void Missing_output_is_a_parse_error()
    {
        (int code, _, string error) = Run(["export", "--checkpoint", _checkpoint]);
        Assert.Equal(1, code);
        Assert.Contains("--output", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_export()
    {
        (int code, string output, _) = Run(["--help"]);
        Assert.Equal(0, code);
        Assert.Contains("export", output, StringComparison.Ordinal);
        (code, output, _) = Run(["export", "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("--format <onnx|safetensors|pytorch>", output, StringComparison.Ordinal);
    }

    /// <summary>The tensors against θ by the flat layout, computed here: fused [W|U] column by column (GateRows × (D + H)), b, W_y column by column (V × H), b_y.</summary>
    private static void AssertFlatLayout(float[] theta, NamedTensor w, NamedTensor u, NamedTensor b, NamedTensor wy, NamedTensor by)
    {
        const int D = 64, H = 32, V = 64, Rows = 4 * H;
        float[] wv = Values(w), uv = Values(u), bv = Values(b), wyv = Values(wy), byv = Values(by);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < D; c++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(theta[(c * Rows) + r]), BitConverter.SingleToInt32Bits(wv[(r * D) + c]));
            }

            for (int j = 0; j < H; j++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(theta[((D + j) * Rows) + r]), BitConverter.SingleToInt32Bits(uv[(r * H) + j]));
            }

            Assert.Equal(BitConverter.SingleToInt32Bits(theta[(Rows * (D + H)) + r]), BitConverter.SingleToInt32Bits(bv[r]));
        }

        int headWeights = (Rows * (D + H)) + Rows, headBias = headWeights + (V * H);
        for (int v = 0; v < V; v++)
        {
            for (int j = 0; j < H; j++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(theta[headWeights + (j * V) + v]), BitConverter.SingleToInt32Bits(wyv[(v * H) + j]));
            }

            Assert.Equal(BitConverter.SingleToInt32Bits(theta[headBias + v]), BitConverter.SingleToInt32Bits(byv[v]));
        }

        Assert.Equal(theta.Length, headBias + V);
    }

    private static float[] Values(NamedTensor tensor)
    {
        Assert.Equal(TensorDataType.Float32, tensor.DataType);
        float[] values = new float[tensor.ElementCount];
        tensor.CopyTo<float>(values);
        return values;
    }

    private static string AssertExported(string[] args, string path)
    {
        (int code, string output, string error) = Run(args);
        Assert.True(code == 0, output + error);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith($"Wrote {path} ({new FileInfo(path).Length:N0} bytes): lstm32 (CharLstm32) at step 3 from ", output, StringComparison.Ordinal);
        Assert.Equal(3, Lines(output).Length);
        Assert.False(File.Exists(path + ".tmp"));
        return output;
    }

    private static void AssertUserError(string[] args, string expected)
    {
        (int code, string output, string error) = Run(args);
        Assert.Equal(DemoCommandLine.UserErrorExitCode, code);
        Assert.Equal(expected, Assert.Single(Lines(error)));
        Assert.Equal(string.Empty, output);
    }
}
