namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    /// <summary>
    /// A workspace for calls of up to <paramref name="steps"/> steps of up to <paramref name="batchSize"/> sequences:
    /// every buffer one call needs, allocated here once (the calls allocate nothing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1, or the buffers would not fit in one array.</exception>
    public ModelWorkspace<T> CreateWorkspace(int steps, int batchSize = 1) => new(this, steps, batchSize);

    /// <summary>
    /// Runs the model over m = <paramref name="batchSize"/> sequences xs [T × m × D] (time-major: step t of sequence b at
    /// row t·m + b), layer by layer: layer 0 reads x_t, layer k the output of layer k − 1 (after dropout in training);
    /// a bidirectional layer runs its forward direction over t = 0 … L_b − 1 and its reverse direction over
    /// t = L_b − 1 … 0 and outputs [forward h_t | reverse h_t]. The top layer's outputs [T × m × W] are left in
    /// <see cref="ModelWorkspace{T}.Outputs"/> (zero at padded steps), with everything <see cref="Backward"/> needs.
    /// </summary>
    /// <param name="p">The parameters [ParameterCount], laid out by <see cref="Layout"/>.</param>
    /// <param name="xs">The inputs [T × m × D], 1 ≤ T ≤ the workspace's steps.</param>
    /// <param name="batchSize">m, at most the workspace's batch size.</param>
    /// <param name="lengths">Empty (every sequence has T steps) or m lengths in [1, T] (PyTorch's <c>pack_padded_sequence</c>): padded steps are not read, change no state and output zero.</param>
    /// <param name="initial">Empty (zero states) or [m × StateLength]: block (k, d) of <see cref="ModelLayout.StateOffset"/> is where layer k's direction d starts (the reverse direction at t = L_b − 1).</param>
    /// <param name="final">Written: [m × StateLength], each block the state after its direction's last step (t = L_b − 1 forward, t = 0 reverse); or empty. May be <paramref name="initial"/>.</param>
    /// <param name="workspace">From this model's <see cref="CreateWorkspace"/>.</param>
    /// <param name="dropoutSeed">null: inference, no dropout. A seed: training, with the inverted-dropout mask of this seed on every layer's output but the top one's (none when <see cref="Dropout"/> is 0).</param>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or the workspace is another model's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size or a length is out of range.</exception>
    public void Forward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final,
        ModelWorkspace<T> workspace, ulong? dropoutSeed = null)
    {
        int steps = CheckForward(p, xs, batchSize, lengths, initial, final, workspace);
        RunForward(p, xs, steps, batchSize, lengths, initial, final.IsEmpty ? workspace.FinalStates(batchSize) : final, workspace, dropoutSeed);
    }

    // Unchecked. For k = 0 … L−1: layer k over input_k [T × m × D_k] → output_k [T × m × W_k] (= input_{k+1}), masked by
    // dropout below the top in training.
    private void RunForward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int steps, int m, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final,
        ModelWorkspace<T> workspace, ulong? dropoutSeed)
    {
        workspace.BeginForward(steps, m, lengths, dropoutSeed);
        int rows = steps * m;
        ReadOnlySpan<T> input = xs;
        for (int k = 0; k < _layers.Length; k++)
        {
            Span<T> output = workspace.Output(k, rows);
            ForwardLayer(k, p, input, steps, m, lengths, initial, final, workspace, output);
            if (k < _layers.Length - 1 && dropoutSeed is ulong seed && Dropout > 0)
            {
                DropoutMask.Apply(output, seed, k, steps, m, _layers[k].OutputWidth, Dropout, workspace.FirstSequence);
            }

            input = output;
        }
    }

    // One layer: a forward-only one writes the cell's outputs [T × m × H] straight into output; a bidirectional one runs
    // the forward direction into its own buffer, the reverse direction over the reversed input, and concatenates.
    private void ForwardLayer(
        int k, ReadOnlySpan<T> p, ReadOnlySpan<T> input, int steps, int m, ReadOnlySpan<int> lengths, ReadOnlySpan<T> initial, Span<T> final,
        ModelWorkspace<T> workspace, Span<T> output)
    {
        IRecurrentCell<T> cell = _layers[k].Cell;
        int rows = steps * m;
        if (!_layers[k].Bidirectional)
        {
            cell.ForwardSequenceBatch(
                CellParameters(p, k, 0), input, m, lengths, StateBlock(initial, k, 0, m), StateBlock(final, k, 0, m), workspace.Caches(k, 0, rows), output);
            return;
        }

        Span<T> forward = workspace.DirectionOutput(k, 0, rows), reverse = workspace.DirectionOutput(k, 1, rows), reversedInput = workspace.ReversedInput(k, rows);
        cell.ForwardSequenceBatch(
            CellParameters(p, k, 0), input, m, lengths, StateBlock(initial, k, 0, m), StateBlock(final, k, 0, m), workspace.Caches(k, 0, rows), forward);
        SequenceReversal.Reverse(input, reversedInput, steps, m, cell.InputSize, lengths);
        cell.ForwardSequenceBatch(
            CellParameters(p, k, 1), reversedInput, m, lengths, StateBlock(initial, k, 1, m), StateBlock(final, k, 1, m), workspace.Caches(k, 1, rows), reverse);
        SequenceReversal.Concatenate<T>(forward, reverse, output, steps, m, cell.HiddenSize, lengths);
    }

    // Layer k's direction d: its cell's whole parameter buffer within p (or dp).
    private ReadOnlySpan<T> CellParameters(ReadOnlySpan<T> p, int k, int d) => p.Slice(Layout.ParameterOffset(k, d), _layers[k].Cell.ParameterCount);

    private Span<T> CellGradients(Span<T> dp, int k, int d) => dp.Slice(Layout.ParameterOffset(k, d), _layers[k].Cell.ParameterCount);

    // Block (k, d) of m model states [m × S_k]; empty stays empty (zero initial states).
    private ReadOnlySpan<T> StateBlock(ReadOnlySpan<T> states, int k, int d, int m) =>
        states.IsEmpty ? default : states.Slice(Layout.StateOffset(k, d, m), m * _layers[k].Cell.StateLength);

    private Span<T> StateBlock(Span<T> states, int k, int d, int m) => states.Slice(Layout.StateOffset(k, d, m), m * _layers[k].Cell.StateLength);
}
