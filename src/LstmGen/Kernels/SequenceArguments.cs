namespace LstmGen.Kernels;

/// <summary>The length checks of flat time-major sequence buffers: T steps of a fixed number of values each.</summary>
internal static class SequenceArguments
{
    /// <summary>T = length / width, if the length is a whole number of steps.</summary>
    public static int Steps(int length, int width, string what, string parameterName)
    {
        if (length % width != 0)
        {
            throw new ArgumentException($"Expected {what} to hold a whole number of steps of {width} values, but it has {length}.", parameterName);
        }

        return length / width;
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
