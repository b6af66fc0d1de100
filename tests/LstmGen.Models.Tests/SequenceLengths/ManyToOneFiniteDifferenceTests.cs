using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;

namespace LstmGen.Models.Tests.SequenceLengths;

/// <summary>
/// The many-to-one padded batch (<see cref="LossSteps.Last"/> with per-sequence lengths, m = 6 sequences of lengths
/// {5, 2, 4, 1, 5, 3}, padding poisoned) against central differences of its own loss: every parameter gradient of an
/// LSTM, a tanh RNN and a GRU (double, loops, unrolled and SIMD), squared error and class cross-entropy, dense inputs.
/// The other tests compare this path with a hand-built last-step loss run through the same BPTT; this one needs nothing
/// but the loss. Tolerances: <see cref="GradientCheck"/> (ε = 1e-6; 1e-8 absolute + 1e-6 relative, the cancellation
/// error of a central difference of a loss of order 1).
/// </summary>
public sealed class ManyToOneFiniteDifferenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lstm(bool crossEntropy) => Check<SeqLenLstmLoops.Kernel>(crossEntropy);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rnn(bool crossEntropy) => Check<SeqLenRnnUnrolled.Kernel>(crossEntropy);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gru(bool crossEntropy) => Check<SeqLenGruSimd.Kernel>(crossEntropy);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gru_unrolled(bool crossEntropy) => Check<SeqLenGruUnrolled.Kernel>(crossEntropy);

    private static void Check<TKernel>(bool crossEntropy)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        const int m = SequenceLengthCase<TKernel, double>.M, steps = SequenceLengthCase<TKernel, double>.Steps;
        var c = new SequenceLengthCase<TKernel, double>(seed: crossEntropy ? 41 : 42);
        var ws = new Workspace<TKernel, double>(steps, m);

        double Loss(double[] theta, Gradients<TKernel, double> grads) =>
            SequenceLengthTests.TypedRun(
                new Parameters<TKernel, double>(theta), c, oneHot: false, crossEntropy, m, c.Lengths, LossSteps.Last, ws, grads, c.Xs, c.Indices, c.Targets, c.Classes, c.Initial);

        var analytic = new Gradients<TKernel, double>();
        Loss(c.P, analytic);
        var check = new GradientCheck();
        var scratch = new Gradients<TKernel, double>();
        for (int k = 0; k < c.P.Length; k++)
        {
            double fd = FiniteDifference.Partial(theta => Loss(theta, scratch), c.P, k, GradientCheck.Epsilon);
            check.Compare($"dθ[{k}]", fd, analytic.AsSpan()[k]);
        }

        Assert.Equal(c.P.Length, check.Count);
        check.AssertAll($"{typeof(TKernel).DeclaringType!.Name} many-to-one ({(crossEntropy ? "cross-entropy" : "squared error")})");
    }
}
