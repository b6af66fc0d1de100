using System.Numerics;
using System.Numerics.Tensors;

namespace LstmGen;

/// <summary>
/// Vectorised element-wise work of cells generated with <see cref="KernelStrategy.Simd"/>: activations over whole
/// gate blocks and the LSTM state update. Built on <see cref="TensorPrimitives"/> (Vector512/256/128 as the CPU
/// allows, tails masked). Overflow-safe: σ(x) = 1 / (1 + e^-x) with e^-x = +∞ gives 0, never NaN, and tanh
/// saturates to ±1, for every finite input up to the type's maximum (a test checks ±MaxValue).
/// </summary>
public static class VectorMath
{
    /// <summary>σ(x) for every element of <paramref name="x"/>.</summary>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Receives σ(x); same length (may be the same span as <paramref name="x"/>).</param>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IExponentialFunctions<T> => TensorPrimitives.Sigmoid(x, destination);

    /// <summary>tanh(x) for every element of <paramref name="x"/>.</summary>
    /// <param name="x">The pre-activations.</param>
    /// <param name="destination">Receives tanh(x); same length (may be the same span as <paramref name="x"/>).</param>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : IHyperbolicFunctions<T> => TensorPrimitives.Tanh(x, destination);

    /// <summary>
    /// The LSTM state update for every hidden unit j: <c>c = (f ⊙ c_prev) + (i ⊙ g)</c>, <c>tanhC = tanh(c)</c>,
    /// <c>h = o ⊙ tanhC</c>. The products are rounded separately before the sum (no fused multiply-add), as in the
    /// scalar kernels. All spans have the hidden size H.
    /// </summary>
    /// <param name="i">Input gate.</param>
    /// <param name="f">Forget gate.</param>
    /// <param name="g">Candidate.</param>
    /// <param name="o">Output gate.</param>
    /// <param name="cPrev">Previous cell state.</param>
    /// <param name="c">Receives the new cell state.</param>
    /// <param name="tanhC">Receives tanh(c).</param>
    /// <param name="h">Receives the new hidden state.</param>
    public static void LstmState<T>(
        ReadOnlySpan<T> i, ReadOnlySpan<T> f, ReadOnlySpan<T> g, ReadOnlySpan<T> o, ReadOnlySpan<T> cPrev, Span<T> c, Span<T> tanhC, Span<T> h)
        where T : IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(i, g, c);
        TensorPrimitives.MultiplyAdd(f, cPrev, c, c);
        TensorPrimitives.Tanh<T>(c, tanhC);
        TensorPrimitives.Multiply(o, tanhC, h);
    }
}
