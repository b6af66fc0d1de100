namespace LstmGen.Demo.WorkedExample;

/// <summary>The cell of the worked example in seeds 000 and 001: input size 2, hidden size 1, double.</summary>
[LstmCell(inputSize: 2, hiddenSize: 1)]
public static partial class WorkedExampleCell;
