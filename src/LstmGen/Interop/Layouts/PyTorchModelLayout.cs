using System.Numerics;
using System.Text.RegularExpressions;
using LstmGen.Models;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// Reads and writes a <see cref="RecurrentModel{T}"/>'s parameters (through its <see cref="ModelLayout"/>) as the state dict
/// of a PyTorch model holding <c>nn.LSTM</c> / <c>nn.GRU</c> / <c>nn.RNN(num_layers = L, bidirectional = …)</c> and an
/// <c>nn.Linear</c> head: layer k, direction d as <c>weight_ih_l{k}</c>, <c>weight_hh_l{k}</c>, <c>bias_ih_l{k}</c>,
/// <c>bias_hh_l{k}</c> with the suffix <c>_reverse</c> for d = 1, then <c>weight</c> [V, W] and <c>bias</c> [V] of the head.
/// </summary>
/// <remarks>
/// <para>Each layer and direction is one cell's parameters, laid out exactly as <see cref="PyTorchLayout"/> lays out a
/// cell's (gate order i, f, g, o or r, z, n; biases summed on import, exported as <c>bias_ih = b</c>, <c>bias_hh = 0</c>,
/// a GRU's n rows apart as b_in and b_hn). Weights and the head round-trip bit for bit.</para>
/// <para>PyTorch's recurrent modules express stacks of one kind, one H, all layers bidirectional or none; a model
/// mixing kinds, hidden sizes or directions is refused (<see cref="ArgumentException"/> naming the first difference).</para>
/// </remarks>
public static partial class PyTorchModelLayout
{
    /// <summary>
    /// The model's parameters as a PyTorch state dict of <typeparamref name="T"/> tensors (float → F32, double → F64).
    /// </summary>
    /// <param name="layout">The model's layout (<c>Model.Layout</c>).</param>
    /// <param name="parameters">Its flat parameters, or a gradient buffer of the same layout.</param>
    /// <param name="modulePrefix">The recurrent module's prefix, e.g. <c>"lstm."</c>; default none.</param>
    /// <param name="headPrefix">The head's prefix; default <c>"head."</c>.</param>
    /// <exception cref="ArgumentException">PyTorch cannot express the model, or <paramref name="parameters"/> has the wrong length.</exception>
    public static TensorSet Export<T>(ModelLayout layout, ReadOnlySpan<T> parameters, string modulePrefix = "", string headPrefix = "head.")
        where T : unmanaged
    {
        CheckExpressible(layout, modulePrefix, headPrefix);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of the model ({Describe(layout)})", nameof(parameters));
        var tensors = new List<NamedTensor>();
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            CellLayout cell = layout.Cells[k];
            for (int d = 0; d < layout.Directions[k]; d++)
            {
                ReadOnlySpan<T> block = parameters.Slice(layout.ParameterOffset(k, d), cell.ParameterCount);
                tensors.Add(LayoutStaging.WriteBlock(Name(modulePrefix, "weight_ih", k, d), cell, ParameterBlock.InputWeights, block, GateOrder.PyTorch, transposed: false));
                tensors.Add(LayoutStaging.WriteBlock(Name(modulePrefix, "weight_hh", k, d), cell, ParameterBlock.RecurrentWeights, block, GateOrder.PyTorch, transposed: false));
                if (cell.HasBias)
                {
                    (T[] inputBias, T[] recurrentBias) = LayoutStaging.ExportBiasPair(cell, block, GateOrder.PyTorch);
                    tensors.Add(NamedTensor.FromValues<T>(Name(modulePrefix, "bias_ih", k, d), [cell.GateRows], inputBias));
                    tensors.Add(NamedTensor.FromValues<T>(Name(modulePrefix, "bias_hh", k, d), [cell.GateRows], recurrentBias));
                }
            }
        }

        if (layout.OutputSize > 0)
        {
            int v = layout.OutputSize, w = layout.HeadInputSize;
            var weights = new T[v * w];
            var bias = new T[v];
            for (int r = 0; r < v; r++)
            {
                for (int c = 0; c < w; c++)
                {
                    weights[(r * w) + c] = parameters[layout.HeadWeightIndex(r, c)];
                }

                bias[r] = parameters[layout.HeadBiasIndex(r)];
            }

            tensors.Add(NamedTensor.FromValues<T>(headPrefix + "weight", [v, w], weights));
            tensors.Add(NamedTensor.FromValues<T>(headPrefix + "bias", [v], bias));
        }

        return new TensorSet(tensors);
    }

    /// <summary>
    /// Reads a PyTorch state dict into the model's flat parameters (<c>b = bias_ih + bias_hh</c>, a GRU's n rows apart; see
    /// <see cref="PyTorchLayout"/>). Every tensor is checked first: on any exception <paramref name="parameters"/> is unchanged.
    /// </summary>
    /// <param name="tensors">The state dict, e.g. from <c>SafeTensors.Read</c>.</param>
    /// <param name="layout">The model's layout (<c>Model.Layout</c>).</param>
    /// <param name="parameters">The flat parameters to overwrite.</param>
    /// <param name="modulePrefix">The recurrent module's prefix, e.g. <c>"lstm."</c>; default none.</param>
    /// <param name="headPrefix">The head's prefix; default <c>"head."</c>.</param>
    /// <exception cref="ArgumentException">PyTorch cannot express the model, or <paramref name="parameters"/> has the wrong length.</exception>
    /// <exception cref="InvalidDataException">
    /// A tensor is missing or has another shape (the message names both shapes), the state dict has layers, a reverse
    /// direction or projections (<c>weight_hr</c>) the model does not, or bias tensors for bias-free layers
    /// (<c>bias=False</c>: export writes none and import refuses them, naming the tensor).
    /// </exception>
    public static void Import<T>(TensorSet tensors, ModelLayout layout, Span<T> parameters, string modulePrefix = "", string headPrefix = "head.")
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        CheckExpressible(layout, modulePrefix, headPrefix);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of the model ({Describe(layout)})", nameof(parameters));
        RefuseExtraTensors(tensors, layout, modulePrefix);
        T[] staged = parameters.ToArray();
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            CellLayout cell = layout.Cells[k];
            for (int d = 0; d < layout.Directions[k]; d++)
            {
                Span<T> block = staged.AsSpan(layout.ParameterOffset(k, d), cell.ParameterCount);
                string context = $"PyTorch {Describe(layout)}, layer {k}{(d == 1 ? " reverse" : string.Empty)} ({cell})";
                LayoutStaging.ReadBlock<T>(tensors, Name(modulePrefix, "weight_ih", k, d), cell, ParameterBlock.InputWeights, block, GateOrder.PyTorch, transposed: false, context);
                LayoutStaging.ReadBlock<T>(tensors, Name(modulePrefix, "weight_hh", k, d), cell, ParameterBlock.RecurrentWeights, block, GateOrder.PyTorch, transposed: false, context);
                int[] biasShape = [cell.GateRows];
                string inputBias = Name(modulePrefix, "bias_ih", k, d), recurrentBias = Name(modulePrefix, "bias_hh", k, d);
                if (!cell.HasBias)
                {
                    LayoutStaging.RefuseBiases(tensors, cell, context, inputBias, recurrentBias);
                    continue;
                }

                LayoutStaging.ImportBiasPair<T>(
                    LayoutStaging.Read<double>(tensors, inputBias, biasShape, context),
                    LayoutStaging.Read<double>(tensors, recurrentBias, biasShape, context),
                    cell, block, GateOrder.PyTorch, $"{inputBias} + {recurrentBias}");
            }
        }

        if (layout.OutputSize > 0)
        {
            int v = layout.OutputSize, w = layout.HeadInputSize;
            string context = $"PyTorch nn.Linear head ({w} → {v}) of the model";
            T[] weights = LayoutStaging.Read<T>(tensors, headPrefix + "weight", [v, w], context);
            T[] bias = LayoutStaging.Read<T>(tensors, headPrefix + "bias", [v], context);
            for (int r = 0; r < v; r++)
            {
                for (int c = 0; c < w; c++)
                {
                    staged[layout.HeadWeightIndex(r, c)] = weights[(r * w) + c];
                }

                staged[layout.HeadBiasIndex(r)] = bias[r];
            }
        }

        LayoutStaging.Commit<T>(staged, parameters);
    }

    /// <summary>PyTorch's module for the model, e.g. <c>"nn.LSTM(num_layers=2, bidirectional=True)"</c>, for messages.</summary>
    /// <exception cref="ArgumentException">PyTorch cannot express the model.</exception>
    public static string Describe(ModelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        CellLayout first = layout.Cells[0];
        string module = first.Kind switch
        {
            RecurrentCellKind.Lstm => "nn.LSTM",
            RecurrentCellKind.Gru => "nn.GRU",
            _ => "nn.RNN",
        };
        return $"{module}({first.InputSize}, {first.HiddenSize}, num_layers={layout.Cells.Count}{(first.HasBias ? string.Empty : ", bias=False")}{(layout.Directions[0] == 2 ? ", bidirectional=True" : string.Empty)})";
    }

    /// <summary>PyTorch's name of a parameter of layer k, direction d: <c>{prefix}{stem}_l{k}[_reverse]</c>.</summary>
    internal static string Name(string prefix, string stem, int layer, int direction) =>
        $"{prefix}{stem}_l{layer}{(direction == 1 ? "_reverse" : string.Empty)}";

    private static void CheckExpressible(ModelLayout layout, string modulePrefix, string headPrefix)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(modulePrefix);
        ArgumentNullException.ThrowIfNull(headPrefix);
        CellLayout first = layout.Cells[0];
        for (int k = 1; k < layout.Cells.Count; k++)
        {
            CellLayout cell = layout.Cells[k];
            string? why =
                cell.Kind != first.Kind ? $"layer {k} is a {cell.Kind} but layer 0 a {first.Kind} (one nn.LSTM/GRU/RNN has one kind)" :
                cell.HiddenSize != first.HiddenSize ? $"layer {k} has H = {cell.HiddenSize} but layer 0 H = {first.HiddenSize} (one module has one hidden_size)" :
                layout.Directions[k] != layout.Directions[0] ? $"layer {k} is {Directions(layout.Directions[k])} but layer 0 {Directions(layout.Directions[0])} (bidirectional applies to every layer)" :
                cell.HasBias != first.HasBias ? $"layer {k} is {Biases(cell)} but layer 0 {Biases(first)} (bias=False applies to every layer)" :
                null;
            if (why is not null)
            {
                throw new ArgumentException($"Expected a model PyTorch's nn.LSTM/GRU/RNN(num_layers, bidirectional) can express, but {why}; export each layer as a cell instead.", nameof(layout));
            }
        }
    }

    private static string Directions(int directions) => directions == 2 ? "bidirectional" : "forward-only";

    private static string Biases(CellLayout cell) => cell.HasBias ? "with biases" : "bias-free";

    private static void RefuseExtraTensors(TensorSet tensors, ModelLayout layout, string modulePrefix)
    {
        foreach (NamedTensor tensor in tensors)
        {
            if (!tensor.Name.StartsWith(modulePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            Match match = LayeredParameterName().Match(tensor.Name[modulePrefix.Length..]);
            if (!match.Success)
            {
                continue;
            }

            int layer = int.Parse(match.Groups["layer"].Value, System.Globalization.CultureInfo.InvariantCulture);
            bool reverse = match.Groups["reverse"].Success;
            string? why = match.Groups["kind"].Value == "hr" ? "an LSTM projection (proj_size), which the model does not compute"
                : layer >= layout.Cells.Count ? $"a layer {layer}, but the model has {layout.Cells.Count} layer{(layout.Cells.Count == 1 ? string.Empty : "s")}"
                : reverse && layout.Directions[layer] == 1 ? $"a reverse direction of layer {layer}, which is forward-only in the model"
                : null;
            if (why is not null)
            {
                throw new InvalidDataException($"Expected the state dict of {Describe(layout)}, but it has '{tensor.Name}' ({tensor.Describe()}): {why}.");
            }
        }
    }

    [GeneratedRegex(@"^(weight|bias)_(?<kind>ih|hh|hr)_l(?<layer>[0-9]{1,9})(?<reverse>_reverse)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LayeredParameterName();
}
