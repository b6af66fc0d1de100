using System.ComponentModel;
using System.Numerics;

namespace LstmGen.Internal;

/// <summary>In-place optimiser updates over flat parameter and gradient buffers, shared by generated cells.</summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Optimizers
{
    /// <summary>Stochastic gradient descent: <c>θ[k] ← θ[k] − learningRate · dθ[k]</c> for every k.</summary>
    /// <param name="parameters">θ, updated in place.</param>
    /// <param name="gradients">dθ; same length as <paramref name="parameters"/>.</param>
    /// <param name="learningRate">Step size; must be finite.</param>
    public static void Sgd(Span<double> parameters, ReadOnlySpan<double> gradients, double learningRate)
    {
        CheckSgdArguments(parameters.Length, gradients.Length, double.IsFinite(learningRate), learningRate);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rate = new Vector<double>(learningRate);
            for (; k <= parameters.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var theta = new Vector<double>(parameters.Slice(k));
                (theta - (rate * new Vector<double>(gradients.Slice(k)))).CopyTo(parameters.Slice(k));
            }
        }

        for (; k < parameters.Length; k++)
        {
            parameters[k] -= learningRate * gradients[k];
        }
    }

    /// <inheritdoc cref="Sgd(Span{double}, ReadOnlySpan{double}, double)"/>
    public static void Sgd<T>(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            Sgd(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(parameters), System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(gradients), double.CreateTruncating(learningRate));
        }
        else if (typeof(T) == typeof(float))
        {
            Sgd(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(parameters), System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(gradients), float.CreateTruncating(learningRate));
        }
        else
        {
            throw new NotSupportedException($"Expected double or float parameters, but got {typeof(T).Name}.");
        }
    }

    /// <inheritdoc cref="Sgd(Span{double}, ReadOnlySpan{double}, double)"/>
    public static void Sgd(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        CheckSgdArguments(parameters.Length, gradients.Length, float.IsFinite(learningRate), learningRate);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rate = new Vector<float>(learningRate);
            for (; k <= parameters.Length - Vector<float>.Count; k += Vector<float>.Count)
            {
                var theta = new Vector<float>(parameters.Slice(k));
                (theta - (rate * new Vector<float>(gradients.Slice(k)))).CopyTo(parameters.Slice(k));
            }
        }

        for (; k < parameters.Length; k++)
        {
            parameters[k] -= learningRate * gradients[k];
        }
    }

    private static void CheckSgdArguments(int parameterCount, int gradientCount, bool rateIsFinite, double learningRate)
    {
        Guard.Length(gradientCount, parameterCount, "the gradients (one per parameter)", "gradients");
        if (!rateIsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "Expected a finite learning rate.");
        }
    }
}
