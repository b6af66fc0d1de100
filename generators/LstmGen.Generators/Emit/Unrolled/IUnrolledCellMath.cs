namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The element-wise part of one cell kind's step, as straight-line code around the shared gate matrix
/// (<see cref="UnrolledGateMatrix"/>): same cache layout and same arithmetic, operation for operation, as the runtime's
/// loop kernel of that kind. Each part is the body of one private member of <c>Kernel</c>, shared by the dense and the
/// one-hot step (<see cref="UnrolledKernelEmitter"/> writes the members' signatures and slices).
/// </summary>
internal interface IUnrolledCellMath
{
    /// <summary>The state's shape for comments, e.g. <c>[h | c]</c>.</summary>
    string StateShape { get; }

    /// <summary>The cache's shape for comments, e.g. <c>[h_prev | c_prev | i | f | g | o | tanh c]</c>.</summary>
    string CacheShape { get; }

    /// <summary>Whether the element-wise backward writes part of dState (an LSTM's dc_prev), and so takes it.</summary>
    bool WritesStateGradient { get; }

    /// <summary>
    /// The element-wise forward's body: from z [G] and <c>state</c>, the activations per hidden unit; then the cache
    /// (<c>state</c> in its head, element by element with constant indices like the rest) and, last, <c>next</c>, as
    /// next may be state itself.
    /// </summary>
    void EmitForward(SourceWriter w);

    /// <summary>
    /// The element-wise backward's body: from <c>cache</c> and dNext, dz [G] per hidden unit, reading dNext in full
    /// before writing the state gradient's part that does not go through the gate matrix (an LSTM's dc_prev).
    /// </summary>
    void EmitBackward(SourceWriter w);
}
