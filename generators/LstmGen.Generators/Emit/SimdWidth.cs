using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// One vector width of the SIMD kernels: the <c>System.Runtime.Intrinsics</c> type and its lanes for the cell's
/// scalar, plus the row split every vector loop uses. Rows (gate rows, or the head's classes) are a compile-time
/// constant R, so the split is decided here, not at run time: register blocks of several vectors, then single vectors,
/// then a tail of <c>R mod lanes</c> rows that is emitted only when it exists.
/// </summary>
internal sealed class SimdWidth
{
    /// <summary>
    /// Accumulators per register block of the forward product: 8 independent fused multiply-add chains cover the FMA
    /// latency of two FMA pipes (4 cycles x 2), and 8 accumulators plus a broadcast and a load fit even AVX2's 16 registers.
    /// </summary>
    public const int ForwardBlockVectors = 8;

    /// <summary>Vectors per register block of the backward pass: 4 dot-product accumulators, 4 dz vectors and the loads.</summary>
    public const int BlockVectors = 4;

    private SimdWidth(int bits, CellSpec spec)
    {
        Bits = bits;
        Lanes = bits / (spec.Scalar == Scalar.Float ? 32 : 64);
    }

    /// <summary>512, 256 or 128.</summary>
    public int Bits { get; }

    /// <summary>Scalars per vector.</summary>
    public int Lanes { get; }

    /// <summary>The static class, e.g. <c>global::System.Runtime.Intrinsics.Vector512</c>.</summary>
    public string Static => $"global::System.Runtime.Intrinsics.Vector{Bits}";

    /// <summary>The vector type of scalar <paramref name="t"/>, e.g. <c>global::System.Runtime.Intrinsics.Vector512&lt;float&gt;</c>.</summary>
    public string Of(string t) => $"{Static}<{t}>";

    /// <summary>Widest first: the order of the hardware checks.</summary>
    public static SimdWidth[] All(CellSpec spec) => [new(512, spec), new(256, spec), new(128, spec)];

    /// <summary>
    /// The widths whose lanes fit in <paramref name="rows"/>, widest first, or Vector128 alone when none does. A width wider
    /// than the rows would run its whole product in the scalar tail; a narrower one covers the rows with whole vectors and
    /// one overlapping vector (e.g. 10 float rows: Vector256, not scalar code under Vector512).
    /// </summary>
    public static SimdWidth[] Fitting(CellSpec spec, int rows)
    {
        var widths = new System.Collections.Generic.List<SimdWidth>();
        foreach (SimdWidth width in All(spec))
        {
            if (width.Lanes <= rows)
            {
                widths.Add(width);
            }
        }

        return widths.Count > 0 ? [.. widths] : [All(spec)[2]];
    }

    /// <summary>End of the rows covered by register blocks of <paramref name="vectors"/> vectors: <c>R - R mod (vectors·lanes)</c>.</summary>
    public int BlockEnd(int rows, int vectors) => rows / (vectors * Lanes) * (vectors * Lanes);

    /// <summary>End of the rows covered by whole vectors: <c>R - R mod lanes</c>.</summary>
    public int VectorEnd(int rows) => rows / Lanes * Lanes;
}
