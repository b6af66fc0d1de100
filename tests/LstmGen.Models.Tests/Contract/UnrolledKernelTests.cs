using System.Numerics;
using System.Reflection;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using LstmGen.TestSupport;
using ReferenceVector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The straight-line step members of unrolled cells' generated <c>Kernel</c> (every unrolled cell of the test catalog,
/// and the forced-unrolled cells of <c>UnrolledCells.cs</c>) against the loop kernels of the same sizes called
/// directly (<see cref="LstmLoopKernel{TShape, T}"/>, <see cref="RnnLoopKernel{TShape, T}"/>, <see cref="GruLoopKernel{TShape, T}"/>,
/// <see cref="SoftmaxHead{TShape, T}"/>):
/// bit for bit, since both compute the same operations in the same order (bias, then x columns, then h columns; dot
/// products from row 0 up; the same σ and tanh) and the JIT contracts nothing into fused multiply-adds. The one
/// difference allowed is the sign of a zero: a loop's dot product starts from +0, the straight-line sum from its first
/// product, so an all-zero sum may be −0 where the loop gives +0; the comparison is <see cref="IEquatable{T}.Equals"/>,
/// for which −0 equals +0 (and nothing else differs). LSTMs with H = 1 in double activate their four gates in one vector
/// (<see cref="LstmGen.Internal.GateActivations"/>): their forward values agree within 1e-15 (relative above 1), their backward
/// (over the same cache) still bit for bit. Also: whole sequences against the MathNet reference (1e-12
/// relative), next = state and dState = dNext aliasing, argument errors (the loop kernels' exceptions and messages,
/// before any write) and no allocation.
/// </summary>
public sealed class UnrolledKernelTests
{
    private static readonly int[] Classes = [2, 0, 3];

    [Fact]
    public void Every_member_equals_the_loop_kernels_bit_for_bit()
    {
        SameAsLoops<Lstm1x1Double.Kernel, double>(seed: 1, forwardTolerance: 1e-15);        // H = 1 double: one-vector gate activations
        SameAsLoops<Lstm1x1Head2Double.Kernel, double>(seed: 2, forwardTolerance: 1e-15);
        SameAsLoops<Lstm1x1Float.Kernel, float>(seed: 3);
        SameAsLoops<Lstm1x1Head2Float.Kernel, float>(seed: 4);
        SameAsLoops<Rnn1x1Double.Kernel, double>(seed: 5);
        SameAsLoops<Rnn1x1Head2Double.Kernel, double>(seed: 6);
        SameAsLoops<Rnn1x1Float.Kernel, float>(seed: 7);
        SameAsLoops<Rnn1x1Head2Float.Kernel, float>(seed: 8);
        SameAsLoops<Rnn3x5Double.Kernel, double>(seed: 9);
        SameAsLoops<Rnn3x5Head4Double.Kernel, double>(seed: 10);
        SameAsLoops<Rnn3x5Float.Kernel, float>(seed: 11);
        SameAsLoops<Rnn3x5Head4Float.Kernel, float>(seed: 12);
        SameAsLoops<Seed004Rnn.Kernel, double>(seed: 13);
        SameAsLoops<UnrolledLstm3x5Head4Double.Kernel, double>(seed: 14);
        SameAsLoops<UnrolledLstm3x5Head4Float.Kernel, float>(seed: 15);
        SameAsLoops<UnrolledRnn4x6Double.Kernel, double>(seed: 16);
        SameAsLoops<Gru1x1Double.Kernel, double>(seed: 17);
        SameAsLoops<Gru1x1Head2Double.Kernel, double>(seed: 18);
        SameAsLoops<Gru1x1Float.Kernel, float>(seed: 19);
        SameAsLoops<Gru1x1Head2Float.Kernel, float>(seed: 20);
        SameAsLoops<UnrolledGru2x1.Kernel, double>(seed: 21);
        SameAsLoops<UnrolledGru3x5.Kernel, double>(seed: 22);
        SameAsLoops<UnrolledGru4x6.Kernel, double>(seed: 23);
        SameAsLoops<UnrolledGru3x5Float.Kernel, float>(seed: 24);
        SameAsLoops<UnrolledGru3x5Head4Double.Kernel, double>(seed: 25);
        SameAsLoops<UnrolledGru3x5Head4Float.Kernel, float>(seed: 26);

        // Bias-free cells (Bias = false): no bias term in any sum, no db, no b_hn.
        SameAsLoops<NoBiasLstm2x3Unrolled.Kernel, double>(seed: 27);
        SameAsLoops<NoBiasLstm2x3Head4Unrolled.Kernel, double>(seed: 28);
        SameAsLoops<NoBiasRnn3x4Unrolled.Kernel, double>(seed: 29);
        SameAsLoops<NoBiasGru2x3Unrolled.Kernel, double>(seed: 30);
        SameAsLoops<NoBiasGru2x3FloatUnrolled.Kernel, float>(seed: 31);
    }

    [Fact]
    public void Unrolled_cells_declare_every_step_member_and_loop_and_simd_cells_none()
    {
        // Without the overrides every test here would compare the loop kernels with themselves; this one would fail.
        string[] steps = ["Backward", "BackwardOneHot", "Forward", "ForwardOneHot", "Step", "StepOneHot"];
        Assert.Equal(steps, DeclaredMethods<Lstm1x1Double.Kernel>());
        Assert.Equal(steps, DeclaredMethods<Rnn3x5Float.Kernel>());
        Assert.Equal(
            ["Backward", "BackwardOneHot", "Forward", "ForwardOneHot", "HeadBackward", "HeadForward", "Step", "StepOneHot"],
            DeclaredMethods<UnrolledLstm3x5Head4Double.Kernel>());
        Assert.Equal(steps, DeclaredMethods<UnrolledGru4x6.Kernel>());
        Assert.Equal(steps, DeclaredMethods<Gru1x1Float.Kernel>());
        Assert.Equal(
            ["Backward", "BackwardOneHot", "Forward", "ForwardOneHot", "HeadBackward", "HeadForward", "Step", "StepOneHot"],
            DeclaredMethods<UnrolledGru3x5Head4Float.Kernel>());
        Assert.Empty(DeclaredMethods<Lstm3x7FloatLoops.Kernel>());
        Assert.Empty(DeclaredMethods<LoopsGru4x6.Kernel>());
        Assert.Empty(DeclaredMethods<Gru10x128Head10Double.Kernel>());
        Assert.Empty(DeclaredMethods<Lstm10x128Head10Double.Kernel>());
    }

    [Fact]
    public void Lstm_sequence_with_head_matches_the_reference()
    {
        ReferenceLstm reference = new ReferenceInit(seed: 11).NextLstm(3, 5, 4);
        var init = new ReferenceInit(seed: 12);
        ReferenceVector[] xs = init.NextSequence(Classes.Length, 3);
        ReferenceVector h0 = init.NextVector(5, 0.5), c0 = init.NextVector(5, 0.5);
        LstmGradients expected = reference.Backward(xs, new ClassIndexTargets(Classes), h0, c0);

        Sequence run = Sequence.Train<UnrolledLstm3x5Head4Double.Kernel>(ContractLayouts.Flatten(reference), xs, [.. h0, .. c0]);

        var comparison = new Comparison(1e-12);
        comparison.Scalar("loss", run.Loss, expected.Loss);
        comparison.Close("dθ", run.Dp, ContractLayouts.Flatten(expected.Parameters));
        comparison.Close("dx", run.Dxs, [.. expected.DX.SelectMany(dx => dx)]);
        comparison.Close("dh0", run.DInitial[..5], expected.DH0.ToArray());
        comparison.Close("dc0", run.DInitial[5..], expected.DC0.ToArray());
        comparison.AssertAll();
    }

    [Fact]
    public void Rnn_sequence_with_head_matches_the_reference()
    {
        ReferenceRnn reference = new ReferenceInit(seed: 21).NextRnn(3, 5, 4);
        var init = new ReferenceInit(seed: 22);
        ReferenceVector[] xs = init.NextSequence(Classes.Length, 3);
        ReferenceVector h0 = init.NextVector(5, 0.5);
        RnnGradients expected = reference.Backward(xs, new ClassIndexTargets(Classes), h0);

        Sequence run = Sequence.Train<Rnn3x5Head4Double.Kernel>(ContractLayouts.Flatten(reference), xs, [.. h0]);

        var comparison = new Comparison(1e-12);
        comparison.Scalar("loss", run.Loss, expected.Loss);
        comparison.Close("dθ", run.Dp, ContractLayouts.Flatten(expected.Parameters));
        comparison.Close("dx", run.Dxs, [.. expected.DX.SelectMany(dx => dx)]);
        comparison.Close("dh0", run.DInitial, expected.DH0.ToArray());
        comparison.AssertAll();
    }

    [Fact]
    public void Next_may_be_state_and_dState_may_be_dNext()
    {
        Aliasing<UnrolledLstm3x5Head4Double.Kernel, double>(seed: 31);
        Aliasing<UnrolledLstm3x5Head4Float.Kernel, float>(seed: 32);
        Aliasing<Lstm1x1Double.Kernel, double>(seed: 33);
        Aliasing<Rnn3x5Double.Kernel, double>(seed: 34);
        Aliasing<UnrolledRnn4x6Double.Kernel, double>(seed: 35);
        Aliasing<UnrolledGru3x5Head4Double.Kernel, double>(seed: 36);
        Aliasing<UnrolledGru3x5Float.Kernel, float>(seed: 37);
    }

    [Fact]
    public void Wrong_arguments_throw_what_the_loop_kernels_throw_before_anything_is_written()
    {
        Errors<UnrolledLstm3x5Head4Double.Kernel>();
        Errors<Rnn3x5Head4Double.Kernel>();
        Errors<UnrolledRnn4x6Double.Kernel>();
        Errors<UnrolledGru3x5Head4Double.Kernel>();

        // A cell without a head keeps the contract's default head members, which refuse.
        double[] p = new double[ParameterCount<Lstm1x1Double.Kernel>()];
        Assert.Throws<NotSupportedException>(() => Recurrent<Lstm1x1Double.Kernel, double>.HeadForward(p, new double[1], new double[1]));
    }

    [Fact]
    public void Unrolled_kernel_calls_allocate_nothing()
    {
        double[] p = Values<double>(41, ParameterCount<UnrolledLstm3x5Head4Double.Kernel>(), 0.4);
        double[] x = Values<double>(42, 3, 1), state = Values<double>(43, 10, 0.5), next = new double[10], cache = new double[35];
        double[] dNext = Values<double>(44, 10, 1), dState = new double[10], dx = new double[3], dp = new double[p.Length];
        double[] logits = new double[4], dh = new double[5];
        float[] pf = Values<float>(45, ParameterCount<Rnn3x5Head4Float.Kernel>(), 0.4);
        float[] xf = Values<float>(46, 3, 1), statef = Values<float>(47, 5, 0.5), cachef = new float[10], dpf = new float[pf.Length];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["LSTM Forward + Backward"] = () =>
            {
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.Forward(p, x, state, next, cache);
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.Backward(p, x, cache, dNext, dState, dx, dp);
            },
            ["LSTM one-hot Forward + Backward (aliased)"] = () =>
            {
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.ForwardOneHot(p, 2, next, next, cache);
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.BackwardOneHot(p, 2, cache, dState, dState, dp);
            },
            ["LSTM Step + StepOneHot"] = () =>
            {
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.Step(p, x, state, next);
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.StepOneHot(p, 1, state, next);
            },
            ["LSTM head"] = () =>
            {
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.HeadForward(p, state.AsSpan(0, 5), logits);
                Recurrent<UnrolledLstm3x5Head4Double.Kernel, double>.HeadBackward(p, state.AsSpan(0, 5), logits, dh, dp);
            },
            ["RNN float Forward + Backward (aliased)"] = () =>
            {
                Recurrent<Rnn3x5Head4Float.Kernel, float>.Forward(pf, xf, statef, statef, cachef);
                Recurrent<Rnn3x5Head4Float.Kernel, float>.Backward(pf, xf, cachef, statef, statef, default, dpf);
            },
        });
    }

    // Every overridden member (through the contract) against the loop kernel (called directly) on the same arguments:
    // dense input, each one-hot index, the inference steps, the backward steps with and without dx into a dp that already
    // holds values (+= is tested, not =), and the head. Both backwards read the straight-line forward's cache (equal to the
    // loops' unless forwardTolerance > 0: an LSTM whose gates fill one Vector256 activates them with GateActivations, a
    // few ulps from the scalar σ and tanh; its forward values are then compared within that tolerance, and
    // the backward, which has no activation, still bit for bit).
    private static void SameAsLoops<TKernel, T>(int seed, double forwardTolerance = 0)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = TKernel.InputSize, h = TKernel.HiddenSize, v = TKernel.OutputSize, s = Recurrent<TKernel, T>.StateLength;
        int cacheLength = Recurrent<TKernel, T>.CacheLength, count = ParameterCount<TKernel>();
        string name = typeof(TKernel).DeclaringType!.Name;
        T[] p = Values<T>(seed, count, 1), x = Values<T>(seed + 100, d, 1), state = Values<T>(seed + 200, s, 0.8);
        T[] dNext = Values<T>(seed + 300, s, 1), dp0 = Values<T>(seed + 400, count, 1);
        for (int index = -1; index < d; index++)
        {
            string input = index < 0 ? "dense" : $"one-hot {index}";
            T[] next = new T[s], cache = new T[cacheLength], step = new T[s];
            T[] loopNext = new T[s], loopCache = new T[cacheLength], loopStep = new T[s];
            T[] dState = new T[s], dx = new T[index < 0 ? d : 0], dp = (T[])dp0.Clone();
            T[] loopDState = new T[s], loopDx = new T[index < 0 ? d : 0], loopDp = (T[])dp0.Clone();
            if (index < 0)
            {
                Recurrent<TKernel, T>.Forward(p, x, state, next, cache);
                Recurrent<TKernel, T>.Step(p, x, state, step);
                Recurrent<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                Recurrent<TKernel, T>.Backward(p, x, cache, dNext, dState, default, dp);    // no dx: same dState, dp gains it again
                Loops<TKernel, T>.Forward(p, x, state, loopNext, loopCache);
                Loops<TKernel, T>.Step(p, x, state, loopStep);
                Loops<TKernel, T>.Backward(p, x, cache, dNext, loopDState, loopDx, loopDp);
                Loops<TKernel, T>.Backward(p, x, cache, dNext, loopDState, default, loopDp);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                Recurrent<TKernel, T>.StepOneHot(p, index, state, step);
                Recurrent<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                Loops<TKernel, T>.ForwardOneHot(p, index, state, loopNext, loopCache);
                Loops<TKernel, T>.StepOneHot(p, index, state, loopStep);
                Loops<TKernel, T>.BackwardOneHot(p, index, cache, dNext, loopDState, loopDp);
            }

            Close($"{name} {input} next", loopNext, next, forwardTolerance);
            Close($"{name} {input} cache", loopCache, cache, forwardTolerance);
            Close($"{name} {input} step", loopStep, step, forwardTolerance);
            Same($"{name} {input} dState", loopDState, dState);
            Same($"{name} {input} dx", loopDx, dx);
            Same($"{name} {input} dp", loopDp, dp);
        }

        if (v > 0)
        {
            T[] hidden = Values<T>(seed + 500, h, 0.9), dLogits = Values<T>(seed + 600, v, 1);
            T[] logits = new T[v], dh = new T[h], dp = (T[])dp0.Clone();
            T[] loopLogits = new T[v], loopDh = new T[h], loopDp = (T[])dp0.Clone();
            Recurrent<TKernel, T>.HeadForward(p, hidden, logits);
            Recurrent<TKernel, T>.HeadBackward(p, hidden, dLogits, dh, dp);
            SoftmaxHead<TKernel, T>.Forward(p, hidden, loopLogits);
            SoftmaxHead<TKernel, T>.Backward(p, hidden, dLogits, loopDh, loopDp);
            Same($"{name} logits", loopLogits, logits);
            Same($"{name} head dh", loopDh, dh);
            Same($"{name} head dp", loopDp, dp);
        }
    }

    // next = state (one buffer) gives what separate buffers give (forward, one-hot forward, step), and dState = dNext
    // what separate buffers give (backward, one-hot backward).
    private static void Aliasing<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = TKernel.InputSize, s = Recurrent<TKernel, T>.StateLength, cacheLength = Recurrent<TKernel, T>.CacheLength;
        string name = typeof(TKernel).DeclaringType!.Name;
        T[] p = Values<T>(seed, ParameterCount<TKernel>(), 1), x = Values<T>(seed + 100, d, 1), state = Values<T>(seed + 200, s, 0.8);
        T[] dNext = Values<T>(seed + 300, s, 1);

        T[] next = new T[s], cache = new T[cacheLength], aliased = (T[])state.Clone(), aliasedCache = new T[cacheLength];
        Recurrent<TKernel, T>.Forward(p, x, state, next, cache);
        Recurrent<TKernel, T>.Forward(p, x, aliased, aliased, aliasedCache);
        Same($"{name} Forward next = state", next, aliased);
        Same($"{name} Forward cache, next = state", cache, aliasedCache);
        T[] stepAliased = (T[])state.Clone();
        Recurrent<TKernel, T>.Step(p, x, stepAliased, stepAliased);
        Same($"{name} Step next = state", next, stepAliased);

        T[] oneHotNext = new T[s], oneHotCache = new T[cacheLength], oneHotAliased = (T[])state.Clone(), oneHotAliasedCache = new T[cacheLength];
        Recurrent<TKernel, T>.ForwardOneHot(p, d - 1, state, oneHotNext, oneHotCache);
        Recurrent<TKernel, T>.ForwardOneHot(p, d - 1, oneHotAliased, oneHotAliased, oneHotAliasedCache);
        Same($"{name} ForwardOneHot next = state", oneHotNext, oneHotAliased);
        Same($"{name} ForwardOneHot cache, next = state", oneHotCache, oneHotAliasedCache);
        T[] stepOneHotAliased = (T[])state.Clone();
        Recurrent<TKernel, T>.StepOneHot(p, d - 1, stepOneHotAliased, stepOneHotAliased);
        Same($"{name} StepOneHot next = state", oneHotNext, stepOneHotAliased);

        T[] dState = new T[s], dx = new T[d], dp = new T[p.Length];
        T[] dAliased = (T[])dNext.Clone(), dxAliased = new T[d], dpAliased = new T[p.Length];
        Recurrent<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
        Recurrent<TKernel, T>.Backward(p, x, cache, dAliased, dAliased, dxAliased, dpAliased);
        Same($"{name} Backward dState = dNext", dState, dAliased);
        Same($"{name} Backward dx, dState = dNext", dx, dxAliased);
        Same($"{name} Backward dp, dState = dNext", dp, dpAliased);

        T[] oneHotDState = new T[s], oneHotDp = new T[p.Length], oneHotDAliased = (T[])dNext.Clone(), oneHotDpAliased = new T[p.Length];
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, oneHotCache, dNext, oneHotDState, oneHotDp);
        Recurrent<TKernel, T>.BackwardOneHot(p, d - 1, oneHotCache, oneHotDAliased, oneHotDAliased, oneHotDpAliased);
        Same($"{name} BackwardOneHot dState = dNext", oneHotDState, oneHotDAliased);
        Same($"{name} BackwardOneHot dp, dState = dNext", oneHotDp, oneHotDpAliased);
    }

    // Each wrong argument makes the straight-line member throw the loop kernel's exception (type, parameter, message),
    // and neither writes any buffer.
    private static void Errors<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int d = TKernel.InputSize, h = TKernel.HiddenSize, v = TKernel.OutputSize, s = Recurrent<TKernel, double>.StateLength;
        int count = ParameterCount<TKernel>(), cacheLength = Recurrent<TKernel, double>.CacheLength;
        double[] p = new double[count], x = new double[d], state = new double[s], cache = new double[cacheLength], dNext = new double[s];
        double[] next = Sevens(s), cacheOut = Sevens(cacheLength), dState = Sevens(s), dx = Sevens(d), dp = Sevens(count);
        double[] logits = Sevens(Math.Max(v, 1)), dh = Sevens(h);
        var cases = new List<(string Name, Action Unrolled, Action Loops)>
        {
            ("Forward p", () => TKernel.Forward(p.AsSpan(1), x, state, next, cacheOut), () => Loops<TKernel, double>.Forward(p.AsSpan(1), x, state, next, cacheOut)),
            ("Forward x", () => TKernel.Forward(p, new double[d + 1], state, next, cacheOut), () => Loops<TKernel, double>.Forward(p, new double[d + 1], state, next, cacheOut)),
            ("Forward state", () => TKernel.Forward(p, x, new double[s - 1], next, cacheOut), () => Loops<TKernel, double>.Forward(p, x, new double[s - 1], next, cacheOut)),
            ("Forward next", () => TKernel.Forward(p, x, state, next.AsSpan(1), cacheOut), () => Loops<TKernel, double>.Forward(p, x, state, next.AsSpan(1), cacheOut)),
            ("Forward cache", () => TKernel.Forward(p, x, state, next, cacheOut.AsSpan(1)), () => Loops<TKernel, double>.Forward(p, x, state, next, cacheOut.AsSpan(1))),
            ("ForwardOneHot index", () => TKernel.ForwardOneHot(p, d, state, next, cacheOut), () => Loops<TKernel, double>.ForwardOneHot(p, d, state, next, cacheOut)),
            ("ForwardOneHot cache", () => TKernel.ForwardOneHot(p, 0, state, next, cacheOut.AsSpan(1)), () => Loops<TKernel, double>.ForwardOneHot(p, 0, state, next, cacheOut.AsSpan(1))),
            ("Step x", () => TKernel.Step(p, x.AsSpan(1), state, next), () => Loops<TKernel, double>.Step(p, x.AsSpan(1), state, next)),
            ("Step next", () => TKernel.Step(p, x, state, new double[s + 1]), () => Loops<TKernel, double>.Step(p, x, state, new double[s + 1])),
            ("StepOneHot index", () => TKernel.StepOneHot(p, -1, state, next), () => Loops<TKernel, double>.StepOneHot(p, -1, state, next)),
            ("StepOneHot p", () => TKernel.StepOneHot(p.AsSpan(1), 0, state, next), () => Loops<TKernel, double>.StepOneHot(p.AsSpan(1), 0, state, next)),
            ("Backward cache", () => TKernel.Backward(p, x, cache.AsSpan(1), dNext, dState, dx, dp), () => Loops<TKernel, double>.Backward(p, x, cache.AsSpan(1), dNext, dState, dx, dp)),
            ("Backward dNext", () => TKernel.Backward(p, x, cache, new double[s + 1], dState, dx, dp), () => Loops<TKernel, double>.Backward(p, x, cache, new double[s + 1], dState, dx, dp)),
            ("Backward dState", () => TKernel.Backward(p, x, cache, dNext, dState.AsSpan(1), dx, dp), () => Loops<TKernel, double>.Backward(p, x, cache, dNext, dState.AsSpan(1), dx, dp)),
            ("Backward dx", () => TKernel.Backward(p, x, cache, dNext, dState, dx.AsSpan(1), dp), () => Loops<TKernel, double>.Backward(p, x, cache, dNext, dState, dx.AsSpan(1), dp)),
            ("Backward dp", () => TKernel.Backward(p, x, cache, dNext, dState, dx, dp.AsSpan(1)), () => Loops<TKernel, double>.Backward(p, x, cache, dNext, dState, dx, dp.AsSpan(1))),
            ("BackwardOneHot index", () => TKernel.BackwardOneHot(p, d, cache, dNext, dState, dp), () => Loops<TKernel, double>.BackwardOneHot(p, d, cache, dNext, dState, dp)),
            ("BackwardOneHot dp", () => TKernel.BackwardOneHot(p, 0, cache, dNext, dState, dp.AsSpan(1)), () => Loops<TKernel, double>.BackwardOneHot(p, 0, cache, dNext, dState, dp.AsSpan(1))),
        };
        if (v > 0)
        {
            cases.Add(("HeadForward h", () => TKernel.HeadForward(p, new double[h + 1], logits), () => SoftmaxHead<TKernel, double>.Forward(p, new double[h + 1], logits)));
            cases.Add(("HeadForward logits", () => TKernel.HeadForward(p, state.AsSpan(0, h), logits.AsSpan(1)), () => SoftmaxHead<TKernel, double>.Forward(p, state.AsSpan(0, h), logits.AsSpan(1))));
            cases.Add(("HeadBackward dh", () => TKernel.HeadBackward(p, state.AsSpan(0, h), new double[v], dh.AsSpan(1), dp), () => SoftmaxHead<TKernel, double>.Backward(p, state.AsSpan(0, h), new double[v], dh.AsSpan(1), dp)));
            cases.Add(("HeadBackward dp", () => TKernel.HeadBackward(p, state.AsSpan(0, h), new double[v], dh, dp.AsSpan(1)), () => SoftmaxHead<TKernel, double>.Backward(p, state.AsSpan(0, h), new double[v], dh, dp.AsSpan(1))));
        }

        foreach (var (caseName, unrolled, loops) in cases)
        {
            Exception expected = Assert.ThrowsAny<Exception>(loops);
            Exception actual = Assert.ThrowsAny<Exception>(unrolled);
            Assert.True(
                expected.GetType() == actual.GetType() && expected.Message == actual.Message,
                $"{typeof(TKernel).DeclaringType!.Name} {caseName}: expected {expected.GetType().Name} \"{expected.Message}\", got {actual.GetType().Name} \"{actual.Message}\"");
        }

        foreach (double[] written in new[] { next, cacheOut, dState, dx, dp, logits, dh })
        {
            Assert.All(written, value => Assert.Equal(7.0, value));
        }
    }

    private static string[] DeclaredMethods<TKernel>() =>
        [.. typeof(TKernel).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Select(m => m.Name).Order(StringComparer.Ordinal)];

    private static void Same<T>(string what, T[] expected, T[] actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        int first = Enumerable.Range(0, expected.Length).FirstOrDefault(k => !expected[k].Equals(actual[k]), -1);
        Assert.True(first < 0, first < 0 ? string.Empty : $"{what}[{first}]: loop kernel {expected[first]:R}, straight-line {actual[first]:R}");
    }

    // Same, or within tolerance · max(1, |value|) when it is not 0 (absolute below 1: c = f ⊙ c_prev + i ⊙ g may cancel).
    private static void Close<T>(string what, T[] expected, T[] actual, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tolerance == 0)
        {
            Same(what, expected, actual);
            return;
        }

        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double e = double.CreateTruncating(expected[k]), a = double.CreateTruncating(actual[k]);
            Assert.True(Math.Abs(e - a) <= tolerance * Math.Max(1, Math.Max(Math.Abs(e), Math.Abs(a))), $"{what}[{k}]: loop kernel {e:R}, straight-line {a:R}");
        }
    }

    private static double[] Sevens(int count) => [.. Enumerable.Repeat(7.0, count)];

    private static int ParameterCount<TKernel>()
        where TKernel : ICellShape => new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias).ParameterCount;

    private static T[] Values<T>(int seed, int count, double scale)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. new ReferenceInit(seed).NextVector(count, scale).Select(T.CreateTruncating)];

    /// <summary>The loop kernel of <typeparamref name="TKernel"/>'s kind, called directly (not through the contract).</summary>
    private static class Loops<TKernel, T>
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
        {
            switch (TKernel.Kind)
            {
                case RecurrentCellKind.Lstm:
                    LstmLoopKernel<TKernel, T>.Forward(p, x, state, next, cache);
                    break;
                case RecurrentCellKind.Gru:
                    GruLoopKernel<TKernel, T>.Forward(p, x, state, next, cache);
                    break;
                default:
                    RnnLoopKernel<TKernel, T>.Forward(p, x, state, next, cache);
                    break;
            }
        }

        public static void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache)
        {
            switch (TKernel.Kind)
            {
                case RecurrentCellKind.Lstm:
                    LstmLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                    break;
                case RecurrentCellKind.Gru:
                    GruLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                    break;
                default:
                    RnnLoopKernel<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
                    break;
            }
        }

        public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp)
        {
            switch (TKernel.Kind)
            {
                case RecurrentCellKind.Lstm:
                    LstmLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                    break;
                case RecurrentCellKind.Gru:
                    GruLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                    break;
                default:
                    RnnLoopKernel<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
                    break;
            }
        }

        public static void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp)
        {
            switch (TKernel.Kind)
            {
                case RecurrentCellKind.Lstm:
                    LstmLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                    break;
                case RecurrentCellKind.Gru:
                    GruLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                    break;
                default:
                    RnnLoopKernel<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
                    break;
            }
        }

        public static void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next)
        {
            switch (TKernel.Kind)
            {
                case RecurrentCellKind.Lstm:
                    LstmLoopKernel<TKernel, T>.Step(p, x, state, next);
                    break;
                case RecurrentCellKind.Gru:
                    GruLoopKernel<TKernel, T>.Step(p, x, state, next);
                    break;
                default:
                    RnnLoopKernel<TKernel, T>.Step(p, x, state, next);
                    break;
            }
        }

        public static void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next)
        {
            switch (TKernel.Kind)
            {
                case RecurrentCellKind.Lstm:
                    LstmLoopKernel<TKernel, T>.StepOneHot(p, index, state, next);
                    break;
                case RecurrentCellKind.Gru:
                    GruLoopKernel<TKernel, T>.StepOneHot(p, index, state, next);
                    break;
                default:
                    RnnLoopKernel<TKernel, T>.StepOneHot(p, index, state, next);
                    break;
            }
        }
    }

    /// <summary>A sequence through the contract: forward, cross-entropy at every step (the head), BPTT, dense inputs.</summary>
    private sealed record Sequence(double Loss, double[] Dp, double[] Dxs, double[] DInitial)
    {
        public static Sequence Train<TKernel>(double[] p, ReferenceVector[] xs, double[] initial)
            where TKernel : struct, IRecurrentKernel<TKernel, double>
        {
            int steps = xs.Length, h = TKernel.HiddenSize;
            double[] flatXs = [.. xs.SelectMany(x => x)], final = new double[initial.Length];
            double[] caches = new double[steps * Recurrent<TKernel, double>.CacheLength], outputs = new double[steps * h], dOutputs = new double[steps * h];
            double[] dp = new double[p.Length], dInitial = new double[initial.Length], dxs = new double[flatXs.Length];
            Recurrent<TKernel, double>.ForwardSequence(p, flatXs, initial, final, caches, outputs);
            double loss = Losses<TKernel, double>.CrossEntropy(p, outputs, Classes, dOutputs, dp);
            Recurrent<TKernel, double>.Bptt(p, flatXs, caches, dOutputs, dInitial, dxs, dp);
            return new Sequence(loss, dp, dxs, dInitial);
        }
    }
}
