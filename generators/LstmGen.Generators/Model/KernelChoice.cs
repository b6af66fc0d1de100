namespace LstmGen.Generators.Model;

/// <summary>
/// The one place that words the kernel choice for users (the LSTM0013 info diagnostic). A later strategy (SIMD)
/// adds its case here.
/// </summary>
internal static class KernelChoice
{
    /// <summary>E.g. "unrolled straight-line kernels: 12 gate multiply-adds per step (4·H·(D+H)) ≤ unroll budget 256".</summary>
    public static string Explain(CellSpec spec)
    {
        string work = $"{spec.MultiplyAdds} gate multiply-adds per step ({(spec.Kind == CellKind.Lstm ? "4·H·(D+H)" : "H·(D+H)")})";
        return (spec.RequestedKernel, spec.ResolvedKernel) switch
        {
            (Kernel.Auto, Kernel.Unrolled) =>
                $"unrolled straight-line kernels: {work} ≤ unroll budget {KernelLimits.MaxUnrolledMultiplyAdds}",
            (Kernel.Auto, _) =>
                $"loops with constant bounds: {work} > unroll budget {KernelLimits.MaxUnrolledMultiplyAdds}",
            (_, Kernel.Unrolled) =>
                $"unrolled straight-line kernels, as Kernel = KernelStrategy.Unrolled requests: {work} ≤ hard limit {KernelLimits.MaxForcedUnrolledMultiplyAdds}",
            _ => $"loops with constant bounds, as Kernel = KernelStrategy.Loops requests: {work}",
        };
    }
}
