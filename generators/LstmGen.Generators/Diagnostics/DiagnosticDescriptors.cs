using Microsoft.CodeAnalysis;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic LstmGen reports, in one place. IDs are stable (<c>LSTM</c> + 4 digits): 00xx for declarations,
/// 01xx for call sites. Each has a section in <c>docs/diagnostics.md</c> (anchor = lower-case ID) and a line in
/// <c>AnalyzerReleases.Unshipped.md</c>.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Category of the diagnostics on a cell declaration.</summary>
    public const string DeclarationCategory = "LstmGen.Declaration";

    /// <summary>Category of the diagnostics on a call into a generated cell.</summary>
    public const string UsageCategory = "LstmGen.Usage";

    /// <summary>Key of the diagnostic property that carries the nearest valid size (LSTM0005's code fix reads it).</summary>
    public const string ValidValueProperty = "ValidValue";

    private const string HelpLinkBase = "https://github.com/lstmgen/lstmgen/blob/main/docs/diagnostics.md#";

    /// <summary>LSTM0001: the attributed class (or one of its declarations) is not <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor CellNotPartial = Error(
        "LSTM0001",
        "Cell type must be partial",
        "The cell type '{0}' must be declared 'partial' so that LstmGen can add the generated members",
        "LstmGen adds the cell's types and functions in a second declaration of the class, which C# allows only for a 'partial' class. Every declaration of the class must carry 'partial'.");

    /// <summary>LSTM0002: the attributed class is generic.</summary>
    public static readonly DiagnosticDescriptor CellIsGeneric = Error(
        "LSTM0002",
        "Cell type must not be generic",
        "The cell type '{0}' must not be generic: a cell's sizes and scalar type are fixed at compile time",
        "A generated cell is specialised for one size and one scalar type, so its class cannot have type parameters. Remove them, or declare one cell per configuration.");

    /// <summary>LSTM0003: a type that contains the cell is not <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "LSTM0003",
        "Containing type must be partial",
        "The type '{0}' contains the cell '{1}' and must be declared 'partial' so that LstmGen can re-open it",
        "A nested cell is generated inside re-declarations of every type that contains it, which C# allows only for 'partial' types.");

    /// <summary>LSTM0004: a type that contains the cell is generic or file-local.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotSupported = Error(
        "LSTM0004",
        "Containing type is not supported",
        "The cell '{1}' cannot be nested in '{0}', which is {2}; move the cell to a namespace or to a non-generic partial type",
        "LstmGen re-declares every type that contains a cell. It does not support cells nested in generic types (the cell would be a different type per type argument) or in file-local types (the generated code lives in another file).");

    /// <summary>LSTM0005: D, H or V is zero, negative or above <c>KernelBudget.MaxSize</c>.</summary>
    public static readonly DiagnosticDescriptor SizeOutOfRange = Error(
        "LSTM0005",
        "Cell size out of range",
        "{0} of '{1}' is {2}, but sizes must be between 1 and {3}",
        "The input size D, the hidden size H and the output size V of a softmax head must each be between 1 and 4096 (KernelBudget.MaxSize).");

    /// <summary>LSTM0006: <c>Kernel = Unrolled</c> on a cell whose largest straight-line member exceeds <see cref="KernelLimits.MaxStraightLineIlInstructions"/>.</summary>
    public static readonly DiagnosticDescriptor UnrolledTooLarge = Error(
        "LSTM0006",
        "Unrolled kernel too large",
        $"'{{0}}' requests Kernel = KernelStrategy.Unrolled, but its straight-line {{1}} would have {{2}} IL instructions, above the limit of {{3}}: {KernelLimits.ForcedUnrollReason}; use KernelStrategy.Auto or KernelStrategy.Loops",
        $"Each straight-line member grows with the cell: the gate rows with D + H terms per gate row, the backward with two statements per gate multiply-add, the head's with V·H. The generator counts each member's IL instructions from the sizes; above {KernelLimits.MaxStraightLineIlInstructions} (KernelBudget.MaxStraightLineIlInstructions) {KernelLimits.ForcedUnrollReason}, so the straight-line code would be slower than loops. Auto switches to SIMD kernels above {KernelLimits.MaxUnrolledMultiplyAdds} gate multiply-adds, or when a member would exceed the limit.");

    /// <summary>LSTM0007: <c>Scalar</c> is not one of the supported <c>ScalarType</c> values.</summary>
    public static readonly DiagnosticDescriptor UnsupportedScalar = Error(
        "LSTM0007",
        "Scalar type not supported",
        "'{0}' asks for scalar type value {1}, which LstmGen does not support; use ScalarType.Double or ScalarType.Float",
        "A cell computes in double (the default) or float. Any other value, such as a cast '(ScalarType)7', is refused.");

    /// <summary>LSTM0008: <c>Kernel</c> or <c>Output</c> is not a defined enum value.</summary>
    public static readonly DiagnosticDescriptor UndefinedOption = Error(
        "LSTM0008",
        "Option value not defined",
        "'{0}' sets {1} = {2}, which is not a defined {3} value; use one of {4}",
        "The options Kernel (KernelStrategy) and Output (OutputHead) take only their enum's named values; a cast of another number means nothing to the generator.");

    /// <summary>LSTM0009: more than one cell attribute on one type.</summary>
    public static readonly DiagnosticDescriptor SeveralCellAttributes = Error(
        "LSTM0009",
        "More than one cell attribute",
        $"'{{0}}' carries more than one cell attribute; a type can hold one cell, so keep one of {Validation.CellAttributes.Listed}",
        "Each cell attribute fills the class with members of the same names (Forward, Backward, Input, ...), so one class can hold only one cell. Declare a second class for a second cell.");

    /// <summary>LSTM0010: <c>Output = OutputHead.Softmax</c> or <c>OutputHead.Linear</c> without <c>OutputSize</c> (a set but non-positive one is LSTM0005).</summary>
    public static readonly DiagnosticDescriptor HeadWithoutOutputSize = Error(
        "LSTM0010",
        "Output head needs an output size",
        "'{0}' asks for a head (Output = OutputHead.{2}) but does not set OutputSize; add OutputSize = V, {3} (1 to {1})",
        "An output head maps the hidden state to V values (the class scores of a softmax head, the predictions of a linear head), so Output = OutputHead.Softmax or OutputHead.Linear needs OutputSize = V.");

    /// <summary>LSTM0011: <c>OutputSize</c> set without an output head.</summary>
    public static readonly DiagnosticDescriptor OutputSizeWithoutHead = Error(
        "LSTM0011",
        "Output size without an output head",
        "'{0}' sets OutputSize = {1} but has no output head; add Output = OutputHead.Softmax (classes) or Output = OutputHead.Linear (regression), or remove OutputSize",
        "OutputSize is the number of outputs of the head: the classes of a softmax head, the values of a linear head. Without Output = OutputHead.Softmax or OutputHead.Linear there is no head, and a size for it contradicts the declaration.");

    /// <summary>LSTM0012: a user member, an inherited member or the cell's own name clashes with a generated member.</summary>
    public static readonly DiagnosticDescriptor MemberNameClash = Error(
        "LSTM0012",
        "Name clashes with a generated member",
        "'{1}' ({2}) clashes with the member '{1}' that LstmGen generates in the cell '{0}'; rename it",
        "LstmGen generates members such as Input, Hidden, State, Forward, Backward, Bptt, Sgd and InputSize in the cell class. A user member of the same name, an inherited member it would hide, or a cell named like one of them makes the generated code fail to compile.");

    /// <summary>LSTM0013 (info): which kernel specialisation the cell gets, and why.</summary>
    public static readonly DiagnosticDescriptor KernelSpecialisation = new(
        "LSTM0013",
        "Kernel specialisation",
        "'{0}' gets {1}",
        DeclarationCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Tells which kernels LstmGen emits for a cell, in the words of the generated file's header: unrolled straight-line code while the gate matrix needs at most 64 multiply-adds per step (KernelBudget.MaxUnrolledMultiplyAdds), SIMD loops with constant trip counts above, or what Kernel requests.",
        helpLinkUri: HelpLinkBase + "lstm0013");

    /// <summary>LSTM0014: the attribute is on something other than a non-abstract, non-record, non-file-local class.</summary>
    public static readonly DiagnosticDescriptor NotAClass = Error(
        "LSTM0014",
        "Cell must be a class",
        "'{0}' cannot hold a generated cell because it is {1}; declare the cell as a (static) partial class",
        "A cell is generated into a class: static or not, sealed or not, but not abstract (the cell is complete), not a record, struct, interface or enum, and not file-local (the generated code lives in another file).");

    /// <summary>LSTM0015: the declaration has compile errors that keep LstmGen from reading it.</summary>
    public static readonly DiagnosticDescriptor DeclarationHasErrors = Error(
        "LSTM0015",
        "Cell declaration cannot be read",
        "LstmGen generates nothing for '{0}' because {1}; fix the compiler errors there",
        "While the attribute's arguments do not bind (a missing or mistyped argument, a non-constant value) or the class has no name, LstmGen cannot know which cell to generate, so it generates nothing. The compiler's own error explains what is wrong.");

    /// <summary>LSTM0016: the project compiles an older C# than the generated code needs.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Error(
        "LSTM0016",
        "C# version too old",
        "LstmGen generates C# {1} code for '{0}', but the project compiles C# {2}; set <LangVersion> to {1} or later, or remove it (net10.0 defaults to C# 14)",
        "The generated cells use C# 13 features (inline-array vector types used as spans and in generic span methods), so the project that declares a cell must compile C# 13 or later; otherwise the generated code would not compile.");

    /// <summary>LSTM0017: a type named <c>LstmGen</c> in the global namespace hides the namespace <c>LstmGen</c>.</summary>
    public static readonly DiagnosticDescriptor NamespaceHidden = Error(
        "LSTM0017",
        "Type hides the LstmGen namespace",
        "The type '{0}' in the global namespace hides the namespace LstmGen, so 'using LstmGen;', the cell attributes and the generated code cannot find LstmGen's types (CS0246); rename the type or move it into a namespace",
        "C# prefers a type declared in the project to a namespace of the same name imported from a library (CS0437), so a non-generic type named LstmGen in the global namespace makes 'using LstmGen;' fail (CS0138) and [LstmCell]/[RnnCell]/[GruCell] unresolvable (CS0246): no cell can be declared. A type named LstmGen inside a namespace, or a generic LstmGen<T>, does not hide it.");

    /// <summary>LSTM0101: a buffer whose length is known at compile time does not fit the cell's vector.</summary>
    public static readonly DiagnosticDescriptor LengthMismatch = new(
        "LSTM0101",
        "Length does not match the cell",
        "{0} of length {1} is passed to {2}, which needs exactly {3} values ({4}); this throws ArgumentException at run time",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated conversions (FromSpan, CopyTo) and the Parameters/Gradients constructors check the length of the span they get. When that length is known at compile time (an array creation, a collection expression, a stackalloc, a span over one of them) and differs, the call can only throw.",
        helpLinkUri: HelpLinkBase + "lstm0101");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) => new(
        id,
        title,
        message,
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
