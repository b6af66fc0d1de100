namespace LstmGen.Onnx;

/// <summary>
/// The input list of an ONNX <c>LSTM</c> / <c>GRU</c> / <c>RNN</c> node, for a cell's graph and each layer of a model's:
/// X, W, R, B, sequence_lens, initial_h, initial_c, where an omitted optional input is an empty name, or nothing at all
/// when no input follows it.
/// </summary>
internal static class RecurrentOperatorInputs
{
    /// <summary>
    /// X, W, R; then B unless the cell is bias-free (ONNX then adds zeros); then, with initial states, an empty
    /// sequence_lens (every sequence has the full length), initial_h and, for an LSTM, initial_c.
    /// </summary>
    /// <param name="x">The operator's input sequence.</param>
    /// <param name="w">The input weights' initializer.</param>
    /// <param name="r">The recurrent weights' initializer.</param>
    /// <param name="bias">The biases' initializer, or null for a bias-free cell.</param>
    /// <param name="initialStates">Whether the graph takes initial states as inputs.</param>
    /// <param name="initialHidden">initial_h's name.</param>
    /// <param name="initialCell">initial_c's name, or null for a GRU or an RNN.</param>
    public static List<string> Of(string x, string w, string r, string? bias, bool initialStates, string initialHidden, string? initialCell)
    {
        var inputs = new List<string> { x, w, r };
        if (bias is not null || initialStates)
        {
            inputs.Add(bias ?? string.Empty);
        }

        if (initialStates)
        {
            inputs.AddRange([string.Empty, initialHidden]);
            if (initialCell is not null)
            {
                inputs.Add(initialCell);
            }
        }

        return inputs;
    }
}
