using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// "Some cell" of scalar type <typeparamref name="T"/>, whatever its sizes: the kernel contract
/// (<see cref="IRecurrentKernel{TSelf, T}"/>, <see cref="Recurrent{TKernel, T}"/>, <see cref="Losses{TKernel, T}"/>)
/// behind instance members, for code that holds a cell chosen at run time — tests, interop, ONNX export, a demo —
/// without knowing its kernel type. Get one with <see cref="RecurrentCell{TKernel, T}"/>:
/// <code>IRecurrentCell&lt;double&gt; cell = RecurrentCell&lt;TinyLstm.Kernel, double&gt;.Instance;</code>
/// </summary>
/// <remarks>
/// <para>Every member forwards to the contract and behaves exactly as it does: same results bit for bit, same
/// argument checks and exceptions (thrown before anything is written), nothing allocated. The only cost is one
/// interface call per member; inside it the kernel runs with its sizes as JIT constants. Buffers are flat spans owned by
/// the caller, in the contract's shapes and argument order (parameters, inputs, state, buffers written, gradient
/// accumulator): <c>p</c> [<see cref="ParameterCount"/>] laid out by <see cref="Layout"/>; a state [S =
/// <see cref="StateLength"/>] is <c>[h]</c> or <c>[h | c]</c>; a step cache [<see cref="CacheLength"/>]; sequences
/// time-major.</para>
/// <para>An adapter over cells is also the way to reach a cell's static members through a generic type parameter you
/// do not have: static abstract members cannot be called through an interface instance.</para>
/// </remarks>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public interface IRecurrentCell<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // ---- sizes ----

    /// <summary>The cell's kind and sizes, and where each weight lives in <c>p</c>.</summary>
    CellLayout Layout { get; }

    /// <summary>LSTM or tanh RNN.</summary>
    RecurrentCellKind Kind { get; }

    /// <summary>D: the length of every input vector (the number of classes of a one-hot input).</summary>
    int InputSize { get; }

    /// <summary>H: the length of the hidden state.</summary>
    int HiddenSize { get; }

    /// <summary>V: the classes of the softmax head; 0 when the cell has none.</summary>
    int OutputSize { get; }

    /// <summary>The length of the flat parameter buffer <c>p</c> (and of its gradient <c>dp</c>).</summary>
    int ParameterCount { get; }

    /// <summary>S: H for an RNN or a GRU, 2H for an LSTM (<c>[h | c]</c>).</summary>
    int StateLength { get; }

    /// <summary>The scalars one forward step caches for its backward twin.</summary>
    int CacheLength { get; }

    /// <summary>Which of the runtime's kernels run the steps the cell's kernel does not override.</summary>
    KernelStrategy Strategy { get; }

    // ---- one step and its backward twin ----

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Forward"/>
    void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next, Span<T> cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.ForwardOneHot"/>
    void ForwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next, Span<T> cache);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Backward"/>
    void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dx, Span<T> dp);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.BackwardOneHot"/>
    void BackwardOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> cache, ReadOnlySpan<T> dNext, Span<T> dState, Span<T> dp);

    // ---- inference ----

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.Step"/>
    void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, ReadOnlySpan<T> state, Span<T> next);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.StepOneHot"/>
    void StepOneHot(ReadOnlySpan<T> p, int index, ReadOnlySpan<T> state, Span<T> next);

    /// <summary>
    /// Batched inference without caches: one step of m sequences, xs [m × D], states [m × S] → next [m × S] (next may be
    /// states itself) (see <see cref="Recurrent{TKernel, T}.StepBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T})"/>).
    /// </summary>
    void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> states, Span<T> next);

    /// <summary>
    /// Batched inference for m one-hot inputs, indices [m]
    /// (see <see cref="Recurrent{TKernel, T}.StepBatch(ReadOnlySpan{T}, ReadOnlySpan{int}, int, ReadOnlySpan{T}, Span{T})"/>).
    /// </summary>
    void StepBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> states, Span<T> next);

    // ---- sequences and BPTT ----

    /// <summary>
    /// Runs the cell over xs [T × D] from initial [S]: caches [T × CacheLength], outputs [T × H], final [S]
    /// (see <see cref="Recurrent{TKernel, T}.ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs);

    /// <summary>
    /// <see cref="ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/> for T one-hot
    /// inputs (see <see cref="Recurrent{TKernel, T}.ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{int}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void ForwardSequence(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs);

    /// <summary>
    /// m sequences, time-major: xs [T × m × D], states [m × S] (initial may be empty: zero)
    /// (see <see cref="Recurrent{TKernel, T}.ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs);

    /// <summary>
    /// The batched forward for T × m one-hot inputs
    /// (see <see cref="Recurrent{TKernel, T}.ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{int}, int, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs);

    /// <summary>
    /// BPTT of one sequence: dOutputs [T × H] → dp += ∂L/∂θ, dxs [T × D] (or empty), dInitial [S]
    /// (see <see cref="Recurrent{TKernel, T}.Bptt(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp);

    /// <summary>
    /// BPTT of one one-hot sequence (no input gradient)
    /// (see <see cref="Recurrent{TKernel, T}.Bptt(ReadOnlySpan{T}, ReadOnlySpan{int}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void Bptt(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp);

    /// <summary>
    /// BPTT of m sequences, time-major: dOutputs [T × m × H] → dxs [T × m × D] (or empty), dInitial [m × S], dp +=
    /// (see <see cref="Recurrent{TKernel, T}.BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp);

    /// <summary>
    /// BPTT of m one-hot sequences (no input gradient)
    /// (see <see cref="Recurrent{TKernel, T}.BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{int}, int, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp);

    // ---- padded batches: per-sequence lengths ----

    /// <summary>
    /// The batched forward over sequences padded to T steps, sequence b with lengths[b] valid steps (empty: all T)
    /// (see <see cref="Recurrent{TKernel, T}.ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs);

    /// <summary>
    /// The padded batched forward for one-hot inputs
    /// (see <see cref="Recurrent{TKernel, T}.ForwardSequenceBatch(ReadOnlySpan{T}, ReadOnlySpan{int}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void ForwardSequenceBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final, Span<T> caches, Span<T> outputs);

    /// <summary>
    /// BPTT of a padded batch with the forward's lengths
    /// (see <see cref="Recurrent{TKernel, T}.BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp);

    /// <summary>
    /// BPTT of a padded batch of one-hot sequences (no input gradient)
    /// (see <see cref="Recurrent{TKernel, T}.BpttBatch(ReadOnlySpan{T}, ReadOnlySpan{int}, int, ReadOnlySpan{int}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/>).
    /// </summary>
    void BpttBatch(ReadOnlySpan<T> p, ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> caches, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dp);

    // ---- losses over a sequence's hidden outputs ----

    /// <inheritdoc cref="Losses{TKernel, T}.SquaredError(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, BatchReduction, int)"/>
    T SquaredError(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1);

    /// <inheritdoc cref="Losses{TKernel, T}.CrossEntropy(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{int}, Span{T}, Span{T}, BatchReduction, int)"/>
    T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<int> classes, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1);

    /// <inheritdoc cref="Losses{TKernel, T}.CrossEntropy(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, BatchReduction, int)"/>
    T CrossEntropy(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> distributions, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1);

    // ---- the linear head's squared error ----

    /// <inheritdoc cref="Losses{TKernel, T}.HeadSquaredError(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, BatchReduction, int)"/>
    T HeadSquaredError(ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, BatchReduction reduction = BatchReduction.Sum, int batchSize = 1);

    /// <inheritdoc cref="Losses{TKernel, T}.HeadSquaredError(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, int, ReadOnlySpan{int}, BatchReduction, LossSteps)"/>
    T HeadSquaredError(
        ReadOnlySpan<T> p, ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, Span<T> dOutputs, Span<T> dp, int batchSize, ReadOnlySpan<int> lengths,
        BatchReduction reduction = BatchReduction.Sum, LossSteps lossSteps = LossSteps.Every);

    // ---- the head (softmax or linear: the same affine map) ----

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadForward"/>
    void HeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits);

    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadBackward"/>
    void HeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp);

    /// <inheritdoc cref="SoftmaxHead{TShape, T}.Softmax"/>
    void Softmax(ReadOnlySpan<T> logits, Span<T> probabilities);

    /// <inheritdoc cref="SoftmaxHead{TShape, T}.LogSoftmax"/>
    void LogSoftmax(ReadOnlySpan<T> logits, Span<T> logProbabilities);
}
