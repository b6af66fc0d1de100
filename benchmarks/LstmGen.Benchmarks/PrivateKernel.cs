using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace LstmGen.Benchmarks;

/// <summary>
/// A per-width kernel of a generated cell, which is <c>private</c> to the cell, bound once as a delegate for the probe.
/// The delegate call adds about a nanosecond to a kernel that takes hundreds.
/// </summary>
internal static class PrivateKernel
{
    /// <summary>The signature of <c>GatePreActivations{bits}</c> of a float cell.</summary>
    public delegate void GateProduct(ReadOnlySpan<float> w, ReadOnlySpan<float> x, int index, ReadOnlySpan<float> h, Span<float> z);

    /// <summary><c>cell.GatePreActivations{bits}</c>.</summary>
    public static GateProduct GatePreActivations([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.NonPublicMethods)] Type cell, int bits) =>
        (GateProduct)Delegate.CreateDelegate(
            typeof(GateProduct),
            cell.GetMethod($"GatePreActivations{bits}", BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException($"{cell.Name} has no kernel GatePreActivations{bits}."));
}
