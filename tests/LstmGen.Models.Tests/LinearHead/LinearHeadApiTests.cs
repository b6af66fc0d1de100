using LstmGen.Kernels;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.LinearHead;

/// <summary>
/// The generated API of a linear-head cell: its layout names the head, the one-call training gives the low-level
/// contract's numbers, the streaming step returns y, a loss for another head is refused by name, and nothing allocates.
/// </summary>
public sealed class LinearHeadApiTests
{
    private const int Steps = 4, Batch = 3;

    [Fact]
    public void The_layout_and_the_kernel_name_the_linear_head()
    {
        Assert.Equal(OutputHead.Linear, LinearGru2x3V2Double.Layout.Head);
        Assert.Equal(OutputHead.Linear, RecurrentCell<LinearGru2x3V2Double.Kernel, double>.Instance.Layout.Head);
        Assert.Equal("GRU D = 2, H = 3, linear V = 2", LinearGru2x3V2Double.Layout.ToString());
        Assert.Equal(OutputHead.Softmax, RecurrentCell<Lstm3x5Head4Double.Kernel, double>.Instance.Layout.Head);
        Assert.Equal(OutputHead.None, RecurrentCell<Lstm3x5Double.Kernel, double>.Instance.Layout.Head);
        Assert.Equal(new CellLayout(RecurrentCellKind.Lstm, 3, 5, 4), new CellLayout(RecurrentCellKind.Lstm, 3, 5, 4, OutputHead.Softmax));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellLayout(RecurrentCellKind.Lstm, 3, 5, 0, OutputHead.Linear));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellLayout(RecurrentCellKind.Lstm, 3, 5, 2, OutputHead.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellLayout(RecurrentCellKind.Lstm, 3, 5, 2, (OutputHead)7));
    }

    [Theory]
    [InlineData(LossSteps.Every)]
    [InlineData(LossSteps.Last)]
    public void The_one_call_training_is_the_low_level_contract(LossSteps lossSteps)
    {
        (var p, double[] xs, double[] targets) = Problem();
        int[] lengths = [4, 2, 3];
        var grads = new LinearGru2x3V2Double.Gradients();
        double loss = LinearGru2x3V2Double.HeadMseLossAndGradientsBatch(
            p, Inputs(xs), Outputs(targets), Batch, lengths, BatchReduction.Mean, lossSteps, new LinearGru2x3V2Double.Workspace(Steps, Batch), grads);

        int rows = Steps * Batch;
        double[] caches = new double[rows * LinearGru2x3V2Double.CacheLength], outputs = new double[rows * 3], dOutputs = new double[rows * 3];
        double[] dp = new double[LinearGru2x3V2Double.ParameterCount], final = new double[Batch * 3], dInitial = new double[Batch * 3];
        IRecurrentCell<double> cell = RecurrentCell<LinearGru2x3V2Double.Kernel, double>.Instance;
        Recurrent<LinearGru2x3V2Double.Kernel, double>.ForwardSequenceBatch(p.AsSpan(), xs, Batch, lengths, default, final, caches, outputs);
        double expected = cell.HeadSquaredError(p.AsSpan(), outputs, targets, dOutputs, dp, Batch, lengths, BatchReduction.Mean, lossSteps);
        Recurrent<LinearGru2x3V2Double.Kernel, double>.BpttBatch(p.AsSpan(), xs, Batch, lengths, caches, dOutputs, dInitial, default, dp);

        // The same operations in the same order: equal to the last bit.
        Assert.Equal(expected, loss);
        Assert.Equal(dp, grads.AsSpan().ToArray());
    }

    [Fact]
    public void The_streaming_step_returns_the_prediction_and_the_step_loss_is_the_formula()
    {
        (var p, double[] xs, double[] targets) = Problem();
        var x = new Vec2<double>();
        x[0] = xs[0];
        x[1] = xs[1];
        LinearGru2x3V2Double.State next = LinearGru2x3V2Double.Step(p, x, default, out Vec2<double> prediction);
        Vec2<double> y = LinearGru2x3V2Double.HeadForward(p, next.H);
        Assert.Equal(y[0], prediction[0]);
        Assert.Equal(y[1], prediction[1]);

        var target = new Vec2<double>();
        target[0] = targets[0];
        target[1] = targets[1];
        double loss = LinearGru2x3V2Double.HeadMseLoss(y, target, out Vec2<double> dy);
        Assert.Equal(0.5 * (((y[0] - target[0]) * (y[0] - target[0])) + ((y[1] - target[1]) * (y[1] - target[1]))), loss, 15);
        Assert.Equal(y[0] - target[0], dy[0]);
        Assert.Equal(y[1] - target[1], dy[1]);
    }

    [Fact]
    public void Cross_entropy_on_a_linear_head_and_the_head_squared_error_on_other_heads_are_refused_by_name()
    {
        var linear = RecurrentCell<LinearRnn2x4V3Double.Kernel, double>.Instance;
        double[] p = new double[linear.ParameterCount], outputs = new double[4], dOutputs = new double[4], dp = new double[p.Length];
        var e = Assert.Throws<NotSupportedException>(() => linear.CrossEntropy(p, outputs, [0], dOutputs, dp));
        Assert.Equal("This cell has a linear head (OutputHead.Linear, V = 3); cross-entropy needs a softmax head (OutputHead.Softmax).", e.Message);
        e = Assert.Throws<NotSupportedException>(() => TypedCell<LinearRnn2x4V3Double.Kernel, double>.CrossEntropyLossAndGradients(
            new LinearRnn2x4V3Double.Parameters(), new Vec2<double>[1], [0], default(LinearRnn2x4V3Double.State), new LinearRnn2x4V3Double.Workspace(1), new LinearRnn2x4V3Double.Gradients()));
        Assert.Contains("LinearRnn2x4V3Double has a linear head (OutputHead.Linear, V = 3)", e.Message, StringComparison.Ordinal);

        var softmax = RecurrentCell<Rnn3x5Head4Double.Kernel, double>.Instance;
        e = Assert.Throws<NotSupportedException>(() => softmax.HeadSquaredError(new double[softmax.ParameterCount], new double[5], new double[4], new double[5], new double[softmax.ParameterCount]));
        Assert.Equal("This cell has a softmax head (OutputHead.Softmax, V = 4); the head's squared error needs a linear head (OutputHead.Linear).", e.Message);
        var none = RecurrentCell<Rnn3x5Double.Kernel, double>.Instance;
        e = Assert.Throws<NotSupportedException>(() => none.HeadSquaredError(new double[none.ParameterCount], new double[5], new double[1], new double[5], new double[none.ParameterCount]));
        Assert.StartsWith("This cell has no head (OutputSize = 0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_target_lengths_throw_before_anything_is_written()
    {
        var cell = RecurrentCell<LinearRnn2x4V3Double.Kernel, double>.Instance;
        double[] dOutputs = [.. Enumerable.Repeat(7.0, 8)], dp = [.. Enumerable.Repeat(7.0, cell.ParameterCount)];
        Assert.Throws<ArgumentException>(() => cell.HeadSquaredError(new double[cell.ParameterCount], new double[8], new double[5], dOutputs, dp));
        Assert.All(dOutputs, value => Assert.Equal(7.0, value));
        Assert.All(dp, value => Assert.Equal(7.0, value));
    }

    [Fact]
    public void Linear_head_training_allocates_nothing()
    {
        (var p, double[] xs, double[] targets) = Problem();
        Vec2<double>[] inputs = Inputs(xs).ToArray(), outputTargets = Outputs(targets).ToArray();
        int[] lengths = [4, 2, 3];
        var ws = new LinearGru2x3V2Double.Workspace(Steps, Batch);
        var grads = new LinearGru2x3V2Double.Gradients();
        var hs = new Vec3<double>[Steps];
        var dhs = new Vec3<double>[Steps];
        double[] outputs = new double[Steps * Batch * 3], dOutputs = new double[outputs.Length], dp = new double[LinearGru2x3V2Double.ParameterCount];
        IRecurrentCell<double> cell = RecurrentCell<LinearGru2x3V2Double.Kernel, double>.Instance;
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["HeadMseLossAndGradientsBatch (lengths, Last)"] = () => LinearGru2x3V2Double.HeadMseLossAndGradientsBatch(
                p, inputs, outputTargets, Batch, lengths, BatchReduction.Sum, LossSteps.Last, ws, grads),
            ["HeadMseLossAndGradientsBatch"] = () => LinearGru2x3V2Double.HeadMseLossAndGradientsBatch(p, inputs, outputTargets, Batch, BatchReduction.Mean, ws, grads),
            ["HeadMseLossAndGradients"] = () => LinearGru2x3V2Double.HeadMseLossAndGradients(p, inputs.AsSpan(0, Steps), outputTargets.AsSpan(0, Steps), default, ws, grads),
            ["HeadMseLoss (sequence)"] = () => LinearGru2x3V2Double.HeadMseLoss(p, hs, outputTargets.AsSpan(0, Steps), dhs, grads),
            ["HeadSquaredError (contract, lengths)"] = () => cell.HeadSquaredError(p.AsSpan(), outputs, targets, dOutputs, dp, Batch, lengths),
            ["Step with prediction"] = () => LinearGru2x3V2Double.Step(p, inputs[0], default, out Vec2<double> _),
        });
    }

    private static (LinearGru2x3V2Double.Parameters P, double[] Xs, double[] Targets) Problem()
    {
        var random = new Random(14);
        double[] values = [.. Enumerable.Range(0, LinearGru2x3V2Double.ParameterCount).Select(_ => random.NextDouble() - 0.5)];
        double[] xs = [.. Enumerable.Range(0, Steps * Batch * 2).Select(_ => (2 * random.NextDouble()) - 1)];
        double[] targets = [.. Enumerable.Range(0, Steps * Batch * 2).Select(_ => (2 * random.NextDouble()) - 1)];
        return (new LinearGru2x3V2Double.Parameters(values), xs, targets);
    }

    private static ReadOnlySpan<Vec2<double>> Inputs(double[] xs) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vec2<double>>(xs);

    private static ReadOnlySpan<Vec2<double>> Outputs(double[] targets) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vec2<double>>(targets);
}
