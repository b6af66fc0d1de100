using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits the cell's <c>Kernel</c>: a value type implementing the runtime's cell contract
/// (<c>LstmGen.Kernels.IRecurrentKernel</c>) with the cell's sizes as constants, so that the generic runtime
/// (<c>Recurrent</c>, <c>Losses</c>) serves this cell with its sizes folded in by the JIT. The step math is the
/// contract's default: the runtime's generic SIMD kernels for a cell whose resolved kernel is SIMD (it says so with
/// <c>Strategy</c>), its generic loop kernels for a loops cell; an unrolled cell overrides every step member with
/// straight-line code (<see cref="Unrolled.UnrolledKernelEmitter"/>).
/// </summary>
internal static class KernelEmitter
{
    /// <summary>The nested type's name (reserved for LSTM0012 in <see cref="GeneratedMemberNames"/>).</summary>
    public const string TypeName = "Kernel";

    public static void Emit(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        const string Kernels = "global::LstmGen.Kernels";
        w.Doc("summary", $"{spec.TypeName} as the cell contract, for the generic runtime <see cref=\"{Kernels}.Recurrent{{TKernel, T}}\"/>.");
        w.Line($"public readonly struct {TypeName} : {Kernels}.IRecurrentKernel<{TypeName}, {t}>").Open();
        Size(w, $"global::LstmGen.RecurrentCellKind Kind => {spec.RuntimeKind}");
        Size(w, "int InputSize => " + spec.InputSize);
        Size(w, "int HiddenSize => " + spec.HiddenSize);
        Size(w, "int OutputSize => " + spec.OutputSize);
        if (spec.HasLinearHead)
        {
            Size(w, "global::LstmGen.OutputHead Head => global::LstmGen.OutputHead.Linear");
        }

        if (!spec.HasBias)
        {
            Size(w, "bool HasBias => false");
        }

        if (spec.ResolvedKernel == Kernel.Simd)
        {
            Size(w, "global::LstmGen.KernelStrategy Strategy => global::LstmGen.KernelStrategy.Simd");
        }
        else if (spec.ResolvedKernel == Kernel.Unrolled)
        {
            w.Line();
            Unrolled.UnrolledKernelEmitter.Emit(w, spec);
        }

        w.Close();
    }

    // One size or fact of the contract; the sizes are one group, with no blank line between them.
    private static void Size(SourceWriter w, string member) => w.Line("/// <inheritdoc/>").Line($"public static {member};");
}
