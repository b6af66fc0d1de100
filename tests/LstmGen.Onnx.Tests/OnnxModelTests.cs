using LstmGen.Interop.Layouts;
using LstmGen.Onnx.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace LstmGen.Onnx.Tests;

/// <summary>The exported model as a file: what ONNX Runtime reads from it, determinism, and argument checks.</summary>
public sealed class OnnxModelTests
{
    private static readonly CellLayout LstmWithHead = new(RecurrentCellKind.Lstm, 3, 5, 4);
    private static readonly CellLayout RnnWithoutHead = new(RecurrentCellKind.TanhRnn, 10, 33);

    private static float[] Theta(CellLayout layout) =>
        [.. Seeded.Uniform(seed: 7, layout.ParameterCount, 1 / Math.Sqrt(layout.HiddenSize)).Select(v => (float)v)];

    [Fact]
    public void Onnx_runtime_reads_the_declared_inputs_outputs_and_producer()
    {
        byte[] model = OnnxExport.ToBytes<float>(LstmWithHead, Theta(LstmWithHead), new OnnxExportOptions { InitialStateInputs = true });
        using var session = new InferenceSession(model);

        Assert.Equal(["X", "initial_h", "initial_c"], session.InputNames);
        Assert.Equal(["hidden", "Y_h", "Y_c", "logits", "probabilities"], session.OutputNames);
        NodeMetadata x = session.InputMetadata["X"];
        Assert.Equal(typeof(float), x.ElementType);
        Assert.Equal([-1, -1, 3], x.Dimensions);
        Assert.Equal(["sequence", "batch", string.Empty], x.SymbolicDimensions);
        Assert.Equal([1, -1, 5], session.InputMetadata["initial_c"].Dimensions);
        Assert.Equal([-1, -1, 4], session.OutputMetadata["probabilities"].Dimensions);
        Assert.Equal("LstmGen", session.ModelMetadata.ProducerName);
        Assert.Equal("lstmgen", session.ModelMetadata.GraphName);
    }

    [Fact]
    public void Default_export_takes_only_X_and_an_rnn_has_no_cell_state()
    {
        byte[] model = OnnxExport.ToBytes<float>(RnnWithoutHead, Theta(RnnWithoutHead), new OnnxExportOptions { GraphName = "char_rnn" });
        using var session = new InferenceSession(model);
        Assert.Equal(["X"], session.InputNames);
        Assert.Equal(["hidden", "Y_h"], session.OutputNames);
        Assert.Equal([-1, -1, 33], session.OutputMetadata["hidden"].Dimensions);
        Assert.Equal("char_rnn", session.ModelMetadata.GraphName);
    }

    [Fact]
    public void Exporting_twice_gives_identical_bytes()
    {
        float[] theta = Theta(LstmWithHead);
        byte[] first = OnnxExport.ToBytes<float>(LstmWithHead, theta);
        byte[] second = OnnxExport.ToBytes<float>(LstmWithHead, [.. theta]);
        Assert.Equal(first, second);

        theta[0] += 1f;
        Assert.NotEqual(first, OnnxExport.ToBytes<float>(LstmWithHead, theta));
    }

    [Fact]
    public void A_double_cell_is_exported_as_its_weights_rounded_to_float()
    {
        double[] theta = Seeded.Uniform(seed: 11, LstmWithHead.ParameterCount, 1 / Math.Sqrt(5));
        float[] rounded = [.. theta.Select(v => (float)v)];
        Assert.Equal(OnnxExport.ToBytes<float>(LstmWithHead, rounded), OnnxExport.ToBytes<double>(LstmWithHead, theta));
    }

    [Fact]
    public void A_double_weight_beyond_float_range_is_refused_rather_than_exported_as_infinity()
    {
        double[] theta = Seeded.Uniform(seed: 12, LstmWithHead.ParameterCount, 0.5);
        theta[17] = -1e39;
        var error = Assert.Throws<ArgumentException>(() => OnnxExport.ToBytes<double>(LstmWithHead, theta));
        Assert.Contains("parameter 17", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1E+39", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_initializers_are_the_onnx_layout_tensors()
    {
        // The weights the session holds are OnnxLayout's tensors: a W with a wrong shape would not load, and a swapped
        // gate block would fail the agreement tests; here the bytes of W appear verbatim in the model.
        float[] theta = Theta(LstmWithHead);
        byte[] model = OnnxExport.ToBytes<float>(LstmWithHead, theta);
        Interop.TensorSet tensors = OnnxLayout.Export<float>(LstmWithHead, theta);
        foreach (Interop.NamedTensor tensor in tensors)
        {
            Assert.True(model.AsSpan().IndexOf(tensor.Data) >= 0, $"The raw data of {tensor.Describe()} is not in the model.");
        }
    }

    [Fact]
    public void Save_and_WriteTo_write_the_same_bytes_as_ToBytes()
    {
        float[] theta = Theta(LstmWithHead);
        byte[] expected = OnnxExport.ToBytes<float>(LstmWithHead, theta);
        string path = Path.Combine(Path.GetTempPath(), $"lstmgen-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExport.Save<float>(path, LstmWithHead, theta);
            Assert.Equal(expected, File.ReadAllBytes(path));
            using var session = new InferenceSession(path);
            Assert.Equal("LstmGen", session.ModelMetadata.ProducerName);
        }
        finally
        {
            File.Delete(path);
        }

        using var stream = new MemoryStream();
        OnnxExport.WriteTo<float>(stream, LstmWithHead, theta);
        Assert.Equal(expected, stream.ToArray());
    }

    [Fact]
    public void A_failed_save_names_the_users_path_not_the_temporary_file()
    {
        float[] theta = Theta(LstmWithHead);
        string directory = Directory.CreateTempSubdirectory("lstmgen-onnx-save-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "file.txt"), "not a folder");
            foreach (string path in new[] { "/proc/x.onnx", Path.Combine(directory, "file.txt", "x.onnx"), Path.Combine(directory, "missing", "x.onnx") })
            {
                var error = Assert.ThrowsAny<IOException>(() => OnnxExport.Save<float>(path, LstmWithHead, theta));
                Assert.Contains(path, error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(".tmp", error.Message, StringComparison.Ordinal);
            }

            Assert.Equal(["file.txt"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_what_was_expected()
    {
        float[] tooShort = new float[LstmWithHead.ParameterCount - 1];
        var length = Assert.Throws<ArgumentException>(() => OnnxExport.ToBytes<float>(LstmWithHead, tooShort));
        Assert.Contains($"{LstmWithHead.ParameterCount}", length.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OnnxExport.ToBytes<double>(LstmWithHead, new double[3]));

        float[] theta = Theta(LstmWithHead);
        var name = Assert.Throws<ArgumentException>(() => OnnxExport.ToBytes<float>(LstmWithHead, theta, new OnnxExportOptions { GraphName = string.Empty }));
        Assert.Contains("graph name", name.Message, StringComparison.Ordinal);

        var type = Assert.Throws<NotSupportedException>(() => OnnxExport.ToBytes<int>(LstmWithHead, new int[LstmWithHead.ParameterCount]));
        Assert.Contains("float or double", type.Message, StringComparison.Ordinal);

        var huge = new CellLayout(RecurrentCellKind.Lstm, 100, 12_000);
        var tooLarge = Assert.Throws<NotSupportedException>(() => OnnxExport.ToBytes<float>(huge, ReadOnlySpan<float>.Empty));
        Assert.Contains("2000000000", tooLarge.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => OnnxExport.Save<float>(string.Empty, LstmWithHead, theta));
        Assert.Throws<ArgumentNullException>(() => OnnxExport.WriteTo<float>(null!, LstmWithHead, theta));
    }
}
