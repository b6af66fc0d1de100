using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// The parameters θ of one cell in one flat buffer (<see cref="CellLayout"/>). Kernels read them; optimisers update
/// them in place. A generated cell's <c>Parameters</c> derives from this class.
/// </summary>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public class Parameters<TKernel, T> : ParameterBuffer<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>All parameters zero (initialise them before training: a zero LSTM does not learn).</summary>
    public Parameters()
    {
    }

    /// <summary>A copy of <paramref name="values"/>, in the order of <see cref="CellLayout"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly the cell's parameter count.</exception>
    public Parameters(ReadOnlySpan<T> values)
        : base(values, "parameters")
    {
    }

    /// <summary>Copies every value into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void CopyTo(Parameters<TKernel, T> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Values.CopyTo(destination.Values);
    }
}
