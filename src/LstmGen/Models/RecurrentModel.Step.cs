namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    /// <summary>
    /// Streaming inference: one step of m = <paramref name="batchSize"/> sequences through every layer, x [m × D] in,
    /// <paramref name="state"/> [m × StateLength] (ModelLayout block order) updated in place, the top layer's output
    /// h [m × W] written. The same values as <see cref="Forward"/> without dropout, one step at a time. Layer k reads
    /// layer k − 1's new hidden state straight from <paramref name="state"/>, so no scratch is needed.
    /// </summary>
    /// <exception cref="NotSupportedException">A layer is bidirectional (its reverse direction needs the whole sequence).</exception>
    /// <exception cref="ArgumentException">A buffer's length does not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is less than 1.</exception>
    public void Step(ReadOnlySpan<T> p, ReadOnlySpan<T> x, int batchSize, Span<T> state, Span<T> output)
    {
        for (int k = 0; k < _layers.Length; k++)
        {
            if (_layers[k].Bidirectional)
            {
                throw new NotSupportedException(
                    $"Expected forward-only layers for streaming, but layer {k} ({Describe(_layers[k])}) is bidirectional: its reverse direction needs the whole sequence. Use Forward.");
            }
        }

        CheckParameters(p);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1, nameof(batchSize));
        Guard.Length(x.Length, batchSize * InputSize, "the inputs x (m x D values)", nameof(x));
        Guard.Length(state.Length, batchSize * StateLength, $"the states ({StateShape})", nameof(state));
        Guard.Length(output.Length, batchSize * OutputWidth, "the outputs (m x W values)", nameof(output));
        int top = _layers.Length - 1, h = _layers[top].Cell.HiddenSize;
        for (int b = 0; b < batchSize; b++)
        {
            for (int k = 0; k < _layers.Length; k++)
            {
                IRecurrentCell<T> cell = _layers[k].Cell;
                Span<T> own = StateBlock(state, k, 0, batchSize).Slice(b * cell.StateLength, cell.StateLength);
                ReadOnlySpan<T> input = k == 0 ? x.Slice(b * InputSize, InputSize) : Hidden(state, k - 1, b, batchSize);
                cell.Step(CellParameters(p, k, 0), input, own, own);
            }

            Hidden(state, top, b, batchSize).CopyTo(output.Slice(b * h, h));
        }
    }

    // Sequence b's h [H_k] of layer k (the first H values of its state).
    private ReadOnlySpan<T> Hidden(Span<T> state, int k, int b, int m)
    {
        IRecurrentCell<T> cell = _layers[k].Cell;
        return StateBlock(state, k, 0, m).Slice(b * cell.StateLength, cell.HiddenSize);
    }
}
