using System.Numerics;
using System.Runtime.CompilerServices;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// The typed API of a generated cell, written once: the functions over its fixed-size values (<c>Input</c> [D],
/// <c>Hidden</c> [H], <c>Output</c> [V], <c>State</c> [S], <c>StateGradient</c> [S]) that a generated cell exposes
/// as one-line forwards (<c>TinyLstm.Step(p, x, state)</c> calls <c>TypedCell&lt;TinyLstm.Kernel, double&gt;.Step</c>).
/// Each function views its values as flat spans (no copy) and calls the cell contract (<see cref="Recurrent{TKernel, T}"/>,
/// <see cref="Losses{TKernel, T}"/>); the JIT compiles it once per cell, with the cell's sizes as constants.
/// </summary>
/// <remarks>
/// The value-type parameters are the generated cell's own types; each is checked to hold the number of values its
/// role needs (an <see cref="InvalidOperationException"/> otherwise, decided by the JIT at no cost). Shapes: D inputs,
/// H hidden units, V classes, S = 2H (LSTM, <c>[h | c]</c>) or H (RNN, GRU). Arguments are checked before anything is
/// written. Nothing here allocates.
/// </remarks>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public static partial class TypedCell<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int D => TKernel.InputSize;

    private static int H => TKernel.HiddenSize;

    private static int S => Recurrent<TKernel, T>.StateLength;

    private static string Name => CellNames<TKernel>.Name;

    // ---- one step, forward above backward -------------------------------------------------------------------

    /// <summary>One forward step: state [S] → next [S], writing the step's cache [CacheLength] for <see cref="Backward"/>.</summary>
    /// <param name="p">Parameters θ (read only).</param>
    /// <param name="x">Input x_t [D].</param>
    /// <param name="state">State before the step; <c>default</c> at the start of a sequence.</param>
    /// <param name="cache">Receives what the backward step needs: exactly CacheLength values (view it with <see cref="StepCache{TKernel, T}"/>).</param>
    /// <returns>The state after the step.</returns>
    public static TState Forward<TIn, TState>(Parameters<TKernel, T> p, in TIn x, in TState state, Span<T> cache)
        where TIn : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        TState next = default;
        TKernel.Forward(p.Values, In(x, D), In(state, S), Out(ref next, S), cache);
        return next;
    }

    /// <summary><see cref="Forward"/> on a one-hot input: x = onehot(<paramref name="index"/>), 0 ≤ index &lt; D.</summary>
    public static TState ForwardOneHot<TState>(Parameters<TKernel, T> p, int index, in TState state, Span<T> cache)
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        TState next = default;
        TKernel.ForwardOneHot(p.Values, index, In(state, S), Out(ref next, S), cache);
        return next;
    }

    /// <summary>
    /// The backward twin of <see cref="Forward"/>: from ∂L/∂h_t (<paramref name="dh"/>, the loss at this step) and the
    /// gradient carried from step t+1 (<paramref name="carry"/>, (dh, dc)), adds ∂L/∂θ into <paramref name="grads"/>
    /// and returns ∂L/∂x_t and the gradient to carry to step t−1.
    /// </summary>
    public static (TIn Dx, TStateGradient Carry) Backward<TIn, THidden, TStateGradient>(
        Parameters<TKernel, T> p, in TIn x, ReadOnlySpan<T> cache, in THidden dh, in TStateGradient carry, Gradients<TKernel, T> grads)
        where TIn : unmanaged
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        TIn dx = default;
        TStateGradient dState = CarryIn(dh, carry);
        Span<T> flat = Out(ref dState, S);
        TKernel.Backward(p.Values, In(x, D), cache, flat, flat, Out(ref dx, D), grads.Values);
        return (dx, dState);
    }

    /// <summary><see cref="Backward"/> for a step taken with <see cref="ForwardOneHot"/> (no input gradient).</summary>
    public static TStateGradient BackwardOneHot<THidden, TStateGradient>(
        Parameters<TKernel, T> p, int index, ReadOnlySpan<T> cache, in THidden dh, in TStateGradient carry, Gradients<TKernel, T> grads)
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(grads);
        TStateGradient dState = CarryIn(dh, carry);
        Span<T> flat = Out(ref dState, S);
        TKernel.BackwardOneHot(p.Values, index, cache, flat, flat, grads.Values);
        return dState;
    }

    /// <summary>One inference step (no cache): state [S] → next [S].</summary>
    public static TState Step<TIn, TState>(Parameters<TKernel, T> p, in TIn x, in TState state)
        where TIn : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        TState next = default;
        TKernel.Step(p.Values, In(x, D), In(state, S), Out(ref next, S));
        return next;
    }

    /// <summary><see cref="Step{TIn, TState}(Parameters{TKernel, T}, in TIn, in TState)"/> on a one-hot input, 0 ≤ index &lt; D.</summary>
    public static TState StepOneHot<TState>(Parameters<TKernel, T> p, int index, in TState state)
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        TState next = default;
        TKernel.StepOneHot(p.Values, index, In(state, S), Out(ref next, S));
        return next;
    }

    // (dh + carry.Dh, carry.Dc): the gradient reaching the step's output.
    private static TStateGradient CarryIn<THidden, TStateGradient>(in THidden dh, in TStateGradient carry)
        where THidden : unmanaged
        where TStateGradient : unmanaged
    {
        TStateGradient result = carry;
        Span<T> flat = Out(ref result, S);
        ReadOnlySpan<T> loss = In(dh, H);
        for (int j = 0; j < loss.Length; j++)
        {
            flat[j] += loss[j];
        }

        return result;
    }

    // ---- views of the typed values ---------------------------------------------------------------------------

    internal static ReadOnlySpan<T> In<TValue>(in TValue value, int length)
        where TValue : unmanaged
    {
        Check<TValue>(length);
        return FixedVector<TValue, T>.AsReadOnlySpan(value);
    }

    internal static Span<T> Out<TValue>(ref TValue value, int length)
        where TValue : unmanaged
    {
        Check<TValue>(length);
        return FixedVector<TValue, T>.AsSpan(ref value);
    }

    internal static ReadOnlySpan<T> In<TValue>(ReadOnlySpan<TValue> values, int length)
        where TValue : unmanaged
    {
        Check<TValue>(length);
        return FixedVector<TValue, T>.Flat(values);
    }

    internal static Span<T> Out<TValue>(Span<TValue> values, int length)
        where TValue : unmanaged
    {
        Check<TValue>(length);
        return FixedVector<TValue, T>.Flat(values);
    }

    // Folded by the JIT: a typed value must hold exactly the values of its role.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check<TValue>(int length)
        where TValue : unmanaged
    {
        if (Unsafe.SizeOf<TValue>() != length * Unsafe.SizeOf<T>())
        {
            ThrowSize(typeof(TValue), Unsafe.SizeOf<TValue>(), length);
        }
    }

    private static void ThrowSize(Type type, int bytes, int length) =>
        throw new InvalidOperationException($"Expected a value type of {length} {typeof(T).Name} value(s) for {Name}, but {type.Name} has {bytes} byte(s).");
}
