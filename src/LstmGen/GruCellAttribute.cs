namespace LstmGen;

/// <summary>
/// Declares a GRU cell of fixed size with PyTorch's <c>nn.GRU</c> semantics: gates r (reset), z (update) and n (new), in
/// that order in the weights; <c>r = σ(W_r x + U_r h + b_r)</c>, <c>z = σ(W_z x + U_z h + b_z)</c>,
/// <c>n = tanh(W_n x + b_in + r ⊙ (U_n h + b_hn))</c>, <c>h' = (1 − z) ⊙ n + z ⊙ h</c>. The recurrent bias of n sits
/// inside the reset product, so it is a parameter of its own (<see cref="CellLayout.RecurrentBiasIndex"/>); the other
/// gates' two PyTorch biases are one sum.
/// </summary>
/// <example>
/// <code>
/// [GruCell(inputSize: 10, hiddenSize: 128, OutputSize = 10, Output = OutputHead.Softmax)]
/// public static partial class CharGru;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GruCellAttribute : RecurrentCellAttribute
{
    /// <summary>Declares a GRU cell with input size <paramref name="inputSize"/> (D) and hidden size <paramref name="hiddenSize"/> (H).</summary>
    /// <param name="inputSize">Length D of each input vector x; at least 1.</param>
    /// <param name="hiddenSize">Length H of the hidden state h; at least 1.</param>
    public GruCellAttribute(int inputSize, int hiddenSize)
        : base(inputSize, hiddenSize)
    {
    }
}
