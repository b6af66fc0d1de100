namespace LstmGen.Interop.Layouts;

/// <summary>The logical matrices and vectors a cell's flat parameter buffer holds (see <see cref="CellLayout"/>).</summary>
public enum ParameterBlock
{
    /// <summary>The input weights W: GateRows x D (gate blocks of H rows for an LSTM or a GRU).</summary>
    InputWeights = 0,

    /// <summary>The recurrent weights U: GateRows x H.</summary>
    RecurrentWeights = 1,

    /// <summary>The bias b: GateRows.</summary>
    Bias = 2,

    /// <summary>The head weights W_y: V x H (only with a softmax head).</summary>
    HeadWeights = 3,

    /// <summary>The head bias b_y: V (only with a softmax head).</summary>
    HeadBias = 4,

    /// <summary>A GRU's recurrent bias of n, b_hn: H (only for a GRU; it sits inside the reset product).</summary>
    RecurrentBias = 5,
}
