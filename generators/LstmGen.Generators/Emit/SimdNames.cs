namespace LstmGen.Generators.Emit;

/// <summary>Fully qualified names the SIMD kernels use in generated code.</summary>
internal static class SimdNames
{
    public const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";

    public const string ReadOnlySpan = "global::System.ReadOnlySpan";

    public const string Span = "global::System.Span";

    public const string VectorMath = RuntimeNames.VectorMath;

    /// <summary><c>ref T name = ref MemoryMarshal.GetReference(span);</c></summary>
    public static string Ref(string t, string name, string span) => $"ref {t} {name} = ref {MemoryMarshal}.GetReference({span});";
}
