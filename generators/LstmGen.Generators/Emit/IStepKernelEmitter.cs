using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>Emits the bodies of the forward and backward step for one specialisation strategy.</summary>
internal interface IStepKernelEmitter
{
    /// <summary>
    /// Body of <c>Forward(p, in x, in state)</c>, or of <c>ForwardOneHot(p, index, in state)</c> when
    /// <paramref name="oneHot"/> (the input projection is then column <c>index</c> of W, gathered, not multiplied).
    /// </summary>
    void EmitForwardBody(SourceWriter w, CellSpec spec, bool oneHot);

    /// <summary>Body of <c>Backward(p, in cache, in dh, in carry, grads)</c>.</summary>
    void EmitBackwardBody(SourceWriter w, CellSpec spec);
}
