using System.Numerics;

namespace LstmGen.Kernels;

/// <summary>
/// The softmax head's affine map, logits [V] = W_y h + b_y, and its backward twin, with loops over
/// <typeparamref name="TShape"/>'s sizes. W_y (V × H) is stored column by column after the gate bias, then b_y (V);
/// see <see cref="CellLayout"/>.
/// </summary>
public static class SoftmaxHead<TShape, T>
    where TShape : ICellShape
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int WeightOffset => CellShape<TShape>.HeadWeightOffset;

    private static int BiasOffset => CellShape<TShape>.HeadBiasOffset;

    // logits [V] = b_y + Σ_k h_k · W_y[:, k]
    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadForward"/>
    public static void Forward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> logits)
    {
        KernelArguments.Head<TShape, T>(p, h, logits, nameof(logits));
        int v = TShape.OutputSize;
        p.Slice(BiasOffset, v).CopyTo(logits);
        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            ReadOnlySpan<T> column = p.Slice(WeightOffset + (k * v), v);
            T hk = h[k];
            for (int r = 0; r < v; r++)
            {
                logits[r] += hk * column[r];
            }
        }
    }

    /// <summary>The head's class probabilities [V] = softmax(logits [V]), shifted by the largest logit (finite for any finite logits).</summary>
    /// <exception cref="NotSupportedException">The cell has no head (V = 0).</exception>
    /// <exception cref="ArgumentException">A span does not hold V values.</exception>
    public static void Softmax(ReadOnlySpan<T> logits, Span<T> probabilities)
    {
        Classes(logits, probabilities, "the probabilities (V values)", nameof(probabilities));
        SoftmaxMath.Softmax(logits, probabilities);
    }

    /// <summary>The head's log-probabilities [V] = log softmax(logits [V]) = logits − log Σ e^logits.</summary>
    /// <exception cref="NotSupportedException">The cell has no head (V = 0).</exception>
    /// <exception cref="ArgumentException">A span does not hold V values.</exception>
    public static void LogSoftmax(ReadOnlySpan<T> logits, Span<T> logProbabilities)
    {
        Classes(logits, logProbabilities, "the log-probabilities (V values)", nameof(logProbabilities));
        SoftmaxMath.LogSoftmax(logits, logProbabilities);
    }

    // dh [H] = W_yᵀ dLogits;  dW_y[:, k] += h_k · dLogits;  db_y += dLogits
    /// <inheritdoc cref="IRecurrentKernel{TSelf, T}.HeadBackward"/>
    public static void Backward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dLogits, Span<T> dh, Span<T> dp)
    {
        KernelArguments.HeadBackward<TShape, T>(p, h, dLogits, dh, dp);
        int v = TShape.OutputSize;
        Span<T> dBias = dp.Slice(BiasOffset, v);
        for (int r = 0; r < v; r++)
        {
            dBias[r] += dLogits[r];
        }

        for (int k = 0; k < TShape.HiddenSize; k++)
        {
            ReadOnlySpan<T> column = p.Slice(WeightOffset + (k * v), v);
            Span<T> dColumn = dp.Slice(WeightOffset + (k * v), v);
            T hk = h[k], sum = T.Zero;
            for (int r = 0; r < v; r++)
            {
                sum += column[r] * dLogits[r];
                dColumn[r] += hk * dLogits[r];
            }

            dh[k] = sum;
        }
    }

    private static void Classes(ReadOnlySpan<T> logits, ReadOnlySpan<T> written, string what, string writtenName)
    {
        if (TShape.OutputSize == 0)
        {
            throw new NotSupportedException("This cell has no softmax head (OutputSize = 0).");
        }

        Guard.Length(logits.Length, TShape.OutputSize, "the logits (V values)", nameof(logits));
        Guard.Length(written.Length, TShape.OutputSize, what, writtenName);
    }
}
