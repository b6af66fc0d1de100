using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using LstmGen.TestSupport;

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

    /// <summary>Every strategy: SIMD (Auto) LSTM and RNN at H = 128, SIMD with tails and with fewer rows than lanes, unrolled, loops.</summary>
    public static TheoryData<string> Cells() =>
    [
        nameof(Lstm10x128Head10Float), nameof(Rnn10x128Head10Double), nameof(Lstm5x33Head10FloatSimd), nameof(Lstm1x1DoubleSimd),
        nameof(Lstm3x5Head4Double), nameof(Rnn3x5Head4Float), nameof(Lstm5x33Head10DoubleLoops),
    ];

    [Theory]
    [MemberData(nameof(Cells))]
    public void Step_equals_forward_and_allocates_nothing(string cell)
    {
        ICellDriver driver = Drivers.Get(cell);
        int seed = Problems.Seed($"streaming/{cell}");
        double[] theta = Problems.Theta(driver, seed);
        var init = new ReferenceInit(seed + 1);
        var random = new Random(seed + 2);
        double[][] inputs = [.. Enumerable.Range(0, Steps).Select(_ => init.NextVector(driver.InputSize).ToArray())];
        int[] indices = [.. Enumerable.Range(0, Steps).Select(t => t % 2 == 0 ? -1 : random.Next(driver.InputSize))];

        StreamingRun run = driver.RunStreaming(theta, inputs, indices);

        for (int t = 0; t < Steps; t++)
        {
            Assert.Equal(run.ViaForward[t], run.ViaStep[t]);
        }

        Assert.Equal(driver.HasHead ? 2 : 0, run.HeadChecks.Count);
        foreach (var (state, plainState, probabilities, softmaxOfHead) in run.HeadChecks)
        {
            Assert.Equal(plainState, state);
            Assert.Equal(softmaxOfHead, probabilities);
        }

        foreach (Action operation in driver.StreamingOperations(theta, inputs[0]))
        {
            Assert.Equal(0, AllocationMeter.BytesAllocated(operation, calls: 50, warmUpCalls: 100));
        }
    }
}
