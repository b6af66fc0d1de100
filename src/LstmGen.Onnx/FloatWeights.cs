using LstmGen.Internal;

namespace LstmGen.Onnx;

/// <summary>
/// Parameters as float: ONNX Runtime's LSTM and RNN kernels compute in float only (version 1.31 rejects a double LSTM with
/// "LSTM operator does not support double yet" and has no double RNN kernel), so double parameters are exported rounded
/// to the nearest float.
/// </summary>
internal static class FloatWeights
{
    /// <summary>The parameters as float, after checking their count.</summary>
    /// <param name="parameters">float or double parameters.</param>
    /// <param name="count">The layout's parameter count.</param>
    /// <param name="what">What they belong to, for messages ("LSTM D = 3, H = 4 cell").</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    /// <exception cref="ArgumentException">The count is wrong, or a finite double is beyond float's range.</exception>
    public static ReadOnlySpan<float> Of<T>(ReadOnlySpan<T> parameters, int count, string what)
        where T : unmanaged
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
        {
            throw new NotSupportedException($"Expected float or double parameters, but got {typeof(T)}.");
        }

        Guard.Length(parameters.Length, count, $"flat parameters of the {what}", nameof(parameters));
        if (typeof(T) == typeof(float))
        {
            return System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(parameters);
        }

        ReadOnlySpan<double> values = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(parameters);
        float[] rounded = new float[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            rounded[k] = (float)values[k];
            if (float.IsInfinity(rounded[k]) && double.IsFinite(values[k]))
            {
                throw new ArgumentException(
                    $"Expected parameters within float's range (the ONNX model computes in float), but parameter {k} of the {what} is {values[k]:R}, which would become infinity.",
                    nameof(parameters));
            }
        }

        return rounded;
    }
}
