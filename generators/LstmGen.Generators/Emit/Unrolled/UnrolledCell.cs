using System.Collections.Generic;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// How the straight-line kernel members of one cell spell its sizes, offsets, locals and helpers: one place for each, so
/// that the gate matrix, the element-wise math and the head agree on every name and index.
/// </summary>
internal sealed class UnrolledCell
{
    public UnrolledCell(CellSpec spec)
    {
        Spec = spec;
        Scalar = ScalarSyntax.For(spec.Scalar);
    }

    public CellSpec Spec { get; }

    public ScalarSyntax Scalar { get; }

    /// <summary>The scalar keyword, <c>double</c> or <c>float</c>.</summary>
    public string T => Scalar.Keyword;

    public string ReadOnlySpan => $"global::System.ReadOnlySpan<{T}>";

    public string Span => $"global::System.Span<{T}>";

    /// <summary>D.</summary>
    public int D => Spec.InputSize;

    /// <summary>H.</summary>
    public int H => Spec.HiddenSize;

    /// <summary>G: the gate rows, and the length of every column of <c>[W | U]</c>.</summary>
    public int G => Spec.GateRows;

    /// <summary>S: the state's length, [h] or [h | c].</summary>
    public int StateLength => Spec.Kind == CellKind.Lstm ? 2 * H : H;

    /// <summary>The cache's length, as the loop kernels lay it out: 7H for an LSTM, 2H for an RNN.</summary>
    public int CacheLength => Spec.Kind == CellKind.Lstm ? 7 * H : 2 * H;

    /// <summary>The length of the kernel member's span argument <paramref name="name"/>.</summary>
    public int Length(string name) => name switch
    {
        "p" or "dp" => Spec.ParameterCount,
        "x" => D,
        "state" or "next" or "dNext" or "dState" => StateLength,
        "cache" => CacheLength,
        "h" or "dh" => H,
        "logits" or "dLogits" => Spec.OutputSize,
        _ => throw new System.ArgumentOutOfRangeException(nameof(name), name, "not a span argument of a kernel member"),
    };

    /// <summary>Where row <paramref name="r"/> of column <paramref name="k"/> of <c>[W | U]</c> is in p (columns 0..D-1 are W's, then U's).</summary>
    public int Weight(int k, int r) => (k * G) + r;

    /// <summary>Where the gate bias of row <paramref name="r"/> is in p.</summary>
    public int Bias(int r) => Spec.BiasOffset + r;

    /// <summary>The local holding gate row <paramref name="r"/>'s pre-activation: <c>zI0</c>, <c>zG3</c>, <c>zH2</c>.</summary>
    public string Z(int r) => "z" + RowName(r);

    /// <summary>The local holding gate row <paramref name="r"/>'s gradient: <c>dzI0</c>, <c>dzH2</c>.</summary>
    public string Dz(int r) => "dz" + RowName(r);

    /// <summary>The overflow-safe σ of the runtime, which the loop kernels use too.</summary>
    public string Sigmoid(string argument) => $"{RuntimeNames.Activations}.Sigmoid({argument})";

    /// <summary>tanh, as the loop kernels compute it.</summary>
    public string Tanh(string argument) => $"{RuntimeNames.Activations}.Tanh({argument})";

    /// <summary>The runtime's argument checks of kernel member <paramref name="member"/>, for this cell's <c>Kernel</c>.</summary>
    public string Checks(string member) => $"{RuntimeNames.KernelChecks}.{member}<{KernelEmitter.TypeName}, {T}>";

    /// <summary>A sum of terms in the given order, each product parenthesised: <c>a + (b * c) + (d * e)</c>.</summary>
    public static string Sum(IEnumerable<string> terms) => string.Join(" + ", terms);

    /// <summary>A product term.</summary>
    public static string Product(string a, string b) => $"({a} * {b})";

    private string RowName(int r) => $"{CellMath.GateLetter(Spec, r / H)}{r % H}";
}
