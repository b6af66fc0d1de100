namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    /// <summary>
    /// Backpropagation through time through every layer and direction, over what the last <see cref="Forward"/> left in
    /// <paramref name="workspace"/> (same xs, m and lengths; its dropout masks are recomputed from its seed): from
    /// dOutputs = ∂L/∂(top layer's outputs) [T × m × W] adds ∂L/∂θ of every layer into <paramref name="dp"/> (the head's
    /// gradient comes from the losses), writes ∂L/∂(initial states) [m × StateLength] into <paramref name="dInitial"/>
    /// (or nowhere, when empty) and ∂L/∂xs [T × m × D] into <paramref name="dxs"/> (or nowhere, when empty; zero at
    /// padded steps). Output gradients at padded steps are not read.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length does not fit, or xs, m or lengths differ from the last forward's.</exception>
    /// <exception cref="InvalidOperationException">No forward has run on the workspace.</exception>
    public void Backward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int batchSize, ReadOnlySpan<int> lengths, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp,
        ModelWorkspace<T> workspace)
    {
        int steps = CheckBackward(p, xs, batchSize, lengths, dOutputs, dInitial, dxs, dp, workspace);
        RunBackward(p, xs, steps, batchSize, lengths, dOutputs, dInitial.IsEmpty ? workspace.InitialGradients(batchSize) : dInitial, dxs, dp, workspace);
    }

    // Unchecked. For k = L−1 … 0: dOutput_k [T × m × W_k] → dp_k +=, dInitial blocks of layer k, dInput_k [T × m × D_k]
    // (= dOutput_{k−1}, then times layer k−1's dropout mask; or dxs for layer 0).
    private void RunBackward(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, int steps, int m, ReadOnlySpan<int> lengths, ReadOnlySpan<T> dOutputs, Span<T> dInitial, Span<T> dxs, Span<T> dp,
        ModelWorkspace<T> workspace)
    {
        int rows = steps * m;
        ReadOnlySpan<T> dOutput = dOutputs;
        for (int k = _layers.Length - 1; k >= 0; k--)
        {
            ReadOnlySpan<T> input = k == 0 ? xs : workspace.Output(k - 1, rows);
            Span<T> dInput = k == 0 ? dxs : workspace.OutputGradient(k - 1, rows);
            BackwardLayer(k, p, input, steps, m, lengths, dOutput, dInitial, dInput, dp, workspace);
            if (k > 0 && workspace.DropoutSeed is ulong seed && Dropout > 0)
            {
                DropoutMask.Apply(dInput, seed, k - 1, steps, m, _layers[k - 1].OutputWidth, Dropout, workspace.FirstSequence);
            }

            dOutput = dInput;
        }
    }

    // One layer: a bidirectional one splits dOutput into the forward direction's [T × m × H] and the reverse direction's
    // (reversed, as its cell ran), runs both BPTTs and adds the reverse direction's input gradient back un-reversed.
    private void BackwardLayer(
        int k, ReadOnlySpan<T> p, ReadOnlySpan<T> input, int steps, int m, ReadOnlySpan<int> lengths, ReadOnlySpan<T> dOutput, Span<T> dInitial, Span<T> dInput,
        Span<T> dp, ModelWorkspace<T> workspace)
    {
        IRecurrentCell<T> cell = _layers[k].Cell;
        int rows = steps * m;
        if (!_layers[k].Bidirectional)
        {
            cell.BpttBatch(
                CellParameters(p, k, 0), input, m, lengths, workspace.Caches(k, 0, rows), dOutput, StateBlock(dInitial, k, 0, m), dInput, CellGradients(dp, k, 0));
            return;
        }

        Span<T> dForward = workspace.DirectionOutput(k, 0, rows), dReverse = workspace.DirectionOutput(k, 1, rows);
        SequenceReversal.Split(dOutput, dForward, dReverse, steps, m, cell.HiddenSize, lengths);
        cell.BpttBatch(
            CellParameters(p, k, 0), input, m, lengths, workspace.Caches(k, 0, rows), dForward, StateBlock(dInitial, k, 0, m), dInput, CellGradients(dp, k, 0));
        Span<T> dReversedInput = dInput.IsEmpty ? default : workspace.ReversedInputGradient(rows, cell.InputSize);
        cell.BpttBatch(
            CellParameters(p, k, 1), workspace.ReversedInput(k, rows), m, lengths, workspace.Caches(k, 1, rows), dReverse, StateBlock(dInitial, k, 1, m),
            dReversedInput, CellGradients(dp, k, 1));
        if (!dInput.IsEmpty)
        {
            SequenceReversal.AddReversed<T>(dReversedInput, dInput, steps, m, cell.InputSize, lengths);
        }
    }
}
