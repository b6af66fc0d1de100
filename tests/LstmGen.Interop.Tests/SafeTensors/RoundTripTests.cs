using System.Runtime.InteropServices;
using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>
/// Generated cell → LstmGenWeights → safetensors bytes (or file) → new Parameters gives back every bit: random bit
/// patterns cover NaN payloads, infinities, subnormals and -0.0.
/// </summary>
public sealed class RoundTripTests
{
    [Fact]
    public void Lstm_2x1_double_round_trips_bit_exactly() =>
        AssertRoundTrip(StLstm2x1Double.Layout, new StLstm2x1Double.Parameters().AsSpan(), new StLstm2x1Double.Parameters().AsSpan());

    [Fact]
    public void Rnn_2x1_float_round_trips_bit_exactly() =>
        AssertRoundTrip(StRnn2x1Float.Layout, new StRnn2x1Float.Parameters().AsSpan(), new StRnn2x1Float.Parameters().AsSpan());

    [Fact]
    public void Lstm_3x5_with_head_float_round_trips_bit_exactly() =>
        AssertRoundTrip(StLstm3x5HeadFloat.Layout, new StLstm3x5HeadFloat.Parameters().AsSpan(), new StLstm3x5HeadFloat.Parameters().AsSpan());

    [Fact]
    public void Rnn_3x5_double_round_trips_bit_exactly() =>
        AssertRoundTrip(StRnn3x5Double.Layout, new StRnn3x5Double.Parameters().AsSpan(), new StRnn3x5Double.Parameters().AsSpan());

    [Fact]
    public void Lstm_7x17_with_head_double_round_trips_bit_exactly() =>
        AssertRoundTrip(StLstm7x17HeadDouble.Layout, new StLstm7x17HeadDouble.Parameters().AsSpan(), new StLstm7x17HeadDouble.Parameters().AsSpan());

    [Fact]
    public void Rnn_7x17_with_head_float_round_trips_bit_exactly() =>
        AssertRoundTrip(StRnn7x17HeadFloat.Layout, new StRnn7x17HeadFloat.Parameters().AsSpan(), new StRnn7x17HeadFloat.Parameters().AsSpan());

    [Fact]
    public void Special_double_values_survive_a_file_round_trip()
    {
        var source = new StLstm2x1Double.Parameters();
        double[] special =
        [
            -0.0, 0.0, double.Epsilon, -double.Epsilon, BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFF), double.MaxValue,
            double.MinValue, double.PositiveInfinity, double.NegativeInfinity, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001),
            BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_DEAD_BEEF)), 1.0 / 3.0, -1e-310, 2.5, 1e300, -7.0,
        ];
        special.CopyTo(source.AsSpan());
        var target = new StLstm2x1Double.Parameters();
        using var directory = new TempDirectory();
        string path = directory.File("special.safetensors");

        LstmGenWeights.Save<double>(path, StLstm2x1Double.Layout, source.AsSpan());
        LstmGenWeights.Load<double>(path, StLstm2x1Double.Layout, target.AsSpan());

        Assert.True(MemoryMarshal.AsBytes(source.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(target.AsSpan())));
    }

    [Fact]
    public void Special_float_values_survive_a_file_round_trip()
    {
        var source = new StRnn2x1Float.Parameters();
        float[] special = [-0.0f, float.Epsilon, BitConverter.Int32BitsToSingle(0x7FC0_1234), -1e-40f]; // RNN D = 2, H = 1: 4 parameters.
        special.CopyTo(source.AsSpan());
        var target = new StRnn2x1Float.Parameters();
        using var directory = new TempDirectory();
        string path = directory.File("special.safetensors");

        LstmGenWeights.Save<float>(path, StRnn2x1Float.Layout, source.AsSpan());
        LstmGenWeights.Load<float>(path, StRnn2x1Float.Layout, target.AsSpan());

        Assert.True(MemoryMarshal.AsBytes(source.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(target.AsSpan())));
    }

    [Fact]
    public void Exported_tensors_are_named_shaped_and_ordered_as_documented()
    {
        var p = new StLstm3x5HeadFloat.Parameters();
        Fill(p.AsSpan(), seed: 3);

        TensorSet set = LstmGenWeights.Export<float>(StLstm3x5HeadFloat.Layout, p.AsSpan());

        Assert.Equal(["W", "U", "b", "W_y", "b_y"], set.Select(t => t.Name));
        Assert.Equal([20, 3], set["W"].Shape.ToArray());
        Assert.Equal([20, 5], set["U"].Shape.ToArray());
        Assert.Equal([20], set["b"].Shape.ToArray());
        Assert.Equal([4, 5], set["W_y"].Shape.ToArray());
        Assert.Equal([4], set["b_y"].Shape.ToArray());
        Assert.All(set, t => Assert.Equal(TensorDataType.Float32, t.DataType));

        // Row-major, gate blocks i, f, g, o of H = 5 rows: checked against the generated accessors.
        Assert.Equal(p.W(LstmGate.Candidate, 3, 2), (float)set["W"].ReadAsDouble((((2 * 5) + 3) * 3) + 2));
        Assert.Equal(p.U(LstmGate.Output, 4, 1), (float)set["U"].ReadAsDouble((((3 * 5) + 4) * 5) + 1));
        Assert.Equal(p.B(LstmGate.Forget, 0), (float)set["b"].ReadAsDouble(5));
        Assert.Equal(p.Wy(3, 2), (float)set["W_y"].ReadAsDouble((3 * 5) + 2));
        Assert.Equal(p.By(1), (float)set["b_y"].ReadAsDouble(1));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["format"] = "lstmgen", ["kind"] = "lstm", ["input_size"] = "3", ["hidden_size"] = "5", ["output_size"] = "4", ["gate_order"] = "i,f,g,o",
            },
            set.Metadata);
        Assert.Equal("tanh_rnn", LstmGenWeights.Export<double>(StRnn3x5Double.Layout, new StRnn3x5Double.Parameters().AsSpan()).Metadata["kind"]);
    }

    [Fact]
    public void A_double_file_loads_into_a_float_cell_of_the_same_shape_rounding_to_nearest()
    {
        var source = new StLstm2x1Double.Parameters();
        Span<double> values = source.AsSpan();
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (k + 1) / 3.0;
        }

        TensorSet set = LstmGenWeights.Export<double>(StLstm2x1Double.Layout, values);
        float[] target = new float[StLstm2x1Double.Layout.ParameterCount];
        LstmGenWeights.Import<float>(Interop.SafeTensors.Read(Interop.SafeTensors.Write(set)), StLstm2x1Double.Layout, target);

        for (int k = 0; k < values.Length; k++)
        {
            Assert.Equal((float)values[k], target[k]);
        }
    }

    private static void AssertRoundTrip<T>(CellLayout layout, Span<T> source, Span<T> target)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        Fill(source, seed: layout.ParameterCount);
        byte[] file = Interop.SafeTensors.Write(LstmGenWeights.Export<T>(layout, source));

        LstmGenWeights.Import<T>(Interop.SafeTensors.Read(file), layout, target);

        Assert.True(MemoryMarshal.AsBytes(source).SequenceEqual(MemoryMarshal.AsBytes(target)));
    }

    /// <summary>Random bit patterns: every kind of float, NaN payloads included.</summary>
    private static void Fill<T>(Span<T> values, int seed)
        where T : unmanaged
    {
        new Random(seed).NextBytes(MemoryMarshal.AsBytes(values));
    }
}
