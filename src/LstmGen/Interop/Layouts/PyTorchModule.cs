namespace LstmGen.Interop.Layouts;

/// <summary>
/// The PyTorch module whose state dict a <see cref="PyTorchLayout"/> reads or writes. Its kind must match the cell's:
/// <see cref="Lstm"/> and <see cref="LstmCell"/> for LSTM cells, <see cref="Rnn"/> and <see cref="RnnCell"/> for tanh RNN cells,
/// <see cref="Gru"/> and <see cref="GruCell"/> for GRU cells.
/// </summary>
public enum PyTorchModule
{
    /// <summary>
    /// <c>nn.LSTM</c> with one unidirectional layer and no projection: <c>weight_ih_l0</c> [4H, D], <c>weight_hh_l0</c> [4H, H],
    /// <c>bias_ih_l0</c> [4H], <c>bias_hh_l0</c> [4H], gate blocks in the order i, f, g, o.
    /// </summary>
    Lstm = 0,

    /// <summary><c>nn.LSTMCell</c>: <c>weight_ih</c> [4H, D], <c>weight_hh</c> [4H, H], <c>bias_ih</c> [4H], <c>bias_hh</c> [4H].</summary>
    LstmCell = 1,

    /// <summary>
    /// <c>nn.RNN</c> with <c>nonlinearity='tanh'</c> (the default), one unidirectional layer: <c>weight_ih_l0</c> [H, D],
    /// <c>weight_hh_l0</c> [H, H], <c>bias_ih_l0</c> [H], <c>bias_hh_l0</c> [H].
    /// </summary>
    Rnn = 2,

    /// <summary><c>nn.RNNCell</c> with <c>nonlinearity='tanh'</c>: <c>weight_ih</c> [H, D], <c>weight_hh</c> [H, H], <c>bias_ih</c> [H], <c>bias_hh</c> [H].</summary>
    RnnCell = 3,

    /// <summary>
    /// <c>nn.GRU</c> with one unidirectional layer: <c>weight_ih_l0</c> [3H, D], <c>weight_hh_l0</c> [3H, H],
    /// <c>bias_ih_l0</c> [3H], <c>bias_hh_l0</c> [3H], gate blocks in the order r, z, n.
    /// </summary>
    Gru = 4,

    /// <summary><c>nn.GRUCell</c>: <c>weight_ih</c> [3H, D], <c>weight_hh</c> [3H, H], <c>bias_ih</c> [3H], <c>bias_hh</c> [3H].</summary>
    GruCell = 5,
}
