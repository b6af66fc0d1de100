using System.Text;
using LstmGen.Interop;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>The byte layout against hand-built files and hand-computed expected bytes, independent of our own code.</summary>
public sealed class FormatTests
{
    [Fact]
    public void Reads_a_hand_built_file_with_metadata_padding_and_both_dtypes()
    {
        // Header: 132 bytes of JSON + 5 spaces of padding (a reader must accept any padding); data: F32 [2] = {1, -2} then F64 scalar 0.5, all written as literal bytes.
        string header = "{\"__metadata__\":{\"k\":\"v\"},\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]}," +
                        "\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}     ";
        byte[] data = [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F];
        byte[] file = HandBuiltFile.Build(header, data);

        TensorSet set = Interop.SafeTensors.Read(file);

        // File data order: v (bytes 0..8) before s (bytes 8..16), although the header lists s first.
        Assert.Equal(["v", "s"], set.Select(t => t.Name));
        Assert.Equal(TensorDataType.Float32, set["v"].DataType);
        Assert.Equal([2], set["v"].Shape.ToArray());
        Assert.Equal(1.0, set["v"].ReadAsDouble(0));
        Assert.Equal(-2.0, set["v"].ReadAsDouble(1));
        Assert.Equal(TensorDataType.Float64, set["s"].DataType);
        Assert.Empty(set["s"].Shape);
        Assert.Equal(0.5, set["s"].ReadAsDouble(0));
        Assert.Equal("v", Assert.Single(set.Metadata).Value);
    }

    [Fact]
    public void Reads_the_hand_built_lstm_file_and_its_values()
    {
        TensorSet set = Interop.SafeTensors.Read(HandBuiltFile.Build(HandBuiltFile.LstmHeader, HandBuiltFile.LstmData()));
        Assert.Equal(["W", "U", "b"], set.Select(t => t.Name));
        Assert.Equal(2.0, set["W"].ReadAsDouble(1));
        Assert.Equal(9.0, set["U"].ReadAsDouble(0));
        Assert.Equal(16.0, set["b"].ReadAsDouble(3));
        Assert.Empty(set.Metadata);
    }

    [Fact]
    public void Writes_the_hand_computed_bytes()
    {
        var set = new TensorSet(
            [NamedTensor.FromValues<float>("a", [2], [1.0f, -2.0f]), NamedTensor.FromValues<double>("b", [], [0.5])],
            new Dictionary<string, string> { ["format"] = "x" });

        // 137 bytes of JSON, padded with 7 spaces to 144 (a multiple of 8): prefix 0x90 = 144.
        string header = "{\"__metadata__\":{\"format\":\"x\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}," +
                        "\"b\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]}}       ";
        byte[] expected =
        [
            0x90, 0, 0, 0, 0, 0, 0, 0,
            .. Encoding.ASCII.GetBytes(header),
            0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0,
            0, 0, 0, 0, 0, 0, 0xE0, 0x3F,
        ];

        Assert.Equal(expected, Interop.SafeTensors.Write(set));
    }

    [Fact]
    public void Writes_no_metadata_key_when_there_is_none_and_escapes_names_as_json_requires()
    {
        var set = new TensorSet([NamedTensor.FromValues<float>("a\"b\\c\u0001", [0], [])]);

        // 66 bytes of JSON + 6 spaces = 72 = 0x48; no data.
        string header = "{\"a\\\"b\\\\c\\u0001\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}      ";
        byte[] expected = [0x48, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(header)];

        byte[] written = Interop.SafeTensors.Write(set);

        Assert.Equal(expected, written);
        Assert.Equal("a\"b\\c\u0001", Assert.Single(Interop.SafeTensors.Read(written)).Name);
    }

    [Fact]
    public void Writes_non_ascii_names_as_raw_utf8_and_reads_them_back()
    {
        var set = new TensorSet([NamedTensor.FromValues<double>("gewicht_ü_重み", [1], [3.0])]);
        byte[] written = Interop.SafeTensors.Write(set);
        Assert.Contains("\"gewicht_ü_重み\"", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        Assert.Equal("gewicht_ü_重み", Assert.Single(Interop.SafeTensors.Read(written)).Name);
    }

    [Fact]
    public void Writing_is_deterministic_and_the_three_write_paths_agree()
    {
        TensorSet set = Interop.SafeTensors.Read(HandBuiltFile.Build(HandBuiltFile.LstmHeader, HandBuiltFile.LstmData()));
        byte[] first = Interop.SafeTensors.Write(set);
        using var stream = new MemoryStream();
        Interop.SafeTensors.Write(set, stream);
        using var directory = new TempDirectory();
        string path = directory.File("w.safetensors");
        Interop.SafeTensors.Write(set, path);

        Assert.Equal(first, Interop.SafeTensors.Write(set));
        Assert.Equal(first, stream.ToArray());
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal(["w.safetensors"], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Reads_the_same_set_from_a_span_a_seekable_stream_a_non_seekable_stream_and_a_file()
    {
        byte[] file = HandBuiltFile.Build(HandBuiltFile.LstmHeader, HandBuiltFile.LstmData());
        using var directory = new TempDirectory();
        string path = directory.File("lstm.safetensors");
        File.WriteAllBytes(path, file);

        TensorSet fromSpan = Interop.SafeTensors.Read(file);
        TensorSet fromSeekable = Interop.SafeTensors.Read(new MemoryStream(file));
        TensorSet fromForwardOnly = Interop.SafeTensors.Read(new ForwardOnlyStream(file));
        TensorSet fromFile = Interop.SafeTensors.Read(path);

        foreach (TensorSet other in new[] { fromSeekable, fromForwardOnly, fromFile })
        {
            Assert.Equal(Interop.SafeTensors.Write(fromSpan), Interop.SafeTensors.Write(other));
        }
    }

    [Fact]
    public void Refuses_to_write_a_tensor_called_metadata()
    {
        var set = new TensorSet([NamedTensor.FromValues<float>("__metadata__", [1], [1f])]);
        ArgumentException error = Assert.Throws<ArgumentException>(() => Interop.SafeTensors.Write(set));
        Assert.Contains("__metadata__", error.Message, StringComparison.Ordinal);
    }
}
