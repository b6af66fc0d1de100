using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// The lane operations of <see cref="VectorActivations{TLanes, TVector, T}"/> beyond the products' (<see cref="ILanes{TVector, T}"/>):
/// division, comparisons and selection, and the exponent-field construction of 2^k. <typeparamref name="T"/> is
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

    /// <summary>
    /// 2^(k + <paramref name="bias"/>) as a normal number, from <paramref name="shifted"/> = shifter + k (the round-to-integer
    /// shifter of the element type, so that the low bits of its representation hold k): k + bias, shifted into the
    /// exponent field. Exact for k + bias in [1, the largest exponent].
    /// </summary>
    static abstract TVector TwoToThe(TVector shifted, int bias);
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
    public static Vector512<T> TwoToThe(Vector512<T> shifted, int bias) => typeof(T) == typeof(double)
        ? ((shifted.AsInt64() + Vector512.Create(1023L + bias)) << 52).As<long, T>()
        : ((shifted.AsInt32() + Vector512.Create(127 + bias)) << 23).As<int, T>();
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
    public static Vector256<T> TwoToThe(Vector256<T> shifted, int bias) => typeof(T) == typeof(double)
        ? ((shifted.AsInt64() + Vector256.Create(1023L + bias)) << 52).As<long, T>()
        : ((shifted.AsInt32() + Vector256.Create(127 + bias)) << 23).As<int, T>();
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
    public static Vector128<T> TwoToThe(Vector128<T> shifted, int bias) => typeof(T) == typeof(double)
        ? ((shifted.AsInt64() + Vector128.Create(1023L + bias)) << 52).As<long, T>()
        : ((shifted.AsInt32() + Vector128.Create(127 + bias)) << 23).As<int, T>();
}
