namespace LstmGen.Benchmarks;

/// <summary><c>--probe-c</c>: where C's BPTT time goes (per timestep of the whole batch of 32, Stopwatch minima); <c>--probe-b</c>: the same split for B (batch 1).</summary>
internal static partial class Probe
{
    public static void RunBreakdownC(int batch = 32)
    {
        var p = new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize)));
        var grads = new CellB.Gradients();
        var workspace = new CellB.Workspace(Data.Steps, batch);
        int[] inputs = Data.Classes(2, Data.Steps * batch, CellB.InputSize);
        int[] targets = Data.Classes(3, Data.Steps * batch, CellB.OutputSize);
        CellB.CrossEntropyLossAndGradientsBatch(p, inputs, targets, batch, BatchReduction.Sum, workspace, grads);
        var final = new CellB.State[batch];
        Vec128<float>[] outputs = new Vec128<float>[Data.Steps * batch], outputGradients = new Vec128<float>[Data.Steps * batch];
        for (int round = 0; round < 2; round++)
        {
            Print("C whole: CrossEntropyLossAndGradientsBatch", Data.Steps, () => CellB.CrossEntropyLossAndGradientsBatch(p, inputs, targets, batch, BatchReduction.Sum, workspace, grads));
            Print("C part: ForwardSequenceBatch (one-hot)", Data.Steps, () =>
            {
                CellB.ForwardSequenceBatch(p, inputs, batch, default, final, workspace.Caches[..(Data.Steps * batch * CellB.CacheLength)], outputs);
                return 0;
            });
            Print("C part: head (CrossEntropyLoss per sample)", Data.Steps, () =>
                CellB.CrossEntropyLoss(p, outputs, targets, outputGradients, grads));
            Print("C part: BpttBatch", Data.Steps, () =>
            {
                CellB.BpttBatch(p, inputs, workspace.Caches[..(Data.Steps * batch * CellB.CacheLength)], outputGradients, batch, grads, default);
                return 0;
            });
        }
    }
}
