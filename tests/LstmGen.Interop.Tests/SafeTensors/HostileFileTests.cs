using System.Runtime.InteropServices;
using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>
/// Every corruption in <see cref="HostileFiles"/> gives a <see cref="SafeTensorsFormatException"/> that names the
/// tensor and the fact, from every read path, and a failed <see cref="LstmGenWeights.Load{T}"/> leaves the
/// parameters exactly as they were.
/// </summary>
public sealed class HostileFileTests
{
    public static TheoryData<string> Names() => [.. HostileFiles.All.Keys];

    [Fact]
    public void The_uncorrupted_file_loads_so_each_corruption_is_what_is_refused()
    {
        using var directory = new TempDirectory();
        string path = directory.File("valid.safetensors");
        File.WriteAllBytes(path, HostileFiles.Valid());
        var target = new StLstm2x1Double.Parameters();

        LstmGenWeights.Load<double>(path, StLstm2x1Double.Layout, target.AsSpan());

        Assert.Equal(1.0, target.W(LstmGate.Input, 0, 0));
        Assert.Equal(2.0, target.W(LstmGate.Input, 0, 1));
        Assert.Equal(9.0, target.U(LstmGate.Input, 0, 0));
        Assert.Equal(16.0, target.B(LstmGate.Output, 0));
    }

    [Fact]
    public void There_are_at_least_fifteen_distinct_corruptions() => Assert.True(HostileFiles.All.Count >= 15);

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_file_is_refused_with_a_message_naming_the_tensor_and_the_fact(string name)
    {
        HostileFile hostile = HostileFiles.All[name];

        SafeTensorsFormatException error = Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(hostile.Bytes));

        Assert.Equal(hostile.Tensor, error.TensorName);
        if (!string.IsNullOrEmpty(hostile.Tensor))
        {
            Assert.Contains($"'{hostile.Tensor}'", error.Message, StringComparison.Ordinal);
        }

        foreach (string fact in hostile.Facts)
        {
            Assert.Contains(fact, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_file_is_refused_the_same_way_from_a_stream_a_forward_only_stream_and_a_file(string name)
    {
        HostileFile hostile = HostileFiles.All[name];
        string expected = Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(hostile.Bytes)).Message;
        using var directory = new TempDirectory();
        string path = directory.File("hostile.safetensors");
        File.WriteAllBytes(path, hostile.Bytes);

        Assert.Equal(expected, Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(new MemoryStream(hostile.Bytes))).Message);
        Assert.Equal(expected, Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(new ForwardOnlyStream(hostile.Bytes))).Message);
        Assert.Equal(expected, Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(path)).Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Failed_load_of_a_hostile_file_leaves_the_parameters_unchanged(string name)
    {
        using var directory = new TempDirectory();
        string path = directory.File("hostile.safetensors");
        File.WriteAllBytes(path, HostileFiles.All[name].Bytes);
        var target = new StLstm2x1Double.Parameters();
        Span<double> values = target.AsSpan();
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = -100.0 - k;
        }

        double[] before = values.ToArray();

        Assert.Throws<SafeTensorsFormatException>(() => LstmGenWeights.Load<double>(path, StLstm2x1Double.Layout, target.AsSpan()));

        Assert.True(MemoryMarshal.AsBytes(before.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(target.AsSpan())));
    }
}
