using System.Numerics;
using System.Text.RegularExpressions;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// Reads and writes a generated cell's parameters as a PyTorch state dict: <c>nn.LSTM</c> / <c>nn.LSTMCell</c>
/// (gate order i, f, g, o, the same as LstmGen's), <c>nn.RNN</c> / <c>nn.RNNCell</c> (tanh), <c>nn.GRU</c> /
/// <c>nn.GRUCell</c> (gate order r, z, n, the same as LstmGen's), and the softmax head
/// as an <c>nn.Linear</c> (<c>weight</c> [V, H], <c>bias</c> [V]). Names follow <see cref="PyTorchNames"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Biases.</b> PyTorch keeps two biases, <c>bias_ih</c> and <c>bias_hh</c>, but only ever uses their sum
/// (every gate pre-activation is <c>W_ih x + b_ih + W_hh h + b_hh</c>), so LstmGen keeps one, b. Import sets
/// <c>b = bias_ih + bias_hh</c>, added in double and rounded once to the cell's scalar type (for a float32 state dict in a
/// float cell this is exactly float32 addition; the sum is the one rounding import adds). Export writes <c>bias_ih = b</c> and
/// <c>bias_hh = 0</c>: the module computes exactly the same function, and an import of the export restores b exactly.
/// </para>
/// <para>
/// <b>GRU biases.</b> <c>nn.GRU</c> uses the sum of its two biases for r and z only; for n, <c>bias_hh</c>'s part
/// (b_hn) sits inside the reset product, <c>n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))</c>, so it is a parameter of
/// its own. Import: <c>b_r = b_ir + b_hr</c>, <c>b_z = b_iz + b_hz</c>, <c>b_n = b_in</c> (<c>bias_ih</c>'s n rows) and
/// <c>b_hn</c> = <c>bias_hh</c>'s n rows, unchanged. Export splits so: <c>bias_ih = [b_r, b_z, b_in]</c>,
/// <c>bias_hh = [0, 0, b_hn]</c>.
/// </para>
/// <para>
/// <b>Bias-free cells</b> (<c>Bias = false</c>) are modules with <c>bias=False</c>: export writes no <c>bias_ih</c> or
/// <c>bias_hh</c>, and import refuses a state dict that has either (naming it), as a cell with biases requires both.
/// The head's <c>nn.Linear</c> keeps its bias either way.
/// </para>
/// <para>
/// <b>What import reads.</b> Only the tensors the names select; a state dict may hold more (the other layers of a
/// whole model). Head tensors are required when the cell has a head and ignored when it has none. A
/// layered module (<c>nn.LSTM</c>, <c>nn.RNN</c>) whose state dict has a second layer (<c>_l1</c>), a reverse
/// direction (<c>_reverse</c>) or an LSTM projection (<c>weight_hr</c>) is refused: a single generated cell computes
/// none of them. Tensors may be F32 or F64 whatever the cell's scalar type (F64 → float rounds to nearest).
/// The state dict cannot say whether an <c>nn.RNN</c> used <c>nonlinearity='relu'</c>; LstmGen's RNN is tanh.
/// </para>
/// </remarks>
public static partial class PyTorchLayout
{
    /// <summary>
    /// The cell's parameters as a PyTorch state dict of <typeparamref name="T"/> tensors (float → F32, double → F64):
    /// <c>weight_ih</c>, <c>weight_hh</c>, <c>bias_ih</c> (= b), <c>bias_hh</c> (zeros; a GRU's n rows hold b_hn), and with
    /// a head <c>weight</c>, <c>bias</c>.
    /// </summary>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">The flat parameters (<c>Parameters.AsSpan()</c>), or a gradient buffer of the same layout.</param>
    /// <param name="names">Module and prefixes.</param>
    /// <exception cref="ArgumentException">The module's kind differs from the cell's, or <paramref name="parameters"/> has the wrong length.</exception>
    public static TensorSet Export<T>(CellLayout layout, ReadOnlySpan<T> parameters, PyTorchNames names)
        where T : unmanaged
    {
        CheckNames(layout, names);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        var tensors = new List<NamedTensor>
        {
            LayoutStaging.WriteBlock(names.InputWeights, layout, ParameterBlock.InputWeights, parameters, GateOrder.PyTorch, transposed: false),
            LayoutStaging.WriteBlock(names.RecurrentWeights, layout, ParameterBlock.RecurrentWeights, parameters, GateOrder.PyTorch, transposed: false),
        };
        if (layout.HasBias)
        {
            (T[] inputBias, T[] recurrentBias) = LayoutStaging.ExportBiasPair(layout, parameters, GateOrder.PyTorch);
            tensors.Add(NamedTensor.FromValues<T>(names.InputBias, [layout.GateRows], inputBias));
            tensors.Add(NamedTensor.FromValues<T>(names.RecurrentBias, [layout.GateRows], recurrentBias));
        }

        if (layout.HasHead)
        {
            tensors.Add(LayoutStaging.WriteBlock(names.HeadWeights, layout, ParameterBlock.HeadWeights, parameters, GateOrder.PyTorch, transposed: false));
            tensors.Add(LayoutStaging.WriteBlock(names.HeadBias, layout, ParameterBlock.HeadBias, parameters, GateOrder.PyTorch, transposed: false));
        }

        return new TensorSet(tensors);
    }

    /// <summary>
    /// Reads a PyTorch state dict into the cell's flat parameters, <c>b = bias_ih + bias_hh</c> (for a GRU's n rows
    /// <c>b_in = bias_ih</c> and <c>b_hn = bias_hh</c>, see the remarks). Every tensor is
    /// checked first; <paramref name="parameters"/> is written only when all of them are right, so on any exception it
    /// is unchanged.
    /// </summary>
    /// <param name="tensors">The state dict, e.g. from <c>SafeTensors.Read</c>.</param>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">The flat parameters to overwrite (<c>Parameters.AsSpan()</c>).</param>
    /// <param name="names">Module and prefixes.</param>
    /// <exception cref="ArgumentException">The module's kind differs from the cell's, or <paramref name="parameters"/> has the wrong length.</exception>
    /// <exception cref="InvalidDataException">
    /// A tensor is missing or has another shape (the message names the expected and the actual shape), the state
    /// dict has layers, directions or projections a single cell cannot compute, or it has bias tensors and the cell is bias-free.
    /// </exception>
    public static void Import<T>(TensorSet tensors, CellLayout layout, Span<T> parameters, PyTorchNames names)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        CheckNames(layout, names);
        T[] staged = LayoutStaging.Begin<T>(layout, parameters, nameof(parameters));
        if (names.IsLayered)
        {
            RefuseExtraLayers(tensors, names, layout);
        }

        string context = $"PyTorch {names.ModuleName} for a {layout} cell";
        LayoutStaging.ReadBlock<T>(tensors, names.InputWeights, layout, ParameterBlock.InputWeights, staged, GateOrder.PyTorch, transposed: false, context);
        LayoutStaging.ReadBlock<T>(tensors, names.RecurrentWeights, layout, ParameterBlock.RecurrentWeights, staged, GateOrder.PyTorch, transposed: false, context);
        if (layout.HasBias)
        {
            int[] biasShape = ParameterBlocks.Shape(layout, ParameterBlock.Bias);
            double[] inputBias = LayoutStaging.Read<double>(tensors, names.InputBias, biasShape, context);
            double[] recurrentBias = LayoutStaging.Read<double>(tensors, names.RecurrentBias, biasShape, context);
            LayoutStaging.ImportBiasPair<T>(inputBias, recurrentBias, layout, staged, GateOrder.PyTorch, $"{names.InputBias} + {names.RecurrentBias}");
        }
        else
        {
            LayoutStaging.RefuseBiases(tensors, layout, context, names.InputBias, names.RecurrentBias);
        }
        if (layout.HasHead)
        {
            string headContext = $"PyTorch nn.Linear head of a {layout} cell";
            LayoutStaging.ReadBlock<T>(tensors, names.HeadWeights, layout, ParameterBlock.HeadWeights, staged, GateOrder.PyTorch, transposed: false, headContext);
            LayoutStaging.ReadBlock<T>(tensors, names.HeadBias, layout, ParameterBlock.HeadBias, staged, GateOrder.PyTorch, transposed: false, headContext);
        }

        LayoutStaging.Commit<T>(staged, parameters);
    }

    private static void CheckNames(CellLayout layout, PyTorchNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(names.CellPrefix, nameof(names));
        ArgumentNullException.ThrowIfNull(names.HeadPrefix, nameof(names));
        if (names.CellKind != layout.Kind)
        {
            throw new ArgumentException(
                $"Expected a module for a {layout} cell ({PyTorchNames.ModulesOf(layout.Kind)}), but the names are for {names.ModuleName} (PyTorchModule.{names.Module}).", nameof(names));
        }
    }

    private static void RefuseExtraLayers(TensorSet tensors, PyTorchNames names, CellLayout layout)
    {
        foreach (NamedTensor tensor in tensors)
        {
            if (!tensor.Name.StartsWith(names.CellPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string suffix = tensor.Name[names.CellPrefix.Length..];
            if (LayeredParameterName().IsMatch(suffix) && suffix is not ("weight_ih_l0" or "weight_hh_l0" or "bias_ih_l0" or "bias_hh_l0"))
            {
                throw new InvalidDataException(
                    $"Expected a single-layer, unidirectional {names.ModuleName} without projection for a {layout} cell, but the state dict has " +
                    $"'{tensor.Name}' ({tensor.Describe()}); export one layer and direction, or use a cell per layer.");
            }
        }
    }

    [GeneratedRegex(@"^(weight|bias)_(ih|hh|hr)_l[0-9]+(_reverse)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LayeredParameterName();
}
