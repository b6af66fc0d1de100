using System.Runtime.InteropServices;
using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>
/// Well-formed files that do not hold this cell's weights: <see cref="LstmGenWeights.Import{T}"/> refuses them with
/// a message naming expected and found, and leaves the parameters unchanged.
/// </summary>
public sealed class ImportTests
{
    private static readonly CellLayout Layout = StLstm3x5HeadFloat.Layout;

    [Fact]
    public void Wrong_shape_is_refused_naming_both_shapes()
    {
        TensorSet set = Replace(Valid(), NamedTensor.FromValues<float>("U", [20, 4], new float[80]));
        AssertRefused(set, "Expected tensor 'U' to have shape [20, 5]", "but it has shape [20, 4]");
    }

    [Fact]
    public void Missing_tensor_is_refused_naming_it()
    {
        TensorSet valid = Valid();
        var set = new TensorSet(valid.Where(t => t.Name != "b_y"), valid.Metadata);
        AssertRefused(set, "Expected a tensor 'b_y' of shape [4]", "there is none");
    }

    [Fact]
    public void Extra_tensor_is_refused_unless_allowed()
    {
        TensorSet valid = Valid();
        var set = new TensorSet([.. valid, NamedTensor.FromValues<float>("bias_hh_l0", [20], new float[20])], valid.Metadata);
        AssertRefused(set, "also has 'bias_hh_l0'", "allowExtraTensors: true");

        float[] target = new float[Layout.ParameterCount];
        LstmGenWeights.Import<float>(set, Layout, target, allowExtraTensors: true);
        Assert.Equal(Source(), target);
    }

    [Fact]
    public void Wrong_kind_in_the_metadata_is_refused()
    {
        TensorSet valid = Valid();
        var metadata = valid.Metadata.SetItem("kind", "tanh_rnn");
        AssertRefused(new TensorSet(valid, metadata), "metadata kind = lstm", "the metadata says kind = tanh_rnn");
    }

    [Fact]
    public void Wrong_sizes_in_the_metadata_are_refused()
    {
        TensorSet valid = Valid();
        AssertRefused(new TensorSet(valid, valid.Metadata.SetItem("hidden_size", "6")), "hidden_size = 5", "hidden_size = 6");
        AssertRefused(new TensorSet(valid, valid.Metadata.SetItem("output_size", "0")), "output_size = 4", "output_size = 0");
        AssertRefused(new TensorSet(valid, valid.Metadata.SetItem("gate_order", "i,o,f,c")), "gate_order = i,f,g,o", "gate_order = i,o,f,c");
    }

    [Fact]
    public void Another_format_value_is_accepted_because_hugging_face_tools_write_format_pt()
    {
        TensorSet valid = Valid();
        float[] target = new float[Layout.ParameterCount];
        LstmGenWeights.Import<float>(new TensorSet(valid, valid.Metadata.SetItem("format", "pt")), Layout, target);
        Assert.Equal(Source(), target);
    }

    [Fact]
    public void A_set_without_metadata_is_accepted_on_its_tensors_alone()
    {
        float[] target = new float[Layout.ParameterCount];
        LstmGenWeights.Import<float>(new TensorSet(Valid()), Layout, target);
        Assert.Equal(Source(), target);
    }

    [Fact]
    public void Weights_of_a_cell_without_a_head_are_refused_by_a_cell_with_one()
    {
        // An LSTM D = 3, H = 5 without a head has W, U, b of the right shapes but no W_y, b_y (and output_size = 0).
        var headless = new CellLayout(RecurrentCellKind.Lstm, 3, 5);
        TensorSet set = LstmGenWeights.Export<float>(headless, new float[headless.ParameterCount]);
        AssertRefused(set, "output_size = 4", "output_size = 0");
        AssertRefused(new TensorSet(set), "Expected a tensor 'W_y' of shape [4, 5]", "there is none");
    }

    [Fact]
    public void A_parameter_span_of_the_wrong_length_is_an_argument_error()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => LstmGenWeights.Import<float>(Valid(), Layout, new float[Layout.ParameterCount - 1]));
        Assert.Contains($"{Layout.ParameterCount}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_checks_the_parameter_span_before_touching_the_file()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => LstmGenWeights.Load<float>(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.safetensors"), Layout, new float[3]));
        Assert.Contains($"{Layout.ParameterCount}", error.Message, StringComparison.Ordinal);
    }

    private static float[] Source()
    {
        float[] values = new float[Layout.ParameterCount];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (k * 0.25f) - 7f;
        }

        return values;
    }

    private static TensorSet Valid() => LstmGenWeights.Export<float>(Layout, Source());

    private static TensorSet Replace(TensorSet set, NamedTensor replacement) =>
        new(set.Select(t => t.Name == replacement.Name ? replacement : t), set.Metadata);

    /// <summary>Import fails with all <paramref name="facts"/> in the message, and the pre-filled parameters keep every bit.</summary>
    private static void AssertRefused(TensorSet set, params string[] facts)
    {
        var target = new StLstm3x5HeadFloat.Parameters();
        new Random(7).NextBytes(MemoryMarshal.AsBytes(target.AsSpan()));
        byte[] before = MemoryMarshal.AsBytes(target.AsSpan()).ToArray();

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => LstmGenWeights.Import<float>(set, Layout, target.AsSpan()));

        foreach (string fact in facts)
        {
            Assert.Contains(fact, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, MemoryMarshal.AsBytes(target.AsSpan()).ToArray());

        // The same through a file: the set is well formed, so the format layer passes it and Import refuses it.
        using var directory = new TempDirectory();
        string path = directory.File("other.safetensors");
        Interop.SafeTensors.Write(set, path);
        Assert.Throws<InvalidDataException>(() => LstmGenWeights.Load<float>(path, Layout, target.AsSpan()));
        Assert.Equal(before, MemoryMarshal.AsBytes(target.AsSpan()).ToArray());
    }
}

/// <summary>Messages about a set with many tensors (e.g. a hostile file) list 20 names and say how many more there are.</summary>
public sealed class ManyTensorMessageTests
{
    private static TensorSet Many(int count) =>
        new(Enumerable.Range(0, count).Select(k => NamedTensor.FromValues<float>($"t{k}", [1], [0f])));

    [Fact]
    public void A_missing_tensor_message_stays_short_for_a_set_of_ten_thousand()
    {
        TensorSet set = Many(10_000);
        var missing = Assert.Throws<InvalidDataException>(() => set.Require("W", [4, 2], "test"));
        Assert.Contains("t19 F32 [1] and 9980 more", missing.Message, StringComparison.Ordinal);
        Assert.True(missing.Message.Length < 1_000, $"{missing.Message.Length} characters");
        var key = Assert.Throws<KeyNotFoundException>(() => set["W"]);
        Assert.Contains("'t19' and 9980 more", key.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_tensors_are_listed_briefly()
    {
        var layout = new CellLayout(RecurrentCellKind.TanhRnn, 1, 1);
        TensorSet set = new([.. LstmGenWeights.Export<float>(layout, new float[layout.ParameterCount]), .. Many(100)]);
        var error = Assert.Throws<InvalidDataException>(() => LstmGenWeights.Import<float>(set, layout, new float[layout.ParameterCount]));
        Assert.Contains("'t19' and 80 more", error.Message, StringComparison.Ordinal);
    }
}
