namespace LstmGen.Demo.Models;

/// <summary>A smaller, faster character model: LSTM with a softmax head, vocabulary up to 64, H = 32, float.</summary>
[LstmCell(inputSize: 64, hiddenSize: 32, OutputSize = 64, Output = OutputHead.Softmax, Scalar = ScalarType.Float)]
public static partial class CharLstm32;

