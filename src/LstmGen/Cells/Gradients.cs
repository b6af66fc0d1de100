using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// Gradients of a loss with respect to every parameter of one cell, in the layout of
/// <see cref="Parameters{TKernel, T}"/>. Backward steps add into it (<c>+=</c>); call <see cref="Clear"/> before
/// accumulating a new batch. A generated cell's <c>Gradients</c> derives from this class.
/// </summary>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public class Gradients<TKernel, T> : ParameterBuffer<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>All gradients zero.</summary>
    public Gradients()
    {
    }

    /// <summary>A copy of <paramref name="values"/>, in the order of <see cref="CellLayout"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly the cell's parameter count.</exception>
    public Gradients(ReadOnlySpan<T> values)
        : base(values, "gradients")
    {
    }

    /// <summary>Copies every value into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void CopyTo(Gradients<TKernel, T> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Values.CopyTo(destination.Values);
    }

    /// <summary>Sets every gradient to zero, ready for a new accumulation.</summary>
    public void Clear() => Values.Clear();

    /// <summary>The global L2 norm ‖dθ‖, computed without overflow (NaN or +∞ if a gradient is).</summary>
    public T Norm() => GradientClipping.Norm<T>(Values);

    /// <inheritdoc cref="GradientClipping.ClipByGlobalNorm{T}(Span{T}, T, bool)"/>
    public T ClipByGlobalNorm(T maxNorm, bool errorIfNonFinite = false) => GradientClipping.ClipByGlobalNorm(Values, maxNorm, errorIfNonFinite);

    /// <inheritdoc cref="GradientClipping.ClipByValue{T}(Span{T}, T)"/>
    public void ClipByValue(T limit) => GradientClipping.ClipByValue(Values, limit);
}
