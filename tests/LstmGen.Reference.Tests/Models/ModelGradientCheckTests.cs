using LstmGen.Reference.Models;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests.Models;

/// <summary>
/// The reference model's own BPTT against central differences of its own batch loss (ε = 1e-5): every parameter (every
/// layer and direction and the head), every input x_t of every sequence, and every initial state h0, c0 of every block,
/// for stacks mixing kinds, bidirectional layers, per-sequence lengths (the reverse direction starting at each sequence's
/// last valid step), linear and softmax heads, loss on every step and on the last. Tolerance
/// <see cref="Close.GradientTolerance"/> (1e-7 · max(1, |numeric|); see there why: truncation O(ε²) ≈ 1e-10, rounding ≈ 1e-11).
/// </summary>
public sealed class ModelGradientCheckTests
{
    public static TheoryData<string> Cases => [.. Models.Keys];

    private static readonly Dictionary<string, (int D, LayerShape[] Layers, ReferenceHead Head, int V, int[] Lengths, ModelLossSteps Steps, BatchReduction Reduction)> Models = new()
    {
        ["LSTM→GRU, linear head, every step"] = (3, [new(ReferenceCellKind.Lstm, 4), new(ReferenceCellKind.Gru, 3)], ReferenceHead.Linear, 2, [4, 4], ModelLossSteps.Every, BatchReduction.Sum),
        ["bidirectional RNN→LSTM, softmax head, last step, lengths"] = (2, [new(ReferenceCellKind.Rnn, 3, true), new(ReferenceCellKind.Lstm, 2)], ReferenceHead.Softmax, 3, [5, 3, 1], ModelLossSteps.Last, BatchReduction.Mean),
        ["2-layer bidirectional LSTM, no head, every step, lengths"] = (2, [new(ReferenceCellKind.Lstm, 2, true), new(ReferenceCellKind.Lstm, 2, true)], ReferenceHead.None, 0, [4, 2, 1], ModelLossSteps.Every, BatchReduction.Sum),
        ["bidirectional GRU→RNN, linear head, last step"] = (3, [new(ReferenceCellKind.Gru, 3, true), new(ReferenceCellKind.Rnn, 2)], ReferenceHead.Linear, 2, [3, 2], ModelLossSteps.Last, BatchReduction.Sum),
        ["GRU→bidirectional GRU, softmax head, every step, lengths"] = (2, [new(ReferenceCellKind.Gru, 2), new(ReferenceCellKind.Gru, 3, true)], ReferenceHead.Softmax, 4, [3, 1], ModelLossSteps.Every, BatchReduction.Mean),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_gradients_match_central_differences(string name)
    {
        var c = Models[name];
        var init = new ReferenceInit(name.Length * 7919);
        ReferenceModel model = ReferenceModelFactory.Random(init, c.D, c.Layers, c.Head, c.V);
        ModelSequence[] batch = ReferenceModelFactory.Batch(init, model, c.Lengths, c.Steps);
        (ModelGradients total, IReadOnlyList<ModelGradients> sequences) = model.BatchBackward(batch, c.Reduction);

        Assert.Equal(model.BatchLoss(batch, c.Reduction), total.Loss, 1e-14);
        double[] numeric = FiniteDifference.Gradient(theta => model.WithParameters(theta).BatchLoss(batch, c.Reduction), model.Flatten());
        Check(total.FlattenParameters(), numeric, "θ");

        for (int s = 0; s < batch.Length; s++)
        {
            ModelSequence sequence = batch[s];
            int index = s, length = sequence.Inputs.Count;
            double Loss(ModelSequence replaced) => model.BatchLoss([.. batch.Select((b, i) => i == index ? replaced : b)], c.Reduction);

            double[] dx = FiniteDifference.Gradient(v => Loss(sequence with { Inputs = FlatParameters.ToSequence(v, length, model.InputSize) }), FlatParameters.Flatten(sequence.Inputs));
            Check(FlatParameters.Flatten(sequences[s].DX), dx, $"dx[s={s}]");
            for (int block = 0; block < model.Blocks.Count; block++)
            {
                int b = block;
                double[] dh0 = FiniteDifference.Gradient(v => Loss(sequence with { H0 = Replace(sequence.H0!, b, v) }), [.. sequence.H0![b]]);
                Check([.. sequences[s].DH0[b]], dh0, $"dh0[s={s}, block {b}]");
                if (model.Blocks[b].HasCellState)
                {
                    double[] dc0 = FiniteDifference.Gradient(v => Loss(sequence with { C0 = Replace(sequence.C0!, b, v) }), [.. sequence.C0![b]]);
                    Check([.. sequences[s].DC0[b]!], dc0, $"dc0[s={s}, block {b}]");
                }
                else
                {
                    Assert.Null(sequences[s].DC0[b]);
                }
            }
        }
    }

    /// <summary>A bidirectional layer's output [.., H + t] is the reverse cell run alone over the reversed valid steps from its own h0 (block 1), read back un-reversed; its final state is its state after t = 0.</summary>
    [Fact]
    public void Reverse_half_is_the_reverse_cell_run_on_the_reversed_sequence()
    {
        var init = new ReferenceInit(42);
        ReferenceModel model = ReferenceModelFactory.Random(init, 2, [new(ReferenceCellKind.Rnn, 3, true)], ReferenceHead.None);
        ModelSequence[] batch = ReferenceModelFactory.Batch(init, model, [4], ModelLossSteps.Every);
        ModelRun whole = model.Forward(batch[0]);

        // The reverse direction run alone over the reversed valid steps from its own h0 gives the output's second half.
        DirectionRun reverse = model.Layers[0].Reverse!.Forward([.. batch[0].Inputs.Reverse()], batch[0].H0![1], null);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(reverse.Hidden[3 - t].ToArray(), whole.Outputs[t].SubVector(3, 3).ToArray());
        }

        Assert.Equal(reverse.FinalH.ToArray(), whole.FinalH[1].ToArray());
    }

    private static Vector<double>[] Replace(IReadOnlyList<Vector<double>> states, int block, double[] values) =>
        [.. states.Select((v, i) => i == block ? Vector<double>.Build.DenseOfArray(values) : v)];

    private static void Check(double[] analytic, double[] numeric, string label)
    {
        Close.AssertNotAllTiny(numeric, label);
        Close.AssertGradient(analytic, numeric, label);
    }
}
