using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// Reads and writes a generated cell's parameters in Keras' layout: an <c>LSTM</c> layer's <c>kernel</c> [D, 4H],
/// <c>recurrent_kernel</c> [H, 4H] and <c>bias</c> [4H] with gate blocks i, f, c, o (c is LstmGen's g); a
/// <c>SimpleRNN</c>'s <c>kernel</c> [D, H], <c>recurrent_kernel</c> [H, H], <c>bias</c> [H]; a <c>GRU(reset_after=True)</c>
/// layer's <c>kernel</c> [D, 3H], <c>recurrent_kernel</c> [H, 3H] and <c>bias</c> [2, 3H] (input bias, recurrent bias)
/// with gate blocks z, r, h (h is LstmGen's n); the softmax head as a <c>Dense</c> layer's <c>kernel</c> [H, V] and
/// <c>bias</c> [V]. Keras kernels are the transposes of LstmGen's (and PyTorch's) W, U and W_y. An LSTM or SimpleRNN has
/// one bias, so both directions are exact. Names follow <see cref="KerasNames"/>.
/// </summary>
/// <remarks>
/// The layout matches Keras' default activations (<c>activation='tanh'</c>, <c>recurrent_activation='sigmoid'</c>, the
/// default since Keras 2.3) and <c>use_bias=True</c>; a Keras 1 model with <c>hard_sigmoid</c> loads but computes
/// another function. A GRU must be <c>reset_after=True</c> (the default since Keras 2.3, and PyTorch's semantics: the
/// recurrent bias of h inside the reset product); its two bias rows are read as PyTorch's two biases: <c>b_z</c>,
/// <c>b_r</c> their sums, <c>b_in</c> the input row's h part, <c>b_hn</c> the recurrent row's; export writes the input
/// row <c>[b_z, b_r, b_in]</c> and the recurrent row <c>[0, 0, b_hn]</c>. A <c>reset_after=False</c> GRU (bias [3H]) is
/// refused by its shape. Tensors may be F32 or F64 whatever the cell's scalar type. Import reads only the named tensors,
/// requires the head's when the cell has a head, and writes the parameters only after every tensor has been checked.
/// </remarks>
public static class KerasLayout
{
    /// <summary>The cell's parameters as Keras weights of <typeparamref name="T"/> tensors (float → F32, double → F64).</summary>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">The flat parameters (<c>Parameters.AsSpan()</c>).</param>
    /// <param name="names">Prefixes; the defaults when null.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length, or the prefixes collide.</exception>
    public static TensorSet Export<T>(CellLayout layout, ReadOnlySpan<T> parameters, KerasNames? names = null)
        where T : unmanaged
    {
        names = CheckNames(layout, names);
        Guard.Length(parameters.Length, layout.ParameterCount, $"flat parameters of a {layout} cell", nameof(parameters));
        var tensors = new List<NamedTensor>
        {
            LayoutStaging.WriteBlock(names.Kernel, layout, ParameterBlock.InputWeights, parameters, GateOrder.Keras, transposed: true),
            LayoutStaging.WriteBlock(names.RecurrentKernel, layout, ParameterBlock.RecurrentWeights, parameters, GateOrder.Keras, transposed: true),
        };
        if (layout.HasBias)
        {
            // A bias-free cell is a layer with use_bias=False: no bias weight at all.
            tensors.Add(layout.Kind == RecurrentCellKind.Gru
                ? GruBias(names.Bias, layout, parameters)
                : LayoutStaging.WriteBlock(names.Bias, layout, ParameterBlock.Bias, parameters, GateOrder.Keras, transposed: false));
        }

        if (layout.HasHead)
        {
            tensors.Add(LayoutStaging.WriteBlock(names.HeadKernel, layout, ParameterBlock.HeadWeights, parameters, GateOrder.Keras, transposed: true));
            tensors.Add(LayoutStaging.WriteBlock(names.HeadBias, layout, ParameterBlock.HeadBias, parameters, GateOrder.Keras, transposed: false));
        }

        return new TensorSet(tensors);
    }

    /// <summary>
    /// Reads Keras weights into the cell's flat parameters. Every tensor is checked first; on any exception
    /// <paramref name="parameters"/> is unchanged.
    /// </summary>
    /// <param name="tensors">The weights.</param>
    /// <param name="layout">The cell's layout (<c>Cell.Layout</c>).</param>
    /// <param name="parameters">The flat parameters to overwrite (<c>Parameters.AsSpan()</c>).</param>
    /// <param name="names">Prefixes; the defaults when null.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length, or the prefixes collide.</exception>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape (the message names the expected and the actual shape), or a bias-free cell (<c>use_bias=False</c>) meets a bias.</exception>
    public static void Import<T>(TensorSet tensors, CellLayout layout, Span<T> parameters, KerasNames? names = null)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        names = CheckNames(layout, names);
        T[] staged = LayoutStaging.Begin<T>(layout, parameters, nameof(parameters));
        string context = $"Keras {LayerName(layout.Kind)} weights for a {layout} cell";
        LayoutStaging.ReadBlock<T>(tensors, names.Kernel, layout, ParameterBlock.InputWeights, staged, GateOrder.Keras, transposed: true, context);
        LayoutStaging.ReadBlock<T>(tensors, names.RecurrentKernel, layout, ParameterBlock.RecurrentWeights, staged, GateOrder.Keras, transposed: true, context);
        if (!layout.HasBias)
        {
            LayoutStaging.RefuseBiases(tensors, layout, context, names.Bias);
        }
        else if (layout.Kind == RecurrentCellKind.Gru)
        {
            double[] bias = LayoutStaging.Read<double>(tensors, names.Bias, GruBiasShape(layout), context);
            int gateRows = layout.GateRows;
            LayoutStaging.ImportBiasPair<T>(bias.AsSpan(0, gateRows), bias.AsSpan(gateRows), layout, staged, GateOrder.Keras, $"{names.Bias} (input + recurrent)");
        }
        else
        {
            LayoutStaging.ReadBlock<T>(tensors, names.Bias, layout, ParameterBlock.Bias, staged, GateOrder.Keras, transposed: false, context);
        }
        if (layout.HasHead)
        {
            string headContext = $"Keras Dense head of a {layout} cell";
            LayoutStaging.ReadBlock<T>(tensors, names.HeadKernel, layout, ParameterBlock.HeadWeights, staged, GateOrder.Keras, transposed: true, headContext);
            LayoutStaging.ReadBlock<T>(tensors, names.HeadBias, layout, ParameterBlock.HeadBias, staged, GateOrder.Keras, transposed: false, headContext);
        }

        LayoutStaging.Commit<T>(staged, parameters);
    }

    /// <summary>The shape of a <c>GRU(reset_after=True)</c> layer's bias: [2, GateRows] (input bias, recurrent bias).</summary>
    private static int[] GruBiasShape(CellLayout layout) => [2, layout.GateRows];

    /// <summary>A GRU's bias as Keras stores it: rows [b_z, b_r, b_in] and [0, 0, b_hn].</summary>
    private static NamedTensor GruBias<T>(string name, CellLayout layout, ReadOnlySpan<T> parameters)
        where T : unmanaged
    {
        (T[] input, T[] recurrent) = LayoutStaging.ExportBiasPair(layout, parameters, GateOrder.Keras);
        return NamedTensor.FromValues<T>(name, GruBiasShape(layout), [.. input, .. recurrent]);
    }

    /// <summary>The Keras layer of a cell kind: "LSTM", "GRU" or "SimpleRNN".</summary>
    private static string LayerName(RecurrentCellKind kind) => kind switch
    {
        RecurrentCellKind.Lstm => "LSTM",
        RecurrentCellKind.Gru => "GRU",
        _ => "SimpleRNN",
    };

    private static KerasNames CheckNames(CellLayout layout, KerasNames? names)
    {
        names ??= new KerasNames();
        ArgumentNullException.ThrowIfNull(names.CellPrefix, nameof(names));
        ArgumentNullException.ThrowIfNull(names.HeadPrefix, nameof(names));
        if (layout.HasHead && names.CellPrefix == names.HeadPrefix)
        {
            throw new ArgumentException(
                $"Expected different prefixes for the recurrent layer and the Dense head of a {layout} cell, but both are '{names.CellPrefix}', so their kernels would share a name.",
                nameof(names));
        }

        return names;
    }
}
