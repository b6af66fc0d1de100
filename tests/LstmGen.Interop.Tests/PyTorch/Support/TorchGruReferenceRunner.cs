using LstmGen.Interop.Layouts;
using LstmGen.Reference;
using LstmGen.Tests.Shared;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Interop.Tests.PyTorch.Support;

/// <summary>
/// Runs a GRU fixture through <see cref="PyTorchLayout"/> and the MathNet reference: the state dict is imported into a
/// flat <see cref="CellLayout"/> buffer, the reference runs on it, and its gradients are exported back to PyTorch's
/// names. It checks the importer and exporter (biases summed for r and z, b_in and b_hn apart) until generated GRU cells
/// can run the fixtures as <see cref="TorchCellRunner"/> does for LSTM and RNN cells.
/// </summary>
internal static class TorchGruReferenceRunner
{
    /// <summary>Our values under the fixture's names (<c>output.*</c>, <c>grad.*</c>).</summary>
    public static IReadOnlyDictionary<string, double[]> Run(TorchFixture fixture)
    {
        CellLayout layout = fixture.Layout;
        int d = layout.InputSize, h = layout.HiddenSize, m = fixture.Batch, steps = fixture.Steps;
        var p = new double[layout.ParameterCount];
        PyTorchLayout.Import<double>(fixture.Tensors, layout, p, fixture.Names);
        ReferenceGru cell = GruReferenceLayout.ToReference(layout, p);

        double[] x = fixture.Values("input.x"), h0 = fixture.Values("input.h0"), target = fixture.Values("input.target");
        var batch = new SequenceSample[m];
        for (int s = 0; s < m; s++)
        {
            int b = s;
            Vector<double>[] inputs = [.. Enumerable.Range(0, steps).Select(t => V(x.AsSpan(((t * m) + b) * d, d)))];
            SequenceTargets targets = layout.HasHead
                ? new ClassIndexTargets([.. Enumerable.Range(0, steps).Select(t => checked((int)target[(t * m) + b]))])
                : new MseTargets([.. Enumerable.Range(0, steps).Select(t => V(target.AsSpan(((t * m) + b) * h, h)))]);
            batch[s] = new SequenceSample(inputs, targets, V(h0.AsSpan(s * h, h)));
        }

        var reduction = fixture.Reduction == BatchReduction.Mean ? Reference.BatchReduction.Mean : Reference.BatchReduction.Sum;
        GruBatchGradients g = cell.BatchBackward(batch, reduction);
        IReadOnlyList<GruStep>[] runs = [.. batch.Select(s => cell.Forward(s.Inputs, s.H0))];
        var results = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["output.loss"] = [g.Loss],
            ["output.h"] = [.. from t in Enumerable.Range(0, steps) from s in Enumerable.Range(0, m) from value in runs[s][t].H select value],
            ["output.h_n"] = [.. runs.SelectMany(r => r[^1].H)],
            ["grad.input.x"] = [.. from t in Enumerable.Range(0, steps) from s in Enumerable.Range(0, m) from value in g.Samples[s].DX[t] select value],
            ["grad.input.h0"] = [.. g.Samples.SelectMany(s => s.DH0)],
        };

        // Export writes bias_ih = [db_r, db_z, db_in] and bias_hh = [0, 0, db_hn]; PyTorch's gradient of bias_hh in the r and
        // z rows equals that of bias_ih there (it only uses their sum), and in the n rows it is b_hn's own.
        TensorSet gradients = PyTorchLayout.Export<double>(layout, GruReferenceLayout.Flatten(layout, g.Parameters), fixture.Names);
        foreach (NamedTensor tensor in gradients)
        {
            var values = new double[tensor.ElementCount];
            tensor.CopyTo<double>(values);
            results["grad." + tensor.Name] = values;
        }

        double[] input = results["grad." + fixture.Names.InputBias], recurrent = results["grad." + fixture.Names.RecurrentBias];
        Assert.All(recurrent.Take(2 * h), value => Assert.Equal(0.0, value));
        input.AsSpan(0, 2 * h).CopyTo(recurrent);
        return results;
    }

    private static Vector<double> V(ReadOnlySpan<double> values) => Vector<double>.Build.DenseOfArray(values.ToArray());
}
