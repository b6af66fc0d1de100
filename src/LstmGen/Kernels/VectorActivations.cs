using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmGen.Kernels;

/// <summary>
/// σ and tanh over whole vectors, at one width (<typeparamref name="TLanes"/>) and precision (<typeparamref name="T"/> =
/// <see cref="float"/> or <see cref="double"/>), in the element type itself: the SIMD cells' activations.
/// <para>Each lane writes e^y = 2^k·(1 + m) for y = −s·|z| ≤ 0 (s = 1 for σ, 2 for tanh) from one range reduction
/// (y = k·ln2 + r, |r| ≤ ln2/2, ln2 in two parts, k by the round-to-integer shifter) and one polynomial
/// m = e^r − 1 = r + r²·q(r), q the Taylor polynomial to r⁵ (float: truncation below 2⁻²⁶ relative) or r⁹ (double:
/// below 2⁻⁵⁶), by Estrin's scheme for a short dependency chain. Then σ = (z ≥ 0 ? 1 : e) / (1 + e), the scalar σ's
/// own expressions; tanh |z| = (1 − e) / (1 + e), with 1 − e and 1 + e rounded once from 2^k and m below |z| = 0.55
/// (1 − e = −m exactly near 0, so small arguments keep their relative accuracy), with the sign of z: one division
/// per lane either way.</para>
/// <para>Accurate to a few ulps (<c>VectorActivationsTests</c> bounds the error against Math.Exp and Math.Tanh over
/// dense sweeps, in both precisions and every width); overflow-safe: every finite input and ±∞ gives σ in [0, 1] and
/// tanh in [−1, 1] (y is clamped where e^y is below the smallest subnormal; 2^k is exact down to the subnormals:
/// <see cref="IMathLanes{TVector, T}.PowerOfTwo"/>); NaN gives NaN. .NET's <c>TensorPrimitives</c> computes
/// float σ and tanh through double, 1.35–1.6× slower here; double is about equal (docs/performance-notes.md). The
/// gain is in the fusion: <see cref="Lstm"/> runs an LSTM's whole update in one pass.</para>
/// </summary>
/// <typeparam name="TLanes">The vector width.</typeparam>
/// <typeparam name="TVector">The vector type of that width.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal static class VectorActivations<TLanes, TVector, T>
    where TLanes : IMathLanes<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary>σ(x) into <paramref name="destination"/> (the same length or longer; may be x itself): whole vectors, then the tail through one vector on the stack.</summary>
    public static void Sigmoid(ReadOnlySpan<T> x, Span<T> destination) => Apply<SigmoidLanes>(x, destination);

    /// <summary>tanh(x) into <paramref name="destination"/>, as <see cref="Sigmoid(ReadOnlySpan{T}, Span{T})"/>.</summary>
    public static void Tanh(ReadOnlySpan<T> x, Span<T> destination) => Apply<TanhLanes>(x, destination);

    /// <summary>
    /// The LSTM's element-wise forward over H units in one pass: z [4H] = [i | f | g | o] pre-activations, activated in
    /// place (σ, σ, tanh, σ); c [H] = (f ⊙ c_prev) + (i ⊙ g), each product rounded (no fused multiply-add, as the scalar
    /// kernels); tanhC [H] = tanh c; hNext [H] = o ⊙ tanh c. c may be z's i block (each unit's gates are stored before
    /// its c), not c_prev. Units past the last whole vector run through vectors on the stack.
    /// </summary>
    public static void Lstm(ReadOnlySpan<T> cPrev, Span<T> z, Span<T> c, Span<T> tanhC, Span<T> hNext)
    {
        int h = cPrev.Length, count = TLanes.Count, j = 0;
        Guard.KernelSpans(z.Length >= 4 * h && c.Length >= h && tanhC.Length >= h && hNext.Length >= h);
        ref T z0 = ref MemoryMarshal.GetReference(z);
        for (; j <= h - count; j += count)
        {
            LstmUnits(ref MemoryMarshal.GetReference(cPrev), ref z0, h, ref MemoryMarshal.GetReference(c), ref MemoryMarshal.GetReference(tanhC), ref MemoryMarshal.GetReference(hNext), (nuint)j);
        }

        if (j < h)
        {
            int rest = h - j;
            Span<T> buffer = stackalloc T[8 * count];                        // c_prev | i | f | g | o | c | tanh c | h
            buffer.Clear();
            cPrev[j..].CopyTo(buffer);
            for (int gate = 0; gate < 4; gate++)
            {
                z.Slice((gate * h) + j, rest).CopyTo(buffer[((gate + 1) * count)..]);
            }

            ref T b0 = ref MemoryMarshal.GetReference(buffer);
            LstmUnits(ref b0, ref Unsafe.Add(ref b0, count), count, ref Unsafe.Add(ref b0, 5 * count), ref Unsafe.Add(ref b0, 6 * count), ref Unsafe.Add(ref b0, 7 * count), 0);
            for (int gate = 0; gate < 4; gate++)
            {
                buffer.Slice((gate + 1) * count, rest).CopyTo(z[((gate * h) + j)..]);
            }

            buffer.Slice(5 * count, rest).CopyTo(c[j..]);                     // after the gates: c may be z's i block
            buffer.Slice(6 * count, rest).CopyTo(tanhC[j..]);
            buffer.Slice(7 * count, rest).CopyTo(hNext[j..]);
        }
    }

    // One vector of units at j: gates of unit j at z[gate·h + j].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LstmUnits(ref T cPrev, ref T z, int h, ref T c, ref T tanhC, ref T hNext, nuint j)
    {
        nuint stride = (nuint)h;
        TVector i = Sigmoid(TLanes.Load(ref z, j)), f = Sigmoid(TLanes.Load(ref z, j + stride));
        TVector g = Tanh(TLanes.Load(ref z, j + (2 * stride))), o = Sigmoid(TLanes.Load(ref z, j + (3 * stride)));
        TVector cNew = TLanes.Add(TLanes.Multiply(f, TLanes.Load(ref cPrev, j)), TLanes.Multiply(i, g));
        TVector tc = Tanh(cNew);
        TLanes.Store(i, ref z, j);
        TLanes.Store(f, ref z, j + stride);
        TLanes.Store(g, ref z, j + (2 * stride));
        TLanes.Store(o, ref z, j + (3 * stride));
        TLanes.Store(cNew, ref c, j);
        TLanes.Store(tc, ref tanhC, j);
        TLanes.Store(TLanes.Multiply(o, tc), ref hNext, j);
    }

    /// <summary>e^y into <paramref name="destination"/> for y ≤ 0 (or NaN), as <see cref="Sigmoid(ReadOnlySpan{T}, Span{T})"/>: a softmax's shifted logits.</summary>
    public static void ExpNonPositive(ReadOnlySpan<T> y, Span<T> destination) => Apply<ExpLanes>(y, destination);

    /// <summary>e^y lane by lane for y ≤ 0 (or NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ExpNonPositive(TVector y)
    {
        (TVector scale, TVector m) = Reduce(y);
        return TLanes.MultiplyAdd(scale, m, scale);
    }

    /// <summary>σ(z) lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Sigmoid(TVector z)
    {
        TVector one = TLanes.Constant(1), e = ExpNonPositive(TLanes.NegativeMagnitude(z));
        return TLanes.Divide(TLanes.Select(TLanes.AtLeast(z, TLanes.Zero), one, e), TLanes.Add(one, e));
    }

    /// <summary>tanh(z) lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Tanh(TVector z)
    {
        TVector a = TLanes.Abs(z);
        (TVector scale, TVector m) = Reduce(TLanes.Multiply(a, TLanes.Constant(-2)));
        TVector one = TLanes.Constant(1), e = TLanes.MultiplyAdd(scale, m, scale);
        TVector large = TLanes.AtLeast(a, TLanes.Constant(0.55));
        TVector numerator = TLanes.Select(large, TLanes.Subtract(one, e), TLanes.MultiplyAdd(TLanes.Multiply(scale, TLanes.Constant(-1)), m, TLanes.Subtract(one, scale)));
        TVector denominator = TLanes.Select(large, TLanes.Add(one, e), TLanes.MultiplyAdd(scale, m, TLanes.Add(one, scale)));
        return TLanes.WithSignOf(TLanes.Divide(numerator, denominator), z);
    }

    /// <summary>
    /// e^y = scale·(1 + m) for y ≤ 0 (or NaN), with scale = 2^k exact and m = e^r − 1: the one range reduction and
    /// polynomial of both activations. y is clamped at −104 (float) or −746 (double), where e^y is below the smallest
    /// subnormal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Scale, TVector M) Reduce(TVector y)
    {
        y = TLanes.Max(y, TLanes.Constant(typeof(T) == typeof(double) ? -746.0 : -104.0));
        TVector shifter = TLanes.Constant(typeof(T) == typeof(double) ? 6755399441055744.0 : 12582912.0);   // 1.5·2⁵² or 1.5·2²³: adding it rounds to an integer in the low bits
        TVector shifted = TLanes.MultiplyAdd(y, TLanes.Constant(1.4426950408889634), shifter);
        TVector k = TLanes.Subtract(shifted, shifter);
        TVector r = TLanes.MultiplyAdd(k, TLanes.Constant(typeof(T) == typeof(double) ? -6.93147180369123816490e-01 : -0.693145751953125), y);
        r = TLanes.MultiplyAdd(k, TLanes.Constant(typeof(T) == typeof(double) ? -1.90821492927058770002e-10 : -1.428606765330187e-06), r);
        TVector scale = TLanes.PowerOfTwo(k, shifted);

        TVector r2 = TLanes.Multiply(r, r);
        TVector q01 = Term(r, 1.0 / 2, 1.0 / 6), q23 = Term(r, 1.0 / 24, 1.0 / 120), q45 = Term(r, 1.0 / 720, 1.0 / 5040);
        TVector q;
        if (typeof(T) == typeof(double))
        {
            TVector r4 = TLanes.Multiply(r2, r2);
            TVector q67 = Term(r, 1.0 / 40320, 1.0 / 362880), q89 = Term(r, 1.0 / 3628800, 1.0 / 39916800);
            TVector q1011 = Term(r, 1.0 / 479001600, 1.0 / 6227020800);
            TVector q03 = TLanes.MultiplyAdd(q23, r2, q01), q47 = TLanes.MultiplyAdd(q67, r2, q45), q811 = TLanes.MultiplyAdd(q1011, r2, q89);
            q = TLanes.MultiplyAdd(TLanes.MultiplyAdd(q811, r4, q47), r4, q03);
        }
        else
        {
            q = TLanes.MultiplyAdd(TLanes.MultiplyAdd(q45, r2, q23), r2, q01);
        }

        return (scale, TLanes.MultiplyAdd(q, r2, r));
    }

    // c0 + c1·r.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Term(TVector r, double c0, double c1) => TLanes.MultiplyAdd(TLanes.Constant(c1), r, TLanes.Constant(c0));

    private static void Apply<TActivation>(ReadOnlySpan<T> x, Span<T> destination)
        where TActivation : IActivation
    {
        int n = x.Length, count = TLanes.Count, j = 0;
        Guard.KernelSpans(destination.Length >= n);
        ref T x0 = ref MemoryMarshal.GetReference(x);
        ref T y0 = ref MemoryMarshal.GetReference(destination);
        for (; j <= n - count; j += count)
        {
            TLanes.Store(TActivation.Invoke(TLanes.Load(ref x0, (nuint)j)), ref y0, (nuint)j);
        }

        if (j < n)
        {
            // Not an overlapping vector ending at the last element: in place, it would activate some elements twice.
            Span<T> tail = stackalloc T[count];
            x[j..].CopyTo(tail);
            TLanes.Store(TActivation.Invoke(TLanes.Load(ref MemoryMarshal.GetReference(tail), 0)), ref MemoryMarshal.GetReference(tail), 0);
            tail[..(n - j)].CopyTo(destination[j..]);
        }
    }

    private interface IActivation
    {
        static abstract TVector Invoke(TVector z);
    }

    private readonly struct SigmoidLanes : IActivation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector Invoke(TVector z) => Sigmoid(z);
    }

    private readonly struct ExpLanes : IActivation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector Invoke(TVector y) => ExpNonPositive(y);
    }

    private readonly struct TanhLanes : IActivation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector Invoke(TVector z) => Tanh(z);
    }
}
