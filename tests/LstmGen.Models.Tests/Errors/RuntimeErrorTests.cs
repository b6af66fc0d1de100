using Cell = LstmGen.TestCells.Rnn3x5Head4Double;
using FloatCell = LstmGen.TestCells.Rnn3x5Head4Float;

namespace LstmGen.Models.Tests.Errors;

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
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.ForwardOneHot(_p, index, Cell.State.Zero, new double[Cell.CacheLength]));
        Assert.Equal("index", e.ParamName);
        Assert.Contains($"{Cell.InputSize}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Cell.OutputSize)]
    public void Class_target_out_of_range(int target)
    {
        Vec4<double> logits = default;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.CrossEntropyLoss(logits, target, out _));
        Assert.Equal("target", e.ParamName);
        Assert.Contains($"{Cell.OutputSize}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_target_out_of_range_in_a_sequence_leaves_gradients_untouched()
    {
        var outputs = new Vec5<double>[3];
        var dh = new Vec5<double>[3];
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

    [Theory]
    [InlineData(-0.5, 1.5, 0.0, 0.0)]                                        // sums to 1, one entry negative
    [InlineData(double.NaN, 1.0, 0.0, 0.0)]
    [InlineData(double.PositiveInfinity, 0.0, 0.0, 0.0)]
    [InlineData(1.0, 1.0, 1.0, 1.0)]                                        // sums to 4
    [InlineData(0.25, 0.25, 0.25, 0.25000000000001)]                        // 1e-14 over: beyond 2·V·ε = 1.8e-15
    public void Distribution_target_that_is_not_a_distribution(double q0, double q1, double q2, double q3)
    {
        Vec4<double> logits = default;
        var target = Vec4<double>.FromSpan([q0, q1, q2, q3]);

        var e = Assert.Throws<ArgumentException>(() => Cell.CrossEntropyLoss(logits, target, out _));

        Assert.Equal("target", e.ParamName);
        Assert.Contains("sum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distribution_targets_within_rounding_of_one_are_accepted()
    {
        var random = new Random(21);
        var floatLogits = default(Vec4<float>);
        for (int k = 0; k < 1000; k++)
        {
            // Normalised in float by the caller, as a softmax or label smoothing would: Σ q = 1 only up to rounding.
            float[] x = [.. Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble())];
            float sum = x.Sum();
            var q = Vec4<float>.FromSpan([x[0] / sum, x[1] / sum, x[2] / sum, x[3] / sum]);
            FloatCell.CrossEntropyLoss(floatLogits, q, out _);
        }

        Cell.CrossEntropyLoss(default, Vec4<double>.FromSpan([1 / 3.0, 1 / 3.0, 1 / 3.0, 0]), out _);
        Cell.CrossEntropyLoss(default, Vec4<double>.FromSpan([0.1, 0.2, 0.3, 0.4]), out _);
    }

    [Fact]
    public void Distribution_target_that_is_not_a_distribution_in_a_sequence_leaves_buffers_untouched()
    {
        var outputs = new Vec5<double>[3];
        var dh = new Vec5<double>[3];
        dh.AsSpan().Fill(Vec5<double>.FromSpan([7, 7, 7, 7, 7]));
        Vec4<double> good = Vec4<double>.FromSpan([0.5, 0.5, 0, 0]), bad = Vec4<double>.FromSpan([0.5, 0.6, 0, 0]);

        var e = Assert.Throws<ArgumentException>(() => Cell.CrossEntropyLoss(_p, outputs, [good, good, bad], dh, _grads));

        Assert.Equal("targets", e.ParamName);
        Assert.Contains("target 2", e.Message, StringComparison.Ordinal);
        Assert.All(_grads.AsSpan().ToArray(), g => Assert.Equal(0.0, g));
        Assert.All(dh, h => Assert.Equal(7.0, h[0]));
    }

    [Fact]
    public void Distribution_target_that_is_not_a_distribution_in_a_batch_leaves_buffers_untouched()
    {
        var workspace = new Cell.Workspace(maxSteps: 2, maxBatch: 2);
        Vec4<double> good = Vec4<double>.FromSpan([0, 0, 1, 0]), bad = Vec4<double>.FromSpan([0, 0, -1, 2]);

        var e = Assert.Throws<ArgumentException>(() =>
            Cell.CrossEntropyLossAndGradientsBatch(_p, new int[4], [good, good, good, bad], 2, BatchReduction.Sum, workspace, _grads));

        Assert.Equal("targets", e.ParamName);
        Assert.Contains("target 3", e.Message, StringComparison.Ordinal);
        Assert.All(_grads.AsSpan().ToArray(), g => Assert.Equal(0.0, g));
        Assert.All(workspace.Caches.ToArray(), c => Assert.Equal(default, c));
    }

    [Fact]
    public void One_hot_index_out_of_range_in_a_sequence_leaves_buffers_untouched()
    {
        var caches = new double[5 * Cell.CacheLength];
        var outputs = new Vec5<double>[5];
        outputs.AsSpan().Fill(Vec5<double>.FromSpan([7, 7, 7, 7, 7]));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.ForwardSequence(_p, [0, 1, 2, 99, 0], Cell.State.Zero, caches, outputs));

        Assert.Equal("inputs", e.ParamName);
        Assert.Contains("element 3", e.Message, StringComparison.Ordinal);
        Assert.All(outputs, h => Assert.Equal(7.0, h[0]));
        Assert.All(caches, c => Assert.Equal(0.0, c));
    }

    [Fact]
    public void One_hot_index_out_of_range_in_a_batch_leaves_buffers_untouched()
    {
        var final = new Cell.State[2];
        final.AsSpan().Fill(new Cell.State(Vec5<double>.FromSpan([7, 7, 7, 7, 7])));
        var caches = new double[4 * Cell.CacheLength];
        var outputs = new Vec5<double>[4];
        var next = new Cell.State[4];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Cell.ForwardSequenceBatch(_p, [0, 1, 2, -1], 2, default, final, caches, outputs));
        var step = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.ForwardBatch(_p, [0, 1, 2, -1], new Cell.State[4], next, caches));

        Assert.Equal("inputs", e.ParamName);
        Assert.Equal("inputs", step.ParamName);
        Assert.All(final, s => Assert.Equal(7.0, s.H[0]));
        Assert.All(outputs, h => Assert.Equal(0.0, h[0]));
        Assert.All(caches, c => Assert.Equal(0.0, c));
        Assert.All(next, s => Assert.Equal(default, s));
    }

    [Fact]
    public void One_hot_index_out_of_range_in_bptt_leaves_gradients_untouched()
    {
        var caches = new double[4 * Cell.CacheLength];
        var dh = new Vec5<double>[4];

        var sequence = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.Bptt(_p, [0, 1, 2, 99], caches, dh, _grads));
        var batch = Assert.Throws<ArgumentOutOfRangeException>(() => Cell.BpttBatch(_p, [0, 1, 2, -1], caches, dh, 2, _grads, default));

        Assert.Equal("inputs", sequence.ParamName);
        Assert.Equal("inputs", batch.ParamName);
        Assert.Contains("element 3", sequence.Message, StringComparison.Ordinal);
        Assert.All(_grads.AsSpan().ToArray(), g => Assert.Equal(0.0, g));
    }

    [Theory]
    [InlineData(int.MaxValue, 2)]
    [InlineData(2, int.MaxValue)]
    [InlineData(65536, 65536)]
    public void Workspace_sizes_whose_product_overflows(int maxSteps, int maxBatch)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Cell.Workspace(maxSteps, maxBatch));

        Assert.Contains($"{maxSteps}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{maxBatch}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{Array.MaxLength}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_length_messages_name_one_unit()
    {
        var initial = Assert.Throws<ArgumentException>(() =>
            Cell.ForwardSequenceBatch(_p, new Vec3<double>[6], 3, new Cell.State[2], new Cell.State[3], new double[6 * Cell.CacheLength], new Vec5<double>[6]));
        var caches = Assert.Throws<ArgumentException>(() =>
            Cell.ForwardSequenceBatch(_p, new Vec3<double>[6], 3, default, new Cell.State[3], new double[5 * Cell.CacheLength], new Vec5<double>[6]));
        var step = Assert.Throws<ArgumentException>(() => Cell.ForwardBatch(_p, new Vec3<double>[3], new Cell.State[2], new Cell.State[3], new double[3 * Cell.CacheLength]));

        Assert.Contains("one per sequence", initial.Message, StringComparison.Ordinal);
        Assert.Contains("T x m", caches.Message, StringComparison.Ordinal);
        Assert.Contains("one per sample", step.Message, StringComparison.Ordinal);
        Assert.All(new[] { initial, caches, step }, e => Assert.DoesNotContain("timestep", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Sequence_loss_with_mismatched_targets()
    {
        var outputs = new Vec5<double>[3];
        var e = Assert.Throws<ArgumentException>(() => Cell.CrossEntropyLoss(_p, outputs, [0, 1], new Vec5<double>[3], _grads));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Batch_size_below_one(int batchSize)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Cell.ForwardSequenceBatch(_p, new Vec3<double>[6], batchSize, new Cell.State[3], new Cell.State[3], new double[6 * Cell.CacheLength], new Vec5<double>[6]));
        Assert.Equal("batchSize", e.ParamName);
    }

    [Fact]
    public void Batch_inputs_not_a_multiple_of_the_batch_size()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Cell.ForwardSequenceBatch(_p, new Vec3<double>[7], 3, new Cell.State[3], new Cell.State[3], new double[7 * Cell.CacheLength], new Vec5<double>[7]));
        Assert.Contains("whole number of steps", e.Message, StringComparison.OrdinalIgnoreCase);   // 0.2 wording of "a multiple of m x D"
    }

    [Fact]
    public void Batch_initial_states_of_the_wrong_count()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Cell.ForwardSequenceBatch(_p, new Vec3<double>[6], 3, new Cell.State[2], new Cell.State[3], new double[6 * Cell.CacheLength], new Vec5<double>[6]));
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
        var e = Assert.Throws<ArgumentException>(() => Vec4<double>.FromSpan([1.0, 2.0]));
#pragma warning restore LSTM0101
        Assert.Equal("values", e.ParamName);
        Assert.Contains($"{Cell.OutputSize}", e.Message, StringComparison.Ordinal);
    }
}
