using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Contract;
using LstmGen.Reference;
using LstmGen.Tests.Shared;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace LstmGen.SimdWidths;

/// <summary>
/// The checks, each over one SIMD kernel, returning its failures (empty: passed).
/// <list type="bullet">
/// <item><see cref="AgainstLoops{TKernel, T}"/>: the contract's SIMD steps (forward, dense and every one-hot index;
/// inference; backward with and without dx, and one-hot; head forward and backward) against the loop kernels of the same
/// sizes over the same inputs and caches: 1e-12 in double, 1e-4 in float (the floor rule of <see cref="Tolerance"/>; one
/// step's values, fused multiply-adds and blocked sums against sequential unfused sums, a few ulps apart).</item>
/// <item><see cref="BatchEqualsSingleSteps{TKernel, T}"/>: batched sequences (m = 6: a group of 4 and 2 alone) equal
/// the single steps bit for bit, forward and BPTT (dp with the single steps called in the batch's order).</item>
/// <item><see cref="AgainstReference{TKernel, T}"/>: a batch of m = 6 sequences of T = 3 steps through the contract
/// (forward, cross-entropy of the head, BPTT) against the independent MathNet reference in double, per sequence summed:
/// loss, ∂L/∂θ, ∂L/∂x_t and ∂L/∂state_0. Double 1e-10 (the sums run over at most D + H + 1 = 139 terms per step and 3
/// steps, so their rounding is about 1e-14 of the tensor's scale; 1e-10 leaves room and still fails any wrong term);
/// float 1e-4 (the reference in double from the same float parameters and inputs).</item>
/// </list>
/// </summary>
internal static class Checks
{
    private const int Steps = 3, Batch = 6;

    public static List<string> AgainstLoops<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tolerance tolerance = typeof(T) == typeof(double) ? Tolerance.Double(1e-12) : Tolerance.Float(1e-4);
        RecurrentCellKind kind = TKernel.Kind;
        int d = TKernel.InputSize, h = TKernel.HiddenSize, s = Recurrent<TKernel, T>.StateLength, c = Recurrent<TKernel, T>.CacheLength;
        int count = ParameterCount<TKernel>();
        string name = typeof(TKernel).Name;
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(d + h));
        T[] x = Values<T>(seed + 1, d, 1), state = Values<T>(seed + 2, s, 0.5), dNext = Values<T>(seed + 3, s, 1);
        for (int index = -1; index < d; index++)
        {
            T[] simdNext = new T[s], simdCache = new T[c], simdStep = new T[s], loopNext = new T[s], loopCache = new T[c], loopStep = new T[s];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Forward(p, x, state, simdNext, simdCache);
                Recurrent<TKernel, T>.Step(p, x, state, simdStep);
                LoopForward<TKernel, T>(kind, p, x, -1, state, loopNext, loopCache, loopStep);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardOneHot(p, index, state, simdNext, simdCache);
                Recurrent<TKernel, T>.StepOneHot(p, index, state, simdStep);
                LoopForward<TKernel, T>(kind, p, default, index, state, loopNext, loopCache, loopStep);
            }

            string input = index < 0 ? "dense" : $"one-hot {index}";
            tolerance.Close($"{name} {input}: next", Doubles(simdNext), Doubles(loopNext));
            tolerance.Close($"{name} {input}: cache", Doubles(simdCache), Doubles(loopCache));
            tolerance.Close($"{name} {input}: step", Doubles(simdStep), Doubles(loopStep));

            // The backward over the loop forward's cache (both kernels read the same layout), dp from zero.
            foreach (bool withDx in index < 0 ? new[] { true, false } : [false])
            {
                T[] simdState = new T[s], simdDx = new T[withDx ? d : 0], simdDp = new T[count];
                T[] loopState = new T[s], loopDx = new T[withDx ? d : 0], loopDp = new T[count];
                if (index < 0)
                {
                    Recurrent<TKernel, T>.Backward(p, x, loopCache, dNext, simdState, simdDx, simdDp);
                    LoopBackward<TKernel, T>(kind, p, x, -1, loopCache, dNext, loopState, loopDx, loopDp);
                }
                else
                {
                    Recurrent<TKernel, T>.BackwardOneHot(p, index, loopCache, dNext, simdState, simdDp);
                    LoopBackward<TKernel, T>(kind, p, default, index, loopCache, dNext, loopState, default, loopDp);
                }

                string backward = $"{name} {input}{(withDx ? ", with dx" : string.Empty)}";
                tolerance.Close($"{backward}: dState", Doubles(simdState), Doubles(loopState));
                tolerance.Close($"{backward}: dx", Doubles(simdDx), Doubles(loopDx));
                tolerance.Close($"{backward}: dp", Doubles(simdDp), Doubles(loopDp));
            }
        }

        if (TKernel.OutputSize > 0)
        {
            int v = TKernel.OutputSize;
            T[] hidden = Values<T>(seed + 4, h, 1), dLogits = Values<T>(seed + 5, v, 1);
            T[] simdLogits = new T[v], loopLogits = new T[v], simdDh = new T[h], loopDh = new T[h], simdDp = new T[count], loopDp = new T[count];
            Recurrent<TKernel, T>.HeadForward(p, hidden, simdLogits);
            SoftmaxHead<TKernel, T>.Forward(p, hidden, loopLogits);
            Recurrent<TKernel, T>.HeadBackward(p, hidden, dLogits, simdDh, simdDp);
            SoftmaxHead<TKernel, T>.Backward(p, hidden, dLogits, loopDh, loopDp);
            tolerance.Close($"{name}: head logits", Doubles(simdLogits), Doubles(loopLogits));
            tolerance.Close($"{name}: head dh", Doubles(simdDh), Doubles(loopDh));
            tolerance.Close($"{name}: head dp", Doubles(simdDp), Doubles(loopDp));
        }

        return tolerance.Failures;
    }

    public static List<string> BatchEqualsSingleSteps<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var failures = new List<string>();
        int d = TKernel.InputSize, h = TKernel.HiddenSize, s = Recurrent<TKernel, T>.StateLength, c = Recurrent<TKernel, T>.CacheLength;
        int count = ParameterCount<TKernel>(), n = Steps * Batch;
        string name = typeof(TKernel).Name;
        T[] p = Values<T>(seed, count, 1 / Math.Sqrt(d + h));
        T[] xs = Values<T>(seed + 1, n * d, 1), initial = Values<T>(seed + 2, Batch * s, 0.5), dOutputs = Values<T>(seed + 3, n * h, 1);
        int[] indices = [.. Enumerable.Range(0, n).Select(k => ((k * 7) + seed) % d)];
        void Equal(string what, T[] single, T[] batch)
        {
            if (!single.AsSpan().SequenceEqual(batch))
            {
                failures.Add($"{name}: batched {what} differ from the single steps");
            }
        }

        foreach (bool oneHot in new[] { false, true })
        {
            T[] states = [.. initial], caches = new T[n * c], outputs = new T[n * h];
            for (int k = 0; k < n; k++)
            {
                Span<T> state = states.AsSpan(k % Batch * s, s);
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

            T[] final = new T[Batch * s], batchCaches = new T[n * c], batchOutputs = new T[n * h];
            if (oneHot)
            {
                Recurrent<TKernel, T>.ForwardSequenceBatch(p, indices, Batch, initial, final, batchCaches, batchOutputs);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, Batch, initial, final, batchCaches, batchOutputs);
            }

            string input = oneHot ? "one-hot" : "dense";
            Equal($"{input} final states", states, final);
            Equal($"{input} caches", caches, batchCaches);
            Equal($"{input} outputs", outputs, batchOutputs);

            T[] carries = new T[Batch * s], dxs = new T[oneHot ? 0 : n * d], dp = new T[count];
            for (int k = n - 1; k >= 0; k--)
            {
                // Within a step the batch runs b = 0 … m − 1, so k descends by steps, ascends within one: t·m + b.
                int t = k / Batch, b = Batch - 1 - (k % Batch), at = (t * Batch) + b;
                Span<T> carry = carries.AsSpan(b * s, s);
                for (int j = 0; j < h; j++)
                {
                    carry[j] += dOutputs[(at * h) + j];
                }

                if (oneHot)
                {
                    Recurrent<TKernel, T>.BackwardOneHot(p, indices[at], caches.AsSpan(at * c, c), carry, carry, dp);
                }
                else
                {
                    Recurrent<TKernel, T>.Backward(p, xs.AsSpan(at * d, d), caches.AsSpan(at * c, c), carry, carry, dxs.AsSpan(at * d, d), dp);
                }
            }

            T[] dInitial = new T[Batch * s], batchDxs = new T[dxs.Length], batchDp = new T[count];
            if (oneHot)
            {
                Recurrent<TKernel, T>.BpttBatch(p, indices, Batch, caches, dOutputs, dInitial, batchDp);
            }
            else
            {
                Recurrent<TKernel, T>.BpttBatch(p, xs, Batch, caches, dOutputs, dInitial, batchDxs, batchDp);
            }

            // The batched BPTT hoists the weight gradients out of the reverse loop (BatchedBackward): other summation
            // orders than the single steps', so within 1e-12 (double) and 1e-5 of the tensor's scale (float; why
            // normwise: Models.Tests' SimdBatchAndHeadTests), not bit for bit. The forward above stays exact.
            var tolerance = typeof(T) == typeof(double) ? Tolerance.Double(1e-12) : new Tolerance(1e-5, floorFraction: 1.0);
            tolerance.Close($"{name}: {input} initial-state gradients", Doubles(dInitial), Doubles(carries));
            tolerance.Close($"{name}: {input} input gradients", Doubles(batchDxs), Doubles(dxs));
            tolerance.Close($"{name}: {input} parameter gradients", Doubles(batchDp), Doubles(dp));
            failures.AddRange(tolerance.Failures);
        }

        return failures;
    }

    public static List<string> AgainstReference<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tolerance tolerance = typeof(T) == typeof(double) ? Tolerance.Double(1e-10) : Tolerance.Float(1e-4);
        RecurrentCellKind kind = TKernel.Kind;
        int d = TKernel.InputSize, h = TKernel.HiddenSize, v = TKernel.OutputSize, s = Recurrent<TKernel, T>.StateLength;
        int n = Steps * Batch;
        string name = typeof(TKernel).Name;
        var init = new ReferenceInit(seed);

        // Parameters, inputs and initial states rounded to T first (the reference cell's matrices in place: it holds
        // them by reference), so that the reference sees exactly the contract's values.
        double Round(double value) => double.CreateTruncating(T.CreateTruncating(value));
        ReferenceLstm? lstmCell = kind == RecurrentCellKind.Lstm ? init.NextLstm(d, h, v) : null;
        ReferenceGru? gruCell = kind == RecurrentCellKind.Gru ? init.NextGru(d, h, v) : null;
        ReferenceRnn? rnnCell = kind == RecurrentCellKind.TanhRnn ? init.NextRnn(d, h, v) : null;
        IEnumerable<Matrix<double>> matrices = (lstmCell, gruCell) switch
        {
            ({ } l, _) => [.. l.W, .. l.U, l.Wy!],
            (_, { } g) => [.. g.W, .. g.U, g.Wy!],
            _ => [rnnCell!.Wx, rnnCell.Wh, rnnCell.Wy!],
        };
        foreach (Matrix<double> matrix in matrices)
        {
            matrix.MapInplace(Round);
        }

        IEnumerable<Vector> vectors = (lstmCell, gruCell) switch
        {
            ({ } l, _) => [.. l.B, l.By!],
            (_, { } g) => [.. g.B, g.Bhn, g.By!],
            _ => [rnnCell!.B, rnnCell.By!],
        };
        foreach (Vector vector in vectors)
        {
            vector.MapInplace(Round);
        }

        var layout = new CellLayout(kind, d, h, v);
        double[] theta = (lstmCell, gruCell) switch
        {
            ({ } l, _) => ContractLayouts.Flatten(l),
            (_, { } g) => GruReferenceLayout.Flatten(layout, g),
            _ => ContractLayouts.Flatten(rnnCell!),
        };
        double[] xs = [.. init.NextVector(n * d).Select(Round)], initial = [.. init.NextVector(Batch * s, 0.5).Select(Round)];
        int[] classes = [.. init.NextClassTargets(n, v).Classes];

        // Expected: the reference, one sequence at a time, gradients summed.
        double loss = 0;
        var dp = new double[theta.Length];
        double[] dxs = new double[n * d], dInitial = new double[Batch * s];
        for (int b = 0; b < Batch; b++)
        {
            Vector[] inputs = [.. Enumerable.Range(0, Steps).Select(t => Vector.Build.DenseOfArray(xs[(((t * Batch) + b) * d)..((((t * Batch) + b) * d) + d)]))];
            var targets = new ClassIndexTargets([.. Enumerable.Range(0, Steps).Select(t => classes[(t * Batch) + b])]);
            Vector h0 = Vector.Build.DenseOfArray(initial[(b * s)..((b * s) + h)]);
            (double sequenceLoss, double[] sequenceDp, IReadOnlyList<Vector> dx, double[] dState) = (lstmCell, gruCell) switch
            {
                ({ } l, _) => Lstm(l, inputs, targets, h0, Vector.Build.DenseOfArray(initial[((b * s) + h)..((b * s) + s)])),
                (_, { } g) => Gru(g, layout, inputs, targets, h0),
                _ => Rnn(rnnCell!, inputs, targets, h0),
            };
            loss += sequenceLoss;
            for (int k = 0; k < dp.Length; k++)
            {
                dp[k] += sequenceDp[k];
            }

            for (int t = 0; t < Steps; t++)
            {
                dx[t].ToArray().CopyTo(dxs.AsSpan(((t * Batch) + b) * d, d));
            }

            dState.CopyTo(dInitial.AsSpan(b * s, s));
        }

        T[] pT = Cast<T>(theta), xsT = Cast<T>(xs), initialT = Cast<T>(initial);
        T[] final = new T[Batch * s], caches = new T[n * Recurrent<TKernel, T>.CacheLength], outputs = new T[n * h], dOutputs = new T[n * h];
        T[] actualDp = new T[theta.Length], actualDxs = new T[xs.Length], actualDInitial = new T[Batch * s];
        Recurrent<TKernel, T>.ForwardSequenceBatch(pT, xsT, Batch, initialT, final, caches, outputs);
        T actualLoss = Losses<TKernel, T>.CrossEntropy(pT, outputs, classes, dOutputs, actualDp, BatchReduction.Sum, Batch);
        Recurrent<TKernel, T>.BpttBatch(pT, xsT, Batch, caches, dOutputs, actualDInitial, actualDxs, actualDp);
        tolerance.Close($"{name}: loss", [double.CreateTruncating(actualLoss)], [loss]);
        tolerance.Close($"{name}: dθ", Doubles(actualDp), dp);
        tolerance.Close($"{name}: dxs", Doubles(actualDxs), dxs);
        tolerance.Close($"{name}: d state_0", Doubles(actualDInitial), dInitial);
        return tolerance.Failures;
    }

    private static (double Loss, double[] Dp, IReadOnlyList<Vector> Dx, double[] DState) Lstm(
        ReferenceLstm reference, Vector[] inputs, ClassIndexTargets targets, Vector h0, Vector c0)
    {
        LstmGradients g = reference.Backward(inputs, targets, h0, c0);
        return (g.Loss, ContractLayouts.Flatten(g.Parameters), g.DX, [.. g.DH0, .. g.DC0]);
    }

    private static (double Loss, double[] Dp, IReadOnlyList<Vector> Dx, double[] DState) Rnn(
        ReferenceRnn reference, Vector[] inputs, ClassIndexTargets targets, Vector h0)
    {
        RnnGradients g = reference.Backward(inputs, targets, h0);
        return (g.Loss, ContractLayouts.Flatten(g.Parameters), g.DX, [.. g.DH0]);
    }

    private static (double Loss, double[] Dp, IReadOnlyList<Vector> Dx, double[] DState) Gru(
        ReferenceGru reference, CellLayout layout, Vector[] inputs, ClassIndexTargets targets, Vector h0)
    {
        GruGradients g = reference.Backward(inputs, targets, h0);
        return (g.Loss, GruReferenceLayout.Flatten(layout, g.Parameters), g.DX, [.. g.DH0]);
    }

    private static void LoopForward<TKernel, T>(RecurrentCellKind kind, T[] p, ReadOnlySpan<T> x, int index, T[] state, T[] next, T[] cache, T[] step)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch ((kind, index < 0))
        {
            case (RecurrentCellKind.Lstm, true):
                LstmLoopKernel<TKernel, T>.Forward(p, x, state, next, cache);
                LstmLoopKernel<TKernel, T>.Step(p, x, state, step);
                break;
            case (RecurrentCellKind.Lstm, false):
                LstmLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                LstmLoopKernel<TKernel, T>.StepOneHot(p, index, state, step);
                break;
            case (RecurrentCellKind.Gru, true):
                GruLoopKernel<TKernel, T>.Forward(p, x, state, next, cache);
                GruLoopKernel<TKernel, T>.Step(p, x, state, step);
                break;
            case (RecurrentCellKind.Gru, false):
                GruLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                GruLoopKernel<TKernel, T>.StepOneHot(p, index, state, step);
                break;
            case (_, true):
                RnnLoopKernel<TKernel, T>.Forward(p, x, state, next, cache);
                RnnLoopKernel<TKernel, T>.Step(p, x, state, step);
                break;
            default:
                RnnLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                RnnLoopKernel<TKernel, T>.StepOneHot(p, index, state, step);
                break;
        }
    }

    private static void LoopBackward<TKernel, T>(RecurrentCellKind kind, T[] p, ReadOnlySpan<T> x, int index, T[] cache, T[] dNext, T[] dState, Span<T> dx, T[] dp)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch ((kind, index < 0))
        {
            case (RecurrentCellKind.Lstm, true):
                LstmLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                break;
            case (RecurrentCellKind.Lstm, false):
                LstmLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                break;
            case (RecurrentCellKind.Gru, true):
                GruLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                break;
            case (RecurrentCellKind.Gru, false):
                GruLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                break;
            case (_, true):
                RnnLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                break;
            default:
                RnnLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                break;
        }
    }

    private static int ParameterCount<TKernel>()
        where TKernel : ICellShape => new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias).ParameterCount;

    private static T[] Values<T>(int seed, int count, double scale)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. new ReferenceInit(seed).NextVector(count, scale).Select(T.CreateTruncating)];

    private static T[] Cast<T>(double[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => [.. values.Select(T.CreateTruncating)];

    private static double[] Doubles<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> => [.. values.Select(double.CreateTruncating)];
}
