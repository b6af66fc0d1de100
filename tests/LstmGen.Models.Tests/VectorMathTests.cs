using System.Numerics;
using LstmGen.Internal;

namespace LstmGen.Models.Tests;

/// <summary>
/// The vectorised activations of SIMD cells (<see cref="VectorMath"/>) are overflow-safe and agree with the scalar ones.
/// <list type="bullet">
/// <item>Inputs up to ±MaxValue (and ±∞) give finite σ in [0, 1] and tanh in [−1, 1] at the first and last position of
/// spans of length 1 to 40 (so every vector width and every tail handles them), exactly 0/1 and ±1 from |x| ≥ 800.</item>
/// <item>On inputs in [−20, 20] they agree with <see cref="Activations"/> (Math.Exp/Math.Tanh based) to 4.5e-16 absolute
/// in double (about 4 ulps of 1) and 1e-6 in float: TensorPrimitives uses its own vectorised exp/tanh, accurate to about
/// an ulp.</item>
/// <item>A SIMD cell whose weights are ±MaxValue/4 (pre-activations overflow to ±∞) gives a finite state.</item>
/// </list>
/// </summary>
public sealed class VectorMathTests
{
    public static TheoryData<double> Extremes() => [double.MaxValue, -double.MaxValue, 1e300, -1e300, 1e30, -1e30, 800, -800, 89, -89, 710, -710, double.PositiveInfinity, double.NegativeInfinity];

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Activations_are_finite_and_saturate_for_huge_inputs(double value)
    {
        Check(value);
        Check((float)value);

        static void Check<T>(T value)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (int length = 1; length <= 40; length++)
            {
                T[] x = [.. Enumerable.Repeat(T.Zero, length)];
                x[length - 1] = value;
                x[0] = value;
                var (s, t) = (new T[length], new T[length]);
                VectorMath.Sigmoid<T>(x, s);
                VectorMath.Tanh<T>(x, t);
                foreach (int k in new[] { 0, length - 1 })
                {
                    Assert.True(T.IsFinite(s[k]) && s[k] >= T.Zero && s[k] <= T.One, $"σ({value}) = {s[k]} at {k} of {length}");
                    Assert.True(T.IsFinite(t[k]) && T.Abs(t[k]) <= T.One, $"tanh({value}) = {t[k]} at {k} of {length}");
                    if (T.Abs(value) >= T.CreateTruncating(800))
                    {
                        Assert.Equal(T.IsPositive(value) ? T.One : T.Zero, s[k]);
                        Assert.Equal(T.IsPositive(value) ? T.One : -T.One, t[k]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Vectorised_activations_agree_with_the_scalar_ones()
    {
        var random = new Random(7);
        double[] x = [.. Enumerable.Range(0, 1000).Select(_ => ((random.NextDouble() * 2) - 1) * 20)];
        var (s, t) = (new double[x.Length], new double[x.Length]);
        VectorMath.Sigmoid<double>(x, s);
        VectorMath.Tanh<double>(x, t);
        float[] xf = [.. x.Select(v => (float)v)];
        var (sf, tf) = (new float[x.Length], new float[x.Length]);
        VectorMath.Sigmoid<float>(xf, sf);
        VectorMath.Tanh<float>(xf, tf);
        for (int k = 0; k < x.Length; k++)
        {
            Assert.True(Math.Abs(s[k] - Activations.Sigmoid(x[k])) <= 4.5e-16, $"σ({x[k]:R}): {s[k]:R} vs {Activations.Sigmoid(x[k]):R}");
            Assert.True(Math.Abs(t[k] - Activations.Tanh(x[k])) <= 4.5e-16, $"tanh({x[k]:R}): {t[k]:R} vs {Activations.Tanh(x[k]):R}");
            Assert.True(Math.Abs(sf[k] - Activations.Sigmoid(xf[k])) <= 1e-6f, $"float σ({xf[k]:R}): {sf[k]:R} vs {Activations.Sigmoid(xf[k]):R}");
            Assert.True(Math.Abs(tf[k] - Activations.Tanh(xf[k])) <= 1e-6f, $"float tanh({xf[k]:R}): {tf[k]:R} vs {Activations.Tanh(xf[k]):R}");
        }
    }

    /// <summary>The vectorised element-wise backward computes the scalar kernels' expressions exactly (==), for every length 1..40.</summary>
    [Fact]
    public void Vectorised_elementwise_backward_equals_the_scalar_expressions()
    {
        Check<double>();
        Check<float>();

        static void Check<T>()
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var random = new Random(11);
            for (int n = 1; n <= 40; n++)
            {
                T[] Draw() => [.. Enumerable.Range(0, n).Select(_ => T.CreateTruncating(random.NextDouble() - 0.5))];
                T[] dh = Draw(), carryDh = Draw(), carryDc = Draw(), i = Draw(), f = Draw(), g = Draw(), o = Draw(), tanhC = Draw(), cPrev = Draw();
                var (dz, dcPrev, dzRnn) = (new T[4 * n], new T[n], new T[n]);
                VectorMath.LstmBackward<T>(dh, carryDh, carryDc, i, f, g, o, tanhC, cPrev, dz, dcPrev);
                VectorMath.TanhBackward<T>(dh, carryDh, tanhC, dzRnn);
                for (int j = 0; j < n; j++)
                {
                    // The expressions of CellMath.EmitBackwardElement (generated scalar code).
                    T dhT = dh[j] + carryDh[j];
                    T dO = dhT * tanhC[j];
                    T dc = carryDc[j] + (dhT * o[j] * (T.One - (tanhC[j] * tanhC[j])));
                    Assert.Equal(dc * g[j] * (i[j] * (T.One - i[j])), dz[j]);
                    Assert.Equal(dc * cPrev[j] * (f[j] * (T.One - f[j])), dz[n + j]);
                    Assert.Equal(dc * i[j] * (T.One - (g[j] * g[j])), dz[(2 * n) + j]);
                    Assert.Equal(dO * (o[j] * (T.One - o[j])), dz[(3 * n) + j]);
                    Assert.Equal(dc * f[j], dcPrev[j]);
                    Assert.Equal(dhT * (T.One - (tanhC[j] * tanhC[j])), dzRnn[j]);
                }
            }
        }
    }

    [Fact]
    public void A_simd_cell_with_overflowing_pre_activations_stays_finite()
    {
        var p = new Lstm10x129FloatSimd.Parameters();
        Span<float> theta = p.AsSpan();
        for (int k = 0; k < theta.Length; k++)
        {
            theta[k] = (k % 3 == 0 ? -1 : 1) * (float.MaxValue / 4);
        }

        var x = Vec10<float>.FromSpan([.. Enumerable.Repeat(1f, Lstm10x129FloatSimd.InputSize)]);
        Lstm10x129FloatSimd.State state = default;
        for (int t = 0; t < 3; t++)
        {
            state = Lstm10x129FloatSimd.Step(p, x, state);
            foreach (float v in state.H.ToArray().Concat(state.C.ToArray()))
            {
                Assert.False(float.IsNaN(v), $"NaN in the state at step {t}");
            }
        }
    }
}
