using LstmGen.Kernels;
using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// A bidirectional layer (RNN 3 → 4, SIMD, under an LSTM 8 → 3) is exactly its forward cell over the sequences plus its
/// reverse cell (second parameter block) over each sequence's valid steps reversed, by hand through
/// <see cref="Recurrent{TKernel, T}"/>: output row t = [forward h_t | reverse h_t], the reverse direction's initial state
/// used at t = L_b − 1 and its final state the one after t = 0; and backward the two BPTTs with the reverse
/// direction's input gradient brought back in order. Bit for bit, with and without lengths.
/// </summary>
public sealed class BidirectionalTests
{
    private const int H = 4, D = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bidirectional_layer_equals_forward_and_reverse_cells_run_by_hand(bool withLengths)
    {
        RecurrentModel<double> model = TestModels.BiRnnLstm();
        var c = new ModelProblem(model, steps: 5, batchSize: 3, withLengths ? [5, 2, 4] : null, seed: 12);
        int m = c.M, steps = c.Steps, rows = steps * m;
        var ws = model.CreateWorkspace(steps, m);
        double[] final = new double[m * model.StateLength];
        model.Forward(c.P, c.Xs, m, c.Lengths, c.Initial, final, ws);

        ModelLayout layout = model.Layout;
        int count = layout.Cells[0].ParameterCount, cache = Recurrent<ModelRnn3x4.Kernel, double>.CacheLength;
        double[] pForward = c.P[layout.ParameterOffset(0, 0)..(layout.ParameterOffset(0, 0) + count)];
        double[] pReverse = c.P[layout.ParameterOffset(0, 1)..(layout.ParameterOffset(0, 1) + count)];
        double[] forwardOut = new double[rows * H], reverseOut = new double[rows * H], finalForward = new double[m * H], finalReverse = new double[m * H];
        double[] cachesForward = new double[rows * cache], cachesReverse = new double[rows * cache];
        double[] reversedXs = Reversed(c.Xs, c, D);
        Recurrent<ModelRnn3x4.Kernel, double>.ForwardSequenceBatch(pForward, c.Xs, m, c.Lengths, c.Initial.AsSpan(layout.StateOffset(0, 0, m), m * H), finalForward, cachesForward, forwardOut);
        Recurrent<ModelRnn3x4.Kernel, double>.ForwardSequenceBatch(pReverse, reversedXs, m, c.Lengths, c.Initial.AsSpan(layout.StateOffset(0, 1, m), m * H), finalReverse, cachesReverse, reverseOut);
        double[] reverseInOrder = Reversed(reverseOut, c, H);
        double[] layer0 = new double[rows * 2 * H];
        for (int row = 0; row < rows; row++)
        {
            forwardOut.AsSpan(row * H, H).CopyTo(layer0.AsSpan(row * 2 * H));
            reverseInOrder.AsSpan(row * H, H).CopyTo(layer0.AsSpan((row * 2 * H) + H));
        }

        Assert.Equal(layer0, ws.LayerOutputs(0).ToArray());
        Assert.Equal(finalForward, final.AsSpan(layout.StateOffset(0, 0, m), m * H).ToArray());
        Assert.Equal(finalReverse, final.AsSpan(layout.StateOffset(0, 1, m), m * H).ToArray());

        int top = layout.ParameterOffset(1), topCache = Recurrent<ModelLstm8x3.Kernel, double>.CacheLength;
        double[] pTop = c.P[top..(top + layout.Cells[1].ParameterCount)], out1 = new double[rows * 3], final1 = new double[m * 6], caches1 = new double[rows * topCache];
        Recurrent<ModelLstm8x3.Kernel, double>.ForwardSequenceBatch(pTop, layer0, m, c.Lengths, c.Initial.AsSpan(layout.StateOffset(1, 0, m), m * 6), final1, caches1, out1);
        Assert.Equal(out1, ws.Outputs.ToArray());
        Assert.Equal(final1, final.AsSpan(layout.StateOffset(1, 0, m), m * 6).ToArray());

        // Backward by hand: the LSTM, then the split of its input gradient into the two directions.
        double[] dOutputs = [.. Enumerable.Range(0, rows * 3).Select(k => Math.Cos(k + 0.5))];
        double[] dp = new double[model.ParameterCount], dInitial = new double[m * model.StateLength], dxs = new double[c.Xs.Length];
        model.Backward(c.P, c.Xs, m, c.Lengths, dOutputs, dInitial, dxs, dp, ws);

        double[] dpTop = new double[pTop.Length], dInitialTop = new double[m * 6], dLayer0 = new double[rows * 2 * H];
        Recurrent<ModelLstm8x3.Kernel, double>.BpttBatch(pTop, layer0, m, c.Lengths, caches1, dOutputs, dInitialTop, dLayer0, dpTop);
        double[] dForwardOut = new double[rows * H], dReverseInOrder = new double[rows * H];
        for (int row = 0; row < rows; row++)
        {
            dLayer0.AsSpan(row * 2 * H, H).CopyTo(dForwardOut.AsSpan(row * H));
            dLayer0.AsSpan((row * 2 * H) + H, H).CopyTo(dReverseInOrder.AsSpan(row * H));
        }

        double[] dpForward = new double[count], dpReverse = new double[count], dInitialForward = new double[m * H], dInitialReverse = new double[m * H];
        double[] dxsForward = new double[c.Xs.Length], dxsReversed = new double[c.Xs.Length];
        Recurrent<ModelRnn3x4.Kernel, double>.BpttBatch(pForward, c.Xs, m, c.Lengths, cachesForward, dForwardOut, dInitialForward, dxsForward, dpForward);
        Recurrent<ModelRnn3x4.Kernel, double>.BpttBatch(pReverse, reversedXs, m, c.Lengths, cachesReverse, Reversed(dReverseInOrder, c, H), dInitialReverse, dxsReversed, dpReverse);
        double[] dxsReverse = Reversed(dxsReversed, c, D);

        Assert.Equal([.. dpForward, .. dpReverse, .. dpTop], dp);
        Assert.Equal([.. dInitialForward, .. dInitialReverse, .. dInitialTop], dInitial);
        for (int k = 0; k < dxs.Length; k++)
        {
            int row = k / D;
            double expected = c.IsValid(row % m, row / m) ? dxsForward[k] + dxsReverse[k] : 0;
            Assert.Equal(expected, dxs[k]);
        }
    }

    [Fact]
    public void A_reverse_direction_sees_its_sequence_backwards()
    {
        // With equal parameters in both directions and zero states, the reverse direction's output at the last step of
        // (x_0, x_1) is the forward direction's over (x_1) alone, and its output at the first step of (x_1, x_0) is the
        // forward direction's at the last step of (x_0, x_1).
        RecurrentModel<double> model = new([new(TestModels.Cell(nameof(ModelRnn3x4)), true)]);
        int count = model.Layout.Cells[0].ParameterCount;
        double[] p = new double[model.ParameterCount];
        for (int k = 0; k < count; k++)
        {
            p[k] = p[count + k] = Math.Sin(k + 1.0);
        }

        double[] x0 = [0.3, -0.2, 0.5], x1 = [-0.7, 0.1, 0.9];
        var ws = model.CreateWorkspace(2);
        model.Forward(p, [.. x1], 1, [], [], [], ws);
        double[] alone = ws.Outputs[..H].ToArray();
        Assert.Equal(alone, ws.Outputs[H..].ToArray());
        model.Forward(p, [.. x1, .. x0], 1, [], [], [], ws);
        double[] swapped = ws.Outputs[H..(2 * H)].ToArray();
        model.Forward(p, [.. x0, .. x1], 1, [], [], [], ws);
        Assert.Equal(alone, ws.Outputs[(3 * H)..].ToArray());
        Assert.Equal(swapped, ws.Outputs[(2 * H)..(3 * H)].ToArray());
    }

    // rows [T × m × width] with each sequence's valid steps reversed (padding in place), written out plainly.
    private static double[] Reversed(double[] rows, ModelProblem c, int width)
    {
        double[] result = (double[])rows.Clone();
        for (int b = 0; b < c.M; b++)
        {
            int length = c.Lengths.Length == 0 ? c.Steps : c.Lengths[b];
            for (int t = 0; t < length; t++)
            {
                Array.Copy(rows, (((length - 1 - t) * c.M) + b) * width, result, ((t * c.M) + b) * width, width);
            }
        }

        return result;
    }
}
