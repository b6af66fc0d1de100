using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LstmGen.Kernels;

namespace LstmGen.Internal;

/// <summary>
/// Vectorised element-wise work of cells generated with <see cref="KernelStrategy.Simd"/>: activations over whole
/// gate blocks and the LSTM state update. σ and tanh of float and double run <c>VectorActivations</c> (in the
/// element type, at the widest width the CPU accelerates; the scalar <see cref="Activations"/> without SIMD), the rest
/// <see cref="TensorPrimitives"/>. Overflow-safe: σ(x) = 1 / (1 + e^-x) with e^-x = +∞ gives 0, never NaN, and tanh
/// saturates to ±1, for every finite input up to the type's maximum (a test checks ±MaxValue).
/// </summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorMath
{
    /// <summary>σ(x) for every element of <paramref name="x"/>.</summary>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Receives σ(x); same length (may be the same span as <paramref name="x"/>).</param>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IExponentialFunctions<T>
    {
        CheckDestination(x, destination);
        if (typeof(T) == typeof(float))
        {
            VectorActivations.Sigmoid(Reinterpret<T, float>(x), Reinterpret<T, float>(destination));
        }
        else if (typeof(T) == typeof(double))
        {
            VectorActivations.Sigmoid(Reinterpret<T, double>(x), Reinterpret<T, double>(destination));
        }
        else
        {
            TensorPrimitives.Sigmoid(x, destination);
        }
    }

    /// <summary>tanh(x) for every element of <paramref name="x"/>.</summary>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Receives tanh(x); same length (may be the same span as <paramref name="x"/>).</param>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IHyperbolicFunctions<T>
    {
        CheckDestination(x, destination);
        if (typeof(T) == typeof(float))
        {
            VectorActivations.Tanh(Reinterpret<T, float>(x), Reinterpret<T, float>(destination));
        }
        else if (typeof(T) == typeof(double))
        {
            VectorActivations.Tanh(Reinterpret<T, double>(x), Reinterpret<T, double>(destination));
        }
        else
        {
            TensorPrimitives.Tanh(x, destination);
        }
    }

    /// <summary>
    /// The LSTM's element-wise forward for every hidden unit j, in one pass: the gate pre-activations
    /// <c>z = [i | f | g | o]</c> (4H) are activated in place (σ, σ, tanh, σ), then <c>c = (f ⊙ c_prev) + (i ⊙ g)</c> (the
    /// products rounded separately before the sum, no fused multiply-add, as in the scalar kernels),
    /// <c>tanhC = tanh(c)</c>, <c>h = o ⊙ tanhC</c>. H is <paramref name="cPrev"/>'s length; <paramref name="c"/> may be
    /// z's i block (not c_prev).
    /// </summary>
    /// <param name="cPrev">Previous cell state (H).</param>
    /// <param name="z">The 4H gate pre-activations, gates in the order i, f, g, o; receives the activations.</param>
    /// <param name="c">Receives the new cell state.</param>
    /// <param name="tanhC">Receives tanh(c).</param>
    /// <param name="h">Receives the new hidden state.</param>
    public static void LstmUpdate<T>(ReadOnlySpan<T> cPrev, Span<T> z, Span<T> c, Span<T> tanhC, Span<T> h)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = cPrev.Length;
        if (z.Length < 4 * n || c.Length < n || tanhC.Length < n || h.Length < n)
        {
            throw new ArgumentException($"Expected z of at least 4·{n} values and c, tanhC and h of at least {n} (c_prev's length).");
        }

        VectorActivations.Lstm(cPrev, z, c, tanhC, h);
    }

    /// <summary>
    /// The element-wise LSTM backward for every hidden unit j, the same expressions as the scalar kernels, operation for
    /// operation (so the same values bit for bit): with <c>dhT = dh + carryDh</c>, <c>dO = dhT ⊙ tanhC</c> and
    /// <c>dc = carryDc + (dhT ⊙ o) ⊙ (1 − tanhC²)</c>, writes
    /// <c>dz = [(dc ⊙ g) ⊙ i(1−i) | (dc ⊙ cPrev) ⊙ f(1−f) | (dc ⊙ i) ⊙ (1−g²) | dO ⊙ o(1−o)]</c> (4H values) and
    /// <c>dcPrev = dc ⊙ f</c>. Vector256 where accelerated, scalar for the rest.
    /// </summary>
    /// <param name="dh">dL/dh from above (H values).</param>
    /// <param name="carryDh">dL/dh carried from the next step.</param>
    /// <param name="carryDc">dL/dc carried from the next step.</param>
    /// <param name="i">Input gate.</param>
    /// <param name="f">Forget gate.</param>
    /// <param name="g">Candidate.</param>
    /// <param name="o">Output gate.</param>
    /// <param name="tanhC">tanh of the new cell state.</param>
    /// <param name="cPrev">Previous cell state.</param>
    /// <param name="dz">Receives the 4H pre-activation gradients, gates in the order i, f, g, o.</param>
    /// <param name="dcPrev">Receives dL/dc_prev (H values).</param>
    public static void LstmBackward<T>(
        ReadOnlySpan<T> dh, ReadOnlySpan<T> carryDh, ReadOnlySpan<T> carryDc, ReadOnlySpan<T> i, ReadOnlySpan<T> f,
        ReadOnlySpan<T> g, ReadOnlySpan<T> o, ReadOnlySpan<T> tanhC, ReadOnlySpan<T> cPrev, Span<T> dz, Span<T> dcPrev)
        where T : IFloatingPointIeee754<T>
    {
        int n = dh.Length;
        Guard.KernelSpans(carryDh.Length >= n && carryDc.Length >= n && i.Length >= n && f.Length >= n && g.Length >= n
            && o.Length >= n && tanhC.Length >= n && cPrev.Length >= n && dz.Length >= 4 * n && dcPrev.Length >= n);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            Vector256<T> one = Vector256<T>.One;
            for (; j <= n - Vector256<T>.Count; j += Vector256<T>.Count)
            {
                Vector256<T> dhT = Load(dh, j) + Load(carryDh, j);
                Vector256<T> tc = Load(tanhC, j), oj = Load(o, j), ij = Load(i, j), fj = Load(f, j), gj = Load(g, j);
                Vector256<T> dO = dhT * tc;
                Vector256<T> dc = Load(carryDc, j) + (dhT * oj * (one - (tc * tc)));
                Store(dz, j, dc * gj * (ij * (one - ij)));
                Store(dz, n + j, dc * Load(cPrev, j) * (fj * (one - fj)));
                Store(dz, (2 * n) + j, dc * ij * (one - (gj * gj)));
                Store(dz, (3 * n) + j, dO * (oj * (one - oj)));
                Store(dcPrev, j, dc * fj);
            }
        }

        for (; j < n; j++)
        {
            T dhT = dh[j] + carryDh[j];
            T dO = dhT * tanhC[j];
            T dc = carryDc[j] + (dhT * o[j] * (T.One - (tanhC[j] * tanhC[j])));
            dz[j] = dc * g[j] * (i[j] * (T.One - i[j]));
            dz[n + j] = dc * cPrev[j] * (f[j] * (T.One - f[j]));
            dz[(2 * n) + j] = dc * i[j] * (T.One - (g[j] * g[j]));
            dz[(3 * n) + j] = dO * (o[j] * (T.One - o[j]));
            dcPrev[j] = dc * f[j];
        }
    }

    /// <summary>The element-wise tanh-RNN backward: <c>dz = (dh + carryDh) ⊙ (1 − h²)</c>, as the scalar kernels compute it.</summary>
    /// <param name="dh">dL/dh from above (H values).</param>
    /// <param name="carryDh">dL/dh carried from the next step.</param>
    /// <param name="h">The step's new hidden state.</param>
    /// <param name="dz">Receives the H pre-activation gradients.</param>
    public static void TanhBackward<T>(ReadOnlySpan<T> dh, ReadOnlySpan<T> carryDh, ReadOnlySpan<T> h, Span<T> dz)
        where T : IFloatingPointIeee754<T>
    {
        int n = dh.Length;
        Guard.KernelSpans(carryDh.Length >= n && h.Length >= n && dz.Length >= n);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (; j <= n - Vector256<T>.Count; j += Vector256<T>.Count)
            {
                Vector256<T> hj = Load(h, j);
                Store(dz, j, (Load(dh, j) + Load(carryDh, j)) * (Vector256<T>.One - (hj * hj)));
            }
        }

        for (; j < n; j++)
        {
            dz[j] = (dh[j] + carryDh[j]) * (T.One - (h[j] * h[j]));
        }
    }

    private static void CheckDestination<T>(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements; expected at least x's {x.Length}.", nameof(destination));
        }
    }

    private static ReadOnlySpan<TTo> Reinterpret<TFrom, TTo>(ReadOnlySpan<TFrom> span) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    private static Span<TTo> Reinterpret<TFrom, TTo>(Span<TFrom> span) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Load<T>(ReadOnlySpan<T> span, int at) => Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(Span<T> span, int at, Vector256<T> value) => value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)at);
}
