namespace LstmGen;

/// <summary>The output layer a cell declaration puts on top of its hidden state.</summary>
public enum OutputHead
{
    /// <summary>No head: the hidden state h is the output (losses such as MSE read h directly).</summary>
    None = 0,

    /// <summary>
    /// A dense layer and a softmax over V = <see cref="RecurrentCellAttribute.OutputSize"/> classes,
    /// <c>ŷ = softmax(W_y h + b_y)</c>, trained with cross-entropy (seeds 003 and 004).
    /// </summary>
    Softmax = 1,

    /// <summary>
    /// A dense layer with no activation, <c>y = W_y h + b_y</c> (V = <see cref="RecurrentCellAttribute.OutputSize"/>
    /// values; PyTorch's <c>nn.Linear</c>), trained with squared error on y: regression and forecasting.
    /// </summary>
    Linear = 2,
}
