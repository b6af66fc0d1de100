using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmGen.Kernels;

/// <summary>
/// One vector width as a type argument, so that a vector kernel is written once and compiled by the JIT per width
/// (<see cref="Lanes512{T}"/>, <see cref="Lanes256{T}"/>, <see cref="Lanes128{T}"/>); every member is a direct, inlined
/// call after specialisation. <typeparamref name="T"/> is <see cref="double"/> or <see cref="float"/> (the fused
/// multiply-add exists for those two).
/// </summary>
/// <typeparam name="TVector">The vector type (<c>Vector512&lt;T&gt;</c>, …).</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface ILanes<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    /// <summary>The zero vector.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Count elements from <c>source + at</c>, unchecked.</summary>
    static abstract TVector Load(ref T source, nuint at);

    /// <summary>Stores <paramref name="value"/> at <c>destination + at</c>, unchecked.</summary>
    static abstract void Store(TVector value, ref T destination, nuint at);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(T value);

    /// <summary><c>a · b + addend</c> lane by lane, rounded once.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector addend);

    /// <summary><c>a + b</c> lane by lane.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary><c>a − b</c> lane by lane.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary><c>a · b</c> lane by lane.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>The sum of the lanes (a horizontal add).</summary>
    static abstract T Sum(TVector value);

    /// <summary>
    /// The lane sums of 4 vectors at once, by a transposing reduction (each sum still depends on its own vector only;
    /// the order of its additions differs from <see cref="Sum"/>'s).
    /// </summary>
    static abstract (T A, T B, T C, T D) Sum4(TVector a, TVector b, TVector c, TVector d);
}

/// <summary><see cref="Vector512{T}"/> as an <see cref="ILanes{TVector, T}"/>.</summary>
internal readonly partial struct Lanes512<T> : ILanes<Vector512<T>, T>
    where T : unmanaged
{
    public static int Count => Vector512<T>.Count;

    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, nuint at) => Vector512.LoadUnsafe(ref source, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nuint at) => value.StoreUnsafe(ref destination, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> addend) => typeof(T) == typeof(double)
        ? Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), addend.AsDouble()).As<double, T>()
        : Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), addend.AsSingle()).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T A, T B, T C, T D) Sum4(Vector512<T> a, Vector512<T> b, Vector512<T> c, Vector512<T> d) =>
        Lanes256<T>.Sum4(a.GetLower() + a.GetUpper(), b.GetLower() + b.GetUpper(), c.GetLower() + c.GetUpper(), d.GetLower() + d.GetUpper());
}

/// <summary><see cref="Vector256{T}"/> as an <see cref="ILanes{TVector, T}"/>.</summary>
internal readonly partial struct Lanes256<T> : ILanes<Vector256<T>, T>
    where T : unmanaged
{
    public static int Count => Vector256<T>.Count;

    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, nuint at) => Vector256.LoadUnsafe(ref source, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nuint at) => value.StoreUnsafe(ref destination, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> addend) => typeof(T) == typeof(double)
        ? Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), addend.AsDouble()).As<double, T>()
        : Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), addend.AsSingle()).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T A, T B, T C, T D) Sum4(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> d) =>
        Lanes128<T>.Sum4(a.GetLower() + a.GetUpper(), b.GetLower() + b.GetUpper(), c.GetLower() + c.GetUpper(), d.GetLower() + d.GetUpper());
}

/// <summary><see cref="Vector128{T}"/> as an <see cref="ILanes{TVector, T}"/>.</summary>
internal readonly partial struct Lanes128<T> : ILanes<Vector128<T>, T>
    where T : unmanaged
{
    public static int Count => Vector128<T>.Count;

    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source, nuint at) => Vector128.LoadUnsafe(ref source, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, nuint at) => value.StoreUnsafe(ref destination, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> addend) => typeof(T) == typeof(double)
        ? Vector128.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), addend.AsDouble()).As<double, T>()
        : Vector128.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), addend.AsSingle()).As<float, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    // float: pairs interleaved and added (a0+a2, b0+b2, a1+a3, b1+b3), then the halves of the two results crossed and
    // added: (a, b, c, d) in one vector. double: (a0+a1, b0+b1) and (c0+c1, d0+d1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T A, T B, T C, T D) Sum4(Vector128<T> a, Vector128<T> b, Vector128<T> c, Vector128<T> d)
    {
        if (typeof(T) == typeof(float) && Sse.IsSupported)
        {
            Vector128<float> fa = a.AsSingle(), fb = b.AsSingle(), fc = c.AsSingle(), fd = d.AsSingle();
            Vector128<float> ab = Sse.Add(Sse.UnpackLow(fa, fb), Sse.UnpackHigh(fa, fb));
            Vector128<float> cd = Sse.Add(Sse.UnpackLow(fc, fd), Sse.UnpackHigh(fc, fd));
            Vector128<T> sums = Sse.Add(Sse.MoveLowToHigh(ab, cd), Sse.MoveHighToLow(cd, ab)).As<float, T>();
            return (sums.GetElement(0), sums.GetElement(1), sums.GetElement(2), sums.GetElement(3));
        }

        if (typeof(T) == typeof(double) && Sse2.IsSupported)
        {
            Vector128<double> da = a.AsDouble(), db = b.AsDouble(), dc = c.AsDouble(), dd = d.AsDouble();
            Vector128<T> ab = Sse2.Add(Sse2.UnpackLow(da, db), Sse2.UnpackHigh(da, db)).As<double, T>();
            Vector128<T> cd = Sse2.Add(Sse2.UnpackLow(dc, dd), Sse2.UnpackHigh(dc, dd)).As<double, T>();
            return (ab.GetElement(0), ab.GetElement(1), cd.GetElement(0), cd.GetElement(1));
        }

        return (Vector128.Sum(a), Vector128.Sum(b), Vector128.Sum(c), Vector128.Sum(d));
    }
}

/// <summary>
/// The vector width a kernel runs at in this process for a given number of elements per pass: the widest the CPU
/// accelerates whose lanes fit in a count of elements, else 0 (scalar code); always 0 for element types other than
/// <see cref="double"/> and <see cref="float"/>. A constant after JIT specialisation, so a switch on it keeps one branch.
/// </summary>
internal static class LaneWidth
{
    /// <summary>512, 256, 128 or 0 (bits).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="count">The elements one pass covers (rows of a product, hidden units of an element-wise step).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int For<T>(int count)
        where T : unmanaged =>
        typeof(T) != typeof(double) && typeof(T) != typeof(float) ? 0
        : Vector512.IsHardwareAccelerated && count >= Vector512<T>.Count ? 512
        : Vector256.IsHardwareAccelerated && count >= Vector256<T>.Count ? 256
        : Vector128.IsHardwareAccelerated && count >= Vector128<T>.Count ? 128
        : 0;
}
