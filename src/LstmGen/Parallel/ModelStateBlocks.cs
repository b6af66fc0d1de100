using System.Numerics;
using LstmGen.Models;

namespace LstmGen.Parallel;

/// <summary>
/// A batch of model states is block-major (<see cref="ModelLayout.StateOffset"/>): block j (a layer's direction) holds
/// m × S_j values at m · offset_j. A shard's samples [start, start + count) are one contiguous run in each block; these
/// copy them between the batch's layout and the shard's own (the same layout for count sequences).
/// </summary>
internal sealed class ModelStateBlocks
{
    private readonly int[] _offsets, _lengths;

    public ModelStateBlocks(ModelLayout layout)
    {
        var offsets = new List<int>();
        var lengths = new List<int>();
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            for (int d = 0; d < layout.Directions[k]; d++)
            {
                offsets.Add(layout.StateOffset(k, d));
                lengths.Add(layout.CellStateLength(k));
            }
        }

        (_offsets, _lengths) = (offsets.ToArray(), lengths.ToArray());
    }

    /// <summary>Copies the shard's sequences out of the batch's states into <paramref name="shard"/> (count sequences).</summary>
    public void Gather<T>(ReadOnlySpan<T> batch, int batchSize, int start, int count, Span<T> shard)
    {
        for (int j = 0; j < _offsets.Length; j++)
        {
            int s = _lengths[j];
            batch.Slice((batchSize * _offsets[j]) + (start * s), count * s).CopyTo(shard.Slice(count * _offsets[j], count * s));
        }
    }

    /// <summary>Writes the shard's sequences, times <paramref name="scale"/>, into the batch's states.</summary>
    public void Scatter<T>(ReadOnlySpan<T> shard, int batchSize, int start, int count, T scale, Span<T> batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < _offsets.Length; j++)
        {
            int s = _lengths[j];
            ShardRows.Scale(shard.Slice(count * _offsets[j], count * s), scale, batch.Slice((batchSize * _offsets[j]) + (start * s), count * s));
        }
    }
}
