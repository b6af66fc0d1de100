using LstmGen.Models;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Models;

/// <summary>Every entry point of a model allocates nothing after warm-up (the workspace is carved once).</summary>
public sealed class ModelAllocationTests
{
    [Fact]
    public void Model_calls_allocate_nothing()
    {
        RecurrentModel<double> linear = TestModels.LstmGru(OutputHead.Linear, 2, dropout: 0.3);
        var a = new ModelProblem(linear, steps: 5, batchSize: 6, [5, 2, 4, 1, 5, 3], seed: 61, LossSteps.Last);
        RecurrentModel<double> softmax = TestModels.BiRnnLstm(OutputHead.Softmax, 3, dropout: 0.3);
        var b = new ModelProblem(softmax, steps: 5, batchSize: 6, [5, 2, 4, 1, 5, 3], seed: 62);
        var wsA = linear.CreateWorkspace(5, 6);
        var wsB = softmax.CreateWorkspace(5, 6);
        double[] finalA = new double[a.Initial.Length], dInitialA = new double[a.Initial.Length], dxsA = new double[a.Xs.Length], dpA = new double[linear.ParameterCount];
        double[] finalB = new double[b.Initial.Length], dInitialB = new double[b.Initial.Length], dxsB = new double[b.Xs.Length], dpB = new double[softmax.ParameterCount];
        double[] dOutA = new double[5 * 6 * linear.OutputWidth], dOutB = new double[5 * 6 * softmax.OutputWidth];
        double[] y = new double[2], dh = new double[linear.OutputWidth], h = new double[linear.OutputWidth];
        double[] state = new double[6 * linear.StateLength], x = new double[6 * linear.InputSize], output = new double[6 * linear.OutputWidth];

        AllocationMeter.AssertNoAllocations(
            new Dictionary<string, Action>
            {
                ["Forward"] = () => linear.Forward(a.P, a.Xs, 6, a.Lengths, a.Initial, finalA, wsA, 3UL),
                ["Backward"] = () => linear.Backward(a.P, a.Xs, 6, a.Lengths, dOutA, dInitialA, dxsA, dpA, wsA),
                ["SquaredError"] = () => linear.SquaredError(a.P, wsA.Outputs, a.Targets, dOutA, dpA, 6, a.Lengths, BatchReduction.Mean, LossSteps.Last),
                ["Gradient (squared error)"] = () => linear.Gradient(a.P, a.Xs, 6, a.Lengths, a.Initial, a.Targets, [], [], [], dpA, wsA, BatchReduction.Sum, LossSteps.Last, 4UL),
                ["Forward (bidirectional)"] = () => softmax.Forward(b.P, b.Xs, 6, b.Lengths, b.Initial, finalB, wsB, 3UL),
                ["Backward (bidirectional)"] = () => softmax.Backward(b.P, b.Xs, 6, b.Lengths, dOutB, dInitialB, dxsB, dpB, wsB),
                ["CrossEntropy"] = () => softmax.CrossEntropy(b.P, wsB.Outputs, b.Classes, dOutB, dpB, 6, b.Lengths),
                ["Gradient (cross-entropy)"] = () => softmax.Gradient(b.P, b.Xs, 6, b.Lengths, b.Initial, b.Classes, finalB, dInitialB, dxsB, dpB, wsB),
                ["HeadForward"] = () => linear.HeadForward(a.P, h, y),
                ["HeadBackward"] = () => linear.HeadBackward(a.P, h, y, dh, dpA),
                ["Step"] = () => linear.Step(a.P, x, 6, state, output),
            },
            minimumOperations: 11);
    }
}
