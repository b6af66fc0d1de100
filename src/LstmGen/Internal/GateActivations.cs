using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Internal;

/// <summary>
/// The activations of a tiny LSTM's step in one vector, for unrolled cells whose 4H gate pre-activations fill one
/// <see cref="Vector256{T}"/> (H = 1 in double): σ of gates i, f, o and tanh of g in one pass, and tanh(c) by the same
/// code in one lane. Each lane writes e^y = 2^k·(1 + m) for y = −s·|z| (s = 1 for σ, 2 for tanh) from one range
/// reduction and one polynomial, then σ = (z ≥ 0 ? 1 : e) / (1 + e) and tanh |z| = 1 − 2e / (1 + e) (|z| ≥ 0.55) or
/// (1 − e) / (1 + e) (1 − e = −m exactly near z = 0), with the sign of z. Accurate to a few ulps (a test bounds the
/// error against Math.Exp and Math.Tanh), overflow-safe: every finite input and ±∞ gives σ in [0, 1], tanh in [−1, 1];
/// NaN gives NaN. Where Vector256 is not accelerated, the scalar <see cref="Activations"/> instead.
/// </summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GateActivations
{
    // Lanes of a 4-gate vector [i | f | g | o] that take tanh (all bits set) rather than σ.
    private static Vector256<double> LstmTanhLanes => Vector256.Create(0L, 0L, -1L, 0L).AsDouble();

    private static Vector256<double> AllTanhLanes => Vector256<long>.AllBitsSet.AsDouble();

    /// <summary>
    /// The LSTM's gate activations of one step (H = 1): <paramref name="z"/> holds the pre-activations of gates i, f, g, o;
    /// returns [σ(z_i), σ(z_f), tanh(z_g), σ(z_o)]. One vector pass where Vector256 is accelerated, else lane by lane
    /// with <see cref="Activations"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Lstm(Vector256<double> z) =>
        Vector256.IsHardwareAccelerated
            ? SigmoidOrTanh(z, LstmTanhLanes)
            : Vector256.Create(Activations.Sigmoid(z[0]), Activations.Sigmoid(z[1]), Activations.Tanh(z[2]), Activations.Sigmoid(z[3]));

    /// <summary>tanh(x) by the vector code of <see cref="Lstm"/> in one lane (so an LSTM step's activations agree in accuracy); Math.Tanh where Vector256 is not accelerated.</summary>
    /// <remarks>
    /// Not inlined: inlined after a step's <see cref="Lstm"/> (which is), the JIT runs out of inlining budget and calls
    /// <see cref="SigmoidOrTanh"/> with both vectors and the result through memory; a call with x and the result in
    /// registers costs less.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Tanh(double x) =>
        Vector256.IsHardwareAccelerated ? SigmoidOrTanh(Vector256.CreateScalarUnsafe(x), AllTanhLanes).ToScalar() : Math.Tanh(x);

    /// <summary>σ(z) in the lanes where <paramref name="tanhLanes"/> is clear, tanh(z) where it is all ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SigmoidOrTanh(Vector256<double> z, Vector256<double> tanhLanes)
    {
        // y = −s·|z| ≤ 0 (s = 2 in tanh lanes: tanh x = (1 − e^−2x) / (1 + e^−2x) for x ≥ 0); e^y = 2^k·(1 + m).
        Vector256<double> minusS = Vector256.ConditionalSelect(tanhLanes, Vector256.Create(-2.0), Vector256.Create(-1.0));
        (Vector256<double> scale, Vector256<double> m) = Reduce(Vector256.Abs(z) * minusS);
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> e = Vector256.FusedMultiplyAdd(scale, m, scale);
        Vector256<double> onePlusE = one + e;

        // σ = 1 / (1 + e) for z ≥ 0, e / (1 + e) below: the scalar σ's own expressions (so the same values when e is).
        Vector256<double> sigmoid = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(z, Vector256<double>.Zero), one, e) / onePlusE;

        // tanh |z| = 1 − 2e / (1 + e) from |z| ≥ 0.55 (tanh ≥ 1/2: within an ulp, where 1 − tanh² magnifies errors), below
        // it (1 − e) / (1 + e) with 1 − e and 1 + e each rounded once from 2^k and m (1 − e = −m exactly when k = 0).
        Vector256<double> tanhLarge = one - ((e + e) / onePlusE);
        Vector256<double> tanhSmall = Vector256.FusedMultiplyAdd(-scale, m, one - scale) / Vector256.FusedMultiplyAdd(scale, m, one + scale);
        Vector256<double> tanh = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.Abs(z), Vector256.Create(0.55)), tanhLarge, tanhSmall);
        return Vector256.ConditionalSelect(tanhLanes, tanh | (z & Vector256.Create(-0.0)), sigmoid);
    }

    /// <summary>(e^y, e^y − 1) for y ≤ 0 (or NaN), each in one rounding from <see cref="Reduce"/>'s 2^k and m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Exp, Vector256<double> Expm1) ExpAndExpm1(Vector256<double> y)
    {
        (Vector256<double> scale, Vector256<double> m) = Reduce(y);
        return (Vector256.FusedMultiplyAdd(scale, m, scale), Vector256.FusedMultiplyAdd(scale, m, scale - Vector256<double>.One));
    }

    /// <summary>
    /// e^y = 2^k·(1 + m) for y ≤ 0 (or NaN): y = k·ln2 + r with |r| ≤ ln2/2 (k by the round-to-integer shifter, ln2 in
    /// two parts), m = e^r − 1 = r + r²·q(r) with q the Taylor polynomial to r¹¹ (truncation below 2⁻⁵⁶ relative,
    /// Estrin's scheme for a short dependency chain). 2^k is exact down to the subnormals (built as 2^(k+54), then
    /// scaled by 2⁻⁵⁴); it is 0 below about −745.1 (where e^y is below the smallest subnormal), and y is clamped at −746.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Scale, Vector256<double> M) Reduce(Vector256<double> y)
    {
        y = Vector256.Max(y, Vector256.Create(-746.0));
        Vector256<double> shifter = Vector256.Create(6755399441055744.0);   // 1.5·2⁵²: adding it rounds to an integer in the low bits
        Vector256<double> shifted = Vector256.FusedMultiplyAdd(y, Vector256.Create(1.4426950408889634), shifter);
        Vector256<double> k = shifted - shifter;
        Vector256<double> r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-6.93147180369123816490e-01), y);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-1.90821492927058770002e-10), r);
        Vector256<double> scale = ((shifted.AsInt64() + Vector256.Create(1023L + 54)) << 52).AsDouble() * Vector256.Create(5.551115123125783e-17);

        Vector256<double> r2 = r * r, r4 = r2 * r2;
        Vector256<double> q01 = Term(r, 1.0 / 2, 1.0 / 6), q23 = Term(r, 1.0 / 24, 1.0 / 120), q45 = Term(r, 1.0 / 720, 1.0 / 5040);
        Vector256<double> q67 = Term(r, 1.0 / 40320, 1.0 / 362880), q89 = Term(r, 1.0 / 3628800, 1.0 / 39916800);
        Vector256<double> q1011 = Term(r, 1.0 / 479001600, 1.0 / 6227020800);
        Vector256<double> q03 = Vector256.FusedMultiplyAdd(q23, r2, q01), q47 = Vector256.FusedMultiplyAdd(q67, r2, q45);
        Vector256<double> q811 = Vector256.FusedMultiplyAdd(q1011, r2, q89);
        Vector256<double> q = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(q811, r4, q47), r4, q03);
        return (scale, Vector256.FusedMultiplyAdd(q, r2, r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Term(Vector256<double> r, double c0, double c1) =>
        Vector256.FusedMultiplyAdd(Vector256.Create(c1), r, Vector256.Create(c0));
}
