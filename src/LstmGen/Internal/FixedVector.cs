using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmGen.Internal;

/// <summary>
/// The members of a generated fixed-size vector (an <c>[InlineArray(N)]</c> struct of N values of
/// <typeparamref name="T"/>, such as <c>TinyLstm.Input</c>), written once; and the reinterpretation of such values
/// (and of state records made of them) as flat spans, which is how the typed API reaches the flat kernels.
/// </summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FixedVector<TVector, T>
    where TVector : unmanaged
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>N: how many values of <typeparamref name="T"/> one <typeparamref name="TVector"/> holds.</summary>
    public static int Length => Unsafe.SizeOf<TVector>() / Unsafe.SizeOf<T>();

    /// <summary>Copies exactly <see cref="Length"/> values into a new vector.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly N values.</exception>
    public static TVector FromSpan(ReadOnlySpan<T> values, string what)
    {
        Guard.Length(values.Length, Length, what, nameof(values));
        TVector result = default;
        values.CopyTo(AsSpan(ref result));
        return result;
    }

    /// <summary>The values of <paramref name="vector"/> as a span over the caller's variable.</summary>
    public static Span<T> AsSpan(ref TVector vector) => MemoryMarshal.CreateSpan(ref Unsafe.As<TVector, T>(ref vector), Length);

    /// <summary>The values of <paramref name="vector"/> as a read-only span over the caller's variable.</summary>
    public static ReadOnlySpan<T> AsReadOnlySpan(in TVector vector) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TVector, T>(ref Unsafe.AsRef(in vector)), Length);

    /// <summary>Vectors as one flat span of their values (no copy).</summary>
    public static ReadOnlySpan<T> Flat(ReadOnlySpan<TVector> vectors) => MemoryMarshal.Cast<TVector, T>(vectors);

    /// <summary>Vectors as one flat writable span of their values (no copy).</summary>
    public static Span<T> Flat(Span<TVector> vectors) => MemoryMarshal.Cast<TVector, T>(vectors);

    /// <summary>Element-wise equality (<see cref="IEquatable{T}.Equals(T)"/> semantics: NaN equals NaN).</summary>
    public static bool Equals(in TVector left, in TVector right) => AsReadOnlySpan(left).SequenceEqual(AsReadOnlySpan(right));

    /// <summary>A hash of every value.</summary>
    public static int GetHashCode(in TVector vector)
    {
        var hash = default(HashCode);
        foreach (T value in AsReadOnlySpan(vector))
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>The values as <c>[v0, v1, ...]</c> in round-trip format, invariant culture.</summary>
    public static string ToString(in TVector vector)
    {
        var text = new System.Text.StringBuilder("[");
        foreach (T value in AsReadOnlySpan(vector))
        {
            text.Append(text.Length > 1 ? ", " : "").Append(value.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }
}
