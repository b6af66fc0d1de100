using System.Numerics;

namespace LstmGen;

/// <summary>
/// Gradient clipping over a flat gradient buffer: by global L2 norm, or element-wise by value.
/// This is gradient clipping, applied between backward and the optimiser step; it is not ONNX's
/// <c>clip</c> attribute, which clamps gate pre-activations inside the forward pass.
/// </summary>
public static class GradientClipping
{
    /// <summary>
    /// The L2 norm <c>sqrt(Σ g²)</c>, without overflow or underflow: like BLAS <c>nrm2</c>, the sum of squares is taken
    /// over the gradients scaled by a power of two (exact) that brings the largest into [1, 2), in double for float
    /// buffers. Gradients of 1e200 (double) or 3e38 (float) therefore give their true norm, not +∞ or 0.
    /// </summary>
    /// <returns>The norm rounded to <typeparamref name="T"/>: NaN if an entry is NaN, +∞ if an entry is infinite (and
    /// no entry is NaN) or if the norm exceeds <typeparamref name="T"/>'s largest value.</returns>
    public static T Norm<T>(ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double root = ScaledNorm(gradients, out int exponent);
        return T.CreateTruncating(Math.ScaleB(root, exponent));
    }

    /// <summary>
    /// If the global norm exceeds <paramref name="maxNorm"/>, scales every gradient by <c>maxNorm / norm</c>, as
    /// PyTorch's <c>torch.nn.utils.clip_grad_norm_</c> does. The norm is computed as by <see cref="Norm{T}"/>, and the
    /// factor from it exactly, so that finite gradients whose sum of squares overflows are still scaled to
    /// <paramref name="maxNorm"/>.
    /// </summary>
    /// <remarks>
    /// A NaN or infinite gradient makes the norm non-finite. By default (PyTorch's <c>error_if_nonfinite=False</c>)
    /// every gradient is still multiplied by <c>maxNorm / norm</c>, so the failure is visible in every entry: a NaN
    /// norm makes every gradient NaN; an infinite norm makes every finite gradient 0 and every infinite one NaN. With
    /// <paramref name="errorIfNonFinite"/> (PyTorch's <c>error_if_nonfinite=True</c>) the call throws instead and
    /// leaves every gradient untouched.
    /// </remarks>
    /// <param name="gradients">The gradients, scaled in place.</param>
    /// <param name="maxNorm">Largest allowed global norm; positive and finite.</param>
    /// <param name="errorIfNonFinite">Throw, rather than scale, when a gradient is NaN or infinite.</param>
    /// <returns>The norm before clipping, rounded to <typeparamref name="T"/> (see <see cref="Norm{T}"/>; for float it is
    /// +∞ when the norm exceeds <see cref="float.MaxValue"/>, even though the gradients were scaled by the exact norm).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="errorIfNonFinite"/> is set and a gradient is NaN or infinite.</exception>
    public static T ClipByGlobalNorm<T>(Span<T> gradients, T maxNorm, bool errorIfNonFinite = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBound(maxNorm, nameof(maxNorm));
        double root = ScaledNorm<T>(gradients, out int exponent);
        double bound = double.CreateTruncating(maxNorm);
        double factor;
        if (double.IsFinite(root))
        {
            // maxNorm / (root·2^e) without forming the norm, which may overflow T (float) or even double.
            factor = Math.ScaleB(bound / root, -exponent);
            if (!(factor < 1))
            {
                return T.CreateTruncating(Math.ScaleB(root, exponent));
            }
        }
        else if (errorIfNonFinite)
        {
            throw NonFinite<T>(gradients);
        }
        else
        {
            factor = bound / root;                                           // NaN for a NaN norm, 0 for +∞
        }

        foreach (ref T g in gradients)
        {
            g = T.CreateTruncating(double.CreateTruncating(g) * factor);
        }

        return T.CreateTruncating(Math.ScaleB(root, exponent));
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

    /// <summary>
    /// The norm as <c>root · 2^exponent</c>: root is 0, in [1, 2√n), NaN (an entry is NaN) or +∞ (an entry is infinite).
    /// Scaling by a power of two is exact, so for ordinary gradients the sum is the naive double sum, bit for bit.
    /// </summary>
    private static double ScaledNorm<T>(ReadOnlySpan<T> gradients, out int exponent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        exponent = 0;
        double max = 0;
        foreach (T g in gradients)
        {
            double magnitude = Math.Abs(double.CreateTruncating(g));
            if (!(magnitude <= max))
            {
                if (double.IsNaN(magnitude))
                {
                    return double.NaN;
                }

                max = magnitude;
            }
        }

        if (max == 0 || double.IsInfinity(max))
        {
            return max;
        }

        // The largest entry scaled into [1, 2); clamped so the factor 2^-exponent stays finite for a subnormal maximum.
        exponent = Math.Max(Math.ILogB(max), -1022);
        double scale = Math.ScaleB(1.0, -exponent);
        double sum = 0;
        foreach (T g in gradients)
        {
            double v = double.CreateTruncating(g) * scale;
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    private static ArgumentException NonFinite<T>(ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = 0;
        while (T.IsFinite(gradients[k]))
        {
            k++;
        }

        return new ArgumentException(
            $"Expected finite gradients (errorIfNonFinite is set), but element {k} is {gradients[k]}; nothing was clipped.",
            nameof(gradients));
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
