using System.Numerics;
using System.Numerics.Tensors;
using LstmGen.Internal;

namespace LstmGen.Parallel;

/// <summary>
/// Moving a shard's rows between the caller's time-major batch and the shard's own: batch buffers are [T × m × width]
/// (row t·m + b), a shard's [T × count × width] (row t·count + b − start), so each step is one contiguous copy.
/// </summary>
internal static class ShardRows
{
    /// <summary>Copies samples [start, start + count) of every step of <paramref name="batch"/> into <paramref name="shard"/>; returns the part written.</summary>
    public static Span<TElement> Gather<TElement>(ReadOnlySpan<TElement> batch, int steps, int batchSize, int start, int count, int width, Span<TElement> shard)
    {
        int rowLength = count * width;
        for (int t = 0; t < steps; t++)
        {
            batch.Slice(((t * batchSize) + start) * width, rowLength).CopyTo(shard.Slice(t * rowLength, rowLength));
        }

        return shard[..(steps * rowLength)];
    }

    /// <summary>Writes the shard's rows, times <paramref name="scale"/>, back into samples [start, start + count) of every step of <paramref name="batch"/>.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> shard, int steps, int batchSize, int start, int count, int width, T scale, Span<T> batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rowLength = count * width;
        for (int t = 0; t < steps; t++)
        {
            Scale(shard.Slice(t * rowLength, rowLength), scale, batch.Slice(((t * batchSize) + start) * width, rowLength));
        }
    }

    /// <summary>destination = scale · source (a copy when the scale is 1).</summary>
    public static void Scale<T>(ReadOnlySpan<T> source, T scale, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scale == T.One)
        {
            source.CopyTo(destination);
        }
        else
        {
            TensorPrimitives.Multiply(source, scale, destination);
        }
    }

    /// <summary>
    /// The fixed-order reduction: dp += gradientScale · (dp₀ + dp₁ + … + dp_{s−1}), shard by shard in index order
    /// (dp₀ is overwritten with the sum when there is a scale), and the loss lossScale · (L₀ + L₁ + …). The same shards
    /// give the same bits on every run.
    /// </summary>
    public static T Reduce<T>(IReadOnlyList<ShardGradient<T>> shards, int count, T lossScale, T gradientScale, Span<T> dp)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T loss = T.Zero, scale = gradientScale;
        for (int k = 0; k < count; k++)
        {
            loss += shards[k].Loss;
        }

        if (scale == T.One)
        {
            for (int k = 0; k < count; k++)
            {
                TensorPrimitives.Add(dp, shards[k].Dp, dp);
            }

            return lossScale * loss;
        }

        Span<T> sum = shards[0].Dp;
        for (int k = 1; k < count; k++)
        {
            TensorPrimitives.Add(sum, shards[k].Dp, sum);
        }

        TensorPrimitives.MultiplyAdd(sum, scale, dp, dp);
        return lossScale * loss;
    }
}

/// <summary>What one shard hands to the reduction: its parameter gradient (summed over its samples) and its summed loss.</summary>
internal class ShardGradient<T>(int parameterCount)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>dθ of the shard's samples, unscaled.</summary>
    public Span<T> Dp => _dp.Span;

    private readonly AlignedArray<T> _dp = new(parameterCount);

    /// <summary>The shard's loss, unscaled (a sum over its samples).</summary>
    public T Loss { get; set; }
}
