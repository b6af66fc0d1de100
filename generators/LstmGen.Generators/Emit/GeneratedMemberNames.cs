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
        "InputSize", "HiddenSize", "GateRows", "ParameterCount",
        // CellMembersEmitter: the Layout property and its getter (a user method get_Layout would clash with it)
        "Layout", "get_Layout",
        // ValueTypesEmitter, BufferTypesEmitter: nested types
        "State", "StateGradient", "Parameters", "Gradients", "Workspace",
        // KernelEmitter: the cell contract's value type
        "Kernel",
        // FacadeEmitter: the cache length and the typed functions
        "CacheLength", "get_CacheLength",
        "Forward", "ForwardOneHot", "Backward", "BackwardOneHot", "Step", "StepOneHot", "ForwardSequence", "Bptt",
        "ForwardBatch", "BackwardBatch", "ForwardSequenceBatch", "BpttBatch", "StepBatch",
        "MseLoss", "LossAndGradients", "LossAndGradientsBatch", "Sgd",
    ];

    /// <summary>
    /// Members of a cell with biases (every cell but a <c>Bias = false</c> one). Reserved for every cell all the same, so
    /// that switching <c>Bias</c> never makes a user member clash.
    /// </summary>
    public static readonly ImmutableArray<string> WithBiasesOnly = ["BiasOffset"];

    /// <summary>Members added by either head (<c>Output = OutputHead.Softmax</c> or <c>OutputHead.Linear</c>).</summary>
    public static readonly ImmutableArray<string> HeadOnly =
    [
        "OutputSize", "HeadWeightOffset", "HeadBiasOffset", "HeadForward", "HeadBackward",
    ];

    /// <summary>Members added by a softmax head only.</summary>
    public static readonly ImmutableArray<string> SoftmaxHeadOnly =
    [
        "Softmax", "LogSoftmax", "CrossEntropyLoss", "CrossEntropyLossAndGradients", "CrossEntropyLossAndGradientsBatch",
    ];

    /// <summary>Members added by a linear head only (<c>Output = OutputHead.Linear</c>).</summary>
    public static readonly ImmutableArray<string> LinearHeadOnly =
    [
        "HeadMseLoss", "HeadMseLossAndGradients", "HeadMseLossAndGradientsBatch",
    ];

    private static readonly ImmutableHashSet<string> WithoutHead = EveryCell.Concat(WithBiasesOnly).ToImmutableHashSet();
    private static readonly ImmutableHashSet<string> WithSoftmaxHead = WithoutHead.Union(HeadOnly).Union(SoftmaxHeadOnly);
    private static readonly ImmutableHashSet<string> WithLinearHead = WithoutHead.Union(HeadOnly).Union(LinearHeadOnly);

    /// <summary>The names reserved for a cell with the given head (LSTM, GRU and RNN cells share them).</summary>
    public static ImmutableHashSet<string> For(Model.OutputHeadKind head) => head switch
    {
        Model.OutputHeadKind.Softmax => WithSoftmaxHead,
        Model.OutputHeadKind.Linear => WithLinearHead,
        _ => WithoutHead,
    };
}
