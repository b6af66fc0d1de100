using System.Collections.Generic;
using System.Linq;
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

    /// <summary>The cache's length, as the loop kernels lay it out: 7H for an LSTM, 5H for a GRU, 2H for an RNN.</summary>
    public int CacheLength => Spec.Kind switch
    {
        CellKind.Lstm => 7 * H,
        CellKind.Gru => 5 * H,
        _ => 2 * H,
    };

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

    /// <summary>Where a GRU's recurrent bias of n, b_hn[<paramref name="j"/>], is in p.</summary>
    public int RecurrentBias(int j) => Spec.RecurrentBiasOffset + j;

    /// <summary>Gate row <paramref name="r"/>'s pre-activation in z [G] (an inline array; rows grouped by gate, H each).</summary>
    public string Z(int r) => $"z[{r}]";

    /// <summary>Gate row <paramref name="r"/>'s gradient in dz [G] (an inline array).</summary>
    public string Dz(int r) => $"dz[{r}]";

    /// <summary>
    /// Gate row <paramref name="r"/>'s gradient as the backward's local copy: the gate matrix reads each dz value D + H
    /// times, and a read of an inline array element is a call the JIT must inline; past a few hundred of them in one
    /// method it stops inlining (measured: LSTM 4→6's Backward kept 621 calls, 7× the code and 6× the time), while a
    /// local costs nothing.
    /// </summary>
    public string DzLocal(int r) => $"dz{r}";

    /// <summary>
    /// Whether an LSTM step's 4H gate pre-activations fill one Vector256 (H = 1 in double), so that the runtime's
    /// <c>GateActivations</c> activates them in one vector pass (σ for i, f, o and tanh for g) and tanh(c) by the same
    /// code: about a third of the step's time at these sizes is the activations.
    /// </summary>
    public bool GatesInOneVector => Spec.Kind == CellKind.Lstm && Spec.Scalar == Model.Scalar.Double && G == 4;

    /// <summary>The vector type of the gates when <see cref="GatesInOneVector"/>.</summary>
    public string GateVector => $"global::System.Runtime.Intrinsics.Vector256<{T}>";

    /// <summary>A Vector256 loaded from a span of (at least) its length.</summary>
    public string VectorAt(string span) => $"global::System.Runtime.Intrinsics.Vector256.Create({span})";

    /// <summary>The overflow-safe σ of the runtime, which the loop kernels use too.</summary>
    public string Sigmoid(string argument) => $"{RuntimeNames.Activations}.Sigmoid({argument})";

    /// <summary>tanh, as the loop kernels compute it.</summary>
    public string Tanh(string argument) => $"{RuntimeNames.Activations}.Tanh({argument})";

    /// <summary>The runtime's argument checks of kernel member <paramref name="member"/>, for this cell's <c>Kernel</c>.</summary>
    public string Checks(string member) => $"{RuntimeNames.KernelChecks}.{member}<{KernelEmitter.TypeName}, {T}>";

    /// <summary>The private inline array of G scalars that holds z or dz on the stack.</summary>
    public const string GatesType = "Gates";

    /// <summary>A zeroed local of one of the scratch inline arrays: <c>Gates z = default;</c>.</summary>
    public static string Scratch(string type, string name) => $"{type} {name} = default;";

    /// <summary>
    /// Writes <c>target = t0 + t1 + …;</c>, the terms summed left to right in the given order, with a line break after
    /// every <see cref="TermsPerLine"/> terms (the continuation lines start with <c>+</c>; the order is unchanged).
    /// </summary>
    public static void Assign(SourceWriter w, string target, IEnumerable<string> terms, int termsPerLine = TermsPerLine)
    {
        var all = terms.ToList();
        var lines = new List<string>();
        for (int start = 0; start < all.Count; start += termsPerLine)
        {
            string chunk = string.Join(" + ", all.Skip(start).Take(termsPerLine));
            lines.Add(start == 0 ? $"{target} = {chunk}" : $"    + {chunk}");
        }

        lines[lines.Count - 1] += ";";
        foreach (string line in lines)
        {
            w.Line(line);
        }
    }

    /// <summary>Writes the statements (each ending in <c>;</c>) <paramref name="perLine"/> to a line, in the given order.</summary>
    public static void Statements(SourceWriter w, IEnumerable<string> statements, int perLine)
    {
        var all = statements.ToList();
        for (int start = 0; start < all.Count; start += perLine)
        {
            w.Line(string.Join(" ", all.Skip(start).Take(perLine)));
        }
    }

    /// <summary>
    /// <c>target = target + value;</c>, never <c>target += value;</c>: C# compiles a compound assignment to an element
    /// with <c>dup</c>, and the JIT spills each <c>dup</c> of an element address into a new temporary; a few hundred of
    /// them in one method and the JIT stops inlining and stops tracking locals (LSTM 4→6's Backward: 621 calls left, 7×
    /// the code). Written out, the element is addressed twice, which the JIT folds. Same arithmetic, same order.
    /// </summary>
    public static string Accumulate(string target, string value) => $"{target} = {target} + {value};";

    /// <summary>A product term.</summary>
    public static string Product(string a, string b) => $"({a} * {b})";

    /// <summary>How many terms of a long sum go on one line.</summary>
    public const int TermsPerLine = 8;

    /// <summary>How many short statements (<c>dp[k] = dp[k] + x[0] * dz3;</c>) go on one line.</summary>
    public const int StatementsPerLine = 4;
}
