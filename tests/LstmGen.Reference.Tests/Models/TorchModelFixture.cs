using LstmGen.Reference.Models;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests.Models;

/// <summary>
/// A float64 model fixture of tools/pytorch-fixtures/model_fixtures.py (nn.LSTM / nn.GRU / nn.RNN with num_layers and
/// bidirectional, an nn.Linear head) turned into a <see cref="ReferenceModel"/> and its batch, straight from PyTorch's
/// names (<c>weight_ih_l{k}[_reverse]</c>, …, <c>head.weight</c>), and the reference's results named as the fixture names
/// PyTorch's.
/// </summary>
internal sealed class TorchModelFixture
{
    private TorchModelFixture(TorchGruFixture file)
    {
        File = file;
        Kind = file.Metadata["module"] switch
        {
            "lstm" => ReferenceCellKind.Lstm,
            "gru" => ReferenceCellKind.Gru,
            _ => ReferenceCellKind.Rnn,
        };
        Layers = file.Meta("num_layers");
        Directions = file.Metadata["bidirectional"] == "true" ? 2 : 1;
        (D, H, V, Steps, Batch) = (file.Meta("input_size"), file.Meta("hidden_size"), file.Meta("output_size"), file.Meta("steps"), file.Meta("batch"));
        Lengths = file.Metadata.TryGetValue("lengths", out string? lengths)
            ? [.. lengths.Split(',').Select(int.Parse)]
            : [.. Enumerable.Repeat(Steps, Batch)];
        Prefix = file.Metadata["cell_prefix"];
    }

    /// <summary>The model fixtures make_fixtures.py writes (MODEL_CASES in model_fixtures.py).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "model_lstm_l2_bi_d3_h4_v2_f64", "model_gru_l2_d3_h5_v2_last_f64", "model_rnn_l1_bi_d3_h4_v3_f64", "model_lstm_l2_bi_d2_h3_v2_packed_f64",
    ];

    public TorchGruFixture File { get; }

    public ReferenceCellKind Kind { get; }

    public int Layers { get; }

    public int Directions { get; }

    public int D { get; }

    public int H { get; }

    public int V { get; }

    public int Steps { get; }

    public int Batch { get; }

    public int[] Lengths { get; }

    public string Prefix { get; }

    public int Blocks => Layers * Directions;

    public int Width => Directions * H;

    public static TorchModelFixture Load(string name) => new(TorchGruFixture.Load(name));

    /// <summary>PyTorch's name of a parameter of layer k, direction d: e.g. <c>lstm.weight_ih_l1_reverse</c>.</summary>
    public string Name(string stem, int layer, int direction) => $"{Prefix}{stem}_l{layer}{(direction == 1 ? "_reverse" : string.Empty)}";

    /// <summary>The reference model holding the fixture's state dict (PyTorch's two biases summed where only their sum is used).</summary>
    public ReferenceModel Model()
    {
        var layers = new List<ReferenceModelLayer>();
        for (int k = 0; k < Layers; k++)
        {
            ReferenceDirection Direction(int dir)
            {
                string wIh = Name("weight_ih", k, dir), wHh = Name("weight_hh", k, dir), bIh = Name("bias_ih", k, dir), bHh = Name("bias_hh", k, dir);
                Matrix<double> W(int g) => File.Rows(wIh, g * H, H);
                Matrix<double> U(int g) => File.Rows(wHh, g * H, H);
                Vector<double> Sum(int g) => File.Slice(bIh, g * H, H) + File.Slice(bHh, g * H, H);
                return Kind switch
                {
                    ReferenceCellKind.Lstm => ReferenceDirection.Of(new ReferenceLstm([.. Enumerable.Range(0, 4).Select(W)], [.. Enumerable.Range(0, 4).Select(U)], [.. Enumerable.Range(0, 4).Select(Sum)])),
                    ReferenceCellKind.Gru => ReferenceDirection.Of(new ReferenceGru(
                        [.. Enumerable.Range(0, 3).Select(W)], [.. Enumerable.Range(0, 3).Select(U)], [Sum(0), Sum(1), File.Slice(bIh, 2 * H, H)], File.Slice(bHh, 2 * H, H))),
                    _ => ReferenceDirection.Of(new ReferenceRnn(W(0), U(0), Sum(0))),
                };
            }

            layers.Add(new ReferenceModelLayer(Direction(0), Directions == 2 ? Direction(1) : null));
        }

        var head = File.Metadata["head"] == "softmax" ? ReferenceHead.Softmax : ReferenceHead.Linear;
        return new ReferenceModel(layers, head, File.Rows("head.weight", 0, V), File.Slice("head.bias", 0, V));
    }

    /// <summary>The fixture's batch shape: T and each sequence's length.</summary>
    public TimeMajorBatch Shape => new(Steps, Lengths);

    /// <summary>The fixture's batch: each sequence's valid steps, its initial states per block and its targets.</summary>
    public ModelSequence[] Sequences(ReferenceModel model) => Shape.Sequences(
        model,
        File.Values("input.x"),
        File.Values("input.h0"),
        Kind == ReferenceCellKind.Lstm ? File.Values("input.c0") : null,
        File.Values("input.target"),
        File.Metadata["loss_steps"] == "last" ? ModelLossSteps.Last : ModelLossSteps.Every);

    /// <summary>The reference's outputs, final states, loss and gradients, named as the fixture names PyTorch's.</summary>
    public Dictionary<string, double[]> Run()
    {
        ReferenceModel model = Model();
        var reduction = File.Metadata["reduction"] == "mean" ? BatchReduction.Mean : BatchReduction.Sum;
        Dictionary<string, double[]> results = Shape.Results(model, Sequences(model), reduction, out ModelGradients total);
        results["grad.head.weight"] = total.DWy!.ToRowMajorArray();
        results["grad.head.bias"] = [.. total.DBy!];
        for (int k = 0; k < Layers; k++)
        {
            for (int dir = 0; dir < Directions; dir++)
            {
                int d = k == 0 ? D : Width;
                ReferenceDirection g = ReferenceDirection.FromFlat(Kind, total.Blocks[(k * Directions) + dir], d, H);
                foreach ((string stem, double[] values) in TorchGradients(g))
                {
                    results["grad." + Name(stem, k, dir)] = values;
                }
            }
        }

        return results;
    }

    /// <summary>A direction's gradients (held as a cell) under PyTorch's four tensor names (both biases get the summed bias's gradient; a GRU's n rows apart).</summary>
    private static IEnumerable<(string Stem, double[] Values)> TorchGradients(ReferenceDirection g)
    {
        switch (g.Cell)
        {
            case ReferenceLstm l:
                yield return ("weight_ih", [.. l.W.SelectMany(RowMajor)]);
                yield return ("weight_hh", [.. l.U.SelectMany(RowMajor)]);
                yield return ("bias_ih", [.. l.B.SelectMany(b => b)]);
                yield return ("bias_hh", [.. l.B.SelectMany(b => b)]);
                break;
            case ReferenceGru u:
                yield return ("weight_ih", [.. u.W.SelectMany(RowMajor)]);
                yield return ("weight_hh", [.. u.U.SelectMany(RowMajor)]);
                yield return ("bias_ih", [.. u.B[0], .. u.B[1], .. u.B[2]]);
                yield return ("bias_hh", [.. u.B[0], .. u.B[1], .. u.Bhn]);
                break;
            case ReferenceRnn r:
                yield return ("weight_ih", RowMajor(r.Wx));
                yield return ("weight_hh", RowMajor(r.Wh));
                yield return ("bias_ih", [.. r.B]);
                yield return ("bias_hh", [.. r.B]);
                break;
        }
    }

    private static double[] RowMajor(Matrix<double> matrix) => matrix.ToRowMajorArray();
}
