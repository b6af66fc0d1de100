using System.Numerics;

namespace LstmGen.Models;

/// <summary>
/// A recurrent model: a stack of layers (<see cref="ModelLayer{T}"/>: any mix of LSTM, GRU and tanh-RNN cells, each
/// forward-only or bidirectional), optional dropout between layers in training, and an optional head (softmax with
/// cross-entropy, or linear with squared error) on the top layer's output. Written once over
/// <see cref="IRecurrentCell{T}"/>: every layer runs its own size-specialised kernel; a declaration
/// (<see cref="RecurrentModelAttribute"/>) generates the model with its shapes checked at compile time.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed partial class RecurrentModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ModelLayer<T>[] _layers;

    /// <summary>Builds a model and checks its shapes.</summary>
    /// <param name="layers">The layers, bottom first; at least one. Layer k + 1's input size must equal layer k's <see cref="ModelLayer{T}.OutputWidth"/>; no layer's cell may have a head.</param>
    /// <param name="output">The head on the top layer's output.</param>
    /// <param name="outputSize">V: the head's outputs (classes of a softmax head, values of a linear head); 0 without a head.</param>
    /// <param name="dropout">The probability with which training zeroes each output of every layer but the top one (PyTorch's <c>dropout=</c>), in [0, 1).</param>
    /// <exception cref="ArgumentException">The layers do not fit together, or a layer's cell has a head.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The head, its size or the dropout probability is out of range.</exception>
    public RecurrentModel(IReadOnlyList<ModelLayer<T>> layers, OutputHead output = OutputHead.None, int outputSize = 0, double dropout = 0)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("Expected at least one layer.", nameof(layers));
        }

        _layers = new ModelLayer<T>[layers.Count];
        var cells = new CellLayout[layers.Count];
        var directions = new int[layers.Count];
        for (int k = 0; k < layers.Count; k++)
        {
            ModelLayer<T> layer = layers[k] ?? throw new ArgumentException($"Expected a layer at index {k}, but it is null.", nameof(layers));
            if (layer.Cell.OutputSize != 0)
            {
                throw new ArgumentException(
                    $"Expected layer {k} to be a cell without a head (the model's head sits on the top layer), but it is a {layer.Cell.Layout}.", nameof(layers));
            }

            if (k > 0 && layer.Cell.InputSize != _layers[k - 1].OutputWidth)
            {
                throw new ArgumentException(
                    $"Expected layer {k} to take layer {k - 1}'s output, {_layers[k - 1].OutputWidth} values per step ({Describe(_layers[k - 1])}), but its cell takes D = {layer.Cell.InputSize}.",
                    nameof(layers));
            }

            _layers[k] = layer;
            cells[k] = layer.Cell.Layout;
            directions[k] = layer.Directions;
        }

        CheckHead(output, outputSize);
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Expected a dropout probability in [0, 1).");
        }

        Layers = Array.AsReadOnly(_layers);
        Layout = new ModelLayout(cells, directions, output, outputSize);
        Dropout = dropout;
    }

    /// <summary>The layers, bottom first.</summary>
    public IReadOnlyList<ModelLayer<T>> Layers { get; }

    /// <summary>Where the parameters and states live.</summary>
    public ModelLayout Layout { get; }

    /// <summary>D: the length of every input vector (the bottom layer's input size).</summary>
    public int InputSize => _layers[0].Cell.InputSize;

    /// <summary>W: the width of the top layer's output at each step (H, or 2H when bidirectional).</summary>
    public int OutputWidth => _layers[^1].OutputWidth;

    /// <summary>The head on the top layer's output.</summary>
    public OutputHead Output => Layout.Output;

    /// <summary>V: the head's outputs; 0 without a head.</summary>
    public int OutputSize => Layout.OutputSize;

    /// <summary>The dropout probability between layers in training (0: none).</summary>
    public double Dropout { get; }

    /// <summary>Scalars in the flat parameter buffer (<see cref="ModelLayout.ParameterCount"/>).</summary>
    public int ParameterCount => Layout.ParameterCount;

    /// <summary>Scalars of one sequence's model state (<see cref="ModelLayout.StateLength"/>).</summary>
    public int StateLength => Layout.StateLength;

    /// <summary>"LSTM D = 10, H = 128 ×2 → GRU D = 256, H = 64 → linear V = 1", for messages.</summary>
    public override string ToString() =>
        string.Join(" → ", _layers.Select(Describe)) + (OutputSize > 0 ? $" → {Output.ToString().ToLowerInvariant()} V = {OutputSize}" : string.Empty);

    private static string Describe(ModelLayer<T> layer) => layer.Cell.Layout + (layer.Bidirectional ? " (bidirectional)" : string.Empty);

    private static void CheckHead(OutputHead output, int outputSize)
    {
        switch (output)
        {
            case OutputHead.None when outputSize != 0:
                throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "Expected no output size (0) for a model without a head.");
            case OutputHead.None:
                return;
            case OutputHead.Softmax or OutputHead.Linear when outputSize < 1:
                throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, $"Expected an output size of at least 1 for the {output} head.");
            case OutputHead.Softmax or OutputHead.Linear:
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(output), output, "Expected OutputHead.None, OutputHead.Softmax or OutputHead.Linear.");
        }
    }
}
