using System.Numerics;
using System.Numerics.Tensors;

namespace LstmGen.Models;

/// <summary>
/// The reverse direction of a bidirectional layer runs the cell's ordinary batched forward over a copy of its input in
/// which each sequence's valid steps are reversed: row t of sequence b holds step L_b − 1 − t (t &lt; L_b), padding stays
/// where it is. The map is its own inverse, so the same functions bring outputs and gradients back.
/// All buffers are time-major [T × m × width].
/// </summary>
internal static class SequenceReversal
{
    /// <summary>The step a reversed row t of sequence b comes from (and goes back to): L_b − 1 − t, or t at padding.</summary>
    public static int Source(ReadOnlySpan<int> lengths, int steps, int b, int t)
    {
        int length = lengths.IsEmpty ? steps : lengths[b];
        return t < length ? length - 1 - t : t;
    }

    /// <summary>destination(t, b) = source(Source(t), b) for every row (padding copied as it is; no cell reads it).</summary>
    public static void Reverse<T>(ReadOnlySpan<T> source, Span<T> destination, int steps, int batchSize, int width, ReadOnlySpan<int> lengths)
    {
        for (int t = 0; t < steps; t++)
        {
            for (int b = 0; b < batchSize; b++)
            {
                int from = (Source(lengths, steps, b, t) * batchSize) + b, to = (t * batchSize) + b;
                source.Slice(from * width, width).CopyTo(destination.Slice(to * width, width));
            }
        }
    }

    /// <summary>output(t, b) [2H] = [forward(t, b) | reverse(Source(t), b)]: PyTorch's order of a bidirectional layer.</summary>
    public static void Concatenate<T>(ReadOnlySpan<T> forward, ReadOnlySpan<T> reverse, Span<T> output, int steps, int batchSize, int hidden, ReadOnlySpan<int> lengths)
    {
        for (int t = 0; t < steps; t++)
        {
            for (int b = 0; b < batchSize; b++)
            {
                int at = (t * batchSize) + b, from = (Source(lengths, steps, b, t) * batchSize) + b;
                Span<T> row = output.Slice(at * 2 * hidden, 2 * hidden);
                forward.Slice(at * hidden, hidden).CopyTo(row[..hidden]);
                reverse.Slice(from * hidden, hidden).CopyTo(row[hidden..]);
            }
        }
    }

    /// <summary>The backward twin of <see cref="Concatenate"/>: forward(t, b) = dOutput(t, b)[..H], reverse(Source(t), b) = dOutput(t, b)[H..].</summary>
    public static void Split<T>(ReadOnlySpan<T> dOutput, Span<T> forward, Span<T> reverse, int steps, int batchSize, int hidden, ReadOnlySpan<int> lengths)
    {
        for (int t = 0; t < steps; t++)
        {
            for (int b = 0; b < batchSize; b++)
            {
                int at = (t * batchSize) + b, to = (Source(lengths, steps, b, t) * batchSize) + b;
                ReadOnlySpan<T> row = dOutput.Slice(at * 2 * hidden, 2 * hidden);
                row[..hidden].CopyTo(forward.Slice(at * hidden, hidden));
                row[hidden..].CopyTo(reverse.Slice(to * hidden, hidden));
            }
        }
    }

    /// <summary>destination(t, b) += reversed(Source(t), b) at valid steps: the reverse direction's input gradient brought back.</summary>
    public static void AddReversed<T>(ReadOnlySpan<T> reversed, Span<T> destination, int steps, int batchSize, int width, ReadOnlySpan<int> lengths)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < batchSize; b++)
        {
            int length = lengths.IsEmpty ? steps : lengths[b];
            for (int t = 0; t < length; t++)
            {
                int at = ((t * batchSize) + b) * width, from = (((length - 1 - t) * batchSize) + b) * width;
                Span<T> row = destination.Slice(at, width);
                TensorPrimitives.Add(row, reversed.Slice(from, width), row);
            }
        }
    }
}
