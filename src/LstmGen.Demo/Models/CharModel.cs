namespace LstmGen.Demo.Models;

/// <summary>
/// A character model the demo can train: one generated cell (a compile-time size) behind a small run-time surface,
/// so that the training loop, the sampler and the checkpoint format are written once for every cell the demo offers.
/// Holds the cell's parameters, gradients, workspace and the recurrent states (one per training stream, carried across
/// windows, and one per generation stream). Nothing here allocates after construction.
/// </summary>
/// <remarks>One implementation, <see cref="CellCharModel"/>, serves every cell: it holds the cell as
/// <see cref="IRecurrentCell{T}"/>.</remarks>
public abstract class CharModel : IDisposable
{
    /// <summary>Stops the threads the model trains on, if any.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }
    /// <summary>The name <c>--model</c> selects and checkpoints record, e.g. <c>lstm128</c>.</summary>
    public abstract string Name { get; }

    /// <summary>D: the largest vocabulary the cell accepts (its one-hot input size).</summary>
    public abstract int InputSize { get; }

    /// <summary>H: the hidden size.</summary>
    public abstract int HiddenSize { get; }

    /// <summary>V: the classes of the softmax head (equal to <see cref="InputSize"/> for a character model).</summary>
    public abstract int OutputSize { get; }

    /// <summary>The length of <see cref="Parameters"/> and <see cref="Gradients"/>.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>The longest window <see cref="TrainWindow"/> accepts (the workspace size).</summary>
    public abstract int MaxWindow { get; }

    /// <summary>The most sequences <see cref="TrainBatch"/> accepts; also the number of training states carried.</summary>
    public abstract int MaxBatch { get; }

    /// <summary>θ: the cell's flat parameter buffer (writable).</summary>
    public abstract Span<float> Parameters { get; }

    /// <summary>dθ: the gradients of the last <see cref="TrainWindow"/> call.</summary>
    public abstract Span<float> Gradients { get; }

    /// <summary>Clears dθ, runs the window through the cell from the carried training state, adds dL/dθ of the summed
    /// cross-entropy into <see cref="Gradients"/>, carries the final state forward and returns the summed loss.</summary>
    /// <param name="inputs">Character indices x_1..x_T (T ≤ <see cref="MaxWindow"/>).</param>
    /// <param name="targets">The next character of each input, y_t = x_{t+1}.</param>
    public abstract float TrainWindow(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets);

    /// <summary>Like <see cref="TrainWindow"/> for <paramref name="batchSize"/> windows at once, one per stream, in
    /// time-major layout (step t of stream b at <c>t·m + b</c>), with the batched cross-entropy and
    /// <see cref="BatchReduction.Mean"/>: returns the summed-over-time
    /// loss averaged over the streams, and carries each stream's final state into its next window.</summary>
    public abstract float TrainBatch(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int batchSize);

    /// <summary>Sets every training state carried across windows to zero (at the start of each pass over the corpus).</summary>
    public abstract void ResetTrainingState();

    /// <summary>Copies the carried training states (for each of the <see cref="MaxBatch"/> streams: h, then c) into
    /// <paramref name="destination"/> (<see cref="StateLength"/> values).</summary>
    public abstract void SaveTrainingState(Span<float> destination);

    /// <summary>Restores the carried training states from <see cref="StateLength"/> values laid out as <see cref="SaveTrainingState"/> writes them.</summary>
    public abstract void RestoreTrainingState(ReadOnlySpan<float> source);

    /// <summary>Sets every generation state to zero.</summary>
    public abstract void ResetGenerationState();

    /// <summary>One generation step: feeds character <paramref name="index"/>, advances the generation state and writes
    /// the head's logits (length <see cref="OutputSize"/>) into <paramref name="logits"/>.</summary>
    public abstract void Generate(int index, Span<float> logits);

    /// <summary>One generation step of m = <c>indices.Length</c> streams at once (m ≤ <see cref="MaxBatch"/>): feeds
    /// stream b its character indices[b], advances the m generation states with one batched inference step (no caches)
    /// and writes stream b's logits at <c>b·OutputSize</c> of <paramref name="logits"/> [m × OutputSize]. Stream 0 is
    /// the state <see cref="Generate"/> advances; every stream gets the values <see cref="Generate"/> would give it.</summary>
    public abstract void GenerateBatch(ReadOnlySpan<int> indices, Span<float> logits);

    /// <summary>The size of the carried training states in floats: 2H (h and c) per stream.</summary>
    public int StateLength => 2 * HiddenSize * MaxBatch;

    /// <summary>Releases the model's threads (<paramref name="disposing"/>: called from <see cref="Dispose()"/>).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Fills θ with values uniform in ±1/√H (PyTorch's default LSTM initialisation) from <paramref name="random"/>.</summary>
    public void Initialise(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double scale = 1.0 / Math.Sqrt(HiddenSize);
        foreach (ref float value in Parameters)
        {
            value = (float)(((random.NextDouble() * 2) - 1) * scale);
        }
    }
}
