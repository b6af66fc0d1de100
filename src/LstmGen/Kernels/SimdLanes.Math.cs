using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmGen.Kernels;

/// <summary>
/// The lane operations of <see cref="VectorActivations{TLanes, TVector, T}"/> beyond the products' (<see cref="ILanes{TVector, T}"/>):
/// division, comparisons and selection, the sign bit, and 2^k. <typeparamref name="T"/> is
/// <see cref="double"/> or <see cref="float"/>.
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IMathLanes<TVector, T> : ILanes<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary><c>a / b</c> lane by lane.</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>|a| lane by lane.</summary>
    static abstract TVector Abs(TVector a);

    /// <summary>The larger of a and b lane by lane; NaN if either is NaN.</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary>All bits set in the lanes where <c>a ≥ b</c>, else zero.</summary>
    static abstract TVector AtLeast(TVector a, TVector b);

    /// <summary>Lanes of <paramref name="ifSet"/> where <paramref name="mask"/> is all ones, else of <paramref name="ifClear"/>.</summary>
    static abstract TVector Select(TVector mask, TVector ifSet, TVector ifClear);

    /// <summary><paramref name="magnitude"/> (non-negative) with the sign bit of <paramref name="sign"/>.</summary>
    static abstract TVector WithSignOf(TVector magnitude, TVector sign);

    /// <summary>Every lane <paramref name="value"/> rounded to the element type (a constant after specialisation).</summary>
    static abstract TVector Constant(double value);

    /// <summary>−|a| lane by lane (the sign bit set).</summary>
    static abstract TVector NegativeMagnitude(TVector a);

    /// <summary>
    /// 2^k for integral k ≤ 0 from k itself and from <paramref name="shifted"/> = shifter + k (the round-to-integer
    /// shifter of the element type, so that the low bits of its representation hold k), exact down to the subnormals and
    /// 0 below them: under AVX-512 one scale instruction (vscalef, 1·2^k); else k + 64 (float) or k + 54 (double) shifted
    /// into the exponent field (a normal number), times 2^−64 or 2^−54.
    /// </summary>
    static abstract TVector PowerOfTwo(TVector k, TVector shifted);
}

/// <summary><see cref="Vector512{T}"/> as an <see cref="IMathLanes{TVector, T}"/>.</summary>
internal readonly partial struct Lanes512<T> : IMathLanes<Vector512<T>, T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Constant(double value) => typeof(T) == typeof(double)
        ? Vector512.Create(value).As<double, T>()
        : Vector512.Create((float)value).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Abs(Vector512<T> a) => Vector512.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Max(Vector512<T> a, Vector512<T> b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> AtLeast(Vector512<T> a, Vector512<T> b) => Vector512.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Select(Vector512<T> mask, Vector512<T> ifSet, Vector512<T> ifClear) => Vector512.ConditionalSelect(mask, ifSet, ifClear);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> WithSignOf(Vector512<T> magnitude, Vector512<T> sign) => typeof(T) == typeof(double)
        ? magnitude | (sign & Vector512.Create(long.MinValue).As<long, T>())
        : magnitude | (sign & Vector512.Create(int.MinValue).As<int, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> NegativeMagnitude(Vector512<T> a) => typeof(T) == typeof(double)
        ? a | Vector512.Create(long.MinValue).As<long, T>()
        : a | Vector512.Create(int.MinValue).As<int, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> PowerOfTwo(Vector512<T> k, Vector512<T> shifted)
    {
        if (Avx512F.IsSupported)
        {
            return typeof(T) == typeof(double)
                ? Avx512F.Scale(Vector512<double>.One, k.AsDouble()).As<double, T>()
                : Avx512F.Scale(Vector512<float>.One, k.AsSingle()).As<float, T>();
        }

        return typeof(T) == typeof(double)
            ? ((shifted.AsInt64() + Vector512.Create(1023L + 54)) << 52).As<long, T>() * Vector512.Create(5.551115123125783e-17).As<double, T>()
            : ((shifted.AsInt32() + Vector512.Create(127 + 64)) << 23).As<int, T>() * Vector512.Create(5.421010862427522e-20f).As<float, T>();
    }
}

/// <summary><see cref="Vector256{T}"/> as an <see cref="IMathLanes{TVector, T}"/>.</summary>
internal readonly partial struct Lanes256<T> : IMathLanes<Vector256<T>, T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Constant(double value) => typeof(T) == typeof(double)
        ? Vector256.Create(value).As<double, T>()
        : Vector256.Create((float)value).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Abs(Vector256<T> a) => Vector256.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Max(Vector256<T> a, Vector256<T> b) => Vector256.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> AtLeast(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Select(Vector256<T> mask, Vector256<T> ifSet, Vector256<T> ifClear) => Vector256.ConditionalSelect(mask, ifSet, ifClear);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> WithSignOf(Vector256<T> magnitude, Vector256<T> sign) => typeof(T) == typeof(double)
        ? magnitude | (sign & Vector256.Create(long.MinValue).As<long, T>())
        : magnitude | (sign & Vector256.Create(int.MinValue).As<int, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> NegativeMagnitude(Vector256<T> a) => typeof(T) == typeof(double)
        ? a | Vector256.Create(long.MinValue).As<long, T>()
        : a | Vector256.Create(int.MinValue).As<int, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> PowerOfTwo(Vector256<T> k, Vector256<T> shifted) => typeof(T) == typeof(double)
        ? ((shifted.AsInt64() + Vector256.Create(1023L + 54)) << 52).As<long, T>() * Vector256.Create(5.551115123125783e-17).As<double, T>()
        : ((shifted.AsInt32() + Vector256.Create(127 + 64)) << 23).As<int, T>() * Vector256.Create(5.421010862427522e-20f).As<float, T>();
}

/// <summary><see cref="Vector128{T}"/> as an <see cref="IMathLanes{TVector, T}"/>.</summary>
internal readonly partial struct Lanes128<T> : IMathLanes<Vector128<T>, T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Constant(double value) => typeof(T) == typeof(double)
        ? Vector128.Create(value).As<double, T>()
        : Vector128.Create((float)value).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Divide(Vector128<T> a, Vector128<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Abs(Vector128<T> a) => Vector128.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Max(Vector128<T> a, Vector128<T> b) => Vector128.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> AtLeast(Vector128<T> a, Vector128<T> b) => Vector128.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Select(Vector128<T> mask, Vector128<T> ifSet, Vector128<T> ifClear) => Vector128.ConditionalSelect(mask, ifSet, ifClear);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> WithSignOf(Vector128<T> magnitude, Vector128<T> sign) => typeof(T) == typeof(double)
        ? magnitude | (sign & Vector128.Create(long.MinValue).As<long, T>())
        : magnitude | (sign & Vector128.Create(int.MinValue).As<int, T>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> NegativeMagnitude(Vector128<T> a) => typeof(T) == typeof(double)
        ? a | Vector128.Create(long.MinValue).As<long, T>()
        : a | Vector128.Create(int.MinValue).As<int, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> PowerOfTwo(Vector128<T> k, Vector128<T> shifted) => typeof(T) == typeof(double)
        ? ((shifted.AsInt64() + Vector128.Create(1023L + 54)) << 52).As<long, T>() * Vector128.Create(5.551115123125783e-17).As<double, T>()
        : ((shifted.AsInt32() + Vector128.Create(127 + 64)) << 23).As<int, T>() * Vector128.Create(5.421010862427522e-20f).As<float, T>();
}
