using System.Numerics;
using LstmGen.Kernels;
using LstmGen.TestCells;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The contract's SIMD batches and head. Batched sequences of a SIMD kernel run the samples in groups of 4 (one pass over
/// the weights per group); a group must give each sample exactly (bit for bit) what the kernel's single steps give. The
/// batched BPTT (weight gradients hoisted out of the reverse loop as GEMMs) must agree with the single backward steps
/// called in the batch's order (t = T−1 … 0, then b = 0 … m−1) to 1e-12 relative in double and 1e-5 normwise in float (its sums
/// run in another order). The expected values are those single steps, called one by one here; m = 6 and 9 cover a group
/// plus a remainder run one by one, and m = 8 two groups. The SIMD head
/// against the loop head (<see cref="SoftmaxHead{TShape, T}"/>, called directly): 1e-12 relative in double, 1e-4 with
/// the float floor in float (see <see cref="SimdKernelTests"/>: one step's values, fused multiply-adds and partial sums
/// against sequential unfused sums).
/// </summary>
public sealed class SimdBatchAndHeadTests
{
    private const int Steps = 3;

    [Fact]
    public void Simd_batches_equal_the_single_steps_bit_for_bit()
    {
        foreach (int m in new[] { 6, 8, 9 })
        {
            BatchEqualsSingleSteps<Lstm10x128Head10Double.Kernel, double>(m, seed: 1);
            BatchEqualsSingleSteps<Rnn10x128Head10Float.Kernel, float>(m, seed: 2);
            BatchEqualsSingleSteps<SimdLstm3x7Float, float>(m, seed: 3);
            BatchEqualsSingleSteps<SimdLstm10x15Double, double>(m, seed: 4);
            BatchEqualsSingleSteps<SimdRnn10x15Float, float>(m, seed: 5);
            BatchEqualsSingleSteps<SimdLstm5x33Float, float>(m, seed: 6);
            BatchEqualsSingleSteps<SimdRnn5x33Double, double>(m, seed: 7);
            BatchEqualsSingleSteps<SimdLstm1x1Float, float>(m, seed: 8);
            BatchEqualsSingleSteps<SimdRnn1x1Double, double>(m, seed: 9);
            BatchEqualsSingleSteps<NoBiasLstm10x15Simd.Kernel, double>(m, seed: 10);
            BatchEqualsSingleSteps<NoBiasLstm5x33FloatSimd.Kernel, float>(m, seed: 11);
            BatchEqualsSingleSteps<NoBiasRnn5x33Simd.Kernel, double>(m, seed: 12);
            BatchEqualsSingleSteps<NoBiasLstm2x3Simd.Kernel, double>(m, seed: 13);
        }
    }

    [Fact]
    public void Simd_head_agrees_with_the_loop_head()
    {
        var doubles = new Comparison(1e-12);
        HeadAgrees<Lstm10x128Head10Double.Kernel, double>(doubles, seed: 21);
        HeadAgrees<SimdRnn3x7Head3Double, double>(doubles, seed: 22);
        doubles.AssertAll();
        var floats = new Comparison(1e-4, Comparison.FloatFloorFraction);
        HeadAgrees<Rnn10x128Head10Float.Kernel, float>(floats, seed: 23);
        HeadAgrees<SimdLstm5x33Head17Float, float>(floats, seed: 24);
        HeadAgrees<SimdLstm2x3Head2Float, float>(floats, seed: 25);
        floats.AssertAll();
    }

    [Fact]
    public void Simd_head_wrong_arguments_throw_before_anything_is_written()
    {
        int h = SimdRnn3x7Head3Double.HiddenSize, v = SimdRnn3x7Head3Double.OutputSize, count = ParameterCount<SimdRnn3x7Head3Double>();
        double[] p = new double[count], hidden = new double[h];
        double[] logits = [.. Enumerable.Repeat(7.0, v)], dh = [.. Enumerable.Repeat(7.0, h)], dp = [.. Enumerable.Repeat(7.0, count)];
        Assert.Throws<ArgumentException>("logits", () => Recurrent<SimdRnn3x7Head3Double, double>.HeadForward(p, hidden, logits.AsSpan(1)));
        Assert.Throws<ArgumentException>("h", () => Recurrent<SimdRnn3x7Head3Double, double>.HeadForward(p, hidden.AsSpan(1), logits));
        Assert.Throws<ArgumentException>("dh", () => Recurrent<SimdRnn3x7Head3Double, double>.HeadBackward(p, hidden, new double[v], dh.AsSpan(1), dp));
        Assert.Throws<ArgumentException>("dp", () => Recurrent<SimdRnn3x7Head3Double, double>.HeadBackward(p, hidden, new double[v], dh, dp.AsSpan(1)));
        Assert.Throws<NotSupportedException>(() => Recurrent<SimdLstm3x7Float, float>.HeadForward(new float[ParameterCount<SimdLstm3x7Float>()], new float[7], new float[1]));
        Assert.All(logits, value => Assert.Equal(7.0, value));
        Assert.All(dh, value => Assert.Equal(7.0, value));
        Assert.All(dp, value => Assert.Equal(7.0, value));
    }

    [Fact]
    public void Simd_batches_and_head_allocate_nothing()
    {
        const int M = 8;
        int s = Recurrent<Rnn10x128Head10Float.Kernel, float>.StateLength, c = Recurrent<Rnn10x128Head10Float.Kernel, float>.CacheLength, h = 128;
        float[] p = Values<float>(1, ParameterCount<Rnn10x128Head10Float.Kernel>(), 0.1);
        float[] xs = Values<float>(2, Steps * M * 10, 1), final = new float[M * s], caches = new float[Steps * M * c];
        float[] outputs = new float[Steps * M * h], dOutputs = Values<float>(3, Steps * M * h, 1), dInitial = new float[M * s];
        float[] dxs = new float[xs.Length], dp = new float[p.Length], logits = new float[10];
        int[] indices = [.. Enumerable.Range(0, Steps * M).Select(k => k % 10)];
        int ls = Recurrent<Lstm10x128Head10Double.Kernel, double>.StateLength, lc = Recurrent<Lstm10x128Head10Double.Kernel, double>.CacheLength;
        double[] lp = Values<double>(4, ParameterCount<Lstm10x128Head10Double.Kernel>(), 0.1), lFinal = new double[M * ls], lCaches = new double[Steps * M * lc];
        double[] lOutputs = new double[Steps * M * h], lDOutputs = new double[Steps * M * h], lDInitial = new double[M * ls], lDp = new double[lp.Length];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["LSTM ForwardSequenceBatch (one-hot)"] = () => Recurrent<Lstm10x128Head10Double.Kernel, double>.ForwardSequenceBatch(lp, indices, M, default, lFinal, lCaches, lOutputs),
            ["LSTM CrossEntropy (batch)"] = () => Losses<Lstm10x128Head10Double.Kernel, double>.CrossEntropy(lp, lOutputs, indices, lDOutputs, lDp, BatchReduction.Sum, M),
            ["LSTM BpttBatch (one-hot)"] = () => Recurrent<Lstm10x128Head10Double.Kernel, double>.BpttBatch(lp, indices, M, lCaches, lDOutputs, lDInitial, lDp),
            ["ForwardSequenceBatch"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.ForwardSequenceBatch(p, xs, M, default, final, caches, outputs),
            ["ForwardSequenceBatch (one-hot)"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.ForwardSequenceBatch(p, indices, M, default, final, caches, outputs),
            ["BpttBatch"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.BpttBatch(p, xs, M, caches, dOutputs, dInitial, dxs, dp),
            ["BpttBatch (one-hot)"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.BpttBatch(p, indices, M, caches, dOutputs, dInitial, dp),
            ["HeadForward"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.HeadForward(p, outputs.AsSpan(0, h), logits),
            ["HeadBackward"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.HeadBackward(p, outputs.AsSpan(0, h), logits, dOutputs.AsSpan(0, h), dp),
        });
    }

    // Dense inputs (BPTT with and without dxs) and one-hot inputs, from non-zero initial states: the batch against the
    // single steps (the forward exactly).
    internal static void BatchEqualsSingleSteps<TKernel, T>(int m, int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        int d = TKernel.InputSize, h = TKernel.HiddenSize, s = Recurrent<TKernel, T>.StateLength, c = Recurrent<TKernel, T>.CacheLength;
        int count = ParameterCount<TKernel>(), n = Steps * m;
        string name = $"{typeof(TKernel).Name}, m = {m}";
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(d + h));
        T[] xs = Values<T>(seed + 100, n * d, 1), initial = Values<T>(seed + 200, m * s, 0.5), dOutputs = Values<T>(seed + 300, n * h, 1);
        int[] indices = [.. Enumerable.Range(0, n).Select(k => ((k * 7) + seed) % d)];
        foreach (bool oneHot in new[] { false, true })
        {
            // Expected: the single steps, sequence by sequence within each step.
            T[] states = [.. initial], caches = new T[n * c], outputs = new T[n * h];
            for (int t = 0; t < Steps; t++)
            {
                for (int b = 0; b < m; b++)
                {
                    int k = (t * m) + b;
                    Span<T> state = states.AsSpan(b * s, s);
                    if (oneHot)
                    {
                        Recurrent<TKernel, T>.ForwardOneHot(p, indices[k], state, state, caches.AsSpan(k * c, c));
                    }
                    else
                    {
                        Recurrent<TKernel, T>.Forward(p, xs.AsSpan(k * d, d), state, state, caches.AsSpan(k * c, c));
                    }

                    state[..h].CopyTo(outputs.AsSpan(k * h, h));
                }
            }

            T[] batchFinal = new T[m * s], batchCaches = new T[n * c], batchOutputs = new T[n * h];
            if (oneHot)
            {
                Recurrent<TKernel, T>.ForwardSequenceBatch(p, indices, m, initial, batchFinal, batchCaches, batchOutputs);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, m, initial, batchFinal, batchCaches, batchOutputs);
            }

            string input = oneHot ? "one-hot" : "dense";
            Assert.True(states.AsSpan().SequenceEqual(batchFinal), $"{name}, {input}: final states");
            Assert.True(caches.AsSpan().SequenceEqual(batchCaches), $"{name}, {input}: caches");
            Assert.True(outputs.AsSpan().SequenceEqual(batchOutputs), $"{name}, {input}: outputs");

            foreach (bool withDx in oneHot ? new[] { false } : [false, true])
            {
                T[] carries = new T[m * s], dxs = new T[withDx ? n * d : 0], dp = new T[count];
                for (int t = Steps - 1; t >= 0; t--)
                {
                    for (int b = 0; b < m; b++)
                    {
                        int k = (t * m) + b;
                        Span<T> carry = carries.AsSpan(b * s, s);
                        for (int j = 0; j < h; j++)
                        {
                            carry[j] += dOutputs[(k * h) + j];
                        }

                        if (oneHot)
                        {
                            Recurrent<TKernel, T>.BackwardOneHot(p, indices[k], caches.AsSpan(k * c, c), carry, carry, dp);
                        }
                        else
                        {
                            Recurrent<TKernel, T>.Backward(p, xs.AsSpan(k * d, d), caches.AsSpan(k * c, c), carry, carry, withDx ? dxs.AsSpan(k * d, d) : default, dp);
                        }
                    }
                }

                T[] batchInitial = new T[m * s], batchDxs = new T[dxs.Length], batchDp = new T[count];
                if (oneHot)
                {
                    Recurrent<TKernel, T>.BpttBatch(p, indices, m, caches, dOutputs, batchInitial, batchDp);
                }
                else
                {
                    Recurrent<TKernel, T>.BpttBatch(p, xs, m, caches, dOutputs, batchInitial, batchDxs, batchDp);
                }

                // The batched BPTT hoists the weight gradients out of the reverse loop (BatchedBackward): its sums run in
                // another order than the single steps' column passes, so they agree to rounding, the issue's bound. Float
                // is compared normwise (error / the tensor's largest value): a float sum of G terms of the tensor's scale
                // carries an error of order √G·ε·scale (1e-6 of the scale for G = 516) whatever the element's own size,
                // so an element far below the scale cannot be held to 1e-5 of itself by either side.
                string backward = $"{name}, {input}{(withDx ? ", with dx" : string.Empty)}";
                var comparison = typeof(T) == typeof(double) ? new Comparison(1e-12) : new Comparison(1e-5, floorFraction: 1.0);
                comparison.Close($"{backward}: initial-state gradients", AsDoubles(batchInitial), AsDoubles(carries));
                comparison.Close($"{backward}: input gradients", AsDoubles(batchDxs), AsDoubles(dxs));
                comparison.Close($"{backward}: parameter gradients", AsDoubles(batchDp), AsDoubles(dp));
                comparison.AssertAll();
            }
        }
    }

    private static double[] AsDoubles<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => [.. values.Select(double.CreateChecked)];

    private static void HeadAgrees<TKernel, T>(Comparison comparison, int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        int h = TKernel.HiddenSize, v = TKernel.OutputSize, count = ParameterCount<TKernel>();
        string name = typeof(TKernel).Name;
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(h)), hidden = Values<T>(seed + 100, h, 1), dLogits = Values<T>(seed + 200, v, 1);
        T[] dp0 = Values<T>(seed + 300, count, 1);
        T[] simdLogits = new T[v], loopLogits = new T[v];
        Recurrent<TKernel, T>.HeadForward(p, hidden, simdLogits);
        SoftmaxHead<TKernel, T>.Forward(p, hidden, loopLogits);
        T[] simdDh = new T[h], loopDh = new T[h], simdDp = [.. dp0], loopDp = [.. dp0];
        Recurrent<TKernel, T>.HeadBackward(p, hidden, dLogits, simdDh, simdDp);
        SoftmaxHead<TKernel, T>.Backward(p, hidden, dLogits, loopDh, loopDp);
        comparison.Close($"{name} logits", Doubles(simdLogits), Doubles(loopLogits));
        comparison.Close($"{name} dh", Doubles(simdDh), Doubles(loopDh));
        comparison.Close($"{name} dp", Doubles(simdDp), Doubles(loopDp));
    }

    private static int ParameterCount<TKernel>()
        where TKernel : ICellShape => new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias).ParameterCount;

    private static T[] Values<T>(int seed, int count, double scale)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. new ReferenceInit(seed).NextVector(count, scale).Select(T.CreateTruncating)];

    private static double[] Doubles<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => [.. values.Select(double.CreateTruncating)];
}
