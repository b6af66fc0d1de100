using LstmGen.Kernels;
using LstmGen.TestSupport;
using Cell = LstmGen.TestCells.SeqLenLstmSimd;

namespace LstmGen.Models.Tests.SequenceLengths;

/// <summary>The lengths' argument checks (before anything is written) and the padded-batch entry points' 0 B.</summary>
public sealed class SequenceLengthArgumentTests
{
    private const int M = SequenceLengthCase<Cell.Kernel, double>.M, Steps = SequenceLengthCase<Cell.Kernel, double>.Steps;

    [Theory]
    [InlineData(new[] { 5, 2, 4, 1, 5 }, typeof(ArgumentException))]
    [InlineData(new[] { 5, 2, 4, 1, 5, 3, 1 }, typeof(ArgumentException))]
    [InlineData(new[] { 5, 2, 0, 1, 5, 3 }, typeof(ArgumentOutOfRangeException))]
    [InlineData(new[] { 5, 2, 4, 1, 6, 3 }, typeof(ArgumentOutOfRangeException))]
    [InlineData(new[] { -1, 2, 4, 1, 5, 3 }, typeof(ArgumentOutOfRangeException))]
    public void Wrong_lengths_throw_naming_lengths_before_anything_is_written(int[] lengths, Type expected)
    {
        var c = new SequenceLengthCase<Cell.Kernel, double>(11);
        double[] final = Filled(M * c.S), caches = Filled(Steps * M * Recurrent<Cell.Kernel, double>.CacheLength), outputs = Filled(Steps * M * 5);
        double[] dp = Filled(c.P.Length), dInitial = Filled(M * c.S), dxs = Filled(c.Xs.Length), dOutputs = Filled(outputs.Length);
        AssertThrows(expected, () => Recurrent<Cell.Kernel, double>.ForwardSequenceBatch(c.P, c.Xs, M, lengths, c.Initial, final, caches, outputs));
        AssertThrows(expected, () => Recurrent<Cell.Kernel, double>.ForwardSequenceBatch(c.P, c.Indices, M, lengths, c.Initial, final, caches, outputs));
        AssertThrows(expected, () => Recurrent<Cell.Kernel, double>.BpttBatch(c.P, c.Xs, M, lengths, caches, dOutputs, dInitial, dxs, dp));
        AssertThrows(expected, () => Recurrent<Cell.Kernel, double>.BpttBatch(c.P, c.Indices, M, lengths, caches, dOutputs, dInitial, dp));
        AssertThrows(expected, () => Losses<Cell.Kernel, double>.SquaredError(outputs, c.Targets, dOutputs, M, lengths));
        AssertThrows(expected, () => Losses<Cell.Kernel, double>.CrossEntropy(c.P, outputs, c.Classes, dOutputs, dp, M, lengths));
        var ws = new Workspace<Cell.Kernel, double>(Steps, M);
        ws.States.Fill(7);
        var grads = new Gradients<Cell.Kernel, double>();
        AssertThrows(expected, () => SequenceLengthTests.TypedRun(
            new Parameters<Cell.Kernel, double>(c.P), c, false, false, M, lengths, LossSteps.Every, ws, grads, c.Xs, c.Indices, c.Targets, c.Classes, c.Initial));
        foreach (double[] buffer in new[] { final, caches, outputs, dp, dInitial, dxs, dOutputs, ws.States.ToArray() })
        {
            Assert.All(buffer, value => Assert.Equal(7.0, value));
        }

        Assert.All(grads.AsSpan().ToArray(), value => Assert.Equal(0.0, value));
    }

    [Fact]
    public void An_undefined_loss_steps_value_throws_naming_it()
    {
        var c = new SequenceLengthCase<Cell.Kernel, double>(12);
        double[] dOutputs = Filled(Steps * M * 5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Losses<Cell.Kernel, double>.SquaredError(new double[dOutputs.Length], c.Targets, dOutputs, M, c.Lengths, BatchReduction.Sum, (LossSteps)2));
        Assert.Equal("lossSteps", e.ParamName);
        Assert.All(dOutputs, value => Assert.Equal(7.0, value));
    }

    [Fact]
    public void Padded_batch_entry_points_allocate_nothing()
    {
        var c = new SequenceLengthCase<Cell.Kernel, double>(13);
        var p = new Parameters<Cell.Kernel, double>(c.P);
        var ws = new Workspace<Cell.Kernel, double>(Steps, M);
        var grads = new Gradients<Cell.Kernel, double>();
        double[] final = new double[M * c.S], caches = new double[Steps * M * Recurrent<Cell.Kernel, double>.CacheLength], outputs = new double[Steps * M * 5];
        double[] dOutputs = new double[outputs.Length], dInitial = new double[M * c.S], dxs = new double[c.Xs.Length], dp = new double[c.P.Length];
        double[] distributions = new double[Steps * M * 3];
        for (int k = 0; k < distributions.Length; k += 3)
        {
            distributions[k] = 1;
        }

        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["Recurrent.ForwardSequenceBatch (lengths)"] = () => Recurrent<Cell.Kernel, double>.ForwardSequenceBatch(c.P, c.Xs, M, c.Lengths, c.Initial, final, caches, outputs),
            ["Recurrent.BpttBatch (lengths)"] = () => Recurrent<Cell.Kernel, double>.BpttBatch(c.P, c.Xs, M, c.Lengths, caches, dOutputs, dInitial, dxs, dp),
            ["Losses.SquaredError (lengths, Last)"] = () => Losses<Cell.Kernel, double>.SquaredError(outputs, c.Targets, dOutputs, M, c.Lengths, BatchReduction.Mean, LossSteps.Last),
            ["Losses.CrossEntropy (lengths)"] = () => Losses<Cell.Kernel, double>.CrossEntropy(c.P, outputs, c.Classes, dOutputs, dp, M, c.Lengths),
            ["Losses.CrossEntropy (distributions, lengths)"] = () => Losses<Cell.Kernel, double>.CrossEntropy(c.P, outputs, distributions, dOutputs, dp, M, c.Lengths),
            ["TypedCell batch (lengths, Every)"] = () => SequenceLengthTests.TypedRun(p, c, false, false, M, c.Lengths, LossSteps.Every, ws, grads, c.Xs, c.Indices, c.Targets, c.Classes, c.Initial),
            ["TypedCell CE batch (one-hot, lengths, Last)"] = () => SequenceLengthTests.TypedRun(p, c, true, true, M, c.Lengths, LossSteps.Last, ws, grads, c.Xs, c.Indices, c.Targets, c.Classes, c.Initial),
        });
    }

    private static double[] Filled(int length) => Enumerable.Repeat(7.0, length).ToArray();

    private static void AssertThrows(Type expected, Action action)
    {
        Exception e = Assert.Throws(expected, action);
        Assert.Equal("lengths", ((ArgumentException)e).ParamName);
    }
}
