using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The contract's SIMD defaults (kernels with <c>Strategy = Simd</c>: the generated SIMD cells' <c>Kernel</c> and the
/// odd sizes of <c>SimdCells.cs</c>) against the loop kernels of the same sizes, called directly: next state and step
/// cache within 1e-12 relative in double and 1e-4 in float (the Comparison floor rule; see the float test; the SIMD product fuses its
/// multiply-adds and adds the bias last, the loops do neither). Within the SIMD path, bit for bit: one-hot equals dense
/// e_index, the inference step equals the forward step, and next = state (aliased) equals separate buffers. The backward
/// likewise: dState, dx and dp against the loop backward over the same cache at the same tolerances; bit for bit one-hot
/// against dense e_index, dState = dNext against separate buffers, and a second call doubling dp. Argument
/// errors before any write; no allocation. The width the product runs at is this process's (AVX-512 here);
/// LstmGen.SimdWidths.Tests runs the same comparisons in child processes at Vector256, Vector128 and scalar widths.
/// </summary>
public sealed class SimdKernelTests
{
    [Fact]
    public void Simd_forward_and_step_agree_with_the_loop_kernels_double()
    {
        var comparison = new Comparison(1e-12);
        Agree<Lstm10x128Head10Double.Kernel, double>(comparison, seed: 1);
        Agree<SimdLstm3x7Double, double>(comparison, seed: 2);
        Agree<SimdLstm10x15Double, double>(comparison, seed: 3);
        Agree<SimdRnn5x33Double, double>(comparison, seed: 4);
        Agree<SimdLstm1x1Double, double>(comparison, seed: 5);
        Agree<SimdRnn1x1Double, double>(comparison, seed: 6);
        Agree<NoBiasLstm10x15Simd.Kernel, double>(comparison, seed: 7);
        Agree<NoBiasRnn5x33Simd.Kernel, double>(comparison, seed: 8);
        Agree<NoBiasLstm2x3Simd.Kernel, double>(comparison, seed: 9);
        comparison.AssertAll();
    }

    [Fact]
    public void Simd_forward_and_step_agree_with_the_loop_kernels_float()
    {
        // 1e-4, the tolerance Comparison's float floor is designed for, not 1e-5: one step's values are compared here,
        // not sums over a sequence, and with the floor at 1/100 of a scale ~0.4, 1e-5 allows 4e-8, about one float ulp
        // of the scale; the two summation orders (fused, bias last vs. bias first, unfused) differ by up to 3 ulps
        // (measured: scaled errors up to 2.2e-5 for H = 128). A wrong row, column or gate is off by far more.
        var comparison = new Comparison(1e-4, Comparison.FloatFloorFraction);
        Agree<Rnn10x128Head10Float.Kernel, float>(comparison, seed: 11);
        Agree<SimdLstm3x7Float, float>(comparison, seed: 12);
        Agree<SimdRnn10x15Float, float>(comparison, seed: 13);
        Agree<SimdLstm5x33Float, float>(comparison, seed: 14);
        Agree<SimdLstm1x1Float, float>(comparison, seed: 15);
        Agree<SimdRnn1x1Float, float>(comparison, seed: 16);
        comparison.AssertAll();
    }

    [Fact]
    public void Simd_one_hot_equals_dense_and_step_equals_forward_bit_for_bit()
    {
        BitForBit<Lstm10x128Head10Double.Kernel, double>(seed: 21);
        BitForBit<Rnn10x128Head10Float.Kernel, float>(seed: 22);
        BitForBit<SimdLstm3x7Double, double>(seed: 23);
        BitForBit<SimdLstm3x7Float, float>(seed: 24);
        BitForBit<SimdLstm10x15Double, double>(seed: 25);
        BitForBit<SimdRnn10x15Float, float>(seed: 26);
        BitForBit<SimdLstm5x33Float, float>(seed: 27);
        BitForBit<SimdRnn5x33Double, double>(seed: 28);
        BitForBit<SimdLstm1x1Double, double>(seed: 29);
        BitForBit<SimdLstm1x1Float, float>(seed: 30);
        BitForBit<SimdRnn1x1Double, double>(seed: 31);
        BitForBit<SimdRnn1x1Float, float>(seed: 32);
    }

    [Fact]
    public void The_generated_simd_cells_say_simd_and_the_others_loops()
    {
        Assert.Equal(KernelStrategy.Simd, Strategy<Lstm10x128Head10Double.Kernel, double>());
        Assert.Equal(KernelStrategy.Simd, Strategy<Rnn10x128Head10Float.Kernel, float>());
        Assert.Equal(KernelStrategy.Simd, Strategy<Lstm3x7FloatSimd.Kernel, float>());
        Assert.Equal(KernelStrategy.Loops, Strategy<Lstm3x7FloatLoops.Kernel, float>());
        Assert.Equal(KernelStrategy.Loops, Strategy<Lstm3x5Head4, double>());
    }

    [Fact]
    public void Simd_wrong_arguments_throw_before_anything_is_written()
    {
        Errors<SimdLstm10x15Double>();
        Errors<SimdRnn5x33Double>();
    }

    [Fact]
    public void Simd_kernel_calls_allocate_nothing()
    {
        double[] p = Values<double>(1, ParameterCount<SimdLstm10x15Double>(), 0.3);
        double[] x = Values<double>(2, 10, 1), state = Values<double>(3, 30, 0.5), next = new double[30];
        double[] cache = new double[Recurrent<SimdLstm10x15Double, double>.CacheLength];
        float[] pf = Values<float>(4, ParameterCount<Rnn10x128Head10Float.Kernel>(), 0.1);
        float[] xf = Values<float>(5, 10, 1), statef = Values<float>(6, 128, 0.5), cachef = new float[Recurrent<Rnn10x128Head10Float.Kernel, float>.CacheLength];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["LSTM Forward"] = () => Recurrent<SimdLstm10x15Double, double>.Forward(p, x, state, next, cache),
            ["LSTM ForwardOneHot"] = () => Recurrent<SimdLstm10x15Double, double>.ForwardOneHot(p, 3, state, next, cache),
            ["LSTM Step (aliased)"] = () => Recurrent<SimdLstm10x15Double, double>.Step(p, x, next, next),
            ["LSTM StepOneHot"] = () => Recurrent<SimdLstm10x15Double, double>.StepOneHot(p, 3, state, next),
            ["RNN Forward"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.Forward(pf, xf, statef, statef, cachef),
            ["RNN Step"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.Step(pf, xf, statef, statef),
        });
    }

    [Fact]
    public void Simd_backward_agrees_with_the_loop_backward_double()
    {
        var comparison = new Comparison(1e-12);
        BackwardAgree<Lstm10x128Head10Double.Kernel, double>(comparison, seed: 41);
        BackwardAgree<SimdLstm3x7Double, double>(comparison, seed: 42);
        BackwardAgree<SimdLstm10x15Double, double>(comparison, seed: 43);
        BackwardAgree<SimdRnn5x33Double, double>(comparison, seed: 44);
        BackwardAgree<SimdLstm1x1Double, double>(comparison, seed: 45);
        BackwardAgree<SimdRnn1x1Double, double>(comparison, seed: 46);
        comparison.AssertAll();
    }

    [Fact]
    public void Simd_backward_agrees_with_the_loop_backward_float()
    {
        // 1e-4 with the float floor, as the forward test above (the same reason: one step's values, fused multiply-adds
        // and blocked dot products against the loops' sequential unfused sums).
        var comparison = new Comparison(1e-4, Comparison.FloatFloorFraction);
        BackwardAgree<Rnn10x128Head10Float.Kernel, float>(comparison, seed: 51);
        BackwardAgree<SimdLstm3x7Float, float>(comparison, seed: 52);
        BackwardAgree<SimdRnn10x15Float, float>(comparison, seed: 53);
        BackwardAgree<SimdLstm5x33Float, float>(comparison, seed: 54);
        BackwardAgree<SimdLstm1x1Float, float>(comparison, seed: 55);
        BackwardAgree<SimdRnn1x1Float, float>(comparison, seed: 56);
        comparison.AssertAll();
    }

    [Fact]
    public void Simd_backward_one_hot_aliasing_and_accumulation_bit_for_bit()
    {
        BackwardBitForBit<Lstm10x128Head10Double.Kernel, double>(seed: 61);
        BackwardBitForBit<Rnn10x128Head10Float.Kernel, float>(seed: 62);
        BackwardBitForBit<SimdLstm3x7Double, double>(seed: 63);
        BackwardBitForBit<SimdLstm3x7Float, float>(seed: 64);
        BackwardBitForBit<SimdLstm10x15Double, double>(seed: 65);
        BackwardBitForBit<SimdRnn10x15Float, float>(seed: 66);
        BackwardBitForBit<SimdLstm5x33Float, float>(seed: 67);
        BackwardBitForBit<SimdRnn5x33Double, double>(seed: 68);
        BackwardBitForBit<SimdLstm1x1Double, double>(seed: 69);
        BackwardBitForBit<SimdLstm1x1Float, float>(seed: 70);
        BackwardBitForBit<SimdRnn1x1Double, double>(seed: 71);
        BackwardBitForBit<SimdRnn1x1Float, float>(seed: 72);
    }

    [Fact]
    public void Simd_backward_wrong_arguments_throw_before_anything_is_written()
    {
        BackwardErrors<SimdLstm10x15Double>();
        BackwardErrors<SimdRnn5x33Double>();
    }

    [Fact]
    public void Simd_backward_calls_allocate_nothing()
    {
        double[] p = Values<double>(1, ParameterCount<SimdLstm10x15Double>(), 0.3);
        double[] x = Values<double>(2, 10, 1), state = Values<double>(3, 30, 0.5), next = new double[30];
        double[] cache = new double[Recurrent<SimdLstm10x15Double, double>.CacheLength];
        Recurrent<SimdLstm10x15Double, double>.Forward(p, x, state, next, cache);
        double[] dNext = Values<double>(7, 30, 1), dState = new double[30], dx = new double[10], dp = new double[p.Length];
        float[] pf = Values<float>(4, ParameterCount<Rnn10x128Head10Float.Kernel>(), 0.1);
        float[] xf = Values<float>(5, 10, 1), statef = Values<float>(6, 128, 0.5), nextf = new float[128];
        float[] cachef = new float[Recurrent<Rnn10x128Head10Float.Kernel, float>.CacheLength];
        Recurrent<Rnn10x128Head10Float.Kernel, float>.Forward(pf, xf, statef, nextf, cachef);
        float[] dNextf = Values<float>(8, 128, 1), dxf = new float[10], dpf = new float[pf.Length];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["LSTM Backward"] = () => Recurrent<SimdLstm10x15Double, double>.Backward(p, x, cache, dNext, dState, dx, dp),
            ["LSTM BackwardOneHot (aliased)"] = () => Recurrent<SimdLstm10x15Double, double>.BackwardOneHot(p, 3, cache, dState, dState, dp),
            ["RNN Backward (aliased)"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.Backward(pf, xf, cachef, dNextf, dNextf, dxf, dpf),
            ["RNN BackwardOneHot"] = () => Recurrent<Rnn10x128Head10Float.Kernel, float>.BackwardOneHot(pf, 9, cachef, dNextf, statef, dpf),
        });
    }

    // SIMD backward (through the contract) against the loop backward (called directly) over the same cache, for a dense
    // input (with and without dx) and each one-hot index: dState, dx and dp (from zero).
    private static void BackwardAgree<TKernel, T>(Comparison comparison, int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        bool lstm = TKernel.Kind == RecurrentCellKind.Lstm;
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, cacheLength = Recurrent<TKernel, T>.CacheLength;
        int count = ParameterCount<TKernel>();
        string name = typeof(TKernel).Name;
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(d + TKernel.HiddenSize));
        T[] x = Values<T>(seed + 100, d, 1), state = Values<T>(seed + 200, s, 0.5), dNext = Values<T>(seed + 300, s, 1);
        for (int index = -2; index < d; index++)
        {
            // index −2: dense without dx; −1: dense with dx; ≥ 0: one-hot.
            T[] cache = new T[cacheLength], next = new T[s];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Forward(p, x, state, next, cache);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
            }

            T[] simdState = new T[s], simdDx = new T[index == -1 ? d : 0], simdDp = new T[count];
            T[] loopState = new T[s], loopDx = new T[index == -1 ? d : 0], loopDp = new T[count];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Backward(p, x, cache, dNext, simdState, simdDx, simdDp);
                if (lstm)
                {
                    LstmLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, loopState, loopDx, loopDp);
                }
                else
                {
                    RnnLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, loopState, loopDx, loopDp);
                }
            }
            else
            {
                Recurrent<TKernel, T>.BackwardOneHot(p, index, cache, dNext, simdState, simdDp);
                if (lstm)
                {
                    LstmLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, loopState, loopDp);
                }
                else
                {
                    RnnLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, loopState, loopDp);
                }
            }

            string input = index switch { -2 => "dense, no dx", -1 => "dense", _ => $"one-hot {index}" };
            comparison.Close($"{name} {input} dState", Doubles(simdState), Doubles(loopState));
            comparison.Close($"{name} {input} dx", Doubles(simdDx), Doubles(loopDx));
            comparison.Close($"{name} {input} dp", Doubles(simdDp), Doubles(loopDp));
        }
    }

    // Within the SIMD backward, bit for bit: one-hot equals dense e_index (dState, dp); dState = dNext (one buffer) equals
    // separate buffers (dState, dx, dp); two calls into one dp give twice one call's.
    private static void BackwardBitForBit<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, cacheLength = Recurrent<TKernel, T>.CacheLength;
        int count = ParameterCount<TKernel>();
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(d + TKernel.HiddenSize));
        T[] state = Values<T>(seed + 100, s, 0.5), dNext = Values<T>(seed + 200, s, 1);
        for (int index = 0; index < d; index++)
        {
            T[] x = new T[d];
            x[index] = T.One;
            T[] cache = new T[cacheLength], next = new T[s];
            Recurrent<TKernel, T>.Forward(p, x, state, next, cache);
            T[] stateDense = new T[s], dpDense = new T[count], stateOneHot = new T[s], dpOneHot = new T[count];
            Recurrent<TKernel, T>.Backward(p, x, cache, dNext, stateDense, new T[d], dpDense);
            Recurrent<TKernel, T>.BackwardOneHot(p, index, cache, dNext, stateOneHot, dpOneHot);
            Assert.Equal(stateDense, stateOneHot);
            Assert.Equal(dpDense, dpOneHot);
        }

        T[] xs = Values<T>(seed + 300, d, 1), cacheX = new T[cacheLength], nextX = new T[s];
        Recurrent<TKernel, T>.Forward(p, xs, state, nextX, cacheX);
        T[] separate = new T[s], dx = new T[d], dp = new T[count];
        Recurrent<TKernel, T>.Backward(p, xs, cacheX, dNext, separate, dx, dp);
        T[] aliased = (T[])dNext.Clone(), aliasedDx = new T[d], aliasedDp = new T[count];
        Recurrent<TKernel, T>.Backward(p, xs, cacheX, aliased, aliased, aliasedDx, aliasedDp);
        Assert.Equal(separate, aliased);
        Assert.Equal(dx, aliasedDx);
        Assert.Equal(dp, aliasedDp);
        T[] aliasedOneHot = (T[])dNext.Clone(), oneHotState = new T[s], dpOneHotSeparate = new T[count], dpOneHotAliased = new T[count];
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, cacheX, dNext, oneHotState, dpOneHotSeparate);
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, cacheX, aliasedOneHot, aliasedOneHot, dpOneHotAliased);
        Assert.Equal(oneHotState, aliasedOneHot);
        Assert.Equal(dpOneHotSeparate, dpOneHotAliased);

        // Accumulation: a second call into the same dp adds the same gradient again (v + v = 2v exactly, also fused).
        Recurrent<TKernel, T>.Backward(p, xs, cacheX, dNext, separate, dx, dp);
        Assert.Equal(aliasedDp.Select(v => v + v).ToArray(), dp);
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, cacheX, dNext, oneHotState, dpOneHotSeparate);
        Assert.Equal(dpOneHotAliased.Select(v => v + v).ToArray(), dpOneHotSeparate);
    }

    private static void BackwardErrors<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int d = TKernel.InputSize, s = Recurrent<TKernel, double>.StateLength, count = ParameterCount<TKernel>();
        double[] p = new double[count], x = new double[d], dNext = new double[s];
        double[] cache = new double[Recurrent<TKernel, double>.CacheLength];
        double[] dState = [.. Enumerable.Repeat(7.0, s)], dx = [.. Enumerable.Repeat(7.0, d)], dp = [.. Enumerable.Repeat(7.0, count)];

        Assert.Throws<ArgumentException>("p", () => Recurrent<TKernel, double>.Backward(p.AsSpan(1), x, cache, dNext, dState, dx, dp));
        Assert.Throws<ArgumentException>("x", () => Recurrent<TKernel, double>.Backward(p, new double[d + 1], cache, dNext, dState, dx, dp));
        Assert.Throws<ArgumentException>("cache", () => Recurrent<TKernel, double>.Backward(p, x, new double[3], dNext, dState, dx, dp));
        Assert.Throws<ArgumentException>("dNext", () => Recurrent<TKernel, double>.Backward(p, x, cache, new double[s - 1], dState, dx, dp));
        Assert.Throws<ArgumentException>("dState", () => Recurrent<TKernel, double>.Backward(p, x, cache, dNext, dState.AsSpan(1), dx, dp));
        Assert.Throws<ArgumentException>("dx", () => Recurrent<TKernel, double>.Backward(p, x, cache, dNext, dState, dx.AsSpan(1), dp));
        Assert.Throws<ArgumentException>("dp", () => Recurrent<TKernel, double>.Backward(p, x, cache, dNext, dState, dx, dp.AsSpan(1)));
        Assert.Throws<ArgumentException>("dp", () => Recurrent<TKernel, double>.BackwardOneHot(p, 0, cache, dNext, dState, dp.AsSpan(1)));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.BackwardOneHot(p, d, cache, dNext, dState, dp));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.BackwardOneHot(p, -1, cache, dNext, dState, dp));
        Assert.All(dState, v => Assert.Equal(7.0, v));
        Assert.All(dx, v => Assert.Equal(7.0, v));
        Assert.All(dp, v => Assert.Equal(7.0, v));
    }

    private static KernelStrategy Strategy<TKernel, T>()
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> => TKernel.Strategy;

    // SIMD (through the contract) against the loop kernels (called directly) for a dense input, each one-hot index and
    // the inference steps; weights at the usual 1/√(D+H) scale.
    private static void Agree<TKernel, T>(Comparison comparison, int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        bool lstm = TKernel.Kind == RecurrentCellKind.Lstm;
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, cacheLength = Recurrent<TKernel, T>.CacheLength;
        string name = typeof(TKernel).Name;
        T[] p = Values<T>(seed, ParameterCount<TKernel>(), 1 / Math.Sqrt(d + TKernel.HiddenSize));
        T[] x = Values<T>(seed + 100, d, 1), state = Values<T>(seed + 200, s, 0.5);
        for (int index = -1; index < d; index++)
        {
            T[] simdNext = new T[s], simdCache = new T[cacheLength], loopNext = new T[s], loopCache = new T[cacheLength];
            T[] simdStep = new T[s], loopStep = new T[s];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Forward(p, x, state, simdNext, simdCache);
                Recurrent<TKernel, T>.Step(p, x, state, simdStep);
                if (lstm)
                {
                    LstmLoopKernel<TKernel, T>.Forward(p, x, state, loopNext, loopCache);
                    LstmLoopKernel<TKernel, T>.Step(p, x, state, loopStep);
                }
                else
                {
                    RnnLoopKernel<TKernel, T>.Forward(p, x, state, loopNext, loopCache);
                    RnnLoopKernel<TKernel, T>.Step(p, x, state, loopStep);
                }
            }
            else
            {
                Recurrent<TKernel, T>.ForwardOneHot(p, index, state, simdNext, simdCache);
                Recurrent<TKernel, T>.StepOneHot(p, index, state, simdStep);
                if (lstm)
                {
                    LstmLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, loopNext, loopCache);
                    LstmLoopKernel<TKernel, T>.StepOneHot(p, index, state, loopStep);
                }
                else
                {
                    RnnLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, loopNext, loopCache);
                    RnnLoopKernel<TKernel, T>.StepOneHot(p, index, state, loopStep);
                }
            }

            string input = index < 0 ? "dense" : $"one-hot {index}";
            comparison.Close($"{name} {input} next", Doubles(simdNext), Doubles(loopNext));
            comparison.Close($"{name} {input} cache", Doubles(simdCache), Doubles(loopCache));
            comparison.Close($"{name} {input} step", Doubles(simdStep), Doubles(loopStep));
        }
    }

    private static void BitForBit<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(KernelStrategy.Simd, TKernel.Strategy);
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, cacheLength = Recurrent<TKernel, T>.CacheLength;
        T[] p = Values<T>(seed, ParameterCount<TKernel>(), 1 / Math.Sqrt(d + TKernel.HiddenSize));
        T[] state = Values<T>(seed + 100, s, 0.5);
        for (int index = 0; index < d; index++)
        {
            T[] x = new T[d];
            x[index] = T.One;
            T[] nextDense = new T[s], cacheDense = new T[cacheLength], nextOneHot = new T[s], cacheOneHot = new T[cacheLength];
            T[] nextStep = new T[s], nextStepOneHot = new T[s];
            Recurrent<TKernel, T>.Forward(p, x, state, nextDense, cacheDense);
            Recurrent<TKernel, T>.ForwardOneHot(p, index, state, nextOneHot, cacheOneHot);
            Recurrent<TKernel, T>.Step(p, x, state, nextStep);
            Recurrent<TKernel, T>.StepOneHot(p, index, state, nextStepOneHot);
            Assert.Equal(nextDense, nextOneHot);
            Assert.Equal(cacheDense, cacheOneHot);
            Assert.Equal(nextDense, nextStep);
            Assert.Equal(nextDense, nextStepOneHot);
        }

        // A dense input: next = state (one buffer) gives what separate buffers give, forward and step.
        T[] xs = Values<T>(seed + 200, d, 1);
        T[] separate = new T[s], cache = new T[cacheLength], aliasedCache = new T[cacheLength];
        Recurrent<TKernel, T>.Forward(p, xs, state, separate, cache);
        T[] aliased = (T[])state.Clone();
        Recurrent<TKernel, T>.Forward(p, xs, aliased, aliased, aliasedCache);
        Assert.Equal(separate, aliased);
        Assert.Equal(cache, aliasedCache);
        T[] stepAliased = (T[])state.Clone();
        Recurrent<TKernel, T>.Step(p, xs, stepAliased, stepAliased);
        Assert.Equal(separate, stepAliased);
    }

    private static void Errors<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int d = TKernel.InputSize, s = Recurrent<TKernel, double>.StateLength;
        double[] p = new double[ParameterCount<TKernel>()];
        double[] next = [.. Enumerable.Repeat(7.0, s)], cache = [.. Enumerable.Repeat(7.0, Recurrent<TKernel, double>.CacheLength)];
        double[] state = new double[s], x = new double[d];

        Assert.Throws<ArgumentException>("x", () => Recurrent<TKernel, double>.Forward(p, new double[d - 1], state, next, cache));
        Assert.Throws<ArgumentException>("state", () => Recurrent<TKernel, double>.Forward(p, x, new double[s - 1], next, cache));
        Assert.Throws<ArgumentException>("next", () => Recurrent<TKernel, double>.Step(p, x, state, new double[s + 1]));
        Assert.Throws<ArgumentException>("cache", () => Recurrent<TKernel, double>.Forward(p, x, state, next, new double[3]));
        Assert.Throws<ArgumentException>("p", () => Recurrent<TKernel, double>.Forward(p.AsSpan(1), x, state, next, cache));
        Assert.Throws<ArgumentException>("p", () => Recurrent<TKernel, double>.Step(p.AsSpan(1), x, state, next));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.ForwardOneHot(p, d, state, next, cache));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.StepOneHot(p, -1, state, next));
        Assert.All(next, v => Assert.Equal(7.0, v));
        Assert.All(cache, v => Assert.Equal(7.0, v));
    }

    private static int ParameterCount<TKernel>()
        where TKernel : ICellShape => new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias).ParameterCount;

    private static T[] Values<T>(int seed, int count, double scale)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. new ReferenceInit(seed).NextVector(count, scale).Select(T.CreateTruncating)];

    private static double[] Doubles<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => [.. values.Select(double.CreateTruncating)];
}
