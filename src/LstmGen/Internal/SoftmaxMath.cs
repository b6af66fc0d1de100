using System.ComponentModel;
using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.Internal;

/// <summary>
/// Numerically stable softmax, log-softmax and cross-entropy over spans, shared by generated output heads.
/// Every function shifts by the maximum logit first, so logits up to the type's maximum give finite results; each
/// e^(z_v − max) is computed once (in vectors for float and double, <c>VectorActivations</c>).
/// </summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoftmaxMath
{
    /// <summary><c>p_v = e^(z_v - m) / Σ_u e^(z_u - m)</c> with <c>m = max z</c>.</summary>
    /// <param name="logits">The logits z.</param>
    /// <param name="probabilities">Receives p; same length as <paramref name="logits"/> (may be the same span).</param>
    public static void Softmax<T>(ReadOnlySpan<T> logits, Span<T> probabilities)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Length(probabilities.Length, logits.Length, "the probabilities (one per logit)", nameof(probabilities));
        T sum = ShiftedExps(logits, Max(logits), probabilities);
        for (int v = 0; v < probabilities.Length; v++)
        {
            probabilities[v] /= sum;
        }
    }

    /// <summary><c>log p_v = z_v - m - log Σ_u e^(z_u - m)</c>.</summary>
    /// <param name="logits">The logits z.</param>
    /// <param name="logProbabilities">Receives log p; same length (may be the same span).</param>
    public static void LogSoftmax<T>(ReadOnlySpan<T> logits, Span<T> logProbabilities)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Length(logProbabilities.Length, logits.Length, "the log-probabilities (one per logit)", nameof(logProbabilities));
        T logSumExp = LogSumExp(logits);
        for (int v = 0; v < logits.Length; v++)
        {
            logProbabilities[v] = logits[v] - logSumExp;
        }
    }

    /// <summary>
    /// Cross-entropy against a class index, <c>L = -log softmax(z)[target]</c>, and its gradient with respect to
    /// the logits, <c>dL/dz = softmax(z) - onehot(target)</c>.
    /// </summary>
    /// <param name="logits">The logits z.</param>
    /// <param name="target">The true class, 0 ≤ target &lt; V.</param>
    /// <param name="dLogits">Receives dL/dz; same length as <paramref name="logits"/>.</param>
    /// <returns>The loss.</returns>
    public static T CrossEntropy<T>(ReadOnlySpan<T> logits, int target, Span<T> dLogits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Index(target, logits.Length, "a target class", nameof(target));
        Guard.Length(dLogits.Length, logits.Length, "dL/dlogits (one per logit)", nameof(dLogits));
        T max = Max(logits), chosen = logits[target];
        T sum = ShiftedExps(logits, max, dLogits);
        for (int v = 0; v < logits.Length; v++)
        {
            dLogits[v] /= sum;
        }

        dLogits[target] -= T.One;
        return max + T.Log(sum) - chosen;
    }

    /// <summary>
    /// Cross-entropy against a target distribution q, <c>L = -Σ_v q_v log softmax(z)_v</c>, and
    /// <c>dL/dz = softmax(z)·Σq - q</c> (which is <c>p - q</c> up to the rounding of Σq).
    /// </summary>
    /// <param name="logits">The logits z.</param>
    /// <param name="target">The target distribution q; same length, finite, non-negative, and summing to 1 within
    /// <see cref="Guard.DistributionTolerance{T}"/> (2·V·ε of <typeparamref name="T"/>).</param>
    /// <param name="dLogits">Receives dL/dz; same length; must not overlap <paramref name="logits"/>.</param>
    /// <returns>The loss.</returns>
    /// <exception cref="ArgumentException">A length differs, or <paramref name="target"/> is not a distribution; nothing is written.</exception>
    public static T CrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> target, Span<T> dLogits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.Length(target.Length, logits.Length, "the target distribution (one per logit)", nameof(target));
        Guard.Length(dLogits.Length, logits.Length, "dL/dlogits (one per logit)", nameof(dLogits));
        Guard.Distributions(target, target.Length, "the target distribution", nameof(target));
        T max = Max(logits);
        T sum = ShiftedExps(logits, max, dLogits);
        T logSumExp = max + T.Log(sum);
        T mass = T.Zero;
        T loss = T.Zero;
        for (int v = 0; v < logits.Length; v++)
        {
            mass += target[v];
            loss += target[v] * (logSumExp - logits[v]);
        }

        for (int v = 0; v < logits.Length; v++)
        {
            dLogits[v] = (dLogits[v] / sum * mass) - target[v];
        }

        return loss;
    }

    /// <summary><c>log Σ_v e^(z_v)</c>, computed as <c>m + log Σ_v e^(z_v - m)</c>.</summary>
    public static T LogSumExp<T>(ReadOnlySpan<T> logits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = Max(logits);
        T sum = T.Zero;
        for (int v = 0; v < logits.Length; v++)
        {
            sum += T.Exp(logits[v] - max);
        }

        return max + T.Log(sum);
    }

    // e_v = e^(z_v − max) into exps (each computed once: vectors for float and double), and returns Σ e_v.
    private static T ShiftedExps<T>(ReadOnlySpan<T> logits, T max, Span<T> exps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int v = 0; v < logits.Length; v++)
        {
            exps[v] = logits[v] - max;
        }

        if (typeof(T) == typeof(float) || typeof(T) == typeof(double))
        {
            VectorActivations.ExpNonPositive<T>(exps[..logits.Length], exps);
        }
        else
        {
            for (int v = 0; v < logits.Length; v++)
            {
                exps[v] = T.Exp(exps[v]);
            }
        }

        T sum = T.Zero;
        for (int v = 0; v < logits.Length; v++)
        {
            sum += exps[v];
        }

        return sum;
    }

    private static T Max<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.MinLength(values.Length, 1, "the logits", nameof(values));
        T max = values[0];
        for (int v = 1; v < values.Length; v++)
        {
            if (values[v] > max)
            {
                max = values[v];
            }
        }

        return max;
    }
}
