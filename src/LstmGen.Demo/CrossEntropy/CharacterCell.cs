namespace LstmGen.Demo.CrossEntropy;

/// <summary>The character model of seed 003: vocabulary 10 (one-hot input), hidden 128, softmax head over 10 classes.</summary>
[LstmCell(inputSize: 10, hiddenSize: 128, OutputSize = 10, Output = OutputHead.Softmax)]
public static partial class CharacterCell;
