namespace LstmGen.Interop.Layouts;

/// <summary>
/// Copies the logical blocks of a cell's flat parameter buffer (W, U, b, a GRU's b_hn, W_y, b_y) to and from dense row-major
/// arrays in a framework's gate order, optionally transposed: the one place that knows both layouts. Every framework
/// layout (PyTorch, Keras, ONNX) is a naming of these blocks.
/// </summary>
public static class ParameterBlocks
{
    /// <summary>
    /// The row-major shape of <paramref name="block"/>: W is [GateRows, D], U [GateRows, H], b [GateRows], b_hn [H] (GRU),
    /// W_y [V, H], b_y [V]; <paramref name="transposed"/> swaps the two dimensions of a matrix (Keras kernels are [D, GateRows]).
    /// </summary>
    /// <exception cref="ArgumentException">The block is a head block and the cell has no head, b_hn and the cell is not a GRU, or a bias block and the cell is bias-free.</exception>
    public static int[] Shape(CellLayout layout, ParameterBlock block, bool transposed = false)
    {
        (int rows, int columns) = Dimensions(layout, block);
        return block is ParameterBlock.Bias or ParameterBlock.HeadBias or ParameterBlock.RecurrentBias
            ? [rows]
            : transposed ? [columns, rows] : [rows, columns];
    }

    /// <summary>
    /// Copies <paramref name="block"/> out of the flat buffer into <paramref name="destination"/> (row-major, in the
    /// shape <see cref="Shape"/> gives), stacking gate blocks in <paramref name="order"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length, or the cell lacks the block (a head block without a head, b_hn for a cell that is not a GRU).</exception>
    public static void Export<T>(CellLayout layout, ParameterBlock block, ReadOnlySpan<T> parameters, Span<T> destination, GateOrder order, bool transposed = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(order);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        (int rows, int columns) = Dimensions(layout, block);
        Guard.Length(destination.Length, rows * columns, $"destination for {block} of a {layout} cell", nameof(destination));
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < columns; k++)
            {
                destination[transposed ? (k * rows) + r : (r * columns) + k] = parameters[FlatIndex(layout, block, order, r, k)];
            }
        }
    }

    /// <summary>The inverse of <see cref="Export{T}"/>: writes <paramref name="source"/> into the block's positions of the flat buffer.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length, or the cell lacks the block (a head block without a head, b_hn for a cell that is not a GRU).</exception>
    public static void Import<T>(CellLayout layout, ParameterBlock block, ReadOnlySpan<T> source, Span<T> parameters, GateOrder order, bool transposed = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(order);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        (int rows, int columns) = Dimensions(layout, block);
        Guard.Length(source.Length, rows * columns, $"source for {block} of a {layout} cell", nameof(source));
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < columns; k++)
            {
                parameters[FlatIndex(layout, block, order, r, k)] = source[transposed ? (k * rows) + r : (r * columns) + k];
            }
        }
    }

    /// <summary>Rows and columns of a block as a matrix (vectors have one column).</summary>
    private static (int Rows, int Columns) Dimensions(CellLayout layout, ParameterBlock block)
    {
        if (block is ParameterBlock.HeadWeights or ParameterBlock.HeadBias && !layout.HasHead)
        {
            throw new ArgumentException($"The {layout} cell has no softmax head, so it has no {block}.", nameof(block));
        }

        if (block is ParameterBlock.Bias or ParameterBlock.RecurrentBias && !layout.HasBias)
        {
            throw new ArgumentException($"The {layout} cell is bias-free (Bias = false), so it has no {block}.", nameof(block));
        }

        if (block == ParameterBlock.RecurrentBias && layout.RecurrentBiasCount == 0)
        {
            throw new ArgumentException($"Only a GRU has a recurrent bias b_hn ({block}); this is a {layout} cell.", nameof(block));
        }

        return block switch
        {
            ParameterBlock.InputWeights => (layout.GateRows, layout.InputSize),
            ParameterBlock.RecurrentWeights => (layout.GateRows, layout.HiddenSize),
            ParameterBlock.Bias => (layout.GateRows, 1),
            ParameterBlock.HeadWeights => (layout.OutputSize, layout.HiddenSize),
            ParameterBlock.HeadBias => (layout.OutputSize, 1),
            ParameterBlock.RecurrentBias => (layout.RecurrentBiasCount, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Expected a ParameterBlock value."),
        };
    }

    /// <summary>The flat position of element (r, k) of a block whose gate-stacked rows follow <paramref name="order"/>.</summary>
    private static int FlatIndex(CellLayout layout, ParameterBlock block, GateOrder order, int r, int k) => block switch
    {
        ParameterBlock.InputWeights => (k * layout.GateRows) + order.ToLstmGenRow(layout, r),
        ParameterBlock.RecurrentWeights => ((layout.InputSize + k) * layout.GateRows) + order.ToLstmGenRow(layout, r),
        ParameterBlock.Bias => layout.BiasOffset + order.ToLstmGenRow(layout, r),
        ParameterBlock.HeadWeights => layout.HeadWeightOffset + (k * layout.OutputSize) + r,
        ParameterBlock.RecurrentBias => layout.RecurrentBiasOffset + r,
        _ => layout.HeadBiasOffset + r,
    };
}
