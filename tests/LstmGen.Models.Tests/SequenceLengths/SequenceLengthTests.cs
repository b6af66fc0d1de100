using System.Numerics;
using System.Reflection;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.TestCells;

namespace LstmGen.Models.Tests.SequenceLengths;

/// <summary>
/// Variable-length batches (per-sequence lengths, PyTorch's pack_padded_sequence semantics) against each sequence run
/// alone, for LSTM, RNN and GRU with every kernel strategy (SequenceLengthCells.cs). The batch of 6 has a SIMD group
/// of 4 whose lengths differ (run sample by sample at the steps where they do) and 2 sequences outside any group.
/// <para>
/// Bit for bit: outputs, final states, dx, ∂L/∂state_0 (each sequence runs exactly its own steps' arithmetic) and the
/// loss (each sequence's loss summed over its steps in the lone order, then over b in order, as the reference sums).
/// Within 1e-12 (double) / 1e-5 (float) of the largest entry: the parameter gradients, which the batch accumulates
/// interleaved across sequences (a few ulps of reordering).
/// </para>
/// Padding is poisoned (NaN inputs and targets, index −1): reading it would show.
/// </summary>
public sealed class SequenceLengthTests
{
    public static readonly string[] Cells =
    [
        nameof(SeqLenLstmUnrolled), nameof(SeqLenLstmLoops), nameof(SeqLenLstmSimd), nameof(SeqLenLstmSimdFloat),
        nameof(SeqLenRnnUnrolled), nameof(SeqLenRnnLoops), nameof(SeqLenRnnSimd), nameof(SeqLenRnnSimdFloat),
        nameof(SeqLenGruUnrolled), nameof(SeqLenGruLoops), nameof(SeqLenGruSimd), nameof(SeqLenGruSimdFloat),
    ];

    public static TheoryData<string, bool, bool> CellsInputsLosses()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (string cell in Cells)
        {
            foreach (bool oneHot in new[] { false, true })
            {
                data.Add(cell, oneHot, false);
                data.Add(cell, oneHot, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CellsInputsLosses))]
    public void Padded_batch_equals_each_sequence_run_alone(string cell, bool oneHot, bool crossEntropy) =>
        Invoke(nameof(LowLevel), cell, oneHot, crossEntropy);

    [Theory]
    [MemberData(nameof(CellsInputsLosses))]
    public void Typed_one_call_batch_equals_each_sequence_run_alone(string cell, bool oneHot, bool crossEntropy) =>
        Invoke(nameof(Typed), cell, oneHot, crossEntropy);

    [Theory]
    [MemberData(nameof(CellsInputsLosses))]
    public void Many_to_one_equals_a_hand_built_loss_on_each_last_step(string cell, bool oneHot, bool crossEntropy) =>
        Invoke(nameof(ManyToOne), cell, oneHot, crossEntropy);

    [Theory]
    [MemberData(nameof(CellsInputsLosses))]
    public void Every_step_without_lengths_is_today_bit_for_bit(string cell, bool oneHot, bool crossEntropy) =>
        Invoke(nameof(EveryIsToday), cell, oneHot, crossEntropy);

    internal static double Tolerance<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-12;

    private static void Invoke(string method, string cell, bool oneHot, bool crossEntropy)
    {
        Type[] arguments = CellCatalog.Get(cell).GetType().GetGenericArguments();
        MethodInfo generic = typeof(SequenceLengthTests).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .Single(candidate => candidate.Name == method && candidate.GetGenericArguments().Length == 2);
        try
        {
            generic.MakeGenericMethod(arguments).Invoke(null, [oneHot, crossEntropy]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    // Recurrent.ForwardSequenceBatch / Losses / Recurrent.BpttBatch with lengths against ForwardSequence / Losses / Bptt
    // of each sequence's valid prefix.
    private static void LowLevel<TKernel, T>(bool oneHot, bool crossEntropy)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int m = SequenceLengthCase<TKernel, T>.M, steps = SequenceLengthCase<TKernel, T>.Steps, d = 3, h = 5;
        var c = new SequenceLengthCase<TKernel, T>(Seed(typeof(TKernel), oneHot, crossEntropy));
        int s = c.S, cache = TKernel.CacheLength;
        T[] final = new T[m * s], caches = new T[steps * m * cache], outputs = new T[steps * m * h], dOutputs = new T[outputs.Length];
        T[] dp = new T[c.P.Length], dInitial = new T[m * s], dxs = new T[c.Xs.Length];
        outputs.AsSpan().Fill(T.CreateChecked(7));
        dxs.AsSpan().Fill(T.CreateChecked(7));
        T loss;
        if (oneHot)
        {
            Recurrent<TKernel, T>.ForwardSequenceBatch(c.P, c.Indices, m, c.Lengths, c.Initial, final, caches, outputs);
        }
        else
        {
            Recurrent<TKernel, T>.ForwardSequenceBatch(c.P, c.Xs, m, c.Lengths, c.Initial, final, caches, outputs);
        }

        loss = crossEntropy
            ? Losses<TKernel, T>.CrossEntropy(c.P, outputs, c.Classes, dOutputs, dp, m, c.Lengths)
            : Losses<TKernel, T>.SquaredError(outputs, c.Targets, dOutputs, m, c.Lengths);
        if (oneHot)
        {
            Recurrent<TKernel, T>.BpttBatch(c.P, c.Indices, m, c.Lengths, caches, dOutputs, dInitial, dp);
        }
        else
        {
            Recurrent<TKernel, T>.BpttBatch(c.P, c.Xs, m, c.Lengths, caches, dOutputs, dInitial, dxs, dp);
        }

        T lossSum = T.Zero;
        T[] dpSum = new T[dp.Length];
        for (int b = 0; b < m; b++)
        {
            int n = c.Lengths[b];
            T[] xs = c.Alone(c.Xs, b, d, n), initial = c.Alone(c.Initial, b, s, 1), targets = c.Alone(c.Targets, b, h, n);
            int[] indices = c.Alone(c.Indices, b, 1, n), classes = c.Alone(c.Classes, b, 1, n);
            T[] aloneFinal = new T[s], aloneCaches = new T[n * cache], aloneOutputs = new T[n * h], aloneDOutputs = new T[n * h];
            T[] aloneDp = new T[dp.Length], aloneDInitial = new T[s], aloneDxs = new T[n * d];
            if (oneHot)
            {
                Recurrent<TKernel, T>.ForwardSequence(c.P, indices, initial, aloneFinal, aloneCaches, aloneOutputs);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardSequence(c.P, xs, initial, aloneFinal, aloneCaches, aloneOutputs);
            }

            lossSum += crossEntropy
                ? Losses<TKernel, T>.CrossEntropy(c.P, aloneOutputs, classes, aloneDOutputs, aloneDp)
                : Losses<TKernel, T>.SquaredError(aloneOutputs, targets, aloneDOutputs);
            if (oneHot)
            {
                Recurrent<TKernel, T>.Bptt(c.P, indices, aloneCaches, aloneDOutputs, aloneDInitial, aloneDp);
            }
            else
            {
                Recurrent<TKernel, T>.Bptt(c.P, xs, aloneCaches, aloneDOutputs, aloneDInitial, aloneDxs, aloneDp);
            }

            for (int k = 0; k < dp.Length; k++)
            {
                dpSum[k] += aloneDp[k];
            }

            Assert.Equal(aloneFinal, final.AsSpan(b * s, s).ToArray());
            Assert.Equal(aloneDInitial, dInitial.AsSpan(b * s, s).ToArray());
            for (int t = 0; t < steps; t++)
            {
                int at = (t * m) + b;
                T[] expectedOutput = t < n ? aloneOutputs.AsSpan(t * h, h).ToArray() : new T[h];
                Assert.Equal(expectedOutput, outputs.AsSpan(at * h, h).ToArray());
                if (!oneHot)
                {
                    T[] expectedDx = t < n ? aloneDxs.AsSpan(t * d, d).ToArray() : new T[d];
                    Assert.Equal(expectedDx, dxs.AsSpan(at * d, d).ToArray());
                }
            }
        }

        Assert.Equal(lossSum, loss);
        AssertClose(dpSum, dp, Tolerance<T>(), "dp");
    }

    // TypedCell's one-call padded batch against the one-call batch of one sequence (its valid prefix), for both
    // LossSteps; loss and final states bit for bit, gradients within the tolerance.
    private static void Typed<TKernel, T>(bool oneHot, bool crossEntropy)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int m = SequenceLengthCase<TKernel, T>.M, steps = SequenceLengthCase<TKernel, T>.Steps;
        var c = new SequenceLengthCase<TKernel, T>(Seed(typeof(TKernel), oneHot, crossEntropy) + 1);
        foreach (LossSteps lossSteps in new[] { LossSteps.Every, LossSteps.Last })
        {
            var p = new Parameters<TKernel, T>(c.P);
            var ws = new Workspace<TKernel, T>(steps, m);
            var grads = new Gradients<TKernel, T>();
            T loss = TypedRun(p, c, oneHot, crossEntropy, m, c.Lengths, lossSteps, ws, grads, c.Xs, c.Indices, c.Targets, c.Classes, c.Initial);
            T[] final = ws.States[..(m * c.S)].ToArray();

            T lossSum = T.Zero;
            T[] gradientSum = new T[c.P.Length];
            for (int b = 0; b < m; b++)
            {
                int n = c.Lengths[b];
                var aloneWs = new Workspace<TKernel, T>(n, 1);
                var aloneGrads = new Gradients<TKernel, T>();
                lossSum += TypedRun(
                    p, c, oneHot, crossEntropy, 1, default, lossSteps, aloneWs, aloneGrads, c.Alone(c.Xs, b, 3, n), c.Alone(c.Indices, b, 1, n),
                    c.Alone(c.Targets, b, 5, n), c.Alone(c.Classes, b, 1, n), c.Alone(c.Initial, b, c.S, 1));
                for (int k = 0; k < gradientSum.Length; k++)
                {
                    gradientSum[k] += aloneGrads.AsSpan()[k];
                }

                Assert.Equal(aloneWs.States[..c.S].ToArray(), final.AsSpan(b * c.S, c.S).ToArray());
            }

            Assert.Equal(lossSum, loss);
            AssertClose(gradientSum, grads.AsSpan(), Tolerance<T>(), $"grads ({lossSteps})");
        }
    }

    // The typed one-call padded batch on this case's buffers (dense or one-hot, squared error or class cross-entropy).
    internal static T TypedRun<TKernel, T>(
        Parameters<TKernel, T> p, SequenceLengthCase<TKernel, T> c, bool oneHot, bool crossEntropy, int m, ReadOnlySpan<int> lengths, LossSteps lossSteps,
        Workspace<TKernel, T> ws, Gradients<TKernel, T> grads, T[] xs, int[] indices, T[] targets, int[] classes, T[] initial)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        return c.S == 5
            ? TypedRun<TKernel, T, Five<T>>(p, oneHot, crossEntropy, m, lengths, lossSteps, ws, grads, xs, indices, targets, classes, initial)
            : TypedRun<TKernel, T, Ten<T>>(p, oneHot, crossEntropy, m, lengths, lossSteps, ws, grads, xs, indices, targets, classes, initial);
    }

    private static T TypedRun<TKernel, T, TState>(
        Parameters<TKernel, T> p, bool oneHot, bool crossEntropy, int m, ReadOnlySpan<int> lengths, LossSteps lossSteps,
        Workspace<TKernel, T> ws, Gradients<TKernel, T> grads, T[] xs, int[] indices, T[] targets, int[] classes, T[] initial)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
        where TState : unmanaged
    {
        ReadOnlySpan<Three<T>> inputs = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Three<T>>(xs);
        ReadOnlySpan<Five<T>> hidden = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Five<T>>(targets);
        ReadOnlySpan<TState> start = System.Runtime.InteropServices.MemoryMarshal.Cast<T, TState>(initial);
        return (oneHot, crossEntropy) switch
        {
            (false, false) => TypedCell<TKernel, T>.LossAndGradientsBatch(p, inputs, hidden, m, lengths, BatchReduction.Sum, lossSteps, ws, grads, start),
            (true, false) => TypedCell<TKernel, T>.LossAndGradientsBatch(p, indices, hidden, m, lengths, BatchReduction.Sum, lossSteps, ws, grads, start),
            (false, true) => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch(p, inputs, classes, m, lengths, BatchReduction.Sum, lossSteps, ws, grads, start),
            (true, true) => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch(p, indices, classes, m, lengths, BatchReduction.Sum, lossSteps, ws, grads, start),
        };
    }

    // LossSteps.Last with lengths against a loss built by hand: forward with lengths, ∂L/∂h only at each sequence's row
    // lengths[b] − 1 (h − y, or the head's cross-entropy of that one row), BPTT with lengths.
    private static void ManyToOne<TKernel, T>(bool oneHot, bool crossEntropy)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int m = SequenceLengthCase<TKernel, T>.M, steps = SequenceLengthCase<TKernel, T>.Steps, h = 5;
        var c = new SequenceLengthCase<TKernel, T>(Seed(typeof(TKernel), oneHot, crossEntropy) + 2);
        var p = new Parameters<TKernel, T>(c.P);
        var ws = new Workspace<TKernel, T>(steps, m);
        var grads = new Gradients<TKernel, T>();
        T loss = TypedRun(p, c, oneHot, crossEntropy, m, c.Lengths, LossSteps.Last, ws, grads, c.Xs, c.Indices, c.Targets, c.Classes, c.Initial);

        int s = c.S;
        T[] final = new T[m * s], caches = new T[steps * m * TKernel.CacheLength], outputs = new T[steps * m * h], dOutputs = new T[outputs.Length];
        T[] dp = new T[c.P.Length], dInitial = new T[m * s];
        if (oneHot)
        {
            Recurrent<TKernel, T>.ForwardSequenceBatch(c.P, c.Indices, m, c.Lengths, c.Initial, final, caches, outputs);
        }
        else
        {
            Recurrent<TKernel, T>.ForwardSequenceBatch(c.P, c.Xs, m, c.Lengths, c.Initial, final, caches, outputs);
        }

        T expected = T.Zero, half = T.CreateChecked(0.5);
        for (int b = 0; b < m; b++)
        {
            int at = ((c.Lengths[b] - 1) * m) + b;
            T sequenceLoss = T.Zero;
            if (crossEntropy)
            {
                sequenceLoss = Losses<TKernel, T>.CrossEntropy(c.P, outputs.AsSpan(at * h, h), c.Classes.AsSpan(at, 1), dOutputs.AsSpan(at * h, h), dp);
            }
            else
            {
                for (int k = 0; k < h; k++)
                {
                    T difference = outputs[(at * h) + k] - c.Targets[(at * h) + k];
                    dOutputs[(at * h) + k] = difference;
                    sequenceLoss += half * difference * difference;
                }
            }

            expected += sequenceLoss;
        }

        if (oneHot)
        {
            Recurrent<TKernel, T>.BpttBatch(c.P, c.Indices, m, c.Lengths, caches, dOutputs, dInitial, dp);
        }
        else
        {
            Recurrent<TKernel, T>.BpttBatch(c.P, c.Xs, m, c.Lengths, caches, dOutputs, dInitial, default, dp);
        }

        AssertClose([expected], [loss], Tolerance<T>(), "loss");
        AssertClose(dp, grads.AsSpan(), Tolerance<T>(), "grads");
        Assert.Equal(final, ws.States[..(m * s)].ToArray());
    }

    // The new overloads with no lengths (and with every length T) and LossSteps.Every against the existing overloads.
    private static void EveryIsToday<TKernel, T>(bool oneHot, bool crossEntropy)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Recurrent<TKernel, T>.StateLength == 5)
        {
            EveryIsToday<TKernel, T, Five<T>>(oneHot, crossEntropy);
        }
        else
        {
            EveryIsToday<TKernel, T, Ten<T>>(oneHot, crossEntropy);
        }
    }

    private static void EveryIsToday<TKernel, T, TState>(bool oneHot, bool crossEntropy)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
        where TState : unmanaged
    {
        const int m = SequenceLengthCase<TKernel, T>.M, steps = SequenceLengthCase<TKernel, T>.Steps;
        var c = new SequenceLengthCase<TKernel, T>(Seed(typeof(TKernel), oneHot, crossEntropy) + 3, [5, 5, 5, 5, 5, 5]);
        var p = new Parameters<TKernel, T>(c.P);
        ReadOnlySpan<Three<T>> inputs = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Three<T>>(c.Xs);
        ReadOnlySpan<Five<T>> targets = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Five<T>>(c.Targets);
        ReadOnlySpan<TState> initial = System.Runtime.InteropServices.MemoryMarshal.Cast<T, TState>(c.Initial);
        foreach (BatchReduction reduction in new[] { BatchReduction.Sum, BatchReduction.Mean })
        {
            var ws = new Workspace<TKernel, T>(steps, m);
            var grads = new Gradients<TKernel, T>();
            T today = (oneHot, crossEntropy) switch
            {
                (false, false) => TypedCell<TKernel, T>.LossAndGradientsBatch(p, inputs, targets, m, reduction, ws, grads, initial),
                (true, false) => TypedCell<TKernel, T>.LossAndGradientsBatch(p, c.Indices, targets, m, reduction, ws, grads, initial),
                (false, true) => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch(p, inputs, c.Classes, m, reduction, ws, grads, initial),
                (true, true) => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch(p, c.Indices, c.Classes, m, reduction, ws, grads, initial),
            };
            T[] outputs = ws.Outputs.ToArray(), states = ws.States.ToArray();
            foreach (int[] lengths in new[] { Array.Empty<int>(), c.Lengths })
            {
                var again = new Workspace<TKernel, T>(steps, m);
                var againGrads = new Gradients<TKernel, T>();
                T now = (oneHot, crossEntropy) switch
                {
                    (false, false) => TypedCell<TKernel, T>.LossAndGradientsBatch(p, inputs, targets, m, lengths, reduction, LossSteps.Every, again, againGrads, initial),
                    (true, false) => TypedCell<TKernel, T>.LossAndGradientsBatch(p, c.Indices, targets, m, lengths, reduction, LossSteps.Every, again, againGrads, initial),
                    (false, true) => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch(p, inputs, c.Classes, m, lengths, reduction, LossSteps.Every, again, againGrads, initial),
                    (true, true) => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch(p, c.Indices, c.Classes, m, lengths, reduction, LossSteps.Every, again, againGrads, initial),
                };
                Assert.Equal(today, now);
                Assert.Equal(grads.AsSpan().ToArray(), againGrads.AsSpan().ToArray());
                Assert.Equal(outputs, again.Outputs.ToArray());
                Assert.Equal(states, again.States.ToArray());
            }
        }
    }

    internal static void AssertClose<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, double tolerance, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        double largest = 0;
        foreach (T value in expected)
        {
            largest = Math.Max(largest, Math.Abs(double.CreateChecked(value)));
        }

        for (int k = 0; k < expected.Length; k++)
        {
            double e = double.CreateChecked(expected[k]), a = double.CreateChecked(actual[k]);
            Assert.True(Math.Abs(e - a) <= tolerance * largest, $"{what}[{k}]: expected {e:R}, got {a:R} (largest {largest:R}, tolerance {tolerance})");
        }
    }

    private static int Seed(Type kernel, bool oneHot, bool crossEntropy) =>
        Problems.Seed($"seqlen/{kernel.DeclaringType?.Name}/{oneHot}/{crossEntropy}");
}
