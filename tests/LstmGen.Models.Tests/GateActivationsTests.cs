using System.Runtime.Intrinsics;
using LstmGen.Internal;

namespace LstmGen.Models.Tests;

/// <summary>
/// The one-vector gate activations of tiny LSTMs (<see cref="GateActivations"/>) against Math.Exp and Math.Tanh:
/// <list type="bullet">
/// <item>e^y for y in [−745, 0] within 1 ulp of Math.Exp; e^y − 1 within 2 ulps of Math.Exp(y) − 1 for y ≤ −0.5 (no
/// cancellation there) and within 1 ulp of C's expm1 near 0;</item>
/// <item>σ (lanes i, f, o) within 2 ulps of the runtime's scalar σ, tanh (lane g, and <see cref="GateActivations.Tanh"/>)
/// within 3 ulps of Math.Tanh, over [−40, 40] and a dense grid near 0 (where tanh x ≈ x, relative accuracy matters);
/// within 2 ulps where |tanh| ≥ 0.5 and 1 ulp where it is ≥ 0.9, since 1 − tanh² (which the backward uses) magnifies the
/// error there;</item>
/// <item>overflow-safe: ±1000, ±MaxValue and ±∞ give exactly 0/1 and ±1, never NaN; NaN gives NaN; −0 gives −0 (tanh).</item>
/// </list>
/// The instruction-set child processes (LstmGen.SimdWidths) run the same cells with Vector256 off (the scalar fallback).
/// </summary>
public sealed class GateActivationsTests
{
    private static Vector256<double> LstmLanes => Vector256.Create(0L, 0L, -1L, 0L).AsDouble();

    [Fact]
    public void Exp_is_within_an_ulp_of_Math_Exp()
    {
        var random = new Random(11);
        for (int n = 0; n < 20_000; n++)
        {
            double y = n switch
            {
                < 5_000 => -random.NextDouble(),
                < 15_000 => -random.NextDouble() * 50,
                _ => -random.NextDouble() * 745,
            };
            (Vector256<double> e, Vector256<double> expm1) = GateActivations.ExpAndExpm1(Vector256.Create(y));
            double expected = Math.Exp(y);
            Assert.True(Ulps(e[0], expected) <= 1, $"e^{y:R}: {e[0]:R}, Math.Exp {expected:R}");
            if (y <= -0.5)
            {
                Assert.True(Ulps(expm1[0], expected - 1) <= 2, $"e^{y:R} − 1: {expm1[0]:R}, Math.Exp − 1 {expected - 1:R}");
            }
        }
    }

    [Theory]
    [InlineData(-1e-300, -1e-300)]
    [InlineData(-1e-12, -9.999999999995e-13)]
    [InlineData(-3e-5, -2.9999550004499967e-05)]
    [InlineData(-0.01, -0.009950166250831947)]
    [InlineData(-0.3, -0.2591817793182821)]
    public void Expm1_is_accurate_near_zero(double y, double expected)   // expected: C's expm1 (correctly rounded here)
    {
        double expm1 = GateActivations.ExpAndExpm1(Vector256.Create(y)).Expm1[0];
        Assert.True(Ulps(expm1, expected) <= 1, $"e^{y:R} − 1: {expm1:R}, expm1 {expected:R}");
    }

    [Fact]
    public void Gate_activations_agree_with_the_scalar_sigmoid_and_Math_Tanh()
    {
        var random = new Random(12);
        for (int n = 0; n < 40_000; n++)
        {
            double z = n < 10_000 ? ((random.NextDouble() * 2) - 1) * 1e-3 : ((random.NextDouble() * 2) - 1) * (n < 25_000 ? 4 : 40);
            Vector256<double> a = GateActivations.SigmoidOrTanh(Vector256.Create(z, -z, z, -z), LstmLanes);
            Assert.True(Ulps(a[0], Activations.Sigmoid(z)) <= 2, $"σ({z:R}) = {a[0]:R}, scalar {Activations.Sigmoid(z):R}");
            Assert.True(Ulps(a[1], Activations.Sigmoid(-z)) <= 2, $"σ({-z:R}) = {a[1]:R}, scalar {Activations.Sigmoid(-z):R}");
            Assert.True(Ulps(a[3], Activations.Sigmoid(-z)) <= 2, $"σ({-z:R}) in lane o = {a[3]:R}");
            double tanh = Math.Tanh(z);
            int bound = Math.Abs(tanh) >= 0.9 ? 1 : Math.Abs(tanh) >= 0.5 ? 2 : 3;
            Assert.True(Ulps(a[2], tanh) <= bound, $"tanh({z:R}) = {a[2]:R}, Math.Tanh {tanh:R}");
            Assert.True(Ulps(GateActivations.Tanh(z), tanh) <= bound, $"Tanh({z:R}) = {GateActivations.Tanh(z):R}, Math.Tanh {tanh:R}");   // Math.Tanh itself without Vector256
        }
    }

    [Fact]
    public void Lstm_activates_i_f_o_with_sigmoid_and_g_with_tanh()
    {
        Vector256<double> a = GateActivations.Lstm(Vector256.Create(0.5, -2, 0.75, 3));
        Assert.True(Ulps(a[0], Activations.Sigmoid(0.5)) <= 2);
        Assert.True(Ulps(a[1], Activations.Sigmoid(-2.0)) <= 2);
        Assert.True(Ulps(a[2], Math.Tanh(0.75)) <= 1);
        Assert.True(Ulps(a[3], Activations.Sigmoid(3.0)) <= 2);
    }

    public static TheoryData<double> Extremes() => [1000, -1000, 746, -746, 745.5, -745.5, 710, -710, 40, -40, double.MaxValue, -double.MaxValue, double.PositiveInfinity, double.NegativeInfinity];

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Huge_inputs_saturate_without_NaN(double z)
    {
        Vector256<double> a = GateActivations.SigmoidOrTanh(Vector256.Create(z, z, z, z), LstmLanes);
        double tanh = z > 0 ? 1 : -1;
        if (Math.Abs(z) >= 746)
        {
            Assert.Equal(z > 0 ? 1 : 0, a[0]);
            Assert.Equal(z > 0 ? 1 : 0, a[3]);
        }
        else
        {
            Assert.True(Ulps(a[0], Activations.Sigmoid(z)) <= 1, $"σ({z:R}) = {a[0]:R}, scalar {Activations.Sigmoid(z):R}");
        }

        Assert.Equal(tanh, a[2]);
        Assert.Equal(tanh, GateActivations.Tanh(z));
    }

    [Fact]
    public void NaN_gives_NaN_and_zero_keeps_its_sign_under_tanh()
    {
        Vector256<double> nan = GateActivations.SigmoidOrTanh(Vector256.Create(double.NaN), LstmLanes);
        Assert.All([nan[0], nan[1], nan[2], nan[3]], value => Assert.True(double.IsNaN(value)));
        Assert.True(double.IsNegative(GateActivations.Tanh(-0.0)) && GateActivations.Tanh(-0.0) == 0);
        Assert.Equal(0.5, GateActivations.SigmoidOrTanh(Vector256.Create(-0.0), LstmLanes)[0]);
    }

    private static long Ulps(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
}
