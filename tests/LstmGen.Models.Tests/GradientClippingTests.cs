using MathNet.Numerics.LinearAlgebra;
using DoubleCell = LstmGen.Models.Tests.Cells.Lstm3x5Head4Double;
using FloatCell = LstmGen.Models.Tests.Cells.Rnn3x5Head4Float;

namespace LstmGen.Models.Tests;

/// <summary>
/// Gradient clipping (of <i>gradients</i>, between backward and the optimiser step; not ONNX's gate pre-activation
/// <c>clip</c>) on generated gradient buffers, against MathNet's L2 norm and hand-computed expectations.
/// </summary>
public sealed class GradientClippingTests
{
    [Fact]
    public void Global_norm_clipping_scales_every_entry_by_max_over_norm()
    {
        var grads = new DoubleCell.Gradients();
        double[] values = Fill(grads.AsSpan(), seed: 3, scale: 4.0);
        double expectedNorm = Vector<double>.Build.DenseOfArray(values).L2Norm();

        double returned = grads.ClipByGlobalNorm(5.0);

        Assert.Equal(expectedNorm, returned, 1e-12 * expectedNorm);
        Assert.True(expectedNorm > 5.0, "the test data must exceed the bound");
        double[] clipped = grads.AsSpan().ToArray();
        for (int k = 0; k < values.Length; k++)
        {
            Assert.Equal(values[k] * (5.0 / expectedNorm), clipped[k], 1e-15);
        }

        Assert.Equal(5.0, Vector<double>.Build.DenseOfArray(clipped).L2Norm(), 1e-12);
    }

    [Fact]
    public void Global_norm_clipping_below_the_bound_changes_nothing()
    {
        var grads = new DoubleCell.Gradients();
        double[] values = Fill(grads.AsSpan(), seed: 4, scale: 1e-3);

        double returned = grads.ClipByGlobalNorm(5.0);

        Assert.Equal(Vector<double>.Build.DenseOfArray(values).L2Norm(), returned, 1e-15);
        Assert.Equal(values, grads.AsSpan().ToArray());
    }

    [Fact]
    public void Value_clipping_clamps_to_plus_minus_five_like_min_char_rnn()
    {
        var grads = new DoubleCell.Gradients();
        double[] values = Fill(grads.AsSpan(), seed: 5, scale: 12.0);
        grads.AsSpan()[0] = double.NaN;

        grads.ClipByValue(5.0);

        double[] clipped = grads.AsSpan().ToArray();
        Assert.True(double.IsNaN(clipped[0]), "NaN stays NaN (it is not a magnitude to clamp)");
        for (int k = 1; k < values.Length; k++)
        {
            Assert.Equal(Math.Clamp(values[k], -5.0, 5.0), clipped[k]);
        }

        Assert.Contains(values, v => Math.Abs(v) > 5.0);
    }

    [Fact]
    public void Float_norm_is_accumulated_without_overflow()
    {
        var grads = new FloatCell.Gradients();
        grads.AsSpan().Fill(1e20f);
        double expected = 1e20 * Math.Sqrt(FloatCell.ParameterCount);

        float norm = grads.Norm();

        Assert.True(float.IsFinite(norm), "Σ g² = 1e40·n overflows float; the norm must not");
        Assert.Equal(expected, norm, expected * 1e-6);
        grads.ClipByGlobalNorm(1f);
        Assert.Equal(1.0, Math.Sqrt(grads.AsSpan().ToArray().Sum(g => (double)g * g)), 1e-6);
    }

    private static double[] Fill(Span<double> span, int seed, double scale)
    {
        var random = new Random(seed);
        for (int k = 0; k < span.Length; k++)
        {
            span[k] = scale * ((2 * random.NextDouble()) - 1);
        }

        return span.ToArray();
    }
}
