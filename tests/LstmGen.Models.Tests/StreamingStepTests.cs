using LstmGen.Models.Tests.Support;
using SimdLstmFloat = LstmGen.Models.Tests.Cells.Lstm10x128Head10Float;
using SimdRnnDouble = LstmGen.Models.Tests.Cells.Rnn10x128Head10Double;
using SimdTailLstmFloat = LstmGen.Models.Tests.Cells.Lstm5x33Head10FloatSimd;
using SimdTailLstmDouble = LstmGen.Models.Tests.Cells.Lstm1x1DoubleSimd;
using UnrolledLstmDouble = LstmGen.Models.Tests.Cells.Lstm3x5Head4Double;
using UnrolledRnnFloat = LstmGen.Models.Tests.Cells.Rnn3x5Head4Float;
using LoopsLstmDouble = LstmGen.Models.Tests.Cells.Lstm5x33Head10DoubleLoops;

namespace LstmGen.Models.Tests;

/// <summary>
/// The streaming inference step (<c>Step</c>, <c>StepOneHot</c>, and with a head their <c>out Output probabilities</c>
/// overloads) gives exactly (==, tolerance 0) the state of the cached <c>Forward</c>/<c>ForwardOneHot</c>, and the
/// probabilities of <c>Softmax(HeadForward(p, h))</c>, over 9 steps alternating dense and one-hot inputs, for every kernel
/// strategy; and allocates nothing (a 0-byte <c>GC.GetAllocatedBytesForCurrentThread</c> delta after warm-up).
/// Exact equality holds because the step runs the forward pass's own operations; only where the cache goes differs.
/// </summary>
public sealed class StreamingStepTests
{
    private const int Steps = 9;

    private static S[] Draw<S>(Random random, int count, double scale)
        where S : System.Numerics.IFloatingPoint<S> =>
        [.. Enumerable.Range(0, count).Select(_ => S.CreateTruncating(((random.NextDouble() * 2) - 1) * scale))];

    private static void AssertNoAllocations(params Action[] operations)
    {
        foreach (Action operation in operations)
        {
            for (int k = 0; k < 100; k++)
            {
                operation();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 50; k++)
            {
                operation();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    /// <summary>SIMD (Auto), LSTM D = 10, H = 128, V = 10, float.</summary>
    [Fact]
    public void SimdLstmFloat_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Lstm10x128Head10Float"));
        var p = new SimdLstmFloat.Parameters(Draw<float>(random, SimdLstmFloat.ParameterCount, 1 / Math.Sqrt(SimdLstmFloat.HiddenSize)));
        SimdLstmFloat.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = SimdLstmFloat.Input.FromSpan(Draw<float>(random, SimdLstmFloat.InputSize, 1.0));
                viaForward = SimdLstmFloat.Forward(p, x, viaForward).State;
                viaStep = SimdLstmFloat.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(SimdLstmFloat.InputSize);
                viaForward = SimdLstmFloat.ForwardOneHot(p, index, viaForward).State;
                viaStep = SimdLstmFloat.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = SimdLstmFloat.Input.FromSpan(Draw<float>(random, SimdLstmFloat.InputSize, 1.0));
        SimdLstmFloat.State dense = SimdLstmFloat.Step(p, xLast, viaStep, out SimdLstmFloat.Output denseProbabilities);
        Assert.Equal(SimdLstmFloat.Step(p, xLast, viaStep), dense);
        Assert.Equal(SimdLstmFloat.Softmax(SimdLstmFloat.HeadForward(p, dense.H)), denseProbabilities);
        SimdLstmFloat.State oneHot = SimdLstmFloat.StepOneHot(p, 0, viaStep, out SimdLstmFloat.Output oneHotProbabilities);
        Assert.Equal(SimdLstmFloat.StepOneHot(p, 0, viaStep), oneHot);
        Assert.Equal(SimdLstmFloat.Softmax(SimdLstmFloat.HeadForward(p, oneHot.H)), oneHotProbabilities);

        SimdLstmFloat.State state = viaStep;
        SimdLstmFloat.Output probabilities = default;
        AssertNoAllocations(
            () => state = SimdLstmFloat.Step(p, xLast, state),
            () => state = SimdLstmFloat.StepOneHot(p, 0, state),
            () => state = SimdLstmFloat.Step(p, xLast, state, out probabilities),
            () => state = SimdLstmFloat.StepOneHot(p, 0, state, out probabilities));
    }

    /// <summary>SIMD (Auto), RNN D = 10, H = 128, V = 10, double.</summary>
    [Fact]
    public void SimdRnnDouble_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Rnn10x128Head10Double"));
        var p = new SimdRnnDouble.Parameters(Draw<double>(random, SimdRnnDouble.ParameterCount, 1 / Math.Sqrt(SimdRnnDouble.HiddenSize)));
        SimdRnnDouble.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = SimdRnnDouble.Input.FromSpan(Draw<double>(random, SimdRnnDouble.InputSize, 1.0));
                viaForward = SimdRnnDouble.Forward(p, x, viaForward).State;
                viaStep = SimdRnnDouble.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(SimdRnnDouble.InputSize);
                viaForward = SimdRnnDouble.ForwardOneHot(p, index, viaForward).State;
                viaStep = SimdRnnDouble.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = SimdRnnDouble.Input.FromSpan(Draw<double>(random, SimdRnnDouble.InputSize, 1.0));
        SimdRnnDouble.State dense = SimdRnnDouble.Step(p, xLast, viaStep, out SimdRnnDouble.Output denseProbabilities);
        Assert.Equal(SimdRnnDouble.Step(p, xLast, viaStep), dense);
        Assert.Equal(SimdRnnDouble.Softmax(SimdRnnDouble.HeadForward(p, dense.H)), denseProbabilities);
        SimdRnnDouble.State oneHot = SimdRnnDouble.StepOneHot(p, 0, viaStep, out SimdRnnDouble.Output oneHotProbabilities);
        Assert.Equal(SimdRnnDouble.StepOneHot(p, 0, viaStep), oneHot);
        Assert.Equal(SimdRnnDouble.Softmax(SimdRnnDouble.HeadForward(p, oneHot.H)), oneHotProbabilities);

        SimdRnnDouble.State state = viaStep;
        SimdRnnDouble.Output probabilities = default;
        AssertNoAllocations(
            () => state = SimdRnnDouble.Step(p, xLast, state),
            () => state = SimdRnnDouble.StepOneHot(p, 0, state),
            () => state = SimdRnnDouble.Step(p, xLast, state, out probabilities),
            () => state = SimdRnnDouble.StepOneHot(p, 0, state, out probabilities));
    }

    /// <summary>SIMD with tails, LSTM D = 5, H = 33, V = 10, float.</summary>
    [Fact]
    public void SimdTailLstmFloat_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Lstm5x33Head10FloatSimd"));
        var p = new SimdTailLstmFloat.Parameters(Draw<float>(random, SimdTailLstmFloat.ParameterCount, 1 / Math.Sqrt(SimdTailLstmFloat.HiddenSize)));
        SimdTailLstmFloat.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = SimdTailLstmFloat.Input.FromSpan(Draw<float>(random, SimdTailLstmFloat.InputSize, 1.0));
                viaForward = SimdTailLstmFloat.Forward(p, x, viaForward).State;
                viaStep = SimdTailLstmFloat.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(SimdTailLstmFloat.InputSize);
                viaForward = SimdTailLstmFloat.ForwardOneHot(p, index, viaForward).State;
                viaStep = SimdTailLstmFloat.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = SimdTailLstmFloat.Input.FromSpan(Draw<float>(random, SimdTailLstmFloat.InputSize, 1.0));
        SimdTailLstmFloat.State dense = SimdTailLstmFloat.Step(p, xLast, viaStep, out SimdTailLstmFloat.Output denseProbabilities);
        Assert.Equal(SimdTailLstmFloat.Step(p, xLast, viaStep), dense);
        Assert.Equal(SimdTailLstmFloat.Softmax(SimdTailLstmFloat.HeadForward(p, dense.H)), denseProbabilities);
        SimdTailLstmFloat.State oneHot = SimdTailLstmFloat.StepOneHot(p, 0, viaStep, out SimdTailLstmFloat.Output oneHotProbabilities);
        Assert.Equal(SimdTailLstmFloat.StepOneHot(p, 0, viaStep), oneHot);
        Assert.Equal(SimdTailLstmFloat.Softmax(SimdTailLstmFloat.HeadForward(p, oneHot.H)), oneHotProbabilities);

        SimdTailLstmFloat.State state = viaStep;
        SimdTailLstmFloat.Output probabilities = default;
        AssertNoAllocations(
            () => state = SimdTailLstmFloat.Step(p, xLast, state),
            () => state = SimdTailLstmFloat.StepOneHot(p, 0, state),
            () => state = SimdTailLstmFloat.Step(p, xLast, state, out probabilities),
            () => state = SimdTailLstmFloat.StepOneHot(p, 0, state, out probabilities));
    }

    /// <summary>SIMD with fewer rows than lanes, LSTM D = 1, H = 1, double.</summary>
    [Fact]
    public void SimdTailLstmDouble_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Lstm1x1DoubleSimd"));
        var p = new SimdTailLstmDouble.Parameters(Draw<double>(random, SimdTailLstmDouble.ParameterCount, 1 / Math.Sqrt(SimdTailLstmDouble.HiddenSize)));
        SimdTailLstmDouble.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = SimdTailLstmDouble.Input.FromSpan(Draw<double>(random, SimdTailLstmDouble.InputSize, 1.0));
                viaForward = SimdTailLstmDouble.Forward(p, x, viaForward).State;
                viaStep = SimdTailLstmDouble.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(SimdTailLstmDouble.InputSize);
                viaForward = SimdTailLstmDouble.ForwardOneHot(p, index, viaForward).State;
                viaStep = SimdTailLstmDouble.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = SimdTailLstmDouble.Input.FromSpan(Draw<double>(random, SimdTailLstmDouble.InputSize, 1.0));
        SimdTailLstmDouble.State state = viaStep;
        AssertNoAllocations(() => state = SimdTailLstmDouble.Step(p, xLast, state), () => state = SimdTailLstmDouble.StepOneHot(p, 0, state));
    }

    /// <summary>unrolled (Auto), LSTM D = 3, H = 5, V = 4, double.</summary>
    [Fact]
    public void UnrolledLstmDouble_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Lstm3x5Head4Double"));
        var p = new UnrolledLstmDouble.Parameters(Draw<double>(random, UnrolledLstmDouble.ParameterCount, 1 / Math.Sqrt(UnrolledLstmDouble.HiddenSize)));
        UnrolledLstmDouble.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = UnrolledLstmDouble.Input.FromSpan(Draw<double>(random, UnrolledLstmDouble.InputSize, 1.0));
                viaForward = UnrolledLstmDouble.Forward(p, x, viaForward).State;
                viaStep = UnrolledLstmDouble.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(UnrolledLstmDouble.InputSize);
                viaForward = UnrolledLstmDouble.ForwardOneHot(p, index, viaForward).State;
                viaStep = UnrolledLstmDouble.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = UnrolledLstmDouble.Input.FromSpan(Draw<double>(random, UnrolledLstmDouble.InputSize, 1.0));
        UnrolledLstmDouble.State dense = UnrolledLstmDouble.Step(p, xLast, viaStep, out UnrolledLstmDouble.Output denseProbabilities);
        Assert.Equal(UnrolledLstmDouble.Step(p, xLast, viaStep), dense);
        Assert.Equal(UnrolledLstmDouble.Softmax(UnrolledLstmDouble.HeadForward(p, dense.H)), denseProbabilities);
        UnrolledLstmDouble.State oneHot = UnrolledLstmDouble.StepOneHot(p, 0, viaStep, out UnrolledLstmDouble.Output oneHotProbabilities);
        Assert.Equal(UnrolledLstmDouble.StepOneHot(p, 0, viaStep), oneHot);
        Assert.Equal(UnrolledLstmDouble.Softmax(UnrolledLstmDouble.HeadForward(p, oneHot.H)), oneHotProbabilities);

        UnrolledLstmDouble.State state = viaStep;
        UnrolledLstmDouble.Output probabilities = default;
        AssertNoAllocations(
            () => state = UnrolledLstmDouble.Step(p, xLast, state),
            () => state = UnrolledLstmDouble.StepOneHot(p, 0, state),
            () => state = UnrolledLstmDouble.Step(p, xLast, state, out probabilities),
            () => state = UnrolledLstmDouble.StepOneHot(p, 0, state, out probabilities));
    }

    /// <summary>unrolled (Auto), RNN D = 3, H = 5, V = 4, float.</summary>
    [Fact]
    public void UnrolledRnnFloat_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Rnn3x5Head4Float"));
        var p = new UnrolledRnnFloat.Parameters(Draw<float>(random, UnrolledRnnFloat.ParameterCount, 1 / Math.Sqrt(UnrolledRnnFloat.HiddenSize)));
        UnrolledRnnFloat.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = UnrolledRnnFloat.Input.FromSpan(Draw<float>(random, UnrolledRnnFloat.InputSize, 1.0));
                viaForward = UnrolledRnnFloat.Forward(p, x, viaForward).State;
                viaStep = UnrolledRnnFloat.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(UnrolledRnnFloat.InputSize);
                viaForward = UnrolledRnnFloat.ForwardOneHot(p, index, viaForward).State;
                viaStep = UnrolledRnnFloat.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = UnrolledRnnFloat.Input.FromSpan(Draw<float>(random, UnrolledRnnFloat.InputSize, 1.0));
        UnrolledRnnFloat.State dense = UnrolledRnnFloat.Step(p, xLast, viaStep, out UnrolledRnnFloat.Output denseProbabilities);
        Assert.Equal(UnrolledRnnFloat.Step(p, xLast, viaStep), dense);
        Assert.Equal(UnrolledRnnFloat.Softmax(UnrolledRnnFloat.HeadForward(p, dense.H)), denseProbabilities);
        UnrolledRnnFloat.State oneHot = UnrolledRnnFloat.StepOneHot(p, 0, viaStep, out UnrolledRnnFloat.Output oneHotProbabilities);
        Assert.Equal(UnrolledRnnFloat.StepOneHot(p, 0, viaStep), oneHot);
        Assert.Equal(UnrolledRnnFloat.Softmax(UnrolledRnnFloat.HeadForward(p, oneHot.H)), oneHotProbabilities);

        UnrolledRnnFloat.State state = viaStep;
        UnrolledRnnFloat.Output probabilities = default;
        AssertNoAllocations(
            () => state = UnrolledRnnFloat.Step(p, xLast, state),
            () => state = UnrolledRnnFloat.StepOneHot(p, 0, state),
            () => state = UnrolledRnnFloat.Step(p, xLast, state, out probabilities),
            () => state = UnrolledRnnFloat.StepOneHot(p, 0, state, out probabilities));
    }

    /// <summary>loops, LSTM D = 5, H = 33, V = 10, double.</summary>
    [Fact]
    public void LoopsLstmDouble_step_equals_forward()
    {
        var random = new Random(Problems.Seed("Lstm5x33Head10DoubleLoops"));
        var p = new LoopsLstmDouble.Parameters(Draw<double>(random, LoopsLstmDouble.ParameterCount, 1 / Math.Sqrt(LoopsLstmDouble.HiddenSize)));
        LoopsLstmDouble.State viaForward = default, viaStep = default;
        for (int t = 0; t < Steps; t++)
        {
            if (t % 2 == 0)
            {
                var x = LoopsLstmDouble.Input.FromSpan(Draw<double>(random, LoopsLstmDouble.InputSize, 1.0));
                viaForward = LoopsLstmDouble.Forward(p, x, viaForward).State;
                viaStep = LoopsLstmDouble.Step(p, x, viaStep);
            }
            else
            {
                int index = random.Next(LoopsLstmDouble.InputSize);
                viaForward = LoopsLstmDouble.ForwardOneHot(p, index, viaForward).State;
                viaStep = LoopsLstmDouble.StepOneHot(p, index, viaStep);
            }

            Assert.Equal(viaForward, viaStep);
        }

        var xLast = LoopsLstmDouble.Input.FromSpan(Draw<double>(random, LoopsLstmDouble.InputSize, 1.0));
        LoopsLstmDouble.State dense = LoopsLstmDouble.Step(p, xLast, viaStep, out LoopsLstmDouble.Output denseProbabilities);
        Assert.Equal(LoopsLstmDouble.Step(p, xLast, viaStep), dense);
        Assert.Equal(LoopsLstmDouble.Softmax(LoopsLstmDouble.HeadForward(p, dense.H)), denseProbabilities);
        LoopsLstmDouble.State oneHot = LoopsLstmDouble.StepOneHot(p, 0, viaStep, out LoopsLstmDouble.Output oneHotProbabilities);
        Assert.Equal(LoopsLstmDouble.StepOneHot(p, 0, viaStep), oneHot);
        Assert.Equal(LoopsLstmDouble.Softmax(LoopsLstmDouble.HeadForward(p, oneHot.H)), oneHotProbabilities);

        LoopsLstmDouble.State state = viaStep;
        LoopsLstmDouble.Output probabilities = default;
        AssertNoAllocations(
            () => state = LoopsLstmDouble.Step(p, xLast, state),
            () => state = LoopsLstmDouble.StepOneHot(p, 0, state),
            () => state = LoopsLstmDouble.Step(p, xLast, state, out probabilities),
            () => state = LoopsLstmDouble.StepOneHot(p, 0, state, out probabilities));
    }
}
