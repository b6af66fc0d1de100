using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The GRU's SIMD defaults (kernels with <c>Strategy = Simd</c>, <c>GruCells.cs</c>) against the loop kernel of the same
/// sizes called directly (<see cref="GruLoopKernel{TShape, T}"/>): next, cache and step, then dState, dx and dp over the
/// same cache, within 1e-12 relative in double and 1e-5 in float (the Comparison floor rule, per tensor). Within the SIMD
/// path, bit for bit: one-hot equals dense e_index, Step equals Forward, aliasing and accumulation (GruChecks). Argument
/// errors before any write; no allocation; batched sequences (sample by sample for a GRU) equal single sequences bit for
/// bit. The width is this process's; the sizes cover 8-vector blocks, single and overlapping tail vectors, the scalar
/// element-wise tail and G = 3.
/// </summary>
public sealed class GruSimdKernelTests
{
    [Fact]
    public void Simd_agrees_with_the_loop_kernel_double()
    {
        var comparison = new Comparison(1e-12);
        Agree<SimdGru3x5Head4Double, double>(comparison, seed: 1);
        Agree<SimdGru4x17Double, double>(comparison, seed: 2);
        Agree<SimdGru5x33Head7Double, double>(comparison, seed: 3);
        Agree<SimdGru1x1Double, double>(comparison, seed: 4);
        Agree<NoBiasGru5x33Head7Simd.Kernel, double>(comparison, seed: 5);
        Agree<NoBiasGru2x3Simd.Kernel, double>(comparison, seed: 6);
        comparison.AssertAll();
    }

    [Fact]
    public void Simd_agrees_with_the_loop_kernel_float()
    {
        // 1e-5 relative, entries below 1/100 of a tensor's largest held to 1e-5 of that (Comparison.FloatFloorFraction):
        // one step's values, where the SIMD product (fused multiply-adds, the bias added last, TensorPrimitives' σ and
        // tanh) and the loops (bias first, unfused) differ by a few float ulps (u ≈ 6e-8) of a sum of ≤ 38 terms.
        var comparison = new Comparison(1e-5, Comparison.FloatFloorFraction);
        Agree<SimdGru3x5Float, float>(comparison, seed: 11);
        Agree<SimdGru4x17Float, float>(comparison, seed: 12);
        Agree<SimdGru5x33Float, float>(comparison, seed: 13);
        Agree<SimdGru1x1Float, float>(comparison, seed: 14);
        Agree<NoBiasGru4x17FloatSimd.Kernel, float>(comparison, seed: 15);
        comparison.AssertAll();
    }

    [Fact]
    public void Simd_one_hot_step_aliasing_and_accumulation_bit_for_bit()
    {
        GruChecks.BitForBit<SimdGru3x5Head4Double, double>(seed: 21);
        GruChecks.BitForBit<SimdGru3x5Float, float>(seed: 22);
        GruChecks.BitForBit<SimdGru4x17Double, double>(seed: 23);
        GruChecks.BitForBit<SimdGru4x17Float, float>(seed: 24);
        GruChecks.BitForBit<SimdGru5x33Head7Double, double>(seed: 25);
        GruChecks.BitForBit<SimdGru5x33Float, float>(seed: 26);
        GruChecks.BitForBit<SimdGru1x1Double, double>(seed: 27);
        GruChecks.BitForBit<SimdGru1x1Float, float>(seed: 28);
        GruChecks.BitForBit<NoBiasGru5x33Head7Simd.Kernel, double>(seed: 29);
    }

    [Fact]
    public void Simd_wrong_arguments_throw_before_anything_is_written()
    {
        GruChecks.Errors<SimdGru4x17Double>();
        GruChecks.Errors<SimdGru5x33Head7Double>();
    }

    [Fact]
    public void Simd_calls_allocate_nothing() => GruChecks.NoAllocations<SimdGru5x33Head7Double>();

    [Fact]
    public void Batched_sequences_equal_single_sequences_bit_for_bit()
    {
        Batched<SimdGru4x17Double, double>(seed: 31);
        Batched<SimdGru5x33Float, float>(seed: 32);
        Batched<Gru3x4, double>(seed: 33);
    }

    // SIMD (through the contract) against the loop kernel (called directly), dense and every one-hot index: forward
    // (next, cache), step, and the backward over the SIMD cache (dState, dx, dp from zero; dense without dx too).
    private static void Agree<TKernel, T>(Comparison comparison, int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        Assert.Equal(RecurrentCellKind.Gru, TKernel.Kind);
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, c = Recurrent<TKernel, T>.CacheLength, count = GruChecks.ParameterCount<TKernel>();
        string name = typeof(TKernel).Name;
        T[] p = GruChecks.Values<T>(seed, count, 1 / Math.Sqrt(d + TKernel.HiddenSize) + 0.3);
        T[] x = GruChecks.Values<T>(seed + 100, d, 1), state = GruChecks.Values<T>(seed + 200, s, 0.8), dNext = GruChecks.Values<T>(seed + 300, s, 1);
        for (int index = -2; index < d; index++)
        {
            // index −2: dense without dx; −1: dense with dx; ≥ 0: one-hot.
            T[] simdNext = new T[s], simdCache = new T[c], simdStep = new T[s], loopNext = new T[s], loopCache = new T[c], loopStep = new T[s];
            T[] simdState = new T[s], simdDx = new T[index == -1 ? d : 0], simdDp = new T[count];
            T[] loopState = new T[s], loopDx = new T[index == -1 ? d : 0], loopDp = new T[count];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Forward(p, x, state, simdNext, simdCache);
                Recurrent<TKernel, T>.Step(p, x, state, simdStep);
                GruLoopKernel<TKernel, T>.Forward(p, x, state, loopNext, loopCache);
                GruLoopKernel<TKernel, T>.Step(p, x, state, loopStep);
                Recurrent<TKernel, T>.Backward(p, x, simdCache, dNext, simdState, simdDx, simdDp);
                GruLoopKernel<TKernel, T>.Backward(p, x, simdCache, dNext, loopState, loopDx, loopDp);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardOneHot(p, index, state, simdNext, simdCache);
                Recurrent<TKernel, T>.StepOneHot(p, index, state, simdStep);
                GruLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, loopNext, loopCache);
                GruLoopKernel<TKernel, T>.StepOneHot(p, index, state, loopStep);
                Recurrent<TKernel, T>.BackwardOneHot(p, index, simdCache, dNext, simdState, simdDp);
                GruLoopKernel<TKernel, T>.BackwardOneHot(p, index, simdCache, dNext, loopState, loopDp);
            }

            string input = index switch { -2 => "dense, no dx", -1 => "dense", _ => $"one-hot {index}" };
            comparison.Close($"{name} {input} next", Doubles(simdNext), Doubles(loopNext));
            comparison.Close($"{name} {input} cache", Doubles(simdCache), Doubles(loopCache));
            comparison.Close($"{name} {input} step", Doubles(simdStep), Doubles(loopStep));
            comparison.Close($"{name} {input} dState", Doubles(simdState), Doubles(loopState));
            comparison.Close($"{name} {input} dx", Doubles(simdDx), Doubles(loopDx));
            comparison.Close($"{name} {input} dp", Doubles(simdDp), Doubles(loopDp));
        }
    }

    // m = 5 sequences of T = 3 steps in one batched call (forward, then BPTT) against each sequence alone.
    private static void Batched<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Steps = 3, M = 5;
        int d = TKernel.InputSize, h = TKernel.HiddenSize, c = Recurrent<TKernel, T>.CacheLength, count = GruChecks.ParameterCount<TKernel>();
        T[] p = GruChecks.Values<T>(seed, count, 0.5), xs = GruChecks.Values<T>(seed + 1, Steps * M * d, 1);
        T[] initial = GruChecks.Values<T>(seed + 2, M * h, 0.5), dOutputs = GruChecks.Values<T>(seed + 3, Steps * M * h, 1);
        T[] finals = new T[M * h], caches = new T[Steps * M * c], outputs = new T[Steps * M * h];
        T[] dInitial = new T[M * h], dxs = new T[Steps * M * d], dp = new T[count];
        Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, M, initial, finals, caches, outputs);
        Recurrent<TKernel, T>.BpttBatch(p, xs, M, caches, dOutputs, dInitial, dxs, dp);
        T[] dpSum = new T[count];
        for (int b = 0; b < M; b++)
        {
            T[] x1 = new T[Steps * d], dOut1 = new T[Steps * h];
            for (int t = 0; t < Steps; t++)
            {
                xs.AsSpan(((t * M) + b) * d, d).CopyTo(x1.AsSpan(t * d));
                dOutputs.AsSpan(((t * M) + b) * h, h).CopyTo(dOut1.AsSpan(t * h));
            }

            T[] final1 = new T[h], caches1 = new T[Steps * c], outputs1 = new T[Steps * h], dInitial1 = new T[h], dxs1 = new T[Steps * d], dp1 = new T[count];
            Recurrent<TKernel, T>.ForwardSequence(p, x1, initial.AsSpan(b * h, h), final1, caches1, outputs1);
            Recurrent<TKernel, T>.Bptt(p, x1, caches1, dOut1, dInitial1, dxs1, dp1);
            Assert.Equal(final1, finals.AsSpan(b * h, h).ToArray());
            Assert.Equal(dInitial1, dInitial.AsSpan(b * h, h).ToArray());
            for (int t = 0; t < Steps; t++)
            {
                Assert.Equal(outputs1.AsSpan(t * h, h).ToArray(), outputs.AsSpan(((t * M) + b) * h, h).ToArray());
                Assert.Equal(dxs1.AsSpan(t * d, d).ToArray(), dxs.AsSpan(((t * M) + b) * d, d).ToArray());
            }

            for (int k = 0; k < count; k++)
            {
                dpSum[k] += dp1[k];
            }
        }

        // dp of the batch adds the samples' terms step by step (t outer), the single sequences sample by sample: the same
        // terms in another order, so within rounding (1e-12 double, 1e-5 float, as the agreement tests).
        var comparison = typeof(T) == typeof(float) ? new Comparison(1e-5, Comparison.FloatFloorFraction) : new Comparison(1e-12);
        comparison.Close($"{typeof(TKernel).Name} batch dp", Doubles(dp), Doubles(dpSum));
        comparison.AssertAll();
    }

    private static double[] Doubles<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => [.. values.Select(double.CreateTruncating)];
}
