using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace LstmGen.Internal;

/// <summary>Argument checks shared by generated cells. Every failure names what was expected.</summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Guard
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <param name="actual">The length the caller passed.</param>
    /// <param name="expected">The length the cell requires.</param>
    /// <param name="what">What the length is of, e.g. "input vector x of TinyLstm (D = 2)".</param>
    /// <param name="parameterName">Name of the offending argument.</param>
    public static void Length(int actual, int expected, string what, string parameterName)
    {
        if (actual != expected)
        {
            ThrowLength(actual, expected, what, parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="actual"/> is at least <paramref name="minimum"/>.</summary>
    public static void MinLength(int actual, int minimum, string what, string parameterName)
    {
        if (actual < minimum)
        {
            throw new ArgumentException(
                $"Expected {what} to have at least {minimum} element(s), but it has {actual}.", parameterName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless two sequence lengths agree, both counted in timesteps (the message says
    /// "one per timestep"). Lengths counted in samples or T x m elements of a batch use <see cref="Length"/>.
    /// </summary>
    public static void SameLength(int actual, int expected, string what, string parameterName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"Expected {what} to have {expected} element(s), one per timestep, but it has {actual}.", parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <c>0 &lt;= index &lt; count</c>.</summary>
    public static void Index(int index, int count, string what, string parameterName)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, index, $"Expected {what} in [0, {count}), but got {index}.");
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless every index is in <c>[0, count)</c>; the message names the
    /// first offending position. Called before any work, so that a bad index never leaves an accumulator half-updated.
    /// </summary>
    public static void Indices(ReadOnlySpan<int> indices, int count, string what, string parameterName)
    {
        for (int k = 0; k < indices.Length; k++)
        {
            if ((uint)indices[k] >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName, indices[k], $"Expected every one of {what} in [0, {count}), but element {k} is {indices[k]}.");
            }
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every consecutive block of <paramref name="classes"/> values is a
    /// probability distribution: every entry finite and ≥ 0, and the entries summing to 1 within
    /// <see cref="DistributionTolerance{T}"/>. The message names the first offending target (block) and entry. Called
    /// before any work, so that a bad target never leaves a gradient half-updated.
    /// </summary>
    public static void Distributions<T>(ReadOnlySpan<T> values, int classes, string what, string parameterName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        double tolerance = DistributionTolerance<T>(classes);
        for (int start = 0, target = 0; start < values.Length; start += classes, target++)
        {
            double sum = 0;
            for (int v = 0; v < classes; v++)
            {
                T q = values[start + v];
                if (!T.IsFinite(q) || q < T.Zero)
                {
                    throw new ArgumentException(
                        $"Expected every one of {what} to be a distribution (finite entries ≥ 0 that sum to 1), but entry {v} of target {target} is {q}.",
                        parameterName);
                }

                sum += double.CreateTruncating(q);
            }

            if (!(Math.Abs(sum - 1) <= tolerance))
            {
                throw new ArgumentException(
                    $"Expected every one of {what} to be a distribution that sums to 1 (within {tolerance:G3}), but target {target} sums to {sum:R}.",
                    parameterName);
            }
        }
    }

    /// <summary>
    /// How far from 1 the sum of a target distribution of <paramref name="classes"/> entries may be: <c>2·V·ε</c>, with
    /// ε the machine epsilon of <typeparamref name="T"/> (2⁻⁵² for double, 2⁻²³ for float). Normalising V values in T
    /// (q = x / Σx) leaves Σq within V·ε/2 of 1, and summing them here adds at most as much again; the factor 2 spares
    /// targets rounded twice (e.g. computed in double, stored as float).
    /// </summary>
    public static double DistributionTolerance<T>(int classes)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        2.0 * classes * double.CreateTruncating(T.BitIncrement(T.One) - T.One);

    /// <summary>
    /// Checks a time-major batch buffer of <paramref name="length"/> elements for <paramref name="batchSize"/> sequences
    /// and returns the number of steps T = length / batchSize.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is not a multiple of the batch size.</exception>
    public static int BatchSteps(int length, int batchSize, string what, string parameterName)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a batch size of at least 1.");
        }

        if (length % batchSize != 0)
        {
            throw new ArgumentException(
                $"Expected {what} to hold T x {batchSize} elements (time-major, a multiple of the batch size {batchSize}), but it has {length}.",
                parameterName);
        }

        return length / batchSize;
    }

    /// <summary>
    /// The length <c>first · second</c> of a buffer of <paramref name="first"/> x <paramref name="second"/> elements (both
    /// at least 1), computed without overflow.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The product exceeds <see cref="Array.MaxLength"/>, the longest array
    /// .NET allocates; the message names both sizes, the product and the limit.</exception>
    public static int BufferLength(int first, int second, string firstName, string secondName)
    {
        long length = (long)first * second;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                secondName,
                second,
                $"Expected {firstName} x {secondName} = {first} x {second} = {length} to be at most {Array.MaxLength} (Array.MaxLength, the longest array .NET allocates).");
        }

        return (int)length;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="valid"/>: the length check of a generated SIMD kernel,
    /// which reads its spans without bounds checks and so must know they are long enough.
    /// </summary>
    public static void KernelSpans(bool valid)
    {
        if (!valid)
        {
            throw new ArgumentException("A span passed to a generated kernel is shorter than the cell's size requires.");
        }
    }

    [DoesNotReturn]
    private static void ThrowLength(int actual, int expected, string what, string parameterName) =>
        throw new ArgumentException(
            $"Expected {what} to have exactly {expected} element(s), but it has {actual}.", parameterName);
}
