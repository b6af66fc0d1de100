using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>Emits the bodies of the forward and backward step for one specialisation strategy.</summary>
internal interface IStepKernelEmitter
{
    /// <summary>
    /// Body of <c>Forward(p, in x, in state)</c>, or of <c>ForwardOneHot(p, index, in state)</c> when
    /// <paramref name="oneHot"/> (the input projection is then column <c>index</c> of W, gathered, not multiplied).
    /// Without <paramref name="withCache"/>, the body of the streaming <c>Step</c>/<c>StepOneHot</c>: it returns the
    /// new state alone and keeps nothing for a backward step.
    /// </summary>
    void EmitForwardBody(SourceWriter w, CellSpec spec, bool oneHot, bool withCache);

    /// <summary>Body of <c>Backward(p, in cache, in dh, in carry, grads)</c>.</summary>
    void EmitBackwardBody(SourceWriter w, CellSpec spec);

    /// <summary>Private helper members the bodies call (none for the scalar strategies).</summary>
    void EmitHelpers(SourceWriter w, CellSpec spec);
}
