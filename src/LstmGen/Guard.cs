using System.Diagnostics.CodeAnalysis;

namespace LstmGen;

/// <summary>Argument checks shared by generated cells. Every failure names what was expected.</summary>
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

    /// <summary>Throws <see cref="ArgumentException"/> unless two sequence lengths agree.</summary>
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
