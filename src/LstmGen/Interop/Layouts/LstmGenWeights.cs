using System.Globalization;
using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// LstmGen's own naming of a cell's weights as tensors, and its safetensors files: <c>W</c> [GateRows, D],
/// <c>U</c> [GateRows, H], <c>b</c> [GateRows], for a GRU <c>b_hn</c> [H], and with a softmax head <c>W_y</c> [V, H]
/// and <c>b_y</c> [V], gate rows in the order i, f, g, o (r, z, n for a GRU), with metadata describing the cell. A round trip (export, write, read, import) gives
/// back the parameters bit for bit.
/// </summary>
public static class LstmGenWeights
{
    /// <summary>Name of the input weights W [GateRows, D].</summary>
    public const string InputWeightsName = "W";

    /// <summary>Name of the recurrent weights U [GateRows, H].</summary>
    public const string RecurrentWeightsName = "U";

    /// <summary>Name of the bias b [GateRows].</summary>
    public const string BiasName = "b";

    /// <summary>Name of a GRU's recurrent bias of n, b_hn [H].</summary>
    public const string RecurrentBiasName = "b_hn";

    /// <summary>Name of the head weights W_y [V, H].</summary>
    public const string HeadWeightsName = "W_y";

    /// <summary>Name of the head bias b_y [V].</summary>
    public const string HeadBiasName = "b_y";

    private static readonly (string Name, ParameterBlock Block)[] CellBlocks =
    [
        (InputWeightsName, ParameterBlock.InputWeights),
        (RecurrentWeightsName, ParameterBlock.RecurrentWeights),
        (BiasName, ParameterBlock.Bias),
    ];

    private static readonly (string Name, ParameterBlock Block)[] GruBlocks =
    [
        .. CellBlocks,
        (RecurrentBiasName, ParameterBlock.RecurrentBias),
    ];

    private static readonly (string Name, ParameterBlock Block)[] HeadBlocks =
    [
        (HeadWeightsName, ParameterBlock.HeadWeights),
        (HeadBiasName, ParameterBlock.HeadBias),
    ];

    /// <summary>
    /// The tensors of a cell's flat <paramref name="parameters"/> (float → F32, double → F64) with metadata
    /// <c>format</c> = lstmgen, <c>kind</c> = lstm, tanh_rnn or gru, <c>input_size</c>, <c>hidden_size</c>,
    /// <c>output_size</c> and <c>gate_order</c> = i,f,g,o (r,z,n for a GRU); a bias-free cell has no <c>b</c> (nor
    /// <c>b_hn</c>) and the metadata <c>bias</c> = false.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements.</exception>
    public static TensorSet Export<T>(CellLayout layout, ReadOnlySpan<T> parameters)
        where T : unmanaged
    {
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        var tensors = new List<NamedTensor>();
        foreach ((string name, ParameterBlock block) in BlocksOf(layout))
        {
            tensors.Add(LayoutStaging.WriteBlock(name, layout, block, parameters, GateOrder.PyTorch, transposed: false));
        }

        return new TensorSet(tensors, MetadataOf(layout));
    }

    /// <summary>
    /// Copies the tensors into a cell's flat <paramref name="parameters"/>, converting F32/F64 to
    /// <typeparamref name="T"/>. Everything is checked first (metadata kind, sizes and gate order, when present, must
    /// describe <paramref name="layout"/>; every tensor must be present with its exact shape; no other tensor may be present
    /// unless <paramref name="allowExtraTensors"/>) and staged in a scratch buffer: on any error
    /// <paramref name="parameters"/> is left unchanged.
    /// </summary>
    /// <exception cref="InvalidDataException">A tensor is missing, has another shape, is unexpected, or the metadata describes another cell.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements.</exception>
    public static void Import<T>(TensorSet tensors, CellLayout layout, Span<T> parameters, bool allowExtraTensors = false)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        T[] staged = LayoutStaging.Begin<T>(layout, parameters, nameof(parameters));
        CheckMetadata(tensors, layout);
        (string Name, ParameterBlock Block)[] blocks = BlocksOf(layout);
        if (!layout.HasBias)
        {
            // Even with allowExtraTensors: a bias would be dropped, and the cell compute another function.
            LayoutStaging.RefuseBiases(tensors, layout, $"LstmGen weights for a {layout} cell", BiasName, RecurrentBiasName);
        }

        if (!allowExtraTensors)
        {
            string[] extra = [.. tensors.Select(t => t.Name).Where(n => !blocks.Any(b => b.Name == n))];
            if (extra.Length > 0)
            {
                throw new InvalidDataException(
                    $"Expected only the tensors {string.Join(", ", blocks.Select(b => b.Name))} of LstmGen weights for a {layout} cell, " +
                    $"but the set also has {TensorSet.List(extra.Select(n => $"'{n}'"))} (pass allowExtraTensors: true to ignore them).");
            }
        }

        foreach ((string name, ParameterBlock block) in blocks)
        {
            LayoutStaging.ReadBlock<T>(tensors, name, layout, block, staged, GateOrder.PyTorch, transposed: false, $"LstmGen weights for a {layout} cell");
        }

        LayoutStaging.Commit<T>(staged, parameters);
    }

    /// <summary>
    /// Writes a cell's parameters to a safetensors file (see <see cref="Export{T}"/> for its content), through a
    /// temporary file beside it: an existing file is replaced only once the new one is complete.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written (the message names <paramref name="path"/>; see <see cref="AtomicFile"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements.</exception>
    public static void Save<T>(string path, CellLayout layout, ReadOnlySpan<T> parameters)
        where T : unmanaged =>
        SafeTensors.Write(Export(layout, parameters), path);

    /// <summary>
    /// Reads a safetensors file into a cell's parameters; on any error (format or content) <paramref name="parameters"/>
    /// is left unchanged.
    /// </summary>
    /// <exception cref="SafeTensorsFormatException">The file breaks the safetensors format (an <see cref="IOException"/>).</exception>
    /// <exception cref="IOException">
    /// The file cannot be read: missing, a folder, no read permission, or a read error (the message names
    /// <paramref name="path"/>; an <see cref="UnauthorizedAccessException"/> is wrapped, as the inner exception).
    /// </exception>
    /// <exception cref="InvalidDataException">
    /// The file is well formed but does not hold this cell's weights (not an <see cref="IOException"/>: catch both to
    /// report any problem with a file; see <see cref="SafeTensorsFormatException"/>).
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have <c>layout.ParameterCount</c> elements.</exception>
    public static void Load<T>(string path, CellLayout layout, Span<T> parameters, bool allowExtraTensors = false)
        where T : unmanaged, INumberBase<T>
    {
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        Import(SafeTensors.Read(path), layout, parameters, allowExtraTensors);
    }

    // The tensors of a cell: W, U, b (and b_hn for a GRU); a bias-free cell's W and U alone; then a head's W_y, b_y.
    private static (string Name, ParameterBlock Block)[] BlocksOf(CellLayout layout)
    {
        (string Name, ParameterBlock Block)[] cell = layout.Kind == RecurrentCellKind.Gru ? GruBlocks : CellBlocks;
        if (!layout.HasBias)
        {
            cell = [.. cell.Where(b => b.Block is not (ParameterBlock.Bias or ParameterBlock.RecurrentBias))];
        }

        return layout.HasHead ? [.. cell, .. HeadBlocks] : cell;
    }

    // A bias-free cell's file also says bias = false (a cell with biases writes no such key, as before).
    private static Dictionary<string, string> MetadataOf(CellLayout layout)
    {
        Dictionary<string, string> metadata = CellMetadataOf(layout);
        if (!layout.HasBias)
        {
            metadata["bias"] = "false";
        }

        return metadata;
    }

    private static Dictionary<string, string> CellMetadataOf(CellLayout layout) => new(StringComparer.Ordinal)
    {
        ["format"] = "lstmgen",
        ["kind"] = KindName(layout.Kind),
        ["input_size"] = layout.InputSize.ToString(CultureInfo.InvariantCulture),
        ["hidden_size"] = layout.HiddenSize.ToString(CultureInfo.InvariantCulture),
        ["output_size"] = layout.OutputSize.ToString(CultureInfo.InvariantCulture),
        ["gate_order"] = layout.Kind == RecurrentCellKind.Gru ? "r,z,n" : "i,f,g,o",
    };

    private static string KindName(RecurrentCellKind kind) => kind switch
    {
        RecurrentCellKind.Lstm => "lstm",
        RecurrentCellKind.Gru => "gru",
        _ => "tanh_rnn",
    };

    /// <summary>
    /// Each metadata entry LstmGen writes that describes the cell (kind, sizes, gate order) must, when present, agree
    /// with <paramref name="layout"/>. <c>format</c> is not checked: Hugging Face tools use that key for the framework
    /// ("pt"), and a file with W, U, b written by them is still welcome.
    /// </summary>
    private static void CheckMetadata(TensorSet tensors, CellLayout layout)
    {
        // "bias" is written only for a bias-free cell: a file that says bias = false does not fit a cell with biases
        // (checked first: it explains the other differences, such as the parameter count).
        if (layout.HasBias && tensors.Metadata.TryGetValue("bias", out string? bias) && bias != "true")
        {
            throw new InvalidDataException(
                $"Expected LstmGen weights for a {layout} cell (with biases), but the metadata says bias = {SafeTensorsText.Quote(bias)}: the file holds a bias-free cell (Bias = false).");
        }

        foreach (KeyValuePair<string, string> expected in MetadataOf(layout).Where(pair => pair.Key != "format"))
        {
            if (tensors.Metadata.TryGetValue(expected.Key, out string? found) && found != expected.Value)
            {
                throw new InvalidDataException(
                    $"Expected LstmGen weights for a {layout} cell (metadata {expected.Key} = {expected.Value}), but the metadata says {expected.Key} = {SafeTensorsText.Quote(found)}.");
            }
        }
    }
}
