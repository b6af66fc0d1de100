using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// The one adapter from a cell's kernel to <see cref="IRecurrentCell{T}"/>: every member is one line that calls the
/// contract (<see cref="IRecurrentKernel{TSelf, T}"/>, <see cref="Recurrent{TKernel, T}"/>,
/// <see cref="Losses{TKernel, T}"/>, <see cref="SoftmaxHead{TShape, T}"/>) for <typeparamref name="TKernel"/>. It has no
/// state, so one <see cref="Instance"/> per kernel serves every caller and thread:
/// <code>IRecurrentCell&lt;float&gt; cell = RecurrentCell&lt;CharLstm.Kernel, float&gt;.Instance;</code>
/// </summary>
/// <remarks>
/// Written once for every cell; a generated cell needs nothing of its own to be held as "some cell". Inside each member
/// the JIT specialises the contract for <typeparamref name="TKernel"/> (sizes as constants), so the adapter costs one
/// interface call per member and allocates nothing.
/// </remarks>
/// <typeparam name="TKernel">The cell's kernel, e.g. the generated <c>TinyLstm.Kernel</c>.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>, the kernel's scalar type.</typeparam>
public sealed class RecurrentCell<TKernel, T> : IRecurrentCell<T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private RecurrentCell()
    {
    }

    /// <summary>The adapter of <typeparamref name="TKernel"/> (stateless, so shared).</summary>
    public static RecurrentCell<TKernel, T> Instance { get; } = new();

    /// <inheritdoc/>
    public CellLayout Layout => KernelShape<TKernel, T>.Layout;

    /// <inheritdoc/>
    public RecurrentCellKind Kind => TKernel.Kind;

    /// <inheritdoc/>
    public int InputSize => TKernel.InputSize;

    /// <inheritdoc/>
    public int HiddenSize => TKernel.HiddenSize;

    /// <inheritdoc/>
    public int OutputSize => TKernel.OutputSize;

    /// <inheritdoc/>
    public int ParameterCount => CellShape<TKernel>.ParameterCount;

    /// <inheritdoc/>
    public int StateLength => Recurrent<TKernel, T>.StateLength;

    /// <inheritdoc/>
    public int CacheLength => TKernel.CacheLength;

    /// <inheritdoc/>
    public KernelStrategy Strategy => TKernel.Strategy;

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        TKernel.Forward(p, x, state, next, cache);

    /// <inheritdoc/>
    public void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache) =>
        TKernel.ForwardOneHot(p, index, state, next, cache);

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp) =>
        TKernel.Backward(p, x, cache, dNext, dState, dx, dp);

    /// <inheritdoc/>
    public void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp) =>
        TKernel.BackwardOneHot(p, index, cache, dNext, dState, dp);

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next) => TKernel.Step(p, x, state, next);

    /// <inheritdoc/>
    public void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next) => TKernel.StepOneHot(p, index, state, next);

    /// <inheritdoc/>
    public void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> states, Span<T> next) =>
        Recurrent<TKernel, T>.StepBatch(p, xs, batchSize, states, next);

    /// <inheritdoc/>
    public void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> states, Span<T> next) =>
        Recurrent<TKernel, T>.StepBatch(p, indices, batchSize, states, next);

    /// <inheritdoc/>
    public void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs) =>
        Recurrent<TKernel, T>.ForwardSequence(p, xs, initial, final, caches, outputs);

    /// <inheritdoc/>
    public void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs) =>
        Recurrent<TKernel, T>.ForwardSequence(p, indices, initial, final, caches, outputs);

    /// <inheritdoc/>
    public void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs) =>
        Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, batchSize, initial, final, caches, outputs);

    /// <inheritdoc/>
    public void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs) =>
        Recurrent<TKernel, T>.ForwardSequenceBatch(p, indices, batchSize, initial, final, caches, outputs);

    /// <inheritdoc/>
    public void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp) =>
        Recurrent<TKernel, T>.Bptt(p, xs, caches, dOutputs, dInitial, dxs, dp);

    /// <inheritdoc/>
    public void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp) =>
        Recurrent<TKernel, T>.Bptt(p, indices, caches, dOutputs, dInitial, dp);

    /// <inheritdoc/>
    public void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp) =>
        Recurrent<TKernel, T>.BpttBatch(p, xs, batchSize, caches, dOutputs, dInitial, dxs, dp);

    /// <inheritdoc/>
    public void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp) =>
        Recurrent<TKernel, T>.BpttBatch(p, indices, batchSize, caches, dOutputs, dInitial, dp);

    /// <inheritdoc/>
    public void ForwardSequenceBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs) =>
        Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, batchSize, lengths, initial, final, caches, outputs);

    /// <inheritdoc/>
    public void ForwardSequenceBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs) =>
        Recurrent<TKernel, T>.ForwardSequenceBatch(p, indices, batchSize, lengths, initial, final, caches, outputs);

    /// <inheritdoc/>
    public void BpttBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp) =>
        Recurrent<TKernel, T>.BpttBatch(p, xs, batchSize, lengths, caches, dOutputs, dInitial, dxs, dp);

    /// <inheritdoc/>
    public void BpttBatch(
        ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp) =>
        Recurrent<TKernel, T>.BpttBatch(p, indices, batchSize, lengths, caches, dOutputs, dInitial, dp);

    /// <inheritdoc/>
    public T SquaredError(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1) =>
        Losses<TKernel, T>.SquaredError(outputs, targets, dOutputs, reduction, batchSize);

    /// <inheritdoc/>
    public T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1) =>
        Losses<TKernel, T>.CrossEntropy(p, outputs, classes, dOutputs, dp, reduction, batchSize);

    /// <inheritdoc/>
    public T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> distributions, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1) =>
        Losses<TKernel, T>.CrossEntropy(p, outputs, distributions, dOutputs, dp, reduction, batchSize);

    /// <inheritdoc/>
    public T HeadSquaredError(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1) =>
        Losses<TKernel, T>.HeadSquaredError(p, outputs, targets, dOutputs, dp, reduction, batchSize);

    /// <inheritdoc/>
    public T HeadSquaredError(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, int batchSize, ReadOnlySpan<int> lengths,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every) =>
        Losses<TKernel, T>.HeadSquaredError(p, outputs, targets, dOutputs, dp, batchSize, lengths, reduction, lossSteps);

    /// <inheritdoc/>
    public void HeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits) => TKernel.HeadForward(p, h, logits);

    /// <inheritdoc/>
    public void HeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp) => TKernel.HeadBackward(p, h, dLogits, dh, dp);

    /// <inheritdoc/>
    public void Softmax(ReadOnlySpan<T> logits, Span<T> probabilities) => SoftmaxHead<TKernel, T>.Softmax(logits, probabilities);

    /// <inheritdoc/>
    public void LogSoftmax(ReadOnlySpan<T> logits, Span<T> logProbabilities) => SoftmaxHead<TKernel, T>.LogSoftmax(logits, logProbabilities);

    /// <summary>"RecurrentCell of LSTM D = 2, H = 1 (Loops)", for messages.</summary>
    public override string ToString() => $"RecurrentCell of {Layout} ({Strategy})";
}
