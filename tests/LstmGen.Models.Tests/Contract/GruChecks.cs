using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Reference;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Contract;

/// <summary>The checks every GRU kernel strategy must pass through the contract, shared by the loop and SIMD tests.</summary>
internal static class GruChecks
{
    /// <summary>Uniform values in [−scale, scale] from a seed, as <typeparamref name="T"/>.</summary>
    public static T[] Values<T>(int seed, int count, double scale)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. new ReferenceInit(seed).NextVector(count, scale).Select(T.CreateTruncating)];

    public static int ParameterCount<TKernel>()
        where TKernel : ICellShape => new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias).ParameterCount;

    /// <summary>
    /// Bit for bit within one kernel: one-hot equals dense e_index (next, cache, dState, dp); Step and StepOneHot equal
    /// Forward's next; next = state (one buffer) and dState = dNext (one buffer) equal separate buffers; a second backward
    /// into the same dp doubles it.
    /// </summary>
    public static void BitForBit<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(RecurrentCellKind.Gru, TKernel.Kind);
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, c = Recurrent<TKernel, T>.CacheLength, count = ParameterCount<TKernel>();
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(d + TKernel.HiddenSize) + 0.3);
        T[] state = Values<T>(seed + 100, s, 0.8), dNext = Values<T>(seed + 200, s, 1);
        for (int index = 0; index < d; index++)
        {
            T[] x = new T[d];
            x[index] = T.One;
            T[] nextDense = new T[s], cacheDense = new T[c], nextOneHot = new T[s], cacheOneHot = new T[c];
            T[] nextStep = new T[s], nextStepOneHot = new T[s];
            Recurrent<TKernel, T>.Forward(p, x, state, nextDense, cacheDense);
            Recurrent<TKernel, T>.ForwardOneHot(p, index, state, nextOneHot, cacheOneHot);
            Recurrent<TKernel, T>.Step(p, x, state, nextStep);
            Recurrent<TKernel, T>.StepOneHot(p, index, state, nextStepOneHot);
            Assert.Equal(nextDense, nextOneHot);
            Assert.Equal(cacheDense, cacheOneHot);
            Assert.Equal(nextDense, nextStep);
            Assert.Equal(nextDense, nextStepOneHot);

            T[] dStateDense = new T[s], dpDense = new T[count], dStateOneHot = new T[s], dpOneHot = new T[count];
            Recurrent<TKernel, T>.Backward(p, x, cacheDense, dNext, dStateDense, default, dpDense);
            Recurrent<TKernel, T>.BackwardOneHot(p, index, cacheOneHot, dNext, dStateOneHot, dpOneHot);
            Assert.Equal(dStateDense, dStateOneHot);
            Assert.Equal(dpDense, dpOneHot);
        }

        // A dense input: next = state, forward and step; dState = dNext, dense and one-hot.
        T[] xs = Values<T>(seed + 300, d, 1);
        T[] separate = new T[s], cache = new T[c], aliasedCache = new T[c];
        Recurrent<TKernel, T>.Forward(p, xs, state, separate, cache);
        T[] aliased = (T[])state.Clone();
        Recurrent<TKernel, T>.Forward(p, xs, aliased, aliased, aliasedCache);
        Assert.Equal(separate, aliased);
        Assert.Equal(cache, aliasedCache);
        T[] stepAliased = (T[])state.Clone();
        Recurrent<TKernel, T>.Step(p, xs, stepAliased, stepAliased);
        Assert.Equal(separate, stepAliased);
        T[] stepOneHotSeparate = new T[s], stepOneHotAliased = (T[])state.Clone();
        Recurrent<TKernel, T>.StepOneHot(p, d - 1, state, stepOneHotSeparate);
        Recurrent<TKernel, T>.StepOneHot(p, d - 1, stepOneHotAliased, stepOneHotAliased);
        Assert.Equal(stepOneHotSeparate, stepOneHotAliased);

        T[] dState = new T[s], dx = new T[d], dp = new T[count];
        Recurrent<TKernel, T>.Backward(p, xs, cache, dNext, dState, dx, dp);
        T[] carry = (T[])dNext.Clone(), aliasedDx = new T[d], aliasedDp = new T[count];
        Recurrent<TKernel, T>.Backward(p, xs, cache, carry, carry, aliasedDx, aliasedDp);
        Assert.Equal(dState, carry);
        Assert.Equal(dx, aliasedDx);
        Assert.Equal(dp, aliasedDp);
        T[] oneHotState = new T[s], oneHotDp = new T[count], oneHotCarry = (T[])dNext.Clone(), oneHotAliasedDp = new T[count];
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, cache, dNext, oneHotState, oneHotDp);
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, cache, oneHotCarry, oneHotCarry, oneHotAliasedDp);
        Assert.Equal(oneHotState, oneHotCarry);
        Assert.Equal(oneHotDp, oneHotAliasedDp);

        // Accumulation: a second call into the same dp adds the same gradient again (v + v = 2v exactly, also fused).
        Recurrent<TKernel, T>.Backward(p, xs, cache, dNext, dState, dx, dp);
        Assert.Equal(aliasedDp.Select(v => v + v).ToArray(), dp);
    }

    /// <summary>Each wrong length or index throws, naming the argument, with every output buffer untouched.</summary>
    public static void Errors<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int d = TKernel.InputSize, s = Recurrent<TKernel, double>.StateLength, c = Recurrent<TKernel, double>.CacheLength, count = ParameterCount<TKernel>();
        double[] p = new double[count], x = new double[d], state = new double[s], dNext = new double[s];
        double[] next = [.. Enumerable.Repeat(7.0, s)], cache = [.. Enumerable.Repeat(7.0, c)];
        double[] dState = [.. Enumerable.Repeat(7.0, s)], dx = [.. Enumerable.Repeat(7.0, d)], dp = [.. Enumerable.Repeat(7.0, count)];
        double[] goodCache = new double[c];

        Assert.Throws<ArgumentException>("p", () => Recurrent<TKernel, double>.Forward(p.AsSpan(1), x, state, next, cache));
        Assert.Throws<ArgumentException>("x", () => Recurrent<TKernel, double>.Forward(p, new double[d + 1], state, next, cache));
        Assert.Throws<ArgumentException>("state", () => Recurrent<TKernel, double>.Forward(p, x, new double[2 * s], next, cache));
        Assert.Throws<ArgumentException>("next", () => Recurrent<TKernel, double>.Forward(p, x, state, next.AsSpan(1), cache));
        Assert.Throws<ArgumentException>("cache", () => Recurrent<TKernel, double>.Forward(p, x, state, next, cache.AsSpan(1)));
        Assert.Throws<ArgumentException>("cache", () => Recurrent<TKernel, double>.ForwardOneHot(p, 0, state, next, new double[7 * TKernel.HiddenSize]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.ForwardOneHot(p, d, state, next, cache));
        Assert.Throws<ArgumentException>("next", () => Recurrent<TKernel, double>.Step(p, x, state, new double[s + 1]));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.StepOneHot(p, -1, state, next));
        Assert.Throws<ArgumentException>("cache", () => Recurrent<TKernel, double>.Backward(p, x, new double[2 * s], dNext, dState, dx, dp));
        Assert.Throws<ArgumentException>("dNext", () => Recurrent<TKernel, double>.Backward(p, x, goodCache, new double[s - 1], dState, dx, dp));
        Assert.Throws<ArgumentException>("dState", () => Recurrent<TKernel, double>.Backward(p, x, goodCache, dNext, dState.AsSpan(1), dx, dp));
        Assert.Throws<ArgumentException>("dx", () => Recurrent<TKernel, double>.Backward(p, x, goodCache, dNext, dState, dx.AsSpan(1), dp));
        Assert.Throws<ArgumentException>("dp", () => Recurrent<TKernel, double>.Backward(p, x, goodCache, dNext, dState, dx, dp.AsSpan(1)));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<TKernel, double>.BackwardOneHot(p, -1, goodCache, dNext, dState, dp));
        Assert.Throws<ArgumentException>("dp", () => Recurrent<TKernel, double>.BackwardOneHot(p, 0, goodCache, dNext, dState, dp.AsSpan(1)));
        Assert.All(next, v => Assert.Equal(7.0, v));
        Assert.All(cache, v => Assert.Equal(7.0, v));
        Assert.All(dState, v => Assert.Equal(7.0, v));
        Assert.All(dx, v => Assert.Equal(7.0, v));
        Assert.All(dp, v => Assert.Equal(7.0, v));
    }

    /// <summary>Every kernel member and a sequence's forward + BPTT allocate nothing after warm-up.</summary>
    public static void NoAllocations<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int d = TKernel.InputSize, h = TKernel.HiddenSize, c = Recurrent<TKernel, double>.CacheLength, count = ParameterCount<TKernel>();
        const int Steps = 3, Batch = 5;
        double[] p = Values<double>(1, count, 0.4), x = Values<double>(2, d, 1), state = Values<double>(3, h, 0.5), next = new double[h];
        double[] cache = new double[c], dState = new double[h], dx = new double[d], dp = new double[count];
        double[] xs = Values<double>(4, Steps * Batch * d, 1), finals = new double[Batch * h], caches = new double[Steps * Batch * c];
        double[] outputs = new double[Steps * Batch * h], targets = Values<double>(5, Steps * Batch * h, 0.5), dOutputs = new double[Steps * Batch * h];
        double[] dInitial = new double[Batch * h], dxs = new double[Steps * Batch * d];
        var operations = new Dictionary<string, Action>
        {
            ["Forward + Backward (aliased)"] = () =>
            {
                Recurrent<TKernel, double>.Forward(p, x, state, next, cache);
                Recurrent<TKernel, double>.Backward(p, x, cache, next, next, dx, dp);
            },
            ["one-hot Forward + Backward"] = () =>
            {
                Recurrent<TKernel, double>.ForwardOneHot(p, 1, state, next, cache);
                Recurrent<TKernel, double>.BackwardOneHot(p, 1, cache, next, dState, dp);
            },
            ["Step (aliased)"] = () => Recurrent<TKernel, double>.Step(p, x, next, next),
            ["StepOneHot"] = () => Recurrent<TKernel, double>.StepOneHot(p, 2, state, next),
            ["batch forward + MSE + BPTT"] = () =>
            {
                Recurrent<TKernel, double>.ForwardSequenceBatch(p, xs, Batch, default, finals, caches, outputs);
                Losses<TKernel, double>.SquaredError(outputs, targets, dOutputs, BatchReduction.Mean, Batch);
                Recurrent<TKernel, double>.BpttBatch(p, xs, Batch, caches, dOutputs, dInitial, dxs, dp);
            },
        };
        AllocationMeter.AssertNoAllocations(operations, minimumOperations: 5);
    }
}
