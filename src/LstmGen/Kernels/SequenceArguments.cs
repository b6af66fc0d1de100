namespace LstmGen.Kernels;

/// <summary>The length checks of flat time-major sequence buffers: T steps of a fixed number of values each.</summary>
internal static class SequenceArguments
{
    /// <summary>
    /// T = length / (m·width) for a time-major buffer of m = <paramref name="batchSize"/> sequences with
    /// <paramref name="width"/> values per element, if the length is a whole number of steps.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is not a whole number of steps.</exception>
    public static int Steps(int length, int batchSize, int width, string what, string parameterName)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Expected a batch size of at least 1.");
        }

        long step = (long)batchSize * width;
        if (length % step != 0)
        {
            throw new ArgumentException(
                $"Expected {what} to hold a whole number of steps of m x {width} = {step} values (m = {batchSize}), but it has {length}.", parameterName);
        }

        return (int)(length / step);
    }

    /// <summary>Checks that a buffer holds exactly <paramref name="steps"/> × <paramref name="width"/> values.</summary>
    public static void PerStep(int length, int steps, int width, string what, string parameterName)
    {
        if ((long)steps * width != length)
        {
            throw new ArgumentException($"Expected {what} to have exactly {(long)steps * width} values for T = {steps}, but it has {length}.", parameterName);
        }
    }
}
