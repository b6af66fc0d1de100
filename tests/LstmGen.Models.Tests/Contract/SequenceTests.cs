using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;
using LstmGen.TestSupport;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The sequence layer written once over the contract (<see cref="Recurrent{TKernel, T}"/>, <see cref="Losses{TKernel, T}"/>):
/// forward, loss and BPTT of a four-step sequence from a non-zero state, squared error and cross-entropy, against the
/// independent MathNet reference (loss, every parameter gradient, dx_t, the initial state's gradient) to 1e-12 relative
/// with the Comparison floor rule; one-hot sequences against dense e_index bit for bit; errors before any write;
/// no allocation.
/// </summary>
public sealed class SequenceTests
{
    private const double Tolerance = 1e-12;
    private const int Steps = 4;
    private static readonly int[] Classes = [1, 3, 0, 2];

    [Fact]
    public void Lstm_squared_error_matches_the_reference()
    {
        ReferenceLstm reference = new ReferenceInit(seed: 51).NextLstm(3, 5, 4);
        var init = new ReferenceInit(seed: 52);
        Vector<double>[] xs = init.NextSequence(Steps, 3);
        Vector<double> h0 = init.NextVector(5, 0.5), c0 = init.NextVector(5, 0.5);
        MseTargets targets = init.NextMseTargets(Steps, 5);
        LstmGradients expected = reference.Backward(xs, targets, h0, c0);

        Result actual = Train<Lstm3x5Head4>(ContractLayouts.Flatten(reference), Flat(xs), [.. h0, .. c0], Flat(targets.Values), classes: null);

        Compare(actual, expected.Loss, ContractLayouts.Flatten(expected.Parameters), expected.DX, [.. expected.DH0, .. expected.DC0]);
    }

    [Fact]
    public void Lstm_cross_entropy_matches_the_reference()
    {
        ReferenceLstm reference = new ReferenceInit(seed: 53).NextLstm(3, 5, 4);
        var init = new ReferenceInit(seed: 54);
        Vector<double>[] xs = init.NextSequence(Steps, 3);
        Vector<double> h0 = init.NextVector(5, 0.5), c0 = init.NextVector(5, 0.5);
        LstmGradients expected = reference.Backward(xs, new ClassIndexTargets(Classes), h0, c0);

        Result actual = Train<Lstm3x5Head4>(ContractLayouts.Flatten(reference), Flat(xs), [.. h0, .. c0], targets: null, Classes);

        Compare(actual, expected.Loss, ContractLayouts.Flatten(expected.Parameters), expected.DX, [.. expected.DH0, .. expected.DC0]);
    }

    [Fact]
    public void Rnn_squared_error_and_cross_entropy_match_the_reference()
    {
        ReferenceRnn reference = new ReferenceInit(seed: 55).NextRnn(3, 5, 4);
        var init = new ReferenceInit(seed: 56);
        Vector<double>[] xs = init.NextSequence(Steps, 3);
        Vector<double> h0 = init.NextVector(5, 0.5);
        MseTargets targets = init.NextMseTargets(Steps, 5);
        double[] p = ContractLayouts.Flatten(reference);

        RnnGradients mse = reference.Backward(xs, targets, h0);
        Compare(Train<Rnn3x5Head4>(p, Flat(xs), [.. h0], Flat(targets.Values), classes: null), mse.Loss, ContractLayouts.Flatten(mse.Parameters), mse.DX, [.. mse.DH0]);

        RnnGradients ce = reference.Backward(xs, new ClassIndexTargets(Classes), h0);
        Compare(Train<Rnn3x5Head4>(p, Flat(xs), [.. h0], targets: null, Classes), ce.Loss, ContractLayouts.Flatten(ce.Parameters), ce.DX, [.. ce.DH0]);
    }

    [Fact]
    public void One_hot_sequences_equal_dense_e_index_bit_for_bit()
    {
        OneHotEqualsDense<Lstm3x5Head4>(ContractLayouts.Flatten(new ReferenceInit(seed: 57).NextLstm(3, 5, 4)));
        OneHotEqualsDense<Rnn3x5Head4>(ContractLayouts.Flatten(new ReferenceInit(seed: 58).NextRnn(3, 5, 4)));
    }

    [Fact]
    public void Wrong_arguments_throw_before_anything_is_written()
    {
        double[] p = new double[new CellLayout(RecurrentCellKind.Lstm, 3, 5, 4).ParameterCount];
        double[] xs = new double[Steps * 3], state = new double[10];
        double[] caches = Filled(Steps * Recurrent<Lstm3x5Head4, double>.CacheLength), outputs = Filled(Steps * 5), final = Filled(10), dp = Filled(p.Length);

        Assert.Throws<ArgumentException>("xs", () => Recurrent<Lstm3x5Head4, double>.ForwardSequence(p, new double[7], state, final, caches, outputs));
        Assert.Throws<ArgumentException>("caches", () => Recurrent<Lstm3x5Head4, double>.ForwardSequence(p, xs, state, final, caches.AsSpan(1), outputs));
        Assert.Throws<ArgumentException>("outputs", () => Recurrent<Lstm3x5Head4, double>.ForwardSequence(p, xs, state, final, caches, outputs.AsSpan(5)));
        Assert.Throws<ArgumentOutOfRangeException>("indices", () => Recurrent<Lstm3x5Head4, double>.ForwardSequence(p, [0, 1, 2, 3], state, final, caches, outputs));
        Assert.Throws<ArgumentOutOfRangeException>("classes", () => Losses<Lstm3x5Head4, double>.CrossEntropy(p, new double[Steps * 5], [0, 1, 4, 2], outputs, dp));
        Assert.Throws<ArgumentException>("dInitial", () => Recurrent<Lstm3x5Head4, double>.Bptt(p, xs, caches, outputs, new double[5], default, dp));
        foreach (double[] buffer in new[] { caches, outputs, final, dp })
        {
            Assert.All(buffer, v => Assert.Equal(7.0, v));
        }
    }

    [Fact]
    public void Batch_length_errors_name_the_batch_size_and_the_step_width()
    {
        double[] p = new double[new CellLayout(RecurrentCellKind.Lstm, 3, 5, 4).ParameterCount];
        double[] final = new double[3 * 10], caches = new double[3 * Recurrent<Lstm3x5Head4, double>.CacheLength], outputs = new double[3 * 5];

        var length = Assert.Throws<ArgumentException>("xs", () => Recurrent<Lstm3x5Head4, double>.ForwardSequenceBatch(p, new double[10], 3, default, final, caches, outputs));
        Assert.Contains("m x 3 = 9 values (m = 3), but it has 10", length.Message, StringComparison.Ordinal);
        var batch = Assert.Throws<ArgumentOutOfRangeException>("batchSize", () => Recurrent<Lstm3x5Head4, double>.ForwardSequenceBatch(p, new double[9], 0, default, final, caches, outputs));
        Assert.Equal(0, batch.ActualValue);
        var loss = Assert.Throws<ArgumentException>("outputs", () => Losses<Lstm3x5Head4, double>.SquaredError(new double[12], new double[12], new double[12], BatchReduction.Mean, 2));
        Assert.Contains("m x 5 = 10 values (m = 2), but it has 12", loss.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_training_step_allocates_nothing()
    {
        double[] p = ContractLayouts.Flatten(new ReferenceInit(seed: 59).NextLstm(3, 5, 4));
        double[] xs = [.. new ReferenceInit(seed: 60).NextVector(Steps * 3)], state = new double[10], final = new double[10];
        double[] caches = new double[Steps * Recurrent<Lstm3x5Head4, double>.CacheLength], outputs = new double[Steps * 5], dOutputs = new double[Steps * 5];
        double[] dInitial = new double[10], dxs = new double[xs.Length], dp = new double[p.Length];
        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["forward, cross-entropy, BPTT"] = () =>
            {
                Recurrent<Lstm3x5Head4, double>.ForwardSequence(p, xs, state, final, caches, outputs);
                Losses<Lstm3x5Head4, double>.CrossEntropy(p, outputs, Classes, dOutputs, dp);
                Recurrent<Lstm3x5Head4, double>.Bptt(p, xs, caches, dOutputs, dInitial, dxs, dp);
            },
            ["one-hot forward and BPTT"] = () =>
            {
                Recurrent<Lstm3x5Head4, double>.ForwardSequence(p, [0, 2, 1, 2], state, final, caches, outputs);
                Recurrent<Lstm3x5Head4, double>.Bptt(p, [0, 2, 1, 2], caches, dOutputs, dInitial, dp);
            },
        });
    }

    private static void OneHotEqualsDense<TKernel>(double[] p)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int[] indices = [2, 0, 2, 1];
        int d = TKernel.InputSize, h = TKernel.HiddenSize, s = Recurrent<TKernel, double>.StateLength;
        double[] xs = new double[indices.Length * d];
        for (int t = 0; t < indices.Length; t++)
        {
            xs[(t * d) + indices[t]] = 1;
        }

        double[] state = [.. new ReferenceInit(seed: 61).NextVector(s, 0.5)];
        double[] dOutputs = [.. new ReferenceInit(seed: 62).NextVector(indices.Length * h)];
        (double[] Final, double[] Caches, double[] Outputs, double[] DInitial, double[] Dp) dense = (new double[s], new double[indices.Length * TKernel.CacheLength], new double[indices.Length * h], new double[s], new double[p.Length]);
        var oneHot = (Final: new double[s], Caches: new double[dense.Caches.Length], Outputs: new double[dense.Outputs.Length], DInitial: new double[s], Dp: new double[p.Length]);

        Recurrent<TKernel, double>.ForwardSequence(p, xs, state, dense.Final, dense.Caches, dense.Outputs);
        Recurrent<TKernel, double>.Bptt(p, xs, dense.Caches, dOutputs, dense.DInitial, default, dense.Dp);
        Recurrent<TKernel, double>.ForwardSequence(p, indices, state, oneHot.Final, oneHot.Caches, oneHot.Outputs);
        Recurrent<TKernel, double>.Bptt(p, indices, oneHot.Caches, dOutputs, oneHot.DInitial, oneHot.Dp);

        Assert.Equal(dense.Final, oneHot.Final);
        Assert.Equal(dense.Caches, oneHot.Caches);
        Assert.Equal(dense.Outputs, oneHot.Outputs);
        Assert.Equal(dense.DInitial, oneHot.DInitial);
        Assert.Equal(dense.Dp, oneHot.Dp);
    }

    private sealed record Result(double Loss, double[] Dp, double[] Dxs, double[] DInitial);

    private static Result Train<TKernel>(double[] p, double[] xs, double[] initial, double[]? targets, int[]? classes)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int steps = xs.Length / TKernel.InputSize, h = TKernel.HiddenSize;
        double[] final = new double[initial.Length], caches = new double[steps * TKernel.CacheLength], outputs = new double[steps * h];
        double[] dOutputs = new double[outputs.Length], dInitial = new double[initial.Length], dxs = new double[xs.Length], dp = new double[p.Length];
        Recurrent<TKernel, double>.ForwardSequence(p, xs, initial, final, caches, outputs);
        double loss = targets is not null
            ? Losses<TKernel, double>.SquaredError(outputs, targets, dOutputs)
            : Losses<TKernel, double>.CrossEntropy(p, outputs, classes, dOutputs, dp);
        Recurrent<TKernel, double>.Bptt(p, xs, caches, dOutputs, dInitial, dxs, dp);
        return new Result(loss, dp, dxs, dInitial);
    }

    private static void Compare(Result actual, double loss, double[] dp, IReadOnlyList<Vector<double>> dx, double[] dInitial)
    {
        var comparison = new Comparison(Tolerance);
        comparison.Scalar("loss", actual.Loss, loss);
        comparison.Close("dθ", actual.Dp, dp);
        comparison.Close("dxs", actual.Dxs, Flat(dx));
        comparison.Close("d state_0", actual.DInitial, dInitial);
        comparison.AssertAll();
    }

    private static double[] Flat(IEnumerable<Vector<double>> vectors) => [.. vectors.SelectMany(v => v)];

    private static double[] Filled(int length) => [.. Enumerable.Repeat(7.0, length)];
}
