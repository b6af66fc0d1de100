namespace LstmGen.Generators.Emit;

/// <summary>
/// Fully qualified names of the runtime library's helpers that generated code calls. They live in
/// <see cref="CellGenerator.InternalNamespace"/> (public, since the generated code is compiled into the user's assembly,
/// but hidden from IntelliSense and outside the library's compatibility promise).
/// </summary>
internal static class RuntimeNames
{
    /// <summary>The helpers' namespace as generated code names it.</summary>
    public const string Internal = "global::" + CellGenerator.InternalNamespace;

    /// <summary>Argument checks.</summary>
    public const string Guard = Internal + ".Guard";

    /// <summary>The argument checks of the kernel contract's members, for straight-line overrides.</summary>
    public const string KernelChecks = Internal + ".KernelChecks";

    /// <summary>Scalar σ and tanh.</summary>
    public const string Activations = Internal + ".Activations";

    /// <summary>A tiny LSTM's gate activations in one vector, and tanh by the same code.</summary>
    public const string GateActivations = Internal + ".GateActivations";

    /// <summary>Vectorised activations, state update and element-wise backward of SIMD cells.</summary>
    public const string VectorMath = Internal + ".VectorMath";

    /// <summary>Softmax, log-softmax and cross-entropy of output heads.</summary>
    public const string SoftmaxMath = Internal + ".SoftmaxMath";

    /// <summary>The members of generated fixed-size vectors, written once.</summary>
    public const string FixedVector = Internal + ".FixedVector";

    /// <summary>The SGD update.</summary>
    public const string Optimizers = Internal + ".Optimizers";
}
