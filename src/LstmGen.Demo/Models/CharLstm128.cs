namespace LstmGen.Demo.Models;

/// <summary>The demo's default character model: seed 003's LSTM with a softmax head, vocabulary up to 64, H = 128, float.</summary>
[LstmCell(inputSize: 64, hiddenSize: 128, OutputSize = 64, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CharLstm128;

