using System.Numerics;
using System.Runtime.InteropServices;
using LstmGen.Kernels;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The type-erased adapter <see cref="RecurrentCell{TKernel, T}"/> over three generated cells (LSTM 3→5 without a head in
/// double, SIMD; tanh RNN 3→5 with a head in float, unrolled; LSTM 10→128 with a head in float, SIMD): every member writes the
/// same bits and returns the same value as the direct contract call on the same inputs; wrong arguments throw the same
/// exception (type, parameter name, message) before anything is written; no member allocates after warm-up.
/// </summary>
public sealed class RecurrentCellTests
{
    [Fact]
    public void Lstm_without_head_double_equals_the_contract_bit_for_bit() => AdapterChecks<Lstm3x5Double.Kernel, double>.EqualsContract();

    [Fact]
    public void Rnn_with_head_float_equals_the_contract_bit_for_bit() => AdapterChecks<Rnn3x5Head4Float.Kernel, float>.EqualsContract();

    [Fact]
    public void Lstm_with_head_float_equals_the_contract_bit_for_bit() => AdapterChecks<Lstm10x128Head10Float.Kernel, float>.EqualsContract();

    [Fact]
    public void Sizes_are_the_kernels()
    {
        IRecurrentCell<double> lstm = RecurrentCell<Lstm3x5Double.Kernel, double>.Instance;
        Assert.Equal(new CellLayout(RecurrentCellKind.Lstm, 3, 5), lstm.Layout);
        Assert.Equal((RecurrentCellKind.Lstm, 3, 5, 0), (lstm.Kind, lstm.InputSize, lstm.HiddenSize, lstm.OutputSize));
        Assert.Equal((lstm.Layout.ParameterCount, 10, 35), (lstm.ParameterCount, lstm.StateLength, lstm.CacheLength));
        Assert.Equal(KernelStrategy.Simd, lstm.Strategy); // Auto: 4·5·(3+5) = 160 multiply-adds, above the unroll budget of 64

        IRecurrentCell<float> rnn = RecurrentCell<Rnn3x5Head4Float.Kernel, float>.Instance;
        Assert.Equal(new CellLayout(RecurrentCellKind.TanhRnn, 3, 5, 4), rnn.Layout);
        Assert.Equal((rnn.Layout.ParameterCount, 5, 10), (rnn.ParameterCount, rnn.StateLength, rnn.CacheLength));
        Assert.Equal(KernelStrategy.Loops, rnn.Strategy); // unrolled (5·8 = 40 multiply-adds): its Kernel states no strategy yet
        Assert.Same(rnn, RecurrentCell<Rnn3x5Head4Float.Kernel, float>.Instance);
    }

    [Fact]
    public void Argument_errors_pass_through_unchanged()
    {
        AdapterChecks<Lstm3x5Double.Kernel, double>.ErrorsPassThrough();
        AdapterChecks<Rnn3x5Head4Float.Kernel, float>.ErrorsPassThrough();
    }

    [Fact]
    public void No_member_allocates()
    {
        AdapterChecks<Lstm3x5Double.Kernel, double>.AllocatesNothing();
        AdapterChecks<Lstm10x128Head10Float.Kernel, float>.AllocatesNothing();
    }

    /// <summary>Every member over one set of buffers, through the adapter (<c>cell</c>) or directly (<c>null</c>).</summary>
    private static class AdapterChecks<TKernel, T>
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private static readonly IRecurrentCell<T> Adapter = RecurrentCell<TKernel, T>.Instance;

        private static bool HasHead => TKernel.OutputSize > 0;

        public static void EqualsContract()
        {
            foreach (var (name, run) in Operations())
            {
                Buffers direct = new(seed: 7), adapted = new(seed: 7);
                T expected = run(direct, null), actual = run(adapted, Adapter);
                Assert.True(Bits(expected).SequenceEqual(Bits(actual)), $"{name}: returned {actual}, the contract {expected}.");
                for (int k = 0; k < direct.All.Length; k++)
                {
                    Assert.True(Bits(direct.All[k]).SequenceEqual(Bits(adapted.All[k])), $"{name}: buffer {k} differs from the contract's.");
                }
            }
        }

        public static void ErrorsPassThrough()
        {
            var b = new Buffers(seed: 3);
            var calls = new List<(string Name, Action<IRecurrentCell<T>?> Call)>
            {
                ("Forward, short x", c => Forward(c, b, b.Xs.AsSpan(1, TKernel.InputSize - 1))),
                ("StepOneHot, index D", c => (c is null ? (Action)(() => TKernel.StepOneHot(b.P, TKernel.InputSize, b.State, b.Next)) : () => c.StepOneHot(b.P, TKernel.InputSize, b.State, b.Next))()),
                ("ForwardSequenceBatch, batch 0", c => (c is null ? (Action)(() => Recurrent<TKernel, T>.ForwardSequenceBatch(b.P, b.Xs, 0, b.Initial, b.Final, b.Caches, b.Outputs)) : () => c.ForwardSequenceBatch(b.P, b.Xs, 0, b.Initial, b.Final, b.Caches, b.Outputs))()),
                ("BpttBatch, short dInitial", c => (c is null ? (Action)(() => Recurrent<TKernel, T>.BpttBatch(b.P, b.Xs, Buffers.Batch, b.Caches, b.DOutputs, b.DInitial.AsSpan(1), b.Dxs, b.Dp)) : () => c.BpttBatch(b.P, b.Xs, Buffers.Batch, b.Caches, b.DOutputs, b.DInitial.AsSpan(1), b.Dxs, b.Dp))()),
                ("SquaredError, short targets", c => (c is null ? (Action)(() => Losses<TKernel, T>.SquaredError(b.Outputs, b.Targets.AsSpan(1), b.DOutputs)) : () => c.SquaredError(b.Outputs, b.Targets.AsSpan(1), b.DOutputs))()),
                ("HeadForward", c => (c is null ? (Action)(() => TKernel.HeadForward(b.P, b.H, b.Logits.AsSpan(0, Math.Max(0, TKernel.OutputSize - 1)))) : () => c.HeadForward(b.P, b.H, b.Logits.AsSpan(0, Math.Max(0, TKernel.OutputSize - 1))))()),
                ("CrossEntropy, class V", c => CrossEntropyClasses(c, b, [.. b.Classes[..^1], Math.Max(1, TKernel.OutputSize)])),
            };
            foreach (var (name, call) in calls)
            {
                T[][] before = [.. b.All.Select(a => a.ToArray())];
                Exception expected = Assert.ThrowsAny<Exception>(() => call(null));
                Exception actual = Assert.ThrowsAny<Exception>(() => call(Adapter));
                Assert.Equal(expected.GetType(), actual.GetType());
                Assert.Equal(expected.Message, actual.Message);
                Assert.Equal((expected as ArgumentException)?.ParamName, (actual as ArgumentException)?.ParamName);
                Assert.True(before.Zip(b.All).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second)), $"{name}: a buffer was written before the throw.");
            }
        }

        public static void AllocatesNothing()
        {
            var b = new Buffers(seed: 5);
            AllocationMeter.AssertNoAllocations(
                Operations().ToDictionary(o => o.Name, o => (Action)(() => o.Run(b, Adapter))), minimumOperations: HasHead ? 21 : 16);
        }

        private static T Forward(IRecurrentCell<T>? c, Buffers b, ReadOnlySpan<T> x)
        {
            if (c is null)
            {
                TKernel.Forward(b.P, x, b.State, b.Next, b.Cache);
            }
            else
            {
                c.Forward(b.P, x, b.State, b.Next, b.Cache);
            }

            return T.Zero;
        }

        private static T CrossEntropyClasses(IRecurrentCell<T>? c, Buffers b, int[] classes) => c is null
            ? Losses<TKernel, T>.CrossEntropy(b.P, b.Outputs, classes, b.DOutputs, b.Dp, BatchReduction.Mean, Buffers.Batch)
            : c.CrossEntropy(b.P, b.Outputs, classes, b.DOutputs, b.Dp, BatchReduction.Mean, Buffers.Batch);

        private delegate T Operation(Buffers b, IRecurrentCell<T>? cell);

        private static List<(string Name, Operation Run)> Operations()
        {
            int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, n = Buffers.Steps;
            int cache = TKernel.CacheLength, h = TKernel.HiddenSize;
            var operations = new List<(string, Operation)>
            {
                ("Forward", (b, c) => Forward(c, b, b.X)),
                ("ForwardOneHot", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.ForwardOneHot(b.P, d - 1, b.State, b.Next, b.Cache);
                    }
                    else
                    {
                        c.ForwardOneHot(b.P, d - 1, b.State, b.Next, b.Cache);
                    }

                    return T.Zero;
                }),
                ("Backward", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.Backward(b.P, b.X, b.Cache, b.DNext, b.DState, b.Dx, b.Dp);
                    }
                    else
                    {
                        c.Backward(b.P, b.X, b.Cache, b.DNext, b.DState, b.Dx, b.Dp);
                    }

                    return T.Zero;
                }),
                ("BackwardOneHot", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.BackwardOneHot(b.P, 0, b.Cache, b.DNext, b.DState, b.Dp);
                    }
                    else
                    {
                        c.BackwardOneHot(b.P, 0, b.Cache, b.DNext, b.DState, b.Dp);
                    }

                    return T.Zero;
                }),
                ("Step", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.Step(b.P, b.X, b.State, b.Next);
                    }
                    else
                    {
                        c.Step(b.P, b.X, b.State, b.Next);
                    }

                    return T.Zero;
                }),
                ("StepOneHot", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.StepOneHot(b.P, d - 1, b.State, b.Next);
                    }
                    else
                    {
                        c.StepOneHot(b.P, d - 1, b.State, b.Next);
                    }

                    return T.Zero;
                }),
                ("ForwardSequence", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.ForwardSequence(b.P, b.Xs.AsSpan(0, n * d), b.Initial.AsSpan(0, s), b.Final.AsSpan(0, s), b.Caches.AsSpan(0, n * cache), b.Outputs.AsSpan(0, n * h));
                    }
                    else
                    {
                        c.ForwardSequence(b.P, b.Xs.AsSpan(0, n * d), b.Initial.AsSpan(0, s), b.Final.AsSpan(0, s), b.Caches.AsSpan(0, n * cache), b.Outputs.AsSpan(0, n * h));
                    }

                    return T.Zero;
                }),
                ("ForwardSequence one-hot", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.ForwardSequence(b.P, b.Indices.AsSpan(0, n), b.Initial.AsSpan(0, s), b.Final.AsSpan(0, s), b.Caches.AsSpan(0, n * cache), b.Outputs.AsSpan(0, n * h));
                    }
                    else
                    {
                        c.ForwardSequence(b.P, b.Indices.AsSpan(0, n), b.Initial.AsSpan(0, s), b.Final.AsSpan(0, s), b.Caches.AsSpan(0, n * cache), b.Outputs.AsSpan(0, n * h));
                    }

                    return T.Zero;
                }),
                ("ForwardSequenceBatch", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.ForwardSequenceBatch(b.P, b.Xs, Buffers.Batch, b.Initial, b.Final, b.Caches, b.Outputs);
                    }
                    else
                    {
                        c.ForwardSequenceBatch(b.P, b.Xs, Buffers.Batch, b.Initial, b.Final, b.Caches, b.Outputs);
                    }

                    return T.Zero;
                }),
                ("ForwardSequenceBatch one-hot", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.ForwardSequenceBatch(b.P, b.Indices, Buffers.Batch, default, b.Final, b.Caches, b.Outputs);
                    }
                    else
                    {
                        c.ForwardSequenceBatch(b.P, b.Indices, Buffers.Batch, default, b.Final, b.Caches, b.Outputs);
                    }

                    return T.Zero;
                }),
                ("Bptt", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.Bptt(b.P, b.Xs.AsSpan(0, n * d), b.Caches.AsSpan(0, n * cache), b.DOutputs.AsSpan(0, n * h), b.DInitial.AsSpan(0, s), b.Dxs.AsSpan(0, n * d), b.Dp);
                    }
                    else
                    {
                        c.Bptt(b.P, b.Xs.AsSpan(0, n * d), b.Caches.AsSpan(0, n * cache), b.DOutputs.AsSpan(0, n * h), b.DInitial.AsSpan(0, s), b.Dxs.AsSpan(0, n * d), b.Dp);
                    }

                    return T.Zero;
                }),
                ("Bptt one-hot", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.Bptt(b.P, b.Indices.AsSpan(0, n), b.Caches.AsSpan(0, n * cache), b.DOutputs.AsSpan(0, n * h), b.DInitial.AsSpan(0, s), b.Dp);
                    }
                    else
                    {
                        c.Bptt(b.P, b.Indices.AsSpan(0, n), b.Caches.AsSpan(0, n * cache), b.DOutputs.AsSpan(0, n * h), b.DInitial.AsSpan(0, s), b.Dp);
                    }

                    return T.Zero;
                }),
                ("BpttBatch", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.BpttBatch(b.P, b.Xs, Buffers.Batch, b.Caches, b.DOutputs, b.DInitial, b.Dxs, b.Dp);
                    }
                    else
                    {
                        c.BpttBatch(b.P, b.Xs, Buffers.Batch, b.Caches, b.DOutputs, b.DInitial, b.Dxs, b.Dp);
                    }

                    return T.Zero;
                }),
                ("BpttBatch one-hot", (b, c) =>
                {
                    if (c is null)
                    {
                        Recurrent<TKernel, T>.BpttBatch(b.P, b.Indices, Buffers.Batch, b.Caches, b.DOutputs, b.DInitial, b.Dp);
                    }
                    else
                    {
                        c.BpttBatch(b.P, b.Indices, Buffers.Batch, b.Caches, b.DOutputs, b.DInitial, b.Dp);
                    }

                    return T.Zero;
                }),
                ("SquaredError Sum", (b, c) => c is null ? Losses<TKernel, T>.SquaredError(b.Outputs, b.Targets, b.DOutputs) : c.SquaredError(b.Outputs, b.Targets, b.DOutputs)),
                ("SquaredError Mean", (b, c) => c is null
                    ? Losses<TKernel, T>.SquaredError(b.Outputs, b.Targets, b.DOutputs, BatchReduction.Mean, Buffers.Batch)
                    : c.SquaredError(b.Outputs, b.Targets, b.DOutputs, BatchReduction.Mean, Buffers.Batch)),
            };
            if (HasHead)
            {
                operations.AddRange(
                [
                    ("CrossEntropy by class, Mean", (b, c) => CrossEntropyClasses(c, b, b.Classes)),
                    ("CrossEntropy by distribution, Sum", (b, c) => c is null
                        ? Losses<TKernel, T>.CrossEntropy(b.P, b.Outputs, b.Distributions, b.DOutputs, b.Dp)
                        : c.CrossEntropy(b.P, b.Outputs, b.Distributions, b.DOutputs, b.Dp)),
                    ("HeadForward", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.HeadForward(b.P, b.H, b.Logits);
                    }
                    else
                    {
                        c.HeadForward(b.P, b.H, b.Logits);
                    }

                    return T.Zero;
                }),
                    ("HeadBackward", (b, c) =>
                {
                    if (c is null)
                    {
                        TKernel.HeadBackward(b.P, b.H, b.DLogits, b.Dh, b.Dp);
                    }
                    else
                    {
                        c.HeadBackward(b.P, b.H, b.DLogits, b.Dh, b.Dp);
                    }

                    return T.Zero;
                }),
                    ("Softmax and LogSoftmax", (b, c) =>
                    {
                        if (c is null)
                        {
                            SoftmaxHead<TKernel, T>.Softmax(b.DLogits, b.Logits);
                            SoftmaxHead<TKernel, T>.LogSoftmax(b.DLogits, b.Probabilities);
                        }
                        else
                        {
                            c.Softmax(b.DLogits, b.Logits);
                            c.LogSoftmax(b.DLogits, b.Probabilities);
                        }

                        return T.Zero;
                    }),
                ]);
            }

            return operations;
        }

        private static byte[] Bits(T value) => MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray();

        private static ReadOnlySpan<byte> Bits(T[] values) => MemoryMarshal.AsBytes(values.AsSpan());

        /// <summary>Every buffer of every member, filled from one seed; sequences of <see cref="Steps"/> × <see cref="Batch"/>.</summary>
        private sealed class Buffers
        {
            public const int Steps = 3, Batch = 2;

            public Buffers(int seed)
            {
                var random = new Random(seed);
                int d = TKernel.InputSize, h = TKernel.HiddenSize, v = TKernel.OutputSize, s = Recurrent<TKernel, T>.StateLength;
                int k = Steps * Batch, c = TKernel.CacheLength;
                T[] Fill(int length, double scale = 0.5) => [.. Enumerable.Range(0, length).Select(_ => T.CreateTruncating(scale * ((2 * random.NextDouble()) - 1)))];
                P = Fill(new CellLayout(TKernel.Kind, d, h, v, hasBias: TKernel.HasBias).ParameterCount);
                (X, State, Next, Cache, DNext, DState, Dx) = (Fill(d), Fill(s), Fill(s), Fill(c, 0.9), Fill(s), Fill(s), Fill(d));
                (Xs, Initial, Final, Caches, Outputs, DOutputs, DInitial, Dxs, Targets) =
                    (Fill(k * d), Fill(Batch * s), Fill(Batch * s), Fill(k * c, 0.9), Fill(k * h), Fill(k * h), Fill(Batch * s), Fill(k * d), Fill(k * h));
                (H, Dh, Dp, Logits, DLogits, Probabilities) = (Fill(h), Fill(h), Fill(P.Length), Fill(v), Fill(v, 3), Fill(v));
                Indices = [.. Enumerable.Range(0, k).Select(_ => random.Next(d))];
                Classes = [.. Enumerable.Range(0, k).Select(_ => random.Next(Math.Max(v, 1)))];
                Distributions = new T[k * v];
                for (int row = 0; row < k; row++)
                {
                    double[] weights = [.. Enumerable.Range(0, v).Select(_ => random.NextDouble() + 0.1)];
                    T sum = weights.Aggregate(T.Zero, (total, w) => total + T.CreateTruncating(w));
                    for (int r = 0; r < v; r++)
                    {
                        Distributions[(row * v) + r] = T.CreateTruncating(weights[r]) / sum;
                    }
                }

                All = [P, X, State, Next, Cache, DNext, DState, Dx, Xs, Initial, Final, Caches, Outputs, DOutputs, DInitial, Dxs, Targets, H, Dh, Dp, Logits, DLogits, Probabilities, Distributions];
            }

            public T[] P { get; }

            public T[] X { get; }

            public T[] State { get; }

            public T[] Next { get; }

            public T[] Cache { get; }

            public T[] DNext { get; }

            public T[] DState { get; }

            public T[] Dx { get; }

            public T[] Xs { get; }

            public int[] Indices { get; }

            public T[] Initial { get; }

            public T[] Final { get; }

            public T[] Caches { get; }

            public T[] Outputs { get; }

            public T[] DOutputs { get; }

            public T[] DInitial { get; }

            public T[] Dxs { get; }

            public T[] Targets { get; }

            public int[] Classes { get; }

            public T[] Distributions { get; }

            public T[] H { get; }

            public T[] Dh { get; }

            public T[] Dp { get; }

            public T[] Logits { get; }

            public T[] DLogits { get; }

            public T[] Probabilities { get; }

            public T[][] All { get; }
        }
    }
}
