using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Support;
using LstmGen.Reference;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// Each generated cell's <c>Kernel</c> (the cell contract, emitted by the generator) run through the generic runtime
/// agrees with the same cell's generated typed API: the loss and every parameter gradient of a five-step sequence,
/// one-hot inputs with cross-entropy for head cells, dense inputs with squared error otherwise; and time-major batches
/// with mean reduction against the typed batch API. Two implementations
/// written apart (the per-cell emitted code, unrolled or SIMD, and the generic loop kernels), with different summation
/// orders: within 1e-12 relative in double and 1e-5 in float (the Comparison floor rule).
/// </summary>
public sealed class GeneratedKernelTests
{
    private static readonly int[] Indices = [1, 0, 2, 1, 2];
    private static readonly int[] Classes = [3, 1, 0, 2, 1];

    [Fact]
    public void Lstm_and_rnn_with_head_double_unrolled()
    {
        // 4·1·(1 + 1) = 8 and 1·(1 + 1) = 2 multiply-adds: within the unroll budget, so the typed API is straight-line code.
        double[] lstmTheta = Theta<double>(Lstm1x1Head2Double.ParameterCount, Lstm1x1Head2Double.HiddenSize);
        int[] indices = [0, 0, 0, 0, 0], classes = [1, 0, 1, 1, 0];
        var lstmGrads = new Lstm1x1Head2Double.Gradients();
        var (lstmLoss, _) = Lstm1x1Head2Double.CrossEntropyLossAndGradients(
            new Lstm1x1Head2Double.Parameters(lstmTheta), indices, classes, Lstm1x1Head2Double.State.Zero, new Lstm1x1Head2Double.Workspace(indices.Length), lstmGrads);
        AgreeCrossEntropy<Lstm1x1Head2Double.Kernel, double>(lstmTheta, lstmLoss, lstmGrads.AsSpan(), 1e-12, indices, classes);

        double[] rnnTheta = Theta<double>(Rnn1x1Head2Double.ParameterCount, Rnn1x1Head2Double.HiddenSize);
        var rnnGrads = new Rnn1x1Head2Double.Gradients();
        var (rnnLoss, _) = Rnn1x1Head2Double.CrossEntropyLossAndGradients(
            new Rnn1x1Head2Double.Parameters(rnnTheta), indices, classes, Rnn1x1Head2Double.State.Zero, new Rnn1x1Head2Double.Workspace(indices.Length), rnnGrads);
        AgreeCrossEntropy<Rnn1x1Head2Double.Kernel, double>(rnnTheta, rnnLoss, rnnGrads.AsSpan(), 1e-12, indices, classes);
    }

    [Fact]
    public void Lstm_with_head_double_small_simd()
    {
        double[] theta = Theta<double>(Lstm3x5Head4Double.ParameterCount, Lstm3x5Head4Double.HiddenSize);
        var grads = new Lstm3x5Head4Double.Gradients();
        var (loss, _) = Lstm3x5Head4Double.CrossEntropyLossAndGradients(
            new Lstm3x5Head4Double.Parameters(theta), Indices, Classes, Lstm3x5Head4Double.State.Zero, new Lstm3x5Head4Double.Workspace(Indices.Length), grads);
        AgreeCrossEntropy<Lstm3x5Head4Double.Kernel, double>(theta, loss, grads.AsSpan(), 1e-12);
    }

    [Fact]
    public void Lstm_with_head_double_simd()
    {
        double[] theta = Theta<double>(Lstm10x128Head10Double.ParameterCount, Lstm10x128Head10Double.HiddenSize);
        var grads = new Lstm10x128Head10Double.Gradients();
        var (loss, _) = Lstm10x128Head10Double.CrossEntropyLossAndGradients(
            new Lstm10x128Head10Double.Parameters(theta), Indices, Classes, Lstm10x128Head10Double.State.Zero, new Lstm10x128Head10Double.Workspace(Indices.Length), grads);
        AgreeCrossEntropy<Lstm10x128Head10Double.Kernel, double>(theta, loss, grads.AsSpan(), 1e-12);
    }

    [Fact]
    public void Rnn_with_head_float_simd()
    {
        float[] theta = Theta<float>(Rnn10x128Head10Float.ParameterCount, Rnn10x128Head10Float.HiddenSize);
        var grads = new Rnn10x128Head10Float.Gradients();
        var (loss, _) = Rnn10x128Head10Float.CrossEntropyLossAndGradients(
            new Rnn10x128Head10Float.Parameters(theta), Indices, Classes, Rnn10x128Head10Float.State.Zero, new Rnn10x128Head10Float.Workspace(Indices.Length), grads);
        AgreeCrossEntropy<Rnn10x128Head10Float.Kernel, float>(theta, loss, grads.AsSpan(), 1e-5);
    }

    [Fact]
    public void Lstm_and_rnn_squared_error_double_dense()
    {
        double[] lstmTheta = Theta<double>(Lstm3x5Double.ParameterCount, Lstm3x5Double.HiddenSize);
        double[] xs = Theta<double>(Indices.Length * 3, 1), ys = Theta<double>(Indices.Length * 5, 1);
        var lstmGrads = new Lstm3x5Double.Gradients();
        var (lstmLoss, _) = Lstm3x5Double.LossAndGradients(
            new Lstm3x5Double.Parameters(lstmTheta), Chunks(xs, 3, Vec3<double>.FromSpan), Chunks(ys, 5, Vec5<double>.FromSpan),
            Lstm3x5Double.State.Zero, new Lstm3x5Double.Workspace(Indices.Length), lstmGrads);
        AgreeSquaredError<Lstm3x5Double.Kernel, double>(lstmTheta, xs, ys, lstmLoss, lstmGrads.AsSpan(), 1e-12);

        double[] rnnTheta = Theta<double>(Rnn10x128Double.ParameterCount, Rnn10x128Double.HiddenSize);
        double[] rnnXs = Theta<double>(Indices.Length * 10, 1), rnnYs = Theta<double>(Indices.Length * 128, 1);
        var rnnGrads = new Rnn10x128Double.Gradients();
        var (rnnLoss, _) = Rnn10x128Double.LossAndGradients(
            new Rnn10x128Double.Parameters(rnnTheta), Chunks(rnnXs, 10, Vec10<double>.FromSpan), Chunks(rnnYs, 128, Vec128<double>.FromSpan),
            Rnn10x128Double.State.Zero, new Rnn10x128Double.Workspace(Indices.Length), rnnGrads);
        AgreeSquaredError<Rnn10x128Double.Kernel, double>(rnnTheta, rnnXs, rnnYs, rnnLoss, rnnGrads.AsSpan(), 1e-12);
    }

    [Fact]
    public void Batches_with_mean_reduction_agree_with_the_typed_batch_api()
    {
        const int M = 3;
        int[] indices = [1, 0, 2, 1, 2, 0, 0, 2, 1, 2, 1, 0], classes = [3, 1, 0, 2, 1, 3, 0, 0, 2, 1, 3, 2];   // T = 4 steps x m = 3, time-major

        double[] theta = Theta<double>(Lstm10x128Head10Double.ParameterCount, Lstm10x128Head10Double.HiddenSize);
        var grads = new Lstm10x128Head10Double.Gradients();
        double loss = Lstm10x128Head10Double.CrossEntropyLossAndGradientsBatch(
            new Lstm10x128Head10Double.Parameters(theta), indices, classes, M, BatchReduction.Mean, new Lstm10x128Head10Double.Workspace(4, M), grads);
        var run = new ContractRun<Lstm10x128Head10Double.Kernel, double>(theta, indices.Length, M);
        Recurrent<Lstm10x128Head10Double.Kernel, double>.ForwardSequenceBatch(theta, indices, M, default, run.Final, run.Caches, run.Outputs);
        double contractLoss = Losses<Lstm10x128Head10Double.Kernel, double>.CrossEntropy(theta, run.Outputs, classes, run.DOutputs, run.Dp, BatchReduction.Mean, M);
        Recurrent<Lstm10x128Head10Double.Kernel, double>.BpttBatch(theta, indices, M, run.Caches, run.DOutputs, run.DInitial, run.Dp);
        Compare(contractLoss, run.Dp, loss, grads.AsSpan(), 1e-12);

        double[] rnnTheta = Theta<double>(Rnn3x5Double.ParameterCount, Rnn3x5Double.HiddenSize);
        double[] xs = Theta<double>(12 * 3, 1), ys = Theta<double>(12 * 5, 1);
        var rnnGrads = new Rnn3x5Double.Gradients();
        double rnnLoss = Rnn3x5Double.LossAndGradientsBatch(
            new Rnn3x5Double.Parameters(rnnTheta), Chunks(xs, 3, Vec3<double>.FromSpan), Chunks(ys, 5, Vec5<double>.FromSpan), M, BatchReduction.Mean,
            new Rnn3x5Double.Workspace(4, M), rnnGrads);
        var rnnRun = new ContractRun<Rnn3x5Double.Kernel, double>(rnnTheta, 12, M);
        Recurrent<Rnn3x5Double.Kernel, double>.ForwardSequenceBatch(rnnTheta, xs, M, default, rnnRun.Final, rnnRun.Caches, rnnRun.Outputs);
        double rnnContractLoss = Losses<Rnn3x5Double.Kernel, double>.SquaredError(rnnRun.Outputs, ys, rnnRun.DOutputs, BatchReduction.Mean, M);
        Recurrent<Rnn3x5Double.Kernel, double>.BpttBatch(rnnTheta, xs, M, rnnRun.Caches, rnnRun.DOutputs, rnnRun.DInitial, default, rnnRun.Dp);
        Compare(rnnContractLoss, rnnRun.Dp, rnnLoss, rnnGrads.AsSpan(), 1e-12);
    }

    private static void AgreeCrossEntropy<TKernel, T>(T[] theta, T loss, ReadOnlySpan<T> grads, double tolerance, int[]? indices = null, int[]? classes = null)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        indices ??= Indices;
        classes ??= Classes;
        var run = new ContractRun<TKernel, T>(theta, indices.Length);
        Recurrent<TKernel, T>.ForwardSequence(theta, indices, run.Initial, run.Final, run.Caches, run.Outputs);
        T contractLoss = Losses<TKernel, T>.CrossEntropy(theta, run.Outputs, classes, run.DOutputs, run.Dp);
        Recurrent<TKernel, T>.Bptt(theta, indices, run.Caches, run.DOutputs, run.DInitial, run.Dp);
        Compare(contractLoss, run.Dp, loss, grads, tolerance);
    }

    private static void AgreeSquaredError<TKernel, T>(T[] theta, T[] xs, T[] ys, T loss, ReadOnlySpan<T> grads, double tolerance)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var run = new ContractRun<TKernel, T>(theta, Indices.Length);
        Recurrent<TKernel, T>.ForwardSequence(theta, xs, run.Initial, run.Final, run.Caches, run.Outputs);
        T contractLoss = Losses<TKernel, T>.SquaredError(run.Outputs, ys, run.DOutputs);
        Recurrent<TKernel, T>.Bptt(theta, xs, run.Caches, run.DOutputs, run.DInitial, default, run.Dp);
        Compare(contractLoss, run.Dp, loss, grads, tolerance);
    }

    private static void Compare<T>(T actualLoss, T[] actualGrads, T expectedLoss, ReadOnlySpan<T> expectedGrads, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var comparison = new Comparison(tolerance, typeof(T) == typeof(float) ? Comparison.FloatFloorFraction : Comparison.DoubleFloorFraction);
        comparison.Scalar("loss", double.CreateTruncating(actualLoss), double.CreateTruncating(expectedLoss));
        comparison.Close("dθ", [.. actualGrads.Select(double.CreateTruncating)], [.. expectedGrads.ToArray().Select(double.CreateTruncating)]);
        comparison.AssertAll();
    }

    /// <summary>
    /// Values uniform in [−1/√H, 1/√H], PyTorch's default initialisation (a larger scale saturates an H = 128 cell and
    /// amplifies float rounding through the recurrence, which would measure the conditioning, not the code), from a
    /// fixed seed.
    /// </summary>
    private static T[] Theta<T>(int count, int hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var init = new ReferenceInit(seed: count);
        return [.. Enumerable.Range(0, count).Select(_ => T.CreateTruncating(init.NextUniform(1 / Math.Sqrt(hidden))))];
    }

    private static TVector[] Chunks<TVector>(double[] values, int size, Func<ReadOnlySpan<double>, TVector> create) =>
        [.. Enumerable.Range(0, values.Length / size).Select(t => create(values.AsSpan(t * size, size)))];

    /// <summary>Buffers for <paramref name="elements"/> = T·m steps of m sequences (m = 1: one sequence).</summary>
    private sealed class ContractRun<TKernel, T>(T[] theta, int elements, int m = 1)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public T[] Initial { get; } = new T[m * Recurrent<TKernel, T>.StateLength];
        public T[] Final { get; } = new T[m * Recurrent<TKernel, T>.StateLength];
        public T[] Caches { get; } = new T[elements * Recurrent<TKernel, T>.CacheLength];
        public T[] Outputs { get; } = new T[elements * TKernel.HiddenSize];
        public T[] DOutputs { get; } = new T[elements * TKernel.HiddenSize];
        public T[] DInitial { get; } = new T[m * Recurrent<TKernel, T>.StateLength];
        public T[] Dp { get; } = new T[theta.Length];
    }
}
