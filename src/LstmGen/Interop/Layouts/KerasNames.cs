namespace LstmGen.Interop.Layouts;

/// <summary>
/// How a Keras model's weights are named in a tensor set: <c>{CellPrefix}kernel</c>, <c>{CellPrefix}recurrent_kernel</c>,
/// <c>{CellPrefix}bias</c> for the <c>LSTM</c> / <c>GRU</c> / <c>SimpleRNN</c> layer, and <c>{HeadPrefix}kernel</c>,
/// <c>{HeadPrefix}bias</c> for the <c>Dense</c> head.
/// </summary>
/// <remarks>
/// Keras returns a layer's weights as the list <c>[kernel, recurrent_kernel, bias]</c>
/// (<c>layer.get_weights()</c>); a file of them needs names, and these are the ones LstmGen reads and writes, e.g.
/// <c>new KerasNames(CellPrefix: "lstm/", HeadPrefix: "dense/")</c> for <c>lstm/kernel</c>, ..., <c>dense/bias</c>.
/// The two prefixes must differ when the cell has a head, or the names would collide.
/// </remarks>
/// <param name="CellPrefix">Prepended to the recurrent layer's weight names; default none.</param>
/// <param name="HeadPrefix">Prepended to the Dense head's weight names; default <c>"dense/"</c>.</param>
public sealed record KerasNames(string CellPrefix = "", string HeadPrefix = "dense/")
{
    /// <summary>The input kernel [D, GateRows] (Wᵀ), e.g. <c>lstm/kernel</c>.</summary>
    public string Kernel => CellPrefix + "kernel";

    /// <summary>The recurrent kernel [H, GateRows] (Uᵀ), e.g. <c>lstm/recurrent_kernel</c>.</summary>
    public string RecurrentKernel => CellPrefix + "recurrent_kernel";

    /// <summary>The bias [GateRows] ([2, GateRows] for a GRU: input and recurrent bias), e.g. <c>lstm/bias</c>.</summary>
    public string Bias => CellPrefix + "bias";

    /// <summary>The Dense head's kernel [H, V] (W_yᵀ), e.g. <c>dense/kernel</c>.</summary>
    public string HeadKernel => HeadPrefix + "kernel";

    /// <summary>The Dense head's bias [V], e.g. <c>dense/bias</c>.</summary>
    public string HeadBias => HeadPrefix + "bias";
}
