using GenReduction = LstmGen.BatchReduction;

namespace LstmGen.Models.Tests.Support;

/// <summary>
/// One generated cell seen through doubles: every method converts to the cell's scalar type, calls the generated
/// static functions, and converts back. Gradients come back in the reference's flat order.
/// </summary>
internal interface ICellDriver
{
    string Name { get; }

    /// <summary>LSTM, tanh RNN or GRU: which reference the cell is compared with, and whether it has a cell state c.</summary>
    RecurrentCellKind Kind { get; }

    /// <summary>The state is [h | c] (LSTM); otherwise [h] (RNN, GRU).</summary>
    bool IsLstm { get; }

    bool HasHead { get; }

    /// <summary>Whether the cell has gate biases (false: declared with <c>Bias = false</c>; the reference's are 0 and not parameters).</summary>
    bool HasBias { get; }

    bool IsFloat { get; }

    int InputSize { get; }

    int HiddenSize { get; }

    /// <summary>V, or 0 without a head.</summary>
    int OutputSize { get; }

    int ParameterCount { get; }

    /// <summary>Nearest value of the cell's scalar type, widened back to double (identity for double cells).</summary>
    double Round(double value);

    /// <summary>Generated flat index of every entry of the reference flat order.</summary>
    IReadOnlyList<int> GeneratedIndexOfReference { get; }

    /// <summary>
    /// The low-level path: <c>ForwardSequenceBatch</c> (dense or one-hot), the head per element
    /// (<c>HeadForward</c>, <c>Softmax</c>, <c>LogSoftmax</c>), the sequence loss (<c>MseLoss</c> or
    /// <c>CrossEntropyLoss(p, outputs, targets, ...)</c>), then <c>BpttBatch</c> with input and initial-state
    /// gradients. Loss and gradients are summed over the batch.
    /// </summary>
    BatchRun RunLowLevel(double[] referenceTheta, BatchProblem problem);

    /// <summary>The one-call <c>LossAndGradientsBatch</c> / <c>CrossEntropyLossAndGradientsBatch</c>.</summary>
    BatchRun RunOneCall(double[] referenceTheta, BatchProblem problem, GenReduction reduction);

    /// <summary>The single-sequence one-call <c>LossAndGradients</c> / <c>CrossEntropyLossAndGradients</c> (m = 1).</summary>
    BatchRun RunOneCallSingle(double[] referenceTheta, BatchProblem problem);

    /// <summary>
    /// Each sequence of the batch through the single-sequence one-call function in turn, all adding into one
    /// <c>Gradients</c>; the loss is the sum of the per-sequence losses in the cell's scalar type, in sample order.
    /// </summary>
    BatchRun RunOneCallOneByOne(double[] referenceTheta, BatchProblem problem);

    /// <summary>
    /// The loss alone, from the generated forward pass (<c>ForwardSequenceBatch</c>) and the generated per-step losses
    /// (<c>MseLoss(in h, in y, out dh)</c> or <c>HeadForward</c> + <c>CrossEntropyLoss(in logits, target, out dLogits)</c>),
    /// summed over the batch. The function that finite differences differentiate.
    /// </summary>
    double ForwardLoss(double[] referenceTheta, BatchProblem problem);

    /// <summary>
    /// Runs <paramref name="inputs"/> (dense x_t where <c>indices[t] &lt; 0</c>, else the one-hot index) from a zero state
    /// through the cached <c>Forward</c>/<c>ForwardOneHot</c> and through the streaming <c>Step</c>/<c>StepOneHot</c>, and
    /// with a head, one more step on <c>inputs[0]</c> (dense) and on index 0 through the <c>out Output probabilities</c> overloads.
    /// </summary>
    StreamingRun RunStreaming(double[] referenceTheta, double[][] inputs, int[] indices);

    /// <summary>
    /// Pre-built calls of every streaming entry point (<c>Step</c>, <c>StepOneHot</c>, and with a head their
    /// probability overloads) over buffers allocated here, for allocation measurements.
    /// </summary>
    IReadOnlyList<Action> StreamingOperations(double[] referenceTheta, double[] x);
}

/// <summary>States (flat h then c) and head probabilities from the cached and the streaming forward paths.</summary>
/// <param name="ViaForward">The state after each step of <c>Forward</c>/<c>ForwardOneHot</c>.</param>
/// <param name="ViaStep">The state after each step of <c>Step</c>/<c>StepOneHot</c>.</param>
/// <param name="HeadChecks">
/// With a head, for one dense and one one-hot step after the sequence: (state from the probability overload, state from
/// the plain overload, its probabilities, <c>Softmax(HeadForward(p, h))</c>); empty without a head.
/// </param>
internal sealed record StreamingRun(
    double[][] ViaForward,
    double[][] ViaStep,
    IReadOnlyList<(double[] State, double[] PlainState, double[] Probabilities, double[] SoftmaxOfHead)> HeadChecks);
