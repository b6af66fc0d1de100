namespace LstmGen.Generators.Model;

/// <summary>
/// Which kernel strategy a cell gets, and the one sentence that explains it. The emitter prints the sentence in the
/// generated file's header; the analyzers can reuse it in diagnostics.
/// </summary>
internal static class KernelChoice
{
    /// <summary>
    /// The strategy emitted for <paramref name="spec"/>: the requested one, or for <see cref="Kernel.Auto"/>
    /// straight-line code within the unroll budget (gate multiply-adds, and every member's IL for the JIT to optimise:
    /// a large softmax head alone can exceed it) and SIMD loops above it.
    /// </summary>
    public static Kernel Resolve(CellSpec spec) => spec.RequestedKernel != Kernel.Auto
        ? spec.RequestedKernel
        : spec.MultiplyAdds <= KernelLimits.MaxUnrolledMultiplyAdds && StraightLineSize.WithinBudget(spec) ? Kernel.Unrolled : Kernel.Simd;

    /// <summary>
    /// The vector types the SIMD kernels are emitted for: those whose lanes fit in the gate rows (a wider one would leave
    /// every row to the scalar tail), or Vector128 alone; the rule of the runtime's <c>SimdGateMatrix</c>.
    /// </summary>
    public static string VectorWidths(CellSpec spec)
    {
        int scalarBits = spec.Scalar == Scalar.Float ? 32 : 64;
        var names = new System.Collections.Generic.List<string>();
        foreach (int bits in new[] { 512, 256, 128 })
        {
            if (bits / scalarBits <= spec.GateRows)
            {
                names.Add($"Vector{bits}");
            }
        }

        return names.Count > 0 ? string.Join("/", names) : "Vector128";
    }

    /// <summary>The one-line explanation of the kernel choice, without a final period: the generated file's header and LSTM0013 both use it.</summary>
    public static string Describe(CellSpec spec)
    {
        string size = $"the gate matrix needs {spec.MultiplyAdds} multiply-adds per step ({(spec.GateCount == 1 ? "H*(D+H)" : $"{spec.GateCount}*H*(D+H)")})";
        string simd = $"{VectorWidths(spec)} loops with constant trip counts (the runtime's generic SIMD kernels, specialised to this cell by the JIT)";
        MemberSize largest = StraightLineSize.Largest(spec);
        string il = $"its largest straight-line member, {largest.Member}, has {largest.Instructions} IL instructions of the JIT's {KernelLimits.MaxStraightLineIlInstructions}";
        return (spec.RequestedKernel, Resolve(spec)) switch
        {
            (Kernel.Auto, Kernel.Unrolled) =>
                $"unrolled straight-line code, because {size}, within the unroll budget of {KernelLimits.MaxUnrolledMultiplyAdds}; {il}",
            (Kernel.Auto, _) when spec.MultiplyAdds <= KernelLimits.MaxUnrolledMultiplyAdds =>
                $"{simd}, because straight-line code would exceed the JIT's limit for optimised methods ({largest.Member}: {largest.Instructions} IL instructions of {KernelLimits.MaxStraightLineIlInstructions}), although {size}",
            (Kernel.Auto, _) =>
                $"{simd}, because {size}, above the unroll budget of {KernelLimits.MaxUnrolledMultiplyAdds}",
            (_, Kernel.Unrolled) => $"unrolled straight-line code, as the declaration requests; {size}; {il}",
            (_, Kernel.Simd) => $"{simd}, as the declaration requests; {size}",
            _ => $"loops with constant bounds, as the declaration requests; {size}",
        };
    }
}
