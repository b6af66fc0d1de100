using MathNet.Numerics.LinearAlgebra;
using Xunit.Abstractions;

namespace LstmGen.Reference.Tests;

/// <summary>
/// The reference GRU against PyTorch's own nn.GRU / nn.GRUCell in float64 (tools/pytorch-fixtures, <c>loss.backward()</c>):
/// every hidden output, the final state, the loss and every gradient (weights, both biases, head, x, h0).
/// </summary>
/// <remarks>
/// Tolerance: <c>|ours − torch| ≤ 1e-9 · max(|torch|, 1e-9 · the tensor's largest |entry|)</c>. The floor only guards
/// entries that cancel to below 1e-9 of their tensor's scale, whose rounding error is relative to the terms, not to the
/// result. Measured worst over the six fixtures: 2.7e-12 (gru_d4_h33_v3, grad.gru.weight_hh_l0); each run prints its own.
/// </remarks>
public sealed class GruPyTorchTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;
    private const double FloorFraction = 1e-9;

    public static TheoryData<string> Fixtures => [.. TorchGruFixture.All];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reference_reproduces_PyTorch_outputs_loss_and_gradients(string name)
    {
        TorchGruFixture fixture = TorchGruFixture.Load(name);
        Dictionary<string, double[]> ours = Run(fixture, out string prefix);

        string[] references = [.. fixture.TensorNames.Where(n => n.StartsWith("output.", StringComparison.Ordinal) || n.StartsWith("grad.", StringComparison.Ordinal))];
        Assert.Equal(references.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        double worst = 0;
        string worstName = string.Empty;
        foreach (string tensor in references)
        {
            double[] expected = fixture.Values(tensor), actual = ours[tensor];
            Assert.Equal(expected.Length, actual.Length);
            double floor = Math.Max(FloorFraction * expected.Max(Math.Abs), double.Epsilon);
            for (int k = 0; k < expected.Length; k++)
            {
                double error = Math.Abs(actual[k] - expected[k]) / Math.Max(Math.Abs(expected[k]), floor);
                Assert.True(error <= Tolerance, $"{name} {tensor}[{k}]: reference {actual[k]:R}, PyTorch {expected[k]:R}, relative error {error:E2}");
                (worst, worstName) = error > worst ? (error, $"{tensor}[{k}]") : (worst, worstName);
            }
        }

        Assert.StartsWith(fixture.Metadata["module"] == "gru" ? "gru." : "cell.", prefix, StringComparison.Ordinal);
        output.WriteLine($"{name}: {references.Length} tensors, worst relative error {worst:E2} at {worstName}");
    }

    /// <summary>The reference built from the fixture's state dict and run on its batch, named as the fixture names PyTorch's results.</summary>
    private static Dictionary<string, double[]> Run(TorchGruFixture fixture, out string prefix)
    {
        int d = fixture.Meta("input_size"), h = fixture.Meta("hidden_size"), v = fixture.Meta("output_size");
        int steps = fixture.Meta("steps"), m = fixture.Meta("batch");
        var reduction = fixture.Metadata["reduction"] == "mean" ? BatchReduction.Mean : BatchReduction.Sum;
        prefix = fixture.Metadata["cell_prefix"];
        string suffix = fixture.Metadata["module"] == "gru" ? "_l0" : string.Empty;
        string wIh = $"{prefix}weight_ih{suffix}", wHh = $"{prefix}weight_hh{suffix}", bIh = $"{prefix}bias_ih{suffix}", bHh = $"{prefix}bias_hh{suffix}";

        // PyTorch's rows are r, z, n in blocks of H; r and z use only the sum of the two biases, n keeps them apart.
        const int n = ReferenceGruGate.New;
        Matrix<double>[] w = [.. Enumerable.Range(0, 3).Select(g => fixture.Rows(wIh, g * h, h))];
        Matrix<double>[] u = [.. Enumerable.Range(0, 3).Select(g => fixture.Rows(wHh, g * h, h))];
        Vector<double>[] b = [.. Enumerable.Range(0, 3).Select(g => g == n ? fixture.Slice(bIh, g * h, h) : fixture.Slice(bIh, g * h, h) + fixture.Slice(bHh, g * h, h))];
        Vector<double> bhn = fixture.Slice(bHh, n * h, h);
        Matrix<double>? wy = v > 0 ? fixture.Rows("head.weight", 0, v) : null;
        Vector<double>? by = v > 0 ? fixture.Slice("head.bias", 0, v) : null;
        var cell = new ReferenceGru(w, u, b, bhn, wy, by);

        double[] x = fixture.Values("input.x"), h0 = fixture.Values("input.h0"), target = fixture.Values("input.target");
        var batch = new SequenceSample[m];
        for (int s = 0; s < m; s++)
        {
            int sample = s;
            Vector<double>[] inputs = [.. Enumerable.Range(0, steps).Select(t => Vector<double>.Build.DenseOfArray(x.AsSpan(((t * m) + sample) * d, d).ToArray()))];
            SequenceTargets targets = v > 0
                ? new ClassIndexTargets([.. Enumerable.Range(0, steps).Select(t => checked((int)target[(t * m) + sample]))])
                : new MseTargets([.. Enumerable.Range(0, steps).Select(t => Vector<double>.Build.DenseOfArray(target.AsSpan(((t * m) + sample) * h, h).ToArray()))]);
            batch[s] = new SequenceSample(inputs, targets, Vector<double>.Build.DenseOfArray(h0.AsSpan(s * h, h).ToArray()));
        }

        GruBatchGradients g = cell.BatchBackward(batch, reduction);
        IReadOnlyList<GruStep>[] runs = [.. batch.Select(s => cell.Forward(s.Inputs, s.H0))];
        GruParameterGradients p = g.Parameters;
        var results = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["output.loss"] = [g.Loss],
            ["output.h"] = TimeMajor(steps, m, (t, s) => runs[s][t].H),
            ["output.h_n"] = [.. runs.SelectMany(r => r[^1].H)],
            ["grad.input.x"] = TimeMajor(steps, m, (t, s) => g.Samples[s].DX[t]),
            ["grad.input.h0"] = [.. g.Samples.SelectMany(s => s.DH0)],
            ["grad." + wIh] = [.. p.DW.SelectMany(RowMajor)],
            ["grad." + wHh] = [.. p.DU.SelectMany(RowMajor)],
            ["grad." + bIh] = [.. p.DB[0], .. p.DB[1], .. p.DB[2]],
            ["grad." + bHh] = [.. p.DB[0], .. p.DB[1], .. p.DBhn],
        };
        if (v > 0)
        {
            results["grad.head.weight"] = RowMajor(p.DWy!);
            results["grad.head.bias"] = [.. p.DBy!];
        }

        return results;
    }

    private static double[] TimeMajor(int steps, int batch, Func<int, int, Vector<double>> at) =>
        [.. from t in Enumerable.Range(0, steps) from s in Enumerable.Range(0, batch) from value in at(t, s) select value];

    private static double[] RowMajor(Matrix<double> matrix) => [.. matrix.ToRowMajorArray()];
}
