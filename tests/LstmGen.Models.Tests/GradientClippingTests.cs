using MathNet.Numerics.LinearAlgebra;
using DoubleCell = LstmGen.TestCells.Lstm3x5Head4Double;
using FloatCell = LstmGen.TestCells.Rnn3x5Head4Float;

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

    [Fact]
    public void Double_norm_of_exploding_gradients_does_not_overflow()
    {
        var grads = new DoubleCell.Gradients();
        grads.AsSpan()[0] = 1e200;
        grads.AsSpan()[1] = 1e200;

        double norm = grads.Norm();

        // Σ g² = 2e400 overflows double; the norm itself, 1e200·√2, does not.
        Assert.Equal(1e200 * Math.Sqrt(2), norm, 1e-15 * 1e200 * Math.Sqrt(2));
    }

    [Fact]
    public void Double_exploding_gradients_are_scaled_to_the_requested_norm()
    {
        var grads = new DoubleCell.Gradients();
        grads.AsSpan()[0] = 1e200;
        grads.AsSpan()[1] = 1e200;

        double returned = grads.ClipByGlobalNorm(5.0);

        Assert.Equal(1e200 * Math.Sqrt(2), returned, 1e-15 * 1e200 * Math.Sqrt(2));
        double each = 5.0 / Math.Sqrt(2);                                    // 3.5355…, by hand: 5·(1e200 / (1e200·√2))
        Assert.Equal(each, grads.AsSpan()[0], 1e-15 * each);
        Assert.Equal(each, grads.AsSpan()[1], 1e-15 * each);
        Assert.All(grads.AsSpan()[2..].ToArray(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Float_exploding_gradients_are_scaled_to_the_requested_norm()
    {
        var grads = new FloatCell.Gradients();
        grads.AsSpan()[0] = 3e38f;
        grads.AsSpan()[1] = 3e38f;

        float returned = grads.ClipByGlobalNorm(1f);

        // The norm 3e38·√2 ≈ 4.2e38 exceeds float.MaxValue: returned as +∞ (the norm rounded to float), yet the
        // gradients are scaled by the exact norm. Tolerance: one float rounding of 1/√2 (2⁻²⁴ relative).
        Assert.Equal(float.PositiveInfinity, returned);
        double each = 1 / Math.Sqrt(2);
        Assert.Equal(each, grads.AsSpan()[0], each * Math.ScaleB(1, -24));
        Assert.Equal(each, grads.AsSpan()[1], each * Math.ScaleB(1, -24));
        Assert.All(grads.AsSpan()[2..].ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Tiny_gradients_do_not_underflow_in_the_norm()
    {
        var grads = new DoubleCell.Gradients();
        grads.AsSpan().Fill(1e-200);
        double expected = 1e-200 * Math.Sqrt(DoubleCell.ParameterCount);

        Assert.Equal(expected, grads.Norm(), 1e-15 * expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Norm_of_ordinary_gradients_agrees_with_the_naive_double_sum(int seed)
    {
        var grads = new DoubleCell.Gradients();
        double[] values = Fill(grads.AsSpan(), seed, scale: Math.Pow(10, seed));
        double naive = Math.Sqrt(values.Sum(v => v * v));

        Assert.Equal(naive, grads.Norm(), 1e-15 * naive);
    }

    [Fact]
    public void A_nan_gradient_makes_every_gradient_nan_by_default_like_pytorch()
    {
        var grads = new DoubleCell.Gradients();
        Fill(grads.AsSpan(), seed: 6, scale: 1.0);
        grads.AsSpan()[0] = double.NaN;
        grads.AsSpan()[1] = 1e100;

        double returned = grads.ClipByGlobalNorm(5.0);

        // torch.nn.utils.clip_grad_norm_(error_if_nonfinite=False): every gradient times max_norm / NaN.
        Assert.True(double.IsNaN(returned));
        Assert.All(grads.AsSpan().ToArray(), g => Assert.True(double.IsNaN(g), $"{g} should be NaN"));
    }

    [Fact]
    public void An_infinite_gradient_zeroes_the_finite_ones_by_default_like_pytorch()
    {
        var grads = new FloatCell.Gradients();
        grads.AsSpan().Fill(2f);
        grads.AsSpan()[3] = float.NegativeInfinity;

        float returned = grads.ClipByGlobalNorm(1f);

        // PyTorch: clip_coef = max_norm / ∞ = 0; finite·0 = 0, ∞·0 = NaN.
        Assert.Equal(float.PositiveInfinity, returned);
        float[] clipped = grads.AsSpan().ToArray();
        Assert.True(float.IsNaN(clipped[3]));
        Assert.All(clipped.Where((_, k) => k != 3), g => Assert.Equal(0f, g));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Error_if_non_finite_throws_and_leaves_the_gradients_untouched(double bad)
    {
        var grads = new DoubleCell.Gradients();
        double[] values = Fill(grads.AsSpan(), seed: 7, scale: 10.0);
        grads.AsSpan()[4] = values[4] = bad;

        var e = Assert.Throws<ArgumentException>(() => grads.ClipByGlobalNorm(1.0, errorIfNonFinite: true));

        Assert.Equal("gradients", e.ParamName);
        Assert.Contains("element 4", e.Message, StringComparison.Ordinal);
        Assert.Equal(values, grads.AsSpan().ToArray());
    }

    [Fact]
    public void Error_if_non_finite_clips_finite_gradients_as_usual()
    {
        var grads = new DoubleCell.Gradients();
        grads.AsSpan()[0] = 1e200;
        grads.AsSpan()[1] = 1e200;

        grads.ClipByGlobalNorm(5.0, errorIfNonFinite: true);

        Assert.Equal(5.0 / Math.Sqrt(2), grads.AsSpan()[0], 1e-15 * 5.0);
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
