using LstmGen.TestSupport;

namespace LstmGen.Models.Tests;

/// <summary>
/// The SIMD cells' σ and tanh are accurate to a few ulps in both precisions (<see cref="ActivationAccuracy"/>; every other
/// vector width runs the same check in the SimdWidths child processes).
/// </summary>
public sealed class VectorActivationsTests
{
    [Fact]
    public void Float_activations_are_within_3_ulps()
    {
        var worst = ActivationAccuracy.Worst<float>();
        Assert.True(worst.Sigmoid <= ActivationAccuracy.FloatUlps, $"σ: {worst.Sigmoid:F2} ulps at {worst.SigmoidAt:R}");
        Assert.True(worst.Tanh <= ActivationAccuracy.FloatUlps, $"tanh: {worst.Tanh:F2} ulps at {worst.TanhAt:R}");
    }

    [Fact]
    public void Double_activations_are_within_4_ulps()
    {
        var worst = ActivationAccuracy.Worst<double>();
        Assert.True(worst.Sigmoid <= ActivationAccuracy.DoubleUlps, $"σ: {worst.Sigmoid:F2} ulps at {worst.SigmoidAt:R}");
        Assert.True(worst.Tanh <= ActivationAccuracy.DoubleUlps, $"tanh: {worst.Tanh:F2} ulps at {worst.TanhAt:R}");
    }
}
