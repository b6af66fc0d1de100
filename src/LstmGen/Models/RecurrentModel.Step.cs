using System.Buffers;

namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    // Gathered inputs of up to this many values stay on the stack (4 KB of double); more are rented.
    private const int MaxStackInputs = 512;

    /// <summary>
    /// Streaming inference: one step of m = <paramref name="batchSize"/> sequences through every layer, x [m × D] in,
    /// <paramref name="state"/> [m × StateLength] (ModelLayout block order) updated in place, the top layer's output
    /// h [m × W] written. The same values as <see cref="Forward"/> without dropout, one step at a time, and no cache
    /// written: each layer steps the m sequences at once (<see cref="IRecurrentCell{T}.StepBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T})"/>,
    /// one pass over a SIMD LSTM's or RNN's weights per 4 sequences). Layer k reads layer k − 1's new hidden states
    /// from <paramref name="state"/>: in place for an RNN or a GRU, gathered from an LSTM's <c>[h | c]</c> states
    /// (on the stack up to 512 values, else into an array rented from <see cref="ArrayPool{T}.Shared"/>).
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
        int m = batchSize, top = _layers.Length - 1;
        int gathered = GatheredInputLength(m);
        T[]? rented = gathered > MaxStackInputs ? ArrayPool<T>.Shared.Rent(gathered) : null;
        Span<T> scratch = rented is null ? stackalloc T[MaxStackInputs] : rented;
        try
        {
            for (int k = 0; k < _layers.Length; k++)
            {
                IRecurrentCell<T> cell = _layers[k].Cell;
                Span<T> own = StateBlock(state, k, 0, m);
                cell.StepBatch(CellParameters(p, k, 0), k == 0 ? x : Inputs(state, k - 1, m, scratch), m, own, own);
            }

            Span<T> topStates = StateBlock(state, top, 0, m);
            int h = _layers[top].Cell.HiddenSize, s = _layers[top].Cell.StateLength;
            for (int b = 0; b < m; b++)
            {
                topStates.Slice(b * s, h).CopyTo(output.Slice(b * h, h));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<T>.Shared.Return(rented);
            }
        }
    }

    // The hidden states [m × H_k] of layer k as the next layer's inputs: the state block itself when S = H (RNN, GRU),
    // else (LSTM, [h | c] per sequence) the h rows gathered into scratch.
    private ReadOnlySpan<T> Inputs(Span<T> state, int k, int m, Span<T> scratch)
    {
        IRecurrentCell<T> cell = _layers[k].Cell;
        Span<T> block = StateBlock(state, k, 0, m);
        int h = cell.HiddenSize, s = cell.StateLength;
        if (s == h)
        {
            return block;
        }

        Span<T> inputs = scratch[..(m * h)];
        for (int b = 0; b < m; b++)
        {
            block.Slice(b * s, h).CopyTo(inputs.Slice(b * h, h));
        }

        return inputs;
    }

    // The most values Inputs gathers for one layer (0 when no layer below the top keeps [h | c]).
    private int GatheredInputLength(int m)
    {
        int most = 0;
        for (int k = 0; k < _layers.Length - 1; k++)
        {
            IRecurrentCell<T> cell = _layers[k].Cell;
            most = cell.StateLength == cell.HiddenSize ? most : Math.Max(most, m * cell.HiddenSize);
        }

        return most;
    }
}
