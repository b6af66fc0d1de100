using MathNet.Numerics.LinearAlgebra;
using Cell = LstmGen.TestCells.Lstm3x5Double;

namespace LstmGen.Models.Tests.Training;

/// <summary>
/// <see cref="Adam{T}"/> against an independent MathNet transcription of Algorithm 1 of Kingma and Ba (2015) —
/// m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), θ ← θ − α·m̂/(√v̂ + ε) — written with vector operations, over several steps
/// on a generated cell's parameter and gradient buffers.
/// </summary>
public sealed class AdamTests
{
    [Theory]
    [InlineData(1e-3, 0.9, 0.999, 1e-8)]
    [InlineData(0.05, 0.8, 0.99, 1e-6)]
    public void Matches_the_paper_over_several_steps(double lr, double beta1, double beta2, double epsilon)
    {
        var random = new Random(11);
        var p = new Cell.Parameters();
        var grads = new Cell.Gradients();
        Fill(p.AsSpan(), random);
        Vector<double> theta = Vector<double>.Build.DenseOfArray(p.AsSpan().ToArray());
        Vector<double> m = Vector<double>.Build.Dense(Cell.ParameterCount), v = m.Clone();
        var adam = new Adam<double>(Cell.ParameterCount, lr, beta1, beta2, epsilon);

        for (int t = 1; t <= 6; t++)
        {
            Fill(grads.AsSpan(), random);
            grads.AsSpan()[t] = 0;                                             // a zero gradient entry
            Vector<double> g = Vector<double>.Build.DenseOfArray(grads.AsSpan().ToArray());
            m = (beta1 * m) + ((1 - beta1) * g);
            v = (beta2 * v) + ((1 - beta2) * g.PointwiseMultiply(g));
            Vector<double> mHat = m / (1 - Math.Pow(beta1, t));
            Vector<double> vHat = v / (1 - Math.Pow(beta2, t));
            theta -= lr * mHat.PointwiseDivide(vHat.PointwiseSqrt() + epsilon);

            adam.Step(p.AsSpan(), grads.AsSpan());

            Assert.Equal(t, adam.StepCount);
            double[] actual = p.AsSpan().ToArray();
            for (int k = 0; k < actual.Length; k++)
            {
                Assert.True(Math.Abs(actual[k] - theta[k]) <= 1e-12 * Math.Max(1, Math.Abs(theta[k])), $"step {t}, θ[{k}]: {actual[k]:R} vs {theta[k]:R}");
            }
        }
    }

    [Fact]
    public void Restored_state_continues_exactly()
    {
        var random = new Random(12);
        double[][] gradients = [.. Enumerable.Range(0, 4).Select(_ => Next(random))];
        double[] start = Next(random);

        double[] straight = [.. start];
        var one = new Adam<double>(start.Length, 0.01);
        foreach (double[] g in gradients)
        {
            one.Step(straight, g);
        }

        double[] resumed = [.. start];
        var first = new Adam<double>(start.Length, 0.01);
        first.Step(resumed, gradients[0]);
        first.Step(resumed, gradients[1]);
        var second = new Adam<double>(start.Length, 0.01);
        second.Restore(first.StepCount, first.FirstMoment, first.SecondMoment);
        second.Step(resumed, gradients[2]);
        second.Step(resumed, gradients[3]);

        Assert.Equal(straight, resumed);
    }

    [Fact]
    public void Step_allocates_nothing()
    {
        var p = new float[1000];
        var g = Enumerable.Range(0, 1000).Select(k => (float)Math.Sin(k)).ToArray();
        var adam = new Adam<float>(p.Length);
        for (int k = 0; k < 20; k++)
        {
            adam.Step(p, g);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 20; k++)
        {
            adam.Step(p, g);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(p, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Wrong_lengths_and_hyper_parameters_are_rejected()
    {
        var adam = new Adam<double>(3);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => adam.Step(new double[2], new double[3])).ParamName);
        Assert.Equal("gradients", Assert.Throws<ArgumentException>(() => adam.Step(new double[3], new double[4])).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(3, learningRate: 0)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(3, beta1: 1)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(3, beta2: double.NaN)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<double>(3, epsilon: -1)).ParamName);
        Assert.Throws<ArgumentException>(() => adam.Restore(1, [0, 0, 0], [0, -1, 0]));
        Assert.Equal(0, adam.StepCount);
    }

    [Theory]
    [InlineData(1e-3, 0.9, 0.999, 1e-50, "epsilon")]                        // positive as a double, 0 as a float
    [InlineData(1e-3, 0.9, 0.999, 1e39, "epsilon")]                         // +∞ as a float
    [InlineData(1e-50, 0.9, 0.999, 1e-8, "learningRate")]
    [InlineData(1e39, 0.9, 0.999, 1e-8, "learningRate")]
    [InlineData(1e37, 0.999, 0.999, 1e-8, "learningRate")]                  // first step lr / (1 − β1) = 1e40: +∞
    [InlineData(1e-3, 0.999999999, 0.999, 1e-8, "beta1")]                   // rounds to 1 as a float
    [InlineData(1e-3, 0.9, 0.9999999999, 1e-8, "beta2")]
    public void Hyper_parameters_must_stay_valid_after_rounding_to_float(double lr, double beta1, double beta2, double epsilon, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<float>(3, lr, beta1, beta2, epsilon));

        Assert.Equal(name, e.ParamName);
        Assert.Contains("Single", e.Message, StringComparison.Ordinal);
        _ = new Adam<double>(3, lr, beta1, beta2, epsilon);                    // every one is valid as a double
    }

    [Fact]
    public void Smallest_float_epsilon_keeps_parameters_finite()
    {
        var adam = new Adam<float>(2, epsilon: float.Epsilon);                 // the smallest positive float is accepted
        float[] p = [1f, 2f];

        adam.Step(p, [0f, 1e-3f]);

        Assert.Equal(1f, p[0]);                                              // m = 0 for a zero gradient: no step, no NaN
        Assert.True(float.IsFinite(p[1]));
    }

    private static double[] Next(Random random) => [.. Enumerable.Range(0, 7).Select(_ => (2 * random.NextDouble()) - 1)];

    private static void Fill(Span<double> values, Random random)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (2 * random.NextDouble()) - 1;
        }
    }
}
