namespace LstmGen;

/// <summary>
/// Declares a vanilla (Elman) recurrent cell of fixed size, <c>h' = tanh(W x + U h + b)</c>: the tanh RNN of
/// seed 004 (which names W <c>Wax</c>, U <c>Waa</c> and b <c>ba</c>). The generator fills the <c>partial</c>
/// class with the same surface as an LSTM cell: value types, step cache, forward, backward, BPTT, losses, SGD.
/// </summary>
/// <example>
/// <code>
/// [RnnCell(inputSize: 10, hiddenSize: 128, OutputSize = 10, Output = OutputHead.Softmax)]
/// public static partial class CharRnn;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RnnCellAttribute : RecurrentCellAttribute
{
    /// <summary>Declares a tanh RNN cell with input size <paramref name="inputSize"/> (D) and hidden size <paramref name="hiddenSize"/> (H).</summary>
    /// <param name="inputSize">Length D of each input vector x; at least 1.</param>
    /// <param name="hiddenSize">Length H of the hidden state h; at least 1.</param>
    public RnnCellAttribute(int inputSize, int hiddenSize)
        : base(inputSize, hiddenSize)
    {
    }
}
