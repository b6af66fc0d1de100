using GenReduction = LstmGen.BatchReduction;

namespace LstmGen.Models.Tests.Support;

/// <summary>
/// One generated cell seen through doubles: every method converts to the cell's scalar type, calls the generated
/// static functions, and converts back. Gradients come back in the reference's flat order.
/// </summary>
internal interface ICellDriver
{
    string Name { get; }

    bool IsLstm { get; }

    bool HasHead { get; }

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
    /// The loss alone, from the generated forward pass (<c>ForwardSequenceBatch</c>) and the generated per-step losses
    /// (<c>MseLoss(in h, in y, out dh)</c> or <c>HeadForward</c> + <c>CrossEntropyLoss(in logits, target, out dLogits)</c>),
    /// summed over the batch. The function that finite differences differentiate.
    /// </summary>
    double ForwardLoss(double[] referenceTheta, BatchProblem problem);
}
