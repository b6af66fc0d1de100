using Cell = LstmGen.TestCells.Lstm3x5Double;

namespace LstmGen.Models.Tests.Errors;

/// <summary>
/// One test per documented runtime error of a generated cell (<see cref="Cell"/>: D = 3, H = 5, 180 parameters):
/// wrong lengths give <see cref="ArgumentException"/> naming the expected length (and the length received), bad indices
/// <see cref="ArgumentOutOfRangeException"/>, null references <see cref="ArgumentNullException"/> with the parameter name.
/// </summary>
public sealed class LstmRuntimeErrorTests
{
    private static readonly Cell.Parameters P = new();
    private static readonly Cell.Gradients G = new();

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Input_FromSpan_with_wrong_length(int length) =>
        AssertLength(() => Vec3<double>.FromSpan(new double[length]), expected: 3, length, "values");

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(6)]
    public void Hidden_FromSpan_with_wrong_length(int length) =>
        AssertLength(() => Vec5<double>.FromSpan(new double[length]), expected: 5, length, "values");

    [Theory]
    [InlineData(0)]
    [InlineData(179)]
    [InlineData(181)]
    public void Parameters_and_Gradients_from_span_with_wrong_length(int length)
    {
        AssertLength(() => new Cell.Parameters(new double[length]), expected: Cell.ParameterCount, length, "values");
        AssertLength(() => new Cell.Gradients(new double[length]), expected: Cell.ParameterCount, length, "values");
    }

    [Theory]
    [InlineData(-1, 0, 0, "gate")]
    [InlineData(4, 0, 0, "gate")]
    [InlineData(0, -1, 0, "row")]
    [InlineData(0, 5, 0, "row")]
    [InlineData(3, 0, -1, "column")]
    [InlineData(3, 4, 3, "column")]
    public void W_index_out_of_range(int gate, int row, int column, string parameter)
    {
        AssertOutOfRange(() => P.W((LstmGate)gate, row, column), parameter);
        AssertOutOfRange(() => G.W((LstmGate)gate, row, column), parameter);
    }

    [Theory]
    [InlineData(-1, 0, 0, "gate")]
    [InlineData(4, 0, 0, "gate")]
    [InlineData(1, 5, 0, "row")]
    [InlineData(1, 0, 5, "column")]
    [InlineData(1, 0, -1, "column")]
    public void U_index_out_of_range(int gate, int row, int column, string parameter)
    {
        AssertOutOfRange(() => P.U((LstmGate)gate, row, column), parameter);
        AssertOutOfRange(() => G.U((LstmGate)gate, row, column), parameter);
    }

    [Theory]
    [InlineData(-1, 0, "gate")]
    [InlineData(4, 0, "gate")]
    [InlineData(2, -1, "row")]
    [InlineData(2, 5, "row")]
    public void B_index_out_of_range(int gate, int row, string parameter)
    {
        AssertOutOfRange(() => P.B((LstmGate)gate, row), parameter);
        AssertOutOfRange(() => G.B((LstmGate)gate, row), parameter);
    }

    [Fact]
    public void ForwardSequence_with_mismatched_buffers()
    {
        var xs = new Vec3<double>[3];
        int cache = Cell.CacheLength;
        AssertLength(() => Cell.ForwardSequence(P, xs, default, new double[2 * cache], new Vec5<double>[3]), expected: 3 * cache, 2 * cache, "caches");
        AssertLength(() => Cell.ForwardSequence(P, xs, default, new double[3 * cache], new Vec5<double>[4]), expected: 3, 4, "outputs");
    }

    [Fact]
    public void Bptt_with_mismatched_buffers()
    {
        var xs = new Vec3<double>[3];
        var caches = new double[3 * Cell.CacheLength];
        AssertLength(() => Cell.Bptt(P, xs, caches, new Vec5<double>[2], new Cell.Gradients(), default), expected: 3, 2, "outputGradients");
        AssertLength(() => Cell.Bptt(P, xs, caches, new Vec5<double>[3], new Cell.Gradients(), new Vec3<double>[4]), expected: 3, 4, "inputGradients");
        Cell.Bptt(P, xs, caches, new Vec5<double>[3], new Cell.Gradients(), default); // empty input gradients: documented as "skip"
    }

    [Fact]
    public void MseLoss_sequence_with_mismatched_buffers()
    {
        var outputs = new Vec5<double>[3];
        AssertLength(() => Cell.MseLoss(outputs, new Vec5<double>[2], new Vec5<double>[3]), expected: 3, 2, "targets");
        AssertLength(() => Cell.MseLoss(outputs, new Vec5<double>[3], new Vec5<double>[5]), expected: 3, 5, "outputGradients");
    }

    [Fact]
    public void LossAndGradients_with_mismatched_targets() =>
        AssertLength(() => Cell.LossAndGradients(P, new Vec3<double>[3], new Vec5<double>[2], default, new Cell.Workspace(3), new Cell.Gradients()), expected: 3, 2, "targets");

    [Fact]
    public void LossAndGradients_with_a_workspace_too_short() =>
        AssertLength(() => Cell.LossAndGradients(P, new Vec3<double>[4], new Vec5<double>[4], default, new Cell.Workspace(3), new Cell.Gradients()), expected: 4, 3, "workspace");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Workspace_with_no_steps(int maxSteps) =>
        Assert.Throws<ArgumentOutOfRangeException>("maxSteps", () => new Cell.Workspace(maxSteps));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Sgd_with_a_non_finite_learning_rate_changes_nothing(double learningRate)
    {
        var p = new Cell.Parameters();
        p.B(LstmGate.Output, 0) = 0.25;
        var g = new Cell.Gradients();
        g.B(LstmGate.Output, 0) = 1;

        Assert.Throws<ArgumentOutOfRangeException>("learningRate", () => Cell.Sgd(p, g, learningRate));
        Assert.Equal(0.25, p.B(LstmGate.Output, 0));
    }

    [Fact]
    public void Null_parameters_gradients_or_workspace()
    {
        var cache = new double[Cell.CacheLength];
        var ws = new Cell.Workspace(1);
        Assert.Throws<ArgumentNullException>("p", () => Cell.Forward(null!, default, default, cache));
        Assert.Throws<ArgumentNullException>("p", () => Cell.Backward(null!, default, cache, default, default, G));
        Assert.Throws<ArgumentNullException>("grads", () => Cell.Backward(P, default, cache, default, default, null!));
        Assert.Throws<ArgumentNullException>("p", () => Cell.ForwardSequence(null!, new Vec3<double>[1], default, cache, new Vec5<double>[1]));
        Assert.Throws<ArgumentNullException>("p", () => Cell.Bptt(null!, new Vec3<double>[1], cache, new Vec5<double>[1], G, default));
        Assert.Throws<ArgumentNullException>("grads", () => Cell.Bptt(P, new Vec3<double>[1], cache, new Vec5<double>[1], null!, default));
        Assert.Throws<ArgumentNullException>("p", () => Cell.LossAndGradients(null!, new Vec3<double>[1], new Vec5<double>[1], default, ws, new Cell.Gradients()));
        Assert.Throws<ArgumentNullException>("workspace", () => Cell.LossAndGradients(P, new Vec3<double>[1], new Vec5<double>[1], default, null!, new Cell.Gradients()));
        Assert.Throws<ArgumentNullException>("grads", () => Cell.LossAndGradients(P, new Vec3<double>[1], new Vec5<double>[1], default, ws, null!));
        Assert.Throws<ArgumentNullException>("p", () => Cell.Sgd(null!, G, 0.1));
        Assert.Throws<ArgumentNullException>("grads", () => Cell.Sgd(P, null!, 0.1));
        Assert.Throws<ArgumentNullException>("destination", () => P.CopyTo(null!));
        Assert.Throws<ArgumentNullException>("destination", () => G.CopyTo(null!));
    }

    /// <summary>Asserts an <see cref="ArgumentException"/> (not a subclass) for <paramref name="parameter"/> whose message names both lengths.</summary>
    private static void AssertLength(Action action, int expected, int actual, string parameter)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(parameter, action);
        Assert.Matches($@"\b{expected}\b", ex.Message);
        Assert.Matches($@"\b{actual}\b", ex.Message);
    }

    private static void AssertOutOfRange(Func<object> access, string parameter) =>
        Assert.Throws<ArgumentOutOfRangeException>(parameter, access);
}
