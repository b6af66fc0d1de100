using System.Numerics;

namespace LstmGen.Interop.Layouts;

/// <summary>
/// Reads and writes a generated cell's parameters in Keras' layout: an <c>LSTM</c> layer's <c>kernel</c> [D, 4H],
/// <c>recurrent_kernel</c> [H, 4H] and <c>bias</c> [4H] with gate blocks i, f, c, o (c is LstmGen's g); a
/// <c>SimpleRNN</c>'s <c>kernel</c> [D, H], <c>recurrent_kernel</c> [H, H], <c>bias</c> [H]; the softmax head as a
/// <c>Dense</c> layer's <c>kernel</c> [H, V] and <c>bias</c> [V]. Keras kernels are the transposes of LstmGen's (and
/// PyTorch's) W, U and W_y, and Keras has one bias, so both directions are exact. Names follow <see cref="KerasNames"/>.
/// </summary>
/// <remarks>
/// The layout matches Keras' default activations (<c>activation='tanh'</c>, <c>recurrent_activation='sigmoid'</c>, the
/// default since Keras 2.3) and <c>use_bias=True</c>; a Keras 1 model with <c>hard_sigmoid</c> loads but computes
/// another function. Tensors may be F32 or F64 whatever the cell's scalar type. Import reads only the named tensors,
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
            LayoutStaging.WriteBlock(names.Bias, layout, ParameterBlock.Bias, parameters, GateOrder.Keras, transposed: false),
        };
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
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape; the message names the expected and the actual shape.</exception>
    public static void Import<T>(TensorSet tensors, CellLayout layout, Span<T> parameters, KerasNames? names = null)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        names = CheckNames(layout, names);
        T[] staged = LayoutStaging.Begin<T>(layout, parameters, nameof(parameters));
        string context = $"Keras {(layout.Kind == RecurrentCellKind.Lstm ? "LSTM" : "SimpleRNN")} weights for a {layout} cell";
        LayoutStaging.ReadBlock<T>(tensors, names.Kernel, layout, ParameterBlock.InputWeights, staged, GateOrder.Keras, transposed: true, context);
        LayoutStaging.ReadBlock<T>(tensors, names.RecurrentKernel, layout, ParameterBlock.RecurrentWeights, staged, GateOrder.Keras, transposed: true, context);
        LayoutStaging.ReadBlock<T>(tensors, names.Bias, layout, ParameterBlock.Bias, staged, GateOrder.Keras, transposed: false, context);
        if (layout.HasHead)
        {
            string headContext = $"Keras Dense head of a {layout} cell";
            LayoutStaging.ReadBlock<T>(tensors, names.HeadKernel, layout, ParameterBlock.HeadWeights, staged, GateOrder.Keras, transposed: true, headContext);
            LayoutStaging.ReadBlock<T>(tensors, names.HeadBias, layout, ParameterBlock.HeadBias, staged, GateOrder.Keras, transposed: false, headContext);
        }

        LayoutStaging.Commit<T>(staged, parameters);
    }

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
