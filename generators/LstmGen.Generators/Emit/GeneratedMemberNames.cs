using System.Collections.Immutable;
using System.Linq;

namespace LstmGen.Generators.Emit;

/// <summary>
/// The names of the members the emitters put directly into a cell class (public and private). A user member with one
/// of these names, an inherited member it would hide, or a cell named like one of them is refused (LSTM0012). Keep it
/// next to the emitters: a test compares it with the members of real generated cells of every shape, and another with
/// the lists in LSTM0012's section of <c>docs/diagnostics.md</c>.
/// </summary>
internal static class GeneratedMemberNames
{
    /// <summary>Members of every cell.</summary>
    public static readonly ImmutableArray<string> EveryCell =
    [
        // CellMembersEmitter: constants
        "InputSize", "HiddenSize", "GateRows", "ParameterCount", "BiasOffset",
        // CellMembersEmitter: the Layout property and its getter (a user method get_Layout would clash with it)
        "Layout", "get_Layout",
        // VectorTypeEmitter, StateTypesEmitter, ParameterBufferEmitter, WorkspaceEmitter: nested types
        "Input", "Hidden", "State", "StateGradient", "StepCache", "Parameters", "Gradients", "Workspace",
        // KernelEmitter: the cell contract's value type
        "Kernel",
        // StepEmitter, StreamingStepEmitter, SequenceEmitter, BatchEmitter
        "Forward", "ForwardOneHot", "Step", "StepOneHot", "Backward", "ForwardSequence", "Bptt",
        "ForwardBatch", "BackwardBatch", "ForwardSequenceBatch", "BpttBatch",
        // LossEmitter, OptimizerEmitter
        "MseLoss", "MseStep", "LossAndGradients", "LossAndGradientsBatch", "Sgd",
    ];

    /// <summary>Members added by a softmax head (<c>Output = OutputHead.Softmax</c>).</summary>
    public static readonly ImmutableArray<string> HeadOnly =
    [
        "OutputSize", "HeadWeightOffset", "HeadBiasOffset", "Output",
        "HeadForward", "HeadBackward", "Softmax", "LogSoftmax", "CrossEntropyLoss", "CrossEntropyStep",
        "CrossEntropyLossAndGradients", "CrossEntropyLossAndGradientsBatch",
    ];

    /// <summary>
    /// Private helpers of the SIMD kernels (SimdKernels, SimdMatVecEmitter, SimdBackwardEmitter, SimdBatchEmitter,
    /// SimdBatchBackwardEmitter, HeadEmitter): which ones a cell gets depends on its sizes and strategy (one per vector width that fits), so all
    /// of them are reserved for every cell, and a cell keeps its names valid when its size or strategy changes.
    /// </summary>
    public static readonly ImmutableArray<string> KernelHelpers =
    [
        "ForwardActivations",
        "GatePreActivations", "GatePreActivations128", "GatePreActivations256", "GatePreActivations512",
        "GatePreActivations4", "GatePreActivations4x128", "GatePreActivations4x256", "GatePreActivations4x512",
        "GateBackward", "GateBackward128", "GateBackward256", "GateBackward512",
        "GateBackward4", "GateBackward4x128", "GateBackward4x256", "GateBackward4x512",
        "HeadLogits", "HeadLogits128", "HeadLogits256", "HeadLogits512",
        "HeadGradients", "HeadGradients128", "HeadGradients256", "HeadGradients512",
    ];

    private static readonly ImmutableHashSet<string> WithoutHead = EveryCell.Concat(KernelHelpers).ToImmutableHashSet();
    private static readonly ImmutableHashSet<string> WithHead = WithoutHead.Union(HeadOnly);

    /// <summary>The names reserved for a cell with or without a softmax head (LSTM and RNN cells share them).</summary>
    public static ImmutableHashSet<string> For(bool hasHead) => hasHead ? WithHead : WithoutHead;
}
