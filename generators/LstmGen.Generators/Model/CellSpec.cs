namespace LstmGen.Generators.Model;

/// <summary>Which recurrent cell a declaration asks for.</summary>
internal enum CellKind
{
    /// <summary>Long short-term memory: gates i, f, g, o and a cell state.</summary>
    Lstm,

    /// <summary>Vanilla tanh RNN: one gate block, no cell state.</summary>
    Rnn,

    /// <summary>Gated recurrent unit (PyTorch's <c>nn.GRU</c>): gates r, z, n, no cell state, and the recurrent bias of n (b_hn).</summary>
    Gru,
}

/// <summary>Mirror of <c>LstmGen.ScalarType</c> (the generator cannot reference the net10.0 runtime library).</summary>
internal enum Scalar
{
    Double = 0,
    Float = 1,
}

/// <summary>Mirror of <c>LstmGen.KernelStrategy</c>, plus the resolved choice.</summary>
internal enum Kernel
{
    Auto = 0,
    Unrolled = 1,
    Loops = 2,
    Simd = 3,
}

/// <summary>Mirror of <c>LstmGen.OutputHead</c>.</summary>
internal enum OutputHeadKind
{
    None = 0,
    Softmax = 1,
    Linear = 2,
}

/// <summary>One type that encloses the declared cell, outermost first; emitted as a <c>partial</c> re-declaration.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The type's name.</param>
/// <param name="IsStatic">Whether the type is <c>static</c>.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name, bool IsStatic);

/// <summary>
/// Everything the emitter needs to know about one declared cell, as plain values; its sizes and offsets mirror the
/// runtime's <c>LstmGen.CellLayout</c> (the one place the generator computes them). It never holds a
/// symbol, syntax node, location or compilation, so the incremental pipeline can compare and cache it.
/// </summary>
/// <param name="Namespace">The containing namespace, or <c>null</c> for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="TypeName">The declared class's name.</param>
/// <param name="IsStatic">Whether the declared class is <c>static</c>.</param>
/// <param name="HintName">File name of the generated source.</param>
/// <param name="Kind">The cell kind.</param>
/// <param name="InputSize">D, the input length.</param>
/// <param name="HiddenSize">H, the hidden length.</param>
/// <param name="Scalar">The scalar type.</param>
/// <param name="RequestedKernel">The kernel strategy the declaration asked for.</param>
/// <param name="OutputSize">V, the outputs of the head (classes of a softmax head, values of a linear one); 0 when the cell has no head.</param>
/// <param name="Head">The head's kind; <see cref="OutputHeadKind.None"/> exactly when V = 0.</param>
/// <param name="HasBias">Whether the cell has gate biases (b, and a GRU's b_hn); false for <c>Bias = false</c> (PyTorch's <c>bias=False</c>).</param>
internal sealed record CellSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeName,
    bool IsStatic,
    string HintName,
    CellKind Kind,
    int InputSize,
    int HiddenSize,
    Scalar Scalar,
    Kernel RequestedKernel,
    int OutputSize,
    OutputHeadKind Head = OutputHeadKind.None,
    bool HasBias = true)
{
    /// <summary>Gate blocks of H rows: 4 for an LSTM (i, f, g, o), 3 for a GRU (r, z, n), 1 for an RNN.</summary>
    public int GateCount => Kind switch
    {
        CellKind.Lstm => 4,
        CellKind.Gru => 3,
        _ => 1,
    };

    /// <summary>Rows of the fused gate matrix: 4H for an LSTM, 3H for a GRU, H for an RNN.</summary>
    public int GateRows => GateCount * HiddenSize;

    /// <summary>Whether the cell has an output head (softmax or linear: the same parameters W_y, b_y).</summary>
    public bool HasHead => OutputSize > 0;

    /// <summary>Whether the head is linear (regression, squared error on y) rather than softmax.</summary>
    public bool HasLinearHead => HasHead && Head == OutputHeadKind.Linear;

    /// <summary>Values of the gate bias b: G, or 0 for a bias-free cell.</summary>
    public int BiasCount => HasBias ? GateRows : 0;

    /// <summary>Offset of a GRU's recurrent bias of n, b_hn (H values); for the other kinds and bias-free cells, where the head starts (no values).</summary>
    public int RecurrentBiasOffset => BiasOffset + BiasCount;

    /// <summary>Values of the recurrent bias b_hn: H for a GRU with biases, 0 for the other kinds and a bias-free GRU.</summary>
    public int RecurrentBiasCount => HasBias && Kind == CellKind.Gru ? HiddenSize : 0;

    /// <summary>Offset of the head weights W_y (V x H, column by column) in the flat buffer.</summary>
    public int HeadWeightOffset => RecurrentBiasOffset + RecurrentBiasCount;

    /// <summary>Offset of the head bias b_y (V) in the flat buffer.</summary>
    public int HeadBiasOffset => HeadWeightOffset + (OutputSize * HiddenSize);

    /// <summary>Columns of the fused gate matrix <c>[W | U]</c>: D + H.</summary>
    public int GateColumns => InputSize + HiddenSize;

    /// <summary>Multiply-adds of the gate matrix per forward step.</summary>
    public long MultiplyAdds => (long)GateRows * GateColumns;

    /// <summary>Offset of the bias vector in the flat parameter buffer (bias-free: where it would start, the end of [W | U]).</summary>
    public int BiasOffset => GateRows * GateColumns;

    /// <summary>Total scalars in the flat parameter buffer.</summary>
    public int ParameterCount => HeadBiasOffset + OutputSize;

    /// <summary>"LSTM", "GRU" or "tanh RNN", for comments, docs and messages (the runtime's <c>CellLayout</c> names them so too).</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The name of <paramref name="kind"/>: "LSTM", "GRU" or "tanh RNN".</summary>
    public static string NameOf(CellKind kind) => kind switch
    {
        CellKind.Lstm => "LSTM",
        CellKind.Gru => "GRU",
        _ => "tanh RNN",
    };

    /// <summary>The runtime's <c>RecurrentCellKind</c> member for this kind, as generated code names it.</summary>
    public string RuntimeKind => Kind switch
    {
        CellKind.Lstm => "global::LstmGen.RecurrentCellKind.Lstm",
        CellKind.Gru => "global::LstmGen.RecurrentCellKind.Gru",
        _ => "global::LstmGen.RecurrentCellKind.TanhRnn",
    };

    /// <summary>
    /// The namespace of the assembly's shared fixed-size vectors (<see cref="Emit.VectorTypesEmitter"/>), set by the
    /// pipeline from the compilation's assembly name; empty until then.
    /// </summary>
    public string VectorNamespace { get; init; } = "";

    /// <summary>The scalar keyword, <c>double</c> or <c>float</c>.</summary>
    public string ScalarKeyword => Scalar == Scalar.Float ? "float" : "double";

    /// <summary>The shared vector type of <paramref name="length"/> values of this cell's scalar, as generated code names it.</summary>
    public string Vector(int length) => $"Vec{length}<{ScalarKeyword}>";

    /// <summary>The kernel strategy actually emitted (see <see cref="KernelChoice"/>).</summary>
    public Kernel ResolvedKernel => KernelChoice.Resolve(this);
}

/// <summary>Size limits shared by the parser, the emitter and the analyzers (mirrors <c>LstmGen.KernelBudget</c>).</summary>
internal static class KernelLimits
{
    /// <summary>
    /// Auto chooses straight-line code up to this many gate multiply-adds per step. Measured with
    /// <c>--probe-threshold</c> (README, "Kernel strategy"): SIMD is faster from 80 multiply-adds up (LSTM and RNN, float
    /// and double, step, forward and BPTT); unrolled is faster for an LSTM of 60.
    /// </summary>
    public const int MaxUnrolledMultiplyAdds = 64;

    /// <summary>
    /// Largest straight-line member, in IL instructions, that the generator emits (<see cref="StraightLineSize"/>): the
    /// JIT compiles a method of more than 20,000 IL instructions without optimising it (MinOpts; the JIT's
    /// <c>DEFAULT_MIN_OPTS_INSTR_COUNT</c>), and straight-line code is only worth having optimised. Measured on .NET 10:
    /// members of 19,952 instructions were optimised and members of 20,170 were not; LstmGen.UnrollLimit.Tests reads the
    /// optimisation tier of every member of the largest accepted cells from the runtime's JIT events, on AVX-512, with
    /// AVX-512 off and with hardware intrinsics off, beside control methods of 19,000 and 21,000 instructions. An
    /// explicit <c>Kernel = Unrolled</c> whose largest member would exceed it is refused (LSTM0006); <c>Auto</c> chooses
    /// SIMD kernels instead. The old bound, 4096 gate multiply-adds, let members of 300,000 instructions through: they
    /// compiled, but unoptimised.
    /// </summary>
    public const int MaxStraightLineIlInstructions = 20000;

    /// <summary>
    /// Largest number of IL locals in one straight-line member: half the JIT's own limit for optimising a method
    /// (2,000 locals, <c>DEFAULT_MIN_OPTS_LV_NUM_COUNT</c>, which also counts the arguments and the JIT's temporaries).
    /// The instruction budget binds first for every cell (an LSTM's element-wise forward has 6 locals per hidden unit).
    /// </summary>
    public const int MaxStraightLineLocals = 1000;

    /// <summary>Why <see cref="MaxStraightLineIlInstructions"/> exists, in the words LSTM0006 and the docs use.</summary>
    public const string ForcedUnrollReason =
        "the JIT compiles a method of more than 20000 IL instructions without optimising it";

    /// <summary>Largest input or hidden size, and largest output size of a head.</summary>
    public const int MaxSize = 4096;

    /// <summary>The most elements one .NET array holds (<c>Array.MaxLength</c>, which netstandard2.0 lacks): a model's parameters are one buffer.</summary>
    public const long MaxArrayLength = 0x7FFFFFC7;
}
