namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The element-wise part of one cell kind's step, as straight-line code around the shared gate matrix
/// (<see cref="UnrolledGateMatrix"/>): same cache layout and same arithmetic, operation for operation, as the runtime's
/// loop kernel of that kind.
/// </summary>
internal interface IUnrolledCellMath
{
    /// <summary>The state's shape for comments, e.g. <c>[h | c]</c>.</summary>
    string StateShape { get; }

    /// <summary>The cache's shape for comments, e.g. <c>[h_prev | c_prev | i | f | g | o | tanh c]</c>.</summary>
    string CacheShape { get; }

    /// <summary>Declares the read-only views of <c>state</c> the forward reads (<c>hPrev</c>, and <c>cPrev</c> for an LSTM).</summary>
    void EmitStateViews(SourceWriter w);

    /// <summary>From the locals z [G], declares the activations and the new state's values, per hidden unit.</summary>
    void EmitActivations(SourceWriter w);

    /// <summary>Writes the cache (after <c>state</c> is copied into its head).</summary>
    void EmitCacheWrites(SourceWriter w);

    /// <summary>Writes <c>next</c>; the caller emits this last, as next may be state itself.</summary>
    void EmitNextWrites(SourceWriter w);

    /// <summary>Declares the read-only views of <c>cache</c> the backward reads (always <c>hPrev</c>).</summary>
    void EmitCacheViews(SourceWriter w);

    /// <summary>From the views and dNext, declares dz [G] per hidden unit, reading dNext in full and writing nothing.</summary>
    void EmitGateGradients(SourceWriter w);

    /// <summary>Writes the state gradient's part that does not go through the gate matrix (an LSTM's dc_prev).</summary>
    void EmitStateGradientTail(SourceWriter w);
}
