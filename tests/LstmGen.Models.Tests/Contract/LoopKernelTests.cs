using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using LstmGen.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The generic loop kernels behind the cell contract (<see cref="IRecurrentKernel{TSelf, T}"/>), driven only through the
/// contract: a three-step sequence with a softmax head and cross-entropy, forward then BPTT, against the independent
/// MathNet reference (loss, every parameter gradient, dx_t, dh0, dc0) to 1e-12 relative (the Comparison floor rule);
/// one-hot against dense e_index and the inference step against the forward step, bit for bit; argument errors before
/// any write; no allocation.
/// </summary>
public sealed class LoopKernelTests
{
    private const double Tolerance = 1e-12;
    private static readonly int[] Classes = [2, 0, 3];

    [Fact]
    public void Lstm_sequence_with_head_matches_the_reference()
    {
        ReferenceLstm reference = new ReferenceInit(seed: 11).NextLstm(3, 5, 4);
        var init = new ReferenceInit(seed: 12);
        Vector<double>[] xs = init.NextSequence(Classes.Length, 3);
        Vector<double> h0 = init.NextVector(5, 0.5), c0 = init.NextVector(5, 0.5);
        LstmGradients expected = reference.Backward(xs, new ClassIndexTargets(Classes), h0, c0);

        double[] p = ContractLayouts.Flatten(reference);
        Run<Lstm3x5Head4> run = Run<Lstm3x5Head4>.Train(p, xs.Select(x => x.ToArray()).ToArray(), [.. h0, .. c0], Classes);

        var comparison = new Comparison(Tolerance);
        comparison.Scalar("loss", run.Loss, expected.Loss);
        comparison.Close("dθ", run.Dp, ContractLayouts.Flatten(expected.Parameters));
        for (int t = 0; t < xs.Length; t++)
        {
            comparison.Close($"dx[{t}]", run.Dx[t], expected.DX[t].ToArray());
        }

        comparison.Close("dh0", run.DState[..5], expected.DH0.ToArray());
        comparison.Close("dc0", run.DState[5..], expected.DC0.ToArray());
        comparison.AssertAll();
    }

    [Fact]
    public void Rnn_sequence_with_head_matches_the_reference()
    {
        ReferenceRnn reference = new ReferenceInit(seed: 21).NextRnn(3, 5, 4);
        var init = new ReferenceInit(seed: 22);
        Vector<double>[] xs = init.NextSequence(Classes.Length, 3);
        Vector<double> h0 = init.NextVector(5, 0.5);
        RnnGradients expected = reference.Backward(xs, new ClassIndexTargets(Classes), h0);

        double[] p = ContractLayouts.Flatten(reference);
        Run<Rnn3x5Head4> run = Run<Rnn3x5Head4>.Train(p, xs.Select(x => x.ToArray()).ToArray(), [.. h0], Classes);

        var comparison = new Comparison(Tolerance);
        comparison.Scalar("loss", run.Loss, expected.Loss);
        comparison.Close("dθ", run.Dp, ContractLayouts.Flatten(expected.Parameters));
        for (int t = 0; t < xs.Length; t++)
        {
            comparison.Close($"dx[{t}]", run.Dx[t], expected.DX[t].ToArray());
        }

        comparison.Close("dh0", run.DState, expected.DH0.ToArray());
        comparison.AssertAll();
    }

    [Fact]
    public void One_hot_equals_dense_e_index_and_step_equals_forward_bit_for_bit()
    {
        OneHotAndStep<Lstm3x5Head4>(ContractLayouts.Flatten(new ReferenceInit(seed: 31).NextLstm(3, 5, 4)));
        OneHotAndStep<Rnn3x5Head4>(ContractLayouts.Flatten(new ReferenceInit(seed: 32).NextRnn(3, 5, 4)));
    }

    [Fact]
    public void Wrong_arguments_throw_before_anything_is_written()
    {
        int s = LstmLoopKernel<Lstm3x5Head4, double>.StateLength;
        double[] p = new double[new CellLayout(RecurrentCellKind.Lstm, 3, 5, 4).ParameterCount];
        double[] next = [.. Enumerable.Repeat(7.0, s)], cache = [.. Enumerable.Repeat(7.0, Recurrent<Lstm3x5Head4, double>.CacheLength)];
        double[] state = new double[s], x = new double[3];

        Assert.Throws<ArgumentException>("x", () => Recurrent<Lstm3x5Head4, double>.Forward(p, new double[2], state, next, cache));
        Assert.Throws<ArgumentException>("state", () => Recurrent<Lstm3x5Head4, double>.Forward(p, x, new double[5], next, cache));
        Assert.Throws<ArgumentException>("cache", () => Recurrent<Lstm3x5Head4, double>.Forward(p, x, state, next, new double[3]));
        Assert.Throws<ArgumentException>("p", () => Recurrent<Lstm3x5Head4, double>.Forward(p.AsSpan(1), x, state, next, cache));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<Lstm3x5Head4, double>.ForwardOneHot(p, 3, state, next, cache));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Recurrent<Lstm3x5Head4, double>.StepOneHot(p, -1, state, next));
        Assert.Throws<ArgumentException>("dx", () => Recurrent<Lstm3x5Head4, double>.Backward(p, x, cache, state, new double[s], new double[2], new double[p.Length]));
        Assert.All(next, v => Assert.Equal(7.0, v));
        Assert.All(cache, v => Assert.Equal(7.0, v));
    }

    [Fact]
    public void Kernel_calls_allocate_nothing()
    {
        double[] p = ContractLayouts.Flatten(new ReferenceInit(seed: 41).NextLstm(3, 5, 4));
        double[] x = [0.5, -1, 2], state = new double[10], next = new double[10], cache = new double[Recurrent<Lstm3x5Head4, double>.CacheLength];
        double[] dState = new double[10], dx = new double[3], dp = new double[p.Length], logits = new double[4], dh = new double[5];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["Forward + Backward"] = () =>
            {
                Recurrent<Lstm3x5Head4, double>.Forward(p, x, state, next, cache);
                Recurrent<Lstm3x5Head4, double>.Backward(p, x, cache, next, dState, dx, dp);
            },
            ["one-hot Forward + Backward"] = () =>
            {
                Recurrent<Lstm3x5Head4, double>.ForwardOneHot(p, 1, state, next, cache);
                Recurrent<Lstm3x5Head4, double>.BackwardOneHot(p, 1, cache, next, dState, dp);
            },
            ["Step"] = () => Recurrent<Lstm3x5Head4, double>.Step(p, x, state, next),
            ["head"] = () =>
            {
                Recurrent<Lstm3x5Head4, double>.HeadForward(p, next.AsSpan(0, 5), logits);
                Recurrent<Lstm3x5Head4, double>.HeadBackward(p, next.AsSpan(0, 5), logits, dh, dp);
            },
        });
    }

    private static void OneHotAndStep<TKernel>(double[] p)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int s = TKernel.Kind == RecurrentCellKind.Lstm ? 2 * TKernel.HiddenSize : TKernel.HiddenSize;
        double[] state = [.. new ReferenceInit(seed: 33).NextVector(s, 0.5)];
        for (int index = 0; index < TKernel.InputSize; index++)
        {
            double[] x = new double[TKernel.InputSize];
            x[index] = 1;
            double[] nextDense = new double[s], cacheDense = new double[Recurrent<TKernel, double>.CacheLength];
            double[] nextOneHot = new double[s], cacheOneHot = new double[Recurrent<TKernel, double>.CacheLength];
            double[] nextStep = new double[s], nextStepOneHot = new double[s];
            Recurrent<TKernel, double>.Forward(p, x, state, nextDense, cacheDense);
            Recurrent<TKernel, double>.ForwardOneHot(p, index, state, nextOneHot, cacheOneHot);
            Recurrent<TKernel, double>.Step(p, x, state, nextStep);
            Recurrent<TKernel, double>.StepOneHot(p, index, state, nextStepOneHot);
            Assert.Equal(nextDense, nextOneHot);
            Assert.Equal(cacheDense, cacheOneHot);
            Assert.Equal(nextDense, nextStep);
            Assert.Equal(nextDense, nextStepOneHot);

            double[] dNext = [.. new ReferenceInit(seed: 34 + index).NextVector(s)];
            double[] dStateDense = new double[s], dStateOneHot = new double[s];
            double[] dpDense = new double[p.Length], dpOneHot = new double[p.Length];
            Recurrent<TKernel, double>.Backward(p, x, cacheDense, dNext, dStateDense, default, dpDense);
            Recurrent<TKernel, double>.BackwardOneHot(p, index, cacheOneHot, dNext, dStateOneHot, dpOneHot);
            Assert.Equal(dStateDense, dStateOneHot);
            Assert.Equal(dpDense, dpOneHot);
        }
    }

    /// <summary>One forward pass and BPTT of a sequence through the contract alone, cross-entropy at every step.</summary>
    private sealed record Run<TKernel>(double Loss, double[] Dp, double[][] Dx, double[] DState)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        public static Run<TKernel> Train(double[] p, double[][] xs, double[] initial, int[] classes)
        {
            int steps = xs.Length, s = initial.Length, h = TKernel.HiddenSize, v = TKernel.OutputSize;
            double[][] states = new double[steps + 1][], caches = new double[steps][], dLogits = new double[steps][];
            states[0] = initial;
            double loss = 0;
            for (int t = 0; t < steps; t++)
            {
                states[t + 1] = new double[s];
                caches[t] = new double[Recurrent<TKernel, double>.CacheLength];
                Recurrent<TKernel, double>.Forward(p, xs[t], states[t], states[t + 1], caches[t]);
                double[] logits = new double[v];
                Recurrent<TKernel, double>.HeadForward(p, states[t + 1].AsSpan(0, h), logits);
                (double stepLoss, dLogits[t]) = CrossEntropy(logits, classes[t]);
                loss += stepLoss;
            }

            double[] dp = new double[p.Length], carry = new double[s];
            double[][] dx = new double[steps][];
            for (int t = steps - 1; t >= 0; t--)
            {
                double[] dNext = (double[])carry.Clone(), dh = new double[h];
                Recurrent<TKernel, double>.HeadBackward(p, states[t + 1].AsSpan(0, h), dLogits[t], dh, dp);
                for (int j = 0; j < h; j++)
                {
                    dNext[j] += dh[j];
                }

                dx[t] = new double[TKernel.InputSize];
                Recurrent<TKernel, double>.Backward(p, xs[t], caches[t], dNext, carry, dx[t], dp);
            }

            return new Run<TKernel>(loss, dp, dx, carry);
        }

        // −log softmax(logits)[target] and its gradient softmax − e_target, max-shifted.
        private static (double Loss, double[] DLogits) CrossEntropy(double[] logits, int target)
        {
            double max = logits.Max();
            double sum = logits.Sum(z => Math.Exp(z - max));
            double[] d = [.. logits.Select(z => Math.Exp(z - max) / sum)];
            d[target] -= 1;
            return (Math.Log(sum) + max - logits[target], d);
        }
    }
}
