using System.Numerics;

namespace LstmGen;

/// <summary>
/// Gradient clipping over a flat gradient buffer: by global L2 norm, or element-wise by value.
/// This is gradient clipping, applied between backward and the optimiser step; it is not ONNX's
/// <c>clip</c> attribute, which clamps gate pre-activations inside the forward pass.
/// </summary>
public static class GradientClipping
{
    /// <summary>The L2 norm <c>sqrt(Σ g²)</c>, accumulated in double for float buffers.</summary>
    public static T Norm<T>(ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T g in gradients)
        {
            double v = double.CreateTruncating(g);
            sum += v * v;
        }

        return T.CreateTruncating(Math.Sqrt(sum));
    }

    /// <summary>If the global norm exceeds <paramref name="maxNorm"/>, scales every gradient by <c>maxNorm / norm</c>.</summary>
    /// <returns>The norm before clipping.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not positive and finite.</exception>
    public static T ClipByGlobalNorm<T>(Span<T> gradients, T maxNorm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBound(maxNorm, nameof(maxNorm));
        T norm = Norm<T>(gradients);
        if (norm > maxNorm)
        {
            T scale = maxNorm / norm;
            foreach (ref T g in gradients)
            {
                g *= scale;
            }
        }

        return norm;
    }

    /// <summary>Clamps every gradient to <c>[-limit, limit]</c>; NaN stays NaN.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive and finite.</exception>
    public static void ClipByValue<T>(Span<T> gradients, T limit)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBound(limit, nameof(limit));
        foreach (ref T g in gradients)
        {
            if (g > limit)
            {
                g = limit;
            }
            else if (g < -limit)
            {
                g = -limit;
            }
        }
    }

    private static void CheckBound<T>(T bound, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(bound) || bound <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(name, bound, "Expected a positive, finite clipping bound.");
        }
    }
}
