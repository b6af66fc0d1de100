using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The scalar pieces every loss shares, for cells (<see cref="Losses{TKernel, T}"/>, the typed API) and models
/// (<see cref="Models.RecurrentModel{T}"/>) alike: the half squared error of one row and the batch reduction's factor.
/// </summary>
internal static class LossMath
{
    /// <summary>
    /// ½‖a − target‖² over equal-length spans, unscaled, and its gradient scaled: d = scale·(a − target). Unchecked: the
    /// callers check the lengths.
    /// </summary>
    public static T HalfSquaredError<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> target, Span<T> d, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T half = T.One / (T.One + T.One), loss = T.Zero;
        for (int k = 0; k < a.Length; k++)
        {
            T difference = a[k] - target[k];
            d[k] = scale * difference;
            loss += half * difference * difference;
        }

        return loss;
    }

    /// <summary>The factor <paramref name="reduction"/> puts on a batch's loss and gradients: 1, or 1/m.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is not a defined value.</exception>
    public static T Scale<T>(BatchReduction reduction, int batchSize)
        where T : unmanaged, IFloatingPointIeee754<T> => reduction switch
    {
        BatchReduction.Sum => T.One,
        BatchReduction.Mean => T.One / T.CreateTruncating(batchSize),
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Expected BatchReduction.Sum or BatchReduction.Mean."),
    };
}
