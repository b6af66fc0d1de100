using LstmGen.Demo.CrossEntropy;
using LstmGen.Demo.WorkedExample;

Console.WriteLine("LstmGen worked example: seeds 000/001 (LSTM, input 2, hidden 1, two timesteps, loss ½(h − y)², SGD lr 0.1)");
Console.WriteLine("computed by the generated cell WorkedExampleCell, each value beside the number the seed printed.");
IReadOnlyList<WorkedExampleRow> rows = WorkedExampleRun.Run();
Console.Write(WorkedExampleTable.Render(rows));
Console.WriteLine();
Console.Write(CrossEntropyExample.Run());
return rows.All(r => r.Matches) ? 0 : 1;
