using LstmGen.Interop.Tests.PyTorch.Support;
using LstmGen.Models;
using Xunit.Abstractions;

namespace LstmGen.Interop.Tests.PyTorch;

/// <summary>
/// The runtime's <see cref="RecurrentModel{T}"/> (layers of generated cells) against PyTorch's float64 autograd on the
/// model fixtures: nn.LSTM(num_layers=2, bidirectional=True) + Linear with the squared error on every step, nn.GRU(num_layers=2)
/// + Linear with the loss on the last step (mean over the batch), nn.RNN(bidirectional=True) + softmax cross-entropy, and the
/// 2-layer bidirectional LSTM over pack_padded_sequence (lengths 5, 3, 1). Parameters come in through
/// <see cref="Layouts.PyTorchModelLayout"/>, PyTorch's h0/c0 [layers·directions, m, H] become the model's state blocks, and every
/// output (h, h_n, c_n, the loss) and every gradient (each layer's and direction's weights and biases, the head, x, h0, c0)
/// must agree within 1e-9 relative.
/// </summary>
public sealed class GeneratedModelFixtureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures => [.. TorchModelCase.All];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_model_reproduces_every_output_and_gradient_of_PyTorch(string name)
    {
        TorchModelCase c = TorchModelCase.Load(name);
        RecurrentModel<double> model = c.Model;
        int steps = c.Steps, m = c.Meta("batch");
        int[] lengths = c.Tensors.Metadata.ContainsKey("lengths") ? c.Lengths : [];
        double[] p = c.Imported(), xs = c.Values("input.x");
        double[] initial = ToModelStates(c, "input.h0", c.Tensors.Contains("input.c0") ? "input.c0" : null, m);
        double[] final = new double[m * model.StateLength], dInitial = new double[final.Length], dxs = new double[xs.Length], dp = new double[model.ParameterCount];
        LossSteps lossSteps = c.Tensors.Metadata["loss_steps"] == "last" ? LossSteps.Last : LossSteps.Every;
        BatchReduction reduction = c.Tensors.Metadata["reduction"] == "mean" ? BatchReduction.Mean : BatchReduction.Sum;
        ModelWorkspace<double> workspace = model.CreateWorkspace(steps, m);
        double loss = model.Output == OutputHead.Softmax
            ? model.Gradient(p, xs, m, lengths, initial, [.. c.Values("input.target").Select(v => (int)v)], final, dInitial, dxs, dp, workspace, reduction, lossSteps)
            : model.Gradient(p, xs, m, lengths, initial, c.Values("input.target"), final, dInitial, dxs, dp, workspace, reduction, lossSteps);

        var ours = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["output.loss"] = [loss],
            ["output.h"] = workspace.Outputs.ToArray(),
            ["grad.input.x"] = dxs,
        };
        AddStates(ours, c, final, "output.h_n", "output.c_n", m);
        AddStates(ours, c, dInitial, "grad.input.h0", "grad.input.c0", m);
        ModelFixtureComparison.AssertAgrees(c, ours, dp, output);
    }

    // PyTorch's states [layers·directions, m, H] (h, and c for an LSTM) → the model's blocks: block (k, d) at
    // Layout.StateOffset(k, d, m) holds each sequence's [h | c] or h.
    private static double[] ToModelStates(TorchModelCase c, string hName, string? cName, int m)
    {
        double[] hs = c.Values(hName), cs = cName is null ? [] : c.Values(cName), states = new double[m * c.Layout.StateLength];
        ForEachBlockEntry(c, m, (torch, model, isCell) => states[model] = isCell ? cs[torch] : hs[torch]);
        return states;
    }

    private static void AddStates(Dictionary<string, double[]> ours, TorchModelCase c, double[] states, string hName, string cName, int m)
    {
        double[] hs = new double[c.Tensors[hName].ElementCount];
        double[] cs = c.Tensors.Contains(cName) ? new double[c.Tensors[cName].ElementCount] : [];
        ForEachBlockEntry(c, m, (torch, model, isCell) => (isCell ? cs : hs)[torch] = states[model]);
        ours[hName] = hs;
        if (cs.Length > 0)
        {
            ours[cName] = cs;
        }
    }

    // Calls visit(index in PyTorch's tensor, index in the model's states, whether it is a cell state) for every entry.
    private static void ForEachBlockEntry(TorchModelCase c, int m, Action<int, int, bool> visit)
    {
        ModelLayout layout = c.Layout;
        int block = 0;
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            int h = layout.Cells[k].HiddenSize, s = layout.CellStateLength(k);
            for (int d = 0; d < layout.Directions[k]; d++, block++)
            {
                int offset = layout.StateOffset(k, d, m);
                for (int b = 0; b < m; b++)
                {
                    for (int i = 0; i < h; i++)
                    {
                        int torch = (((block * m) + b) * h) + i;
                        visit(torch, offset + (b * s) + i, false);
                        if (s == 2 * h)
                        {
                            visit(torch, offset + (b * s) + h + i, true);
                        }
                    }
                }
            }
        }
    }
}
