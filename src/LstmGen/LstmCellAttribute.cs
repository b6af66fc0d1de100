namespace LstmGen;

/// <summary>
/// Declares a long short-term memory cell of fixed size. The LstmGen source generator fills the
/// <c>partial</c> class this attribute is placed on with the cell's types (input and hidden vectors,
/// state, step cache, parameters, gradients) and pure static functions (forward step, backward step,
/// sequence forward, backpropagation through time, loss, SGD).
/// </summary>
/// <remarks>
/// <para>Gate order everywhere is <c>i, f, g, o</c> (input, forget, candidate, output), as in PyTorch.</para>
/// <para>Equations for one step, with <c>σ</c> the logistic sigmoid:
/// <c>i = σ(W_i x + U_i h + b_i)</c>, <c>f = σ(W_f x + U_f h + b_f)</c>, <c>g = tanh(W_g x + U_g h + b_g)</c>,
/// <c>o = σ(W_o x + U_o h + b_o)</c>, <c>c' = f ⊙ c + i ⊙ g</c>, <c>h' = o ⊙ tanh(c')</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// [LstmCell(inputSize: 2, hiddenSize: 1)]
/// public static partial class TinyLstm;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LstmCellAttribute : RecurrentCellAttribute
{
    /// <summary>Declares an LSTM cell with input size <paramref name="inputSize"/> (D) and hidden size <paramref name="hiddenSize"/> (H).</summary>
    /// <param name="inputSize">Length D of each input vector x; at least 1.</param>
    /// <param name="hiddenSize">Length H of the hidden state h and the cell state c; at least 1.</param>
    public LstmCellAttribute(int inputSize, int hiddenSize)
        : base(inputSize, hiddenSize)
    {
    }
}
