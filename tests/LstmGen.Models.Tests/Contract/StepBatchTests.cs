using System.Numerics;
using LstmGen.Kernels;
using LstmGen.TestCells;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// Batched inference without caches (<see cref="Recurrent{TKernel, T}.StepBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T})"/>):
/// each sample's next state equals the kernel's own single <c>Step</c> / <c>StepOneHot</c> on that sample, exactly
/// (tolerance 0): the samples that run alone run that very step, and a SIMD LSTM's or RNN's groups of 4 run the same
/// operations per sample in the same order (the 4-sample gate product sums each row as the single one does). Every kind,
/// both strategies, both precisions, H = 1, 7, 33, 129 (the gate rows' vector tails) and m = 1, 3, 4, 5, 31, 33 (no
/// whole group, one group, groups plus 1 or 3 alone), dense and one-hot, into a separate next buffer and in place.
/// </summary>
public sealed class StepBatchTests
{
    private static readonly int[] Batches = [1, 3, 4, 5, 31, 33];

    private static readonly Dictionary<string, Action<int, bool>> Cells = new()
    {
        ["lstm simd H1 double"] = Check<StepBatchKernel<LstmKind, SimdStrategy, H1, double>, double>,
        ["lstm simd H7 float"] = Check<StepBatchKernel<LstmKind, SimdStrategy, H7, float>, float>,
        ["lstm simd H33 double"] = Check<StepBatchKernel<LstmKind, SimdStrategy, H33, double>, double>,
        ["lstm simd H129 float"] = Check<StepBatchKernel<LstmKind, SimdStrategy, H129, float>, float>,
        ["lstm simd H129 double"] = Check<StepBatchKernel<LstmKind, SimdStrategy, H129, double>, double>,
        ["lstm loops H7 double"] = Check<StepBatchKernel<LstmKind, LoopsStrategy, H7, double>, double>,
        ["lstm loops H33 float"] = Check<StepBatchKernel<LstmKind, LoopsStrategy, H33, float>, float>,
        ["rnn simd H1 float"] = Check<StepBatchKernel<RnnKind, SimdStrategy, H1, float>, float>,
        ["rnn simd H7 double"] = Check<StepBatchKernel<RnnKind, SimdStrategy, H7, double>, double>,
        ["rnn simd H33 float"] = Check<StepBatchKernel<RnnKind, SimdStrategy, H33, float>, float>,
        ["rnn simd H129 double"] = Check<StepBatchKernel<RnnKind, SimdStrategy, H129, double>, double>,
        ["rnn loops H129 float"] = Check<StepBatchKernel<RnnKind, LoopsStrategy, H129, float>, float>,
        ["gru simd H7 float"] = Check<StepBatchKernel<GruKind, SimdStrategy, H7, float>, float>,
        ["gru simd H33 double"] = Check<StepBatchKernel<GruKind, SimdStrategy, H33, double>, double>,
        ["gru simd H129 float"] = Check<StepBatchKernel<GruKind, SimdStrategy, H129, float>, float>,
        ["gru loops H1 double"] = Check<StepBatchKernel<GruKind, LoopsStrategy, H1, double>, double>,
        ["gru loops H129 double"] = Check<StepBatchKernel<GruKind, LoopsStrategy, H129, double>, double>,
    };

    public static TheoryData<string, int, bool> Cases()
    {
        var cases = new TheoryData<string, int, bool>();
        foreach (string cell in Cells.Keys)
        {
            foreach (int m in Batches)
            {
                cases.Add(cell, m, false);
                cases.Add(cell, m, true);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_sample_equals_the_kernels_single_step(string cell, int batchSize, bool oneHot) => Cells[cell](batchSize, oneHot);

    [Fact]
    public void The_generated_facade_and_the_adapter_step_a_batch_as_their_single_steps()
    {
        var p = new Lstm10x15DoubleSimd.Parameters();
        Fill(p.AsSpan(), new Random(3), 0.5);
        var random = new Random(4);
        var inputs = new Vec10<double>[9];
        var states = new Lstm10x15DoubleSimd.State[9];
        int[] indices = [.. Enumerable.Range(0, 9).Select(_ => random.Next(10))];
        for (int b = 0; b < 9; b++)
        {
            double[] x = [.. Enumerable.Range(0, 10).Select(_ => random.NextDouble() - 0.5)];
            double[] s = [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble() - 0.5)];
            inputs[b] = Vec10<double>.FromSpan(x);
            states[b] = new Lstm10x15DoubleSimd.State(Vec15<double>.FromSpan(s.AsSpan(0, 15)), Vec15<double>.FromSpan(s.AsSpan(15)));
        }

        var dense = new Lstm10x15DoubleSimd.State[9];
        var oneHot = new Lstm10x15DoubleSimd.State[9];
        Lstm10x15DoubleSimd.StepBatch(p, inputs, states, dense);
        Lstm10x15DoubleSimd.StepBatch(p, indices, states, oneHot);
        var flat = new double[9 * 30];
        IRecurrentCell<double> cell = RecurrentCell<Lstm10x15DoubleSimd.Kernel, double>.Instance;
        cell.StepBatch(p.AsSpan(), indices, 9, StatesFlat(states), flat);
        for (int b = 0; b < 9; b++)
        {
            Assert.True(Flat(dense[b]).SequenceEqual(Flat(Lstm10x15DoubleSimd.Step(p, inputs[b], states[b]))), $"dense sample {b}");
            Lstm10x15DoubleSimd.State alone = Lstm10x15DoubleSimd.StepOneHot(p, indices[b], states[b]);
            Assert.True(Flat(oneHot[b]).SequenceEqual(Flat(alone)), $"one-hot sample {b}");
            Assert.True(flat.AsSpan(b * 30, 30).SequenceEqual(Flat(alone)), $"adapter sample {b}");
        }
    }

    [Fact]
    public void Wrong_arguments_throw_before_anything_is_written()
    {
        IRecurrentCell<float> cell = RecurrentCell<StepBatchKernel<LstmKind, SimdStrategy, H7, float>, float>.Instance;
        const int m = 5;
        int s = cell.StateLength, d = cell.InputSize;
        float[] p = new float[cell.ParameterCount], xs = new float[m * d], states = new float[m * s], next = new float[m * s];
        Fill<float>(p, new Random(1), 0.5);
        Fill<float>(states, new Random(2), 1);
        float[] before = [.. states];
        int[] indices = [0, 1, 2, 3, d];                                    // the last index is out of range
        next.AsSpan().Fill(42);

        AssertUntouched(() => cell.StepBatch(p.AsSpan(1), xs, m, states, next), "p");
        AssertUntouched(() => cell.StepBatch(p, xs, 0, states, next), "batchSize");
        AssertUntouched(() => cell.StepBatch(p, xs.AsSpan(1), m, states, next), "xs");
        AssertUntouched(() => cell.StepBatch(p, xs, m, states.AsSpan(1), next), "states");
        AssertUntouched(() => cell.StepBatch(p, xs, m, states, next.AsSpan(1)), "next");
        AssertUntouched(() => cell.StepBatch(p, indices.AsSpan(1), m, states, next), "indices");
        AssertUntouched(() => cell.StepBatch(p, indices, m, states, next), "indices");
        AssertUntouched(() => cell.StepBatch(p, indices, m, states, states), "indices");

        void AssertUntouched(Action call, string parameter)
        {
            var error = Assert.ThrowsAny<ArgumentException>(call);
            Assert.Equal(parameter, error.ParamName);
            Assert.All(next, value => Assert.Equal(42f, value));
            Assert.Equal(before, states);
        }
    }

    [Fact]
    public void Stepping_a_batch_allocates_nothing()
    {
        var lstm = Buffers<StepBatchKernel<LstmKind, SimdStrategy, H129, float>, float>.Create(33);
        var rnn = Buffers<StepBatchKernel<RnnKind, SimdStrategy, H33, double>, double>.Create(31);
        var gru = Buffers<StepBatchKernel<GruKind, SimdStrategy, H33, float>, float>.Create(5);
        var loops = Buffers<StepBatchKernel<LstmKind, LoopsStrategy, H7, double>, double>.Create(4);
        RecurrentModel<float> model = LstmGen.Demo.Forecasting.ForecastLstm.Model;   // LSTM 3 → 32 → 32: the upper layer's inputs are gathered
        float[] theta = new float[model.ParameterCount];
        Fill<float>(theta, new Random(6), 0.3);
        float[] x5 = new float[5 * 3], state5 = new float[5 * model.StateLength], out5 = new float[5 * 32];
        float[] x33 = new float[33 * 3], state33 = new float[33 * model.StateLength], out33 = new float[33 * 32];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["model step m = 5 (gathered on the stack)"] = () => model.Step(theta, x5, 5, state5, out5),
            ["model step m = 33 (gathered into a rented array)"] = () => model.Step(theta, x33, 33, state33, out33),
            ["lstm simd dense"] = () => lstm.Dense(),
            ["lstm simd one-hot"] = () => lstm.OneHot(),
            ["rnn simd dense"] = () => rnn.Dense(),
            ["gru one-hot"] = () => gru.OneHot(),
            ["lstm loops dense"] = () => loops.Dense(),
        }, minimumOperations: 7);
    }

    // Three steps of m samples from random states, batched (into next, and in place) against each sample's single steps.
    private static void Check<TKernel, T>(int m, bool oneHot)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var b = Buffers<TKernel, T>.Create(m, seed: (m * 7) + (oneHot ? 1 : 0));
        T[] expected = [.. b.States], inPlace = [.. b.States], separate = new T[b.States.Length];
        int s = Recurrent<TKernel, T>.StateLength, d = TKernel.InputSize;
        for (int step = 0; step < 3; step++)
        {
            for (int k = 0; k < m; k++)
            {
                Span<T> state = expected.AsSpan(k * s, s);
                if (oneHot)
                {
                    TKernel.StepOneHot(b.P, b.Indices[k], state, state);
                }
                else
                {
                    TKernel.Step(b.P, b.Xs.AsSpan(k * d, d), state, state);
                }
            }

            T[] from = [.. inPlace];
            if (oneHot)
            {
                Recurrent<TKernel, T>.StepBatch(b.P, b.Indices, m, from, separate);
                Recurrent<TKernel, T>.StepBatch(b.P, b.Indices, m, inPlace, inPlace);
            }
            else
            {
                Recurrent<TKernel, T>.StepBatch(b.P, b.Xs, m, from, separate);
                Recurrent<TKernel, T>.StepBatch(b.P, b.Xs, m, inPlace, inPlace);
            }

            AssertSame(expected, separate, $"step {step}, into next");
            AssertSame(expected, inPlace, $"step {step}, in place");
        }
    }

    private static void AssertSame<T>(T[] expected, T[] actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int first = Enumerable.Range(0, expected.Length).FirstOrDefault(k => expected[k] != actual[k], -1);
        Assert.True(first < 0, $"{what}: value {first} is {(first < 0 ? default : actual[first])}, the single step gives {(first < 0 ? default : expected[first])}");
    }

    private static void Fill<T>(Span<T> values, Random random, double scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (ref T value in values)
        {
            value = T.CreateChecked(((random.NextDouble() * 2) - 1) * scale);
        }
    }

    private static double[] Flat(Lstm10x15DoubleSimd.State state) => [.. state.H.ToArray(), .. state.C.ToArray()];

    private static double[] StatesFlat(Lstm10x15DoubleSimd.State[] states) => [.. states.SelectMany(Flat)];

    // Random parameters, inputs, indices and states for m samples, and the two batched calls the allocation test times.
    private sealed record Buffers<TKernel, T>(T[] P, T[] Xs, int[] Indices, T[] States)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private int M => Indices.Length;

        public static Buffers<TKernel, T> Create(int m, int seed = 1)
        {
            var random = new Random(seed);
            IRecurrentCell<T> cell = RecurrentCell<TKernel, T>.Instance;
            T[] p = new T[cell.ParameterCount], xs = new T[m * cell.InputSize], states = new T[m * cell.StateLength];
            Fill<T>(p, random, 0.5);
            Fill<T>(xs, random, 1);
            Fill<T>(states, random, 1);
            return new Buffers<TKernel, T>(p, xs, [.. Enumerable.Range(0, m).Select(_ => random.Next(cell.InputSize))], states);
        }

        public void Dense() => Recurrent<TKernel, T>.StepBatch(P, Xs, M, States, States);

        public void OneHot() => Recurrent<TKernel, T>.StepBatch(P, Indices, M, States, States);
    }
}
