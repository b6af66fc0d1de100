using Cell = LstmGen.Models.Tests.Cells.Rnn3x5Head4Double;

namespace LstmGen.Models.Tests;

/// <summary>
/// Each documented runtime error of the entry points issue 3 added throws the documented exception type, names the
/// offending argument, and says what was expected — and leaves caller buffers it had not yet written untouched.
/// </summary>
public sealed class RuntimeErrorTests
{
    private readonly Cell.Parameters _p = new();
    private readonly Cell.Gradients _grads = new();

    [Theory]
    [InlineData(-1)]
    [InlineData(Cell.InputSize)]
    public void One_hot_index_out_of_range(int index)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.ForwardOneHot(_p, index, Cell.State.Zero));
        Assert.Equal("index", e.ParamName);
        Assert.Contains($"{Cell.InputSize}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Cell.OutputSize)]
    public void Class_target_out_of_range(int target)
    {
        Cell.Output logits = default;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.CrossEntropyLoss(logits, target, out _));
        Assert.Equal("target", e.ParamName);
        Assert.Contains($"{Cell.OutputSize}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_target_out_of_range_in_a_sequence_leaves_gradients_untouched()
    {
        var outputs = new Cell.Hidden[3];
        var dh = new Cell.Hidden[3];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.CrossEntropyLoss(_p, outputs, [0, 1, Cell.OutputSize], dh, _grads));
        Assert.Contains("target", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.All(_grads.AsSpan().ToArray(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Class_target_out_of_range_in_a_batch_leaves_gradients_untouched()
    {
        var workspace = new Cell.Workspace(maxSteps: 2, maxBatch: 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Cell.CrossEntropyLossAndGradientsBatch(_p, new int[4], [0, 1, 2, -1], 2, BatchReduction.Sum, workspace, _grads));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("element 3", e.Message, StringComparison.Ordinal);
        Assert.All(_grads.AsSpan().ToArray(), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Sequence_loss_with_mismatched_targets()
    {
        var outputs = new Cell.Hidden[3];
        var e = Assert.Throws<ArgumentException>(() => Cell.CrossEntropyLoss(_p, outputs, [0, 1], new Cell.Hidden[3], _grads));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Batch_size_below_one(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Cell.ForwardSequenceBatch(_p, new Cell.Input[6], batchSize, new Cell.State[3], new Cell.State[3], new Cell.StepCache[6], new Cell.Hidden[6]));
        Assert.Equal("batchSize", e.ParamName);
    }

    [Fact]
    public void Batch_inputs_not_a_multiple_of_the_batch_size()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Cell.ForwardSequenceBatch(_p, new Cell.Input[7], 3, new Cell.State[3], new Cell.State[3], new Cell.StepCache[7], new Cell.Hidden[7]));
        Assert.Contains("multiple", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Batch_initial_states_of_the_wrong_count()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Cell.ForwardSequenceBatch(_p, new Cell.Input[6], 3, new Cell.State[2], new Cell.State[3], new Cell.StepCache[6], new Cell.Hidden[6]));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_too_small_for_the_batch()
    {
        var workspace = new Cell.Workspace(maxSteps: 2, maxBatch: 1);
        var e = Assert.Throws<ArgumentException>(() =>
            Cell.CrossEntropyLossAndGradientsBatch(_p, new int[4], new int[4], 2, BatchReduction.Sum, workspace, _grads));
        Assert.Contains("workspace", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.All(_grads.AsSpan().ToArray(), g => Assert.Equal(0.0, g));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Clipping_bounds_must_be_positive_and_finite(double bound)
    {
        Assert.Equal("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => _grads.ClipByGlobalNorm(bound)).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => _grads.ClipByValue(bound)).ParamName);
    }

    [Fact]
    public void Output_FromSpan_with_wrong_length()
    {
        // The wrong length is deliberate: this tests the run-time check that LSTM0101 reports at compile time.
#pragma warning disable LSTM0101
        var e = Assert.Throws<ArgumentException>(() => Cell.Output.FromSpan([1.0, 2.0]));
#pragma warning restore LSTM0101
        Assert.Equal("values", e.ParamName);
        Assert.Contains($"{Cell.OutputSize}", e.Message, StringComparison.Ordinal);
    }
}
