using LstmGen.Interop.Layouts;
using LstmGen.Interop.Tests.PyTorch;

namespace LstmGen.Interop.Tests.Layout;

/// <summary>
/// F64 → float conversion on import: values are rounded to nearest, but a finite value beyond float's range is refused
/// (it would otherwise become an infinity in the cell and NaN in its outputs), and the parameters stay unchanged.
/// </summary>
public sealed class ConversionTests
{
    [Fact]
    public void A_finite_double_beyond_float_range_is_refused_naming_tensor_and_element()
    {
        NamedTensor tensor = NamedTensor.FromValues<double>("w", [3], [1.0, 1e39, 2.0]);

        var error = Assert.Throws<InvalidDataException>(() => tensor.CopyTo<float>(new float[3]));

        Assert.Contains("w F64 [3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("element 1 is 1E+39", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_round_to_float_max_NaN_and_infinities_are_copied_as_they_are()
    {
        // 3.4028235e38 is above float.MaxValue (3.40282347e38) but rounds to it; NaN and ±∞ are already non-finite.
        double[] values = [3.4028235e38, -3.4028235e38, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        float[] copied = new float[values.Length];
        NamedTensor.FromValues<double>("w", [values.Length], values).CopyTo<float>(copied);
        Assert.Equal([float.MaxValue, float.MinValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity], copied);
    }

    [Fact]
    public void A_float64_state_dict_with_an_out_of_range_weight_leaves_a_float_cell_unchanged()
    {
        var names = new PyTorchNames(PyTorchModule.Rnn);
        var source = new TorchRnn3x5V4D.Parameters();
        PyTorchLayoutTests.Fill<double>(source.AsSpan(), 21);
        source.AsSpan()[source.AsSpan().Length - 1] = -5e40; // the head bias, the last tensor the import reads
        TensorSet set = PyTorchLayout.Export<double>(TorchRnn3x5V4D.Layout, source.AsSpan(), names);
        var target = new TorchRnn3x5V4F.Parameters();
        target.AsSpan().Fill(0.75f);

        var error = Assert.Throws<InvalidDataException>(() => PyTorchLayout.Import<float>(set, TorchRnn3x5V4F.Layout, target.AsSpan(), names));

        Assert.Contains("head.bias", error.Message, StringComparison.Ordinal);
        Assert.All(target.AsSpan().ToArray(), v => Assert.Equal(0.75f, v));
    }

    [Fact]
    public void Reading_elements_allocates_nothing()
    {
        NamedTensor tensor = NamedTensor.FromValues<float>("w", [4, 8], new float[32]);
        double sum = tensor.ReadAsDouble(0); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 32; k++)
        {
            sum += tensor.ReadAsDouble(k);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0.0, sum);
    }

    /// <summary>
    /// The two halves of a split bias (PyTorch's bias_ih + bias_hh, ONNX's Wb + Rb) are added in double and rounded once:
    /// 1 + (2^-24 + 2^-50) is just above the midpoint between the floats 1 and 1 + 2^-23, so it rounds up; rounding
    /// 2^-24 + 2^-50 to float first (2^-24) and then adding in float would give a tie and 1. Both layouts agree.
    /// </summary>
    [Fact]
    public void A_split_bias_is_added_in_double_and_rounded_once_by_PyTorch_and_ONNX_alike()
    {
        var layout = new CellLayout(RecurrentCellKind.TanhRnn, 1, 1);
        double small = Math.ScaleB(1, -24) + Math.ScaleB(1, -50);
        float expected = 1f + MathF.ScaleB(1, -23);
        var names = new PyTorchNames(PyTorchModule.RnnCell);
        TensorSet torch = new(
        [
            NamedTensor.FromValues<double>(names.InputWeights, [1, 1], [0.5]),
            NamedTensor.FromValues<double>(names.RecurrentWeights, [1, 1], [0.25]),
            NamedTensor.FromValues<double>(names.InputBias, [1], [1.0]),
            NamedTensor.FromValues<double>(names.RecurrentBias, [1], [small]),
        ]);
        TensorSet onnx = new(
        [
            NamedTensor.FromValues<double>("W", [1, 1, 1], [0.5]),
            NamedTensor.FromValues<double>("R", [1, 1, 1], [0.25]),
            NamedTensor.FromValues<double>("B", [1, 2], [1.0, small]),
        ]);

        float[] fromTorch = new float[layout.ParameterCount];
        float[] fromOnnx = new float[layout.ParameterCount];
        PyTorchLayout.Import<float>(torch, layout, fromTorch, names);
        OnnxLayout.Import<float>(onnx, layout, fromOnnx);

        Assert.Equal(expected, fromTorch[layout.BiasIndex(0)]);
        Assert.Equal(expected, fromOnnx[layout.BiasIndex(0)]);
    }

    [Fact]
    public void A_bias_sum_beyond_float_range_is_refused_and_changes_nothing()
    {
        var layout = new CellLayout(RecurrentCellKind.TanhRnn, 1, 1);
        var names = new PyTorchNames(PyTorchModule.RnnCell);
        TensorSet set = new(
        [
            NamedTensor.FromValues<float>(names.InputWeights, [1, 1], [0.5f]),
            NamedTensor.FromValues<float>(names.RecurrentWeights, [1, 1], [0.25f]),
            NamedTensor.FromValues<float>(names.InputBias, [1], [3e38f]),
            NamedTensor.FromValues<float>(names.RecurrentBias, [1], [3e38f]),
        ]);
        float[] target = [7f, 7f, 7f];

        var error = Assert.Throws<InvalidDataException>(() => PyTorchLayout.Import<float>(set, layout, target, names));

        Assert.Contains("bias_ih + bias_hh", error.Message, StringComparison.Ordinal);
        Assert.Equal([7f, 7f, 7f], target);
    }

    /// <summary>The README's claim: for float32 halves in a float cell, the summed bias is exactly float32 addition.</summary>
    [Fact]
    public void Float_halves_in_a_float_cell_sum_exactly_as_float_addition()
    {
        var layout = new CellLayout(RecurrentCellKind.TanhRnn, 1, 64);
        var random = new Random(31);
        float Draw() => (float)((random.NextDouble() - 0.5) * Math.ScaleB(1, random.Next(-30, 30)));
        float[] first = [.. Enumerable.Range(0, 64).Select(_ => Draw())];
        float[] second = [.. Enumerable.Range(0, 64).Select(_ => Draw())];
        var names = new PyTorchNames(PyTorchModule.RnnCell);
        TensorSet set = new(
        [
            NamedTensor.FromValues<float>(names.InputWeights, [64, 1], new float[64]),
            NamedTensor.FromValues<float>(names.RecurrentWeights, [64, 64], new float[64 * 64]),
            NamedTensor.FromValues<float>(names.InputBias, [64], first),
            NamedTensor.FromValues<float>(names.RecurrentBias, [64], second),
        ]);
        float[] target = new float[layout.ParameterCount];

        PyTorchLayout.Import<float>(set, layout, target, names);

        for (int r = 0; r < 64; r++)
        {
            Assert.Equal(first[r] + second[r], target[layout.BiasIndex(r)]);
        }
    }
}
