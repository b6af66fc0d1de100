using System.Numerics;
using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.PyTorch.Support;

/// <summary>Runs a PyTorch fixture through a generated cell and names every result as the fixture names PyTorch's.</summary>
internal static class TorchCellRunner
{
    /// <summary>
    /// Loads the fixture's state dict into the generated cell with <see cref="PyTorchLayout.Import{T}"/>, runs it, and
    /// returns our values under the fixture's names (<c>output.h</c>, <c>output.h_n</c>, <c>output.c_n</c>,
    /// <c>output.loss</c>, <c>grad.&lt;parameter&gt;</c>, <c>grad.input.x</c>, <c>grad.input.h0</c>, <c>grad.input.c0</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, double[]> Run(TorchFixture fixture) => CellCatalog.Get(fixture.CellName) switch
    {
        IRecurrentCell<float> cell => new TorchCellRunner<float>(cell).Run(fixture),
        IRecurrentCell<double> cell => new TorchCellRunner<double>(cell).Run(fixture),
        object other => throw new InvalidOperationException($"{fixture.CellName} is a {other.GetType().Name}, not a cell of float or double."),
    };
}

/// <summary>
/// The runner behind <see cref="TorchCellRunner.Run"/>: the cell through <see cref="IRecurrentCell{T}"/>, over flat
/// time-major buffers of its scalar type <typeparamref name="S"/>.
/// </summary>
internal sealed class TorchCellRunner<S>(IRecurrentCell<S> cell)
    where S : unmanaged, IFloatingPointIeee754<S>
{
    private bool IsLstm => cell.Kind == RecurrentCellKind.Lstm;

    /// <summary>
    /// One batched run with the fixture's reduction (forward, loss, BPTT): the loss, every parameter gradient, every h_t,
    /// the final states and dL/dx, dL/dh0, dL/dc0.
    /// </summary>
    public IReadOnlyDictionary<string, double[]> Run(TorchFixture fixture)
    {
        CellLayout layout = cell.Layout;
        int m = fixture.Batch, n = fixture.Steps * fixture.Batch, h = cell.HiddenSize, s = cell.StateLength;
        var p = new S[cell.ParameterCount];
        PyTorchLayout.Import<S>(fixture.Tensors, layout, p, fixture.Names);

        S[] xs = Scalars(fixture.Values("input.x"));
        S[] initial = InitialStates(fixture);
        S[] final = new S[m * s], caches = new S[n * cell.CacheLength], outputs = new S[n * h];
        cell.ForwardSequenceBatch(p, xs, m, initial, final, caches, outputs);

        S[] dOutputs = new S[n * h], dp = new S[p.Length];
        double[] target = fixture.Values("input.target");
        S loss = layout.HasHead
            ? cell.CrossEntropy(p, outputs, [.. target.Select(v => checked((int)v))], dOutputs, dp, fixture.Reduction, m)
            : cell.SquaredError(outputs, Scalars(target), dOutputs, fixture.Reduction, m);
        S[] dxs = new S[xs.Length], dInitial = new S[m * s];
        cell.BpttBatch(p, xs, m, caches, dOutputs, dInitial, dxs, dp);

        var results = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["output.loss"] = [double.CreateTruncating(loss)],
            ["output.h"] = Doubles(outputs),
            ["grad.input.x"] = Doubles(dxs),
        };
        AddParameterGradients(results, dp, fixture.Names);
        AddStates(results, "output.h_n", "output.c_n", final);
        AddStates(results, "grad.input.h0", "grad.input.c0", dInitial);
        return results;
    }

    /// <summary>
    /// Our gradients in PyTorch's names; dL/db_ih = dL/db_hh = dL/db because PyTorch adds both biases. A GRU's export writes
    /// bias_ih = [db_r, db_z, db_in] and bias_hh = [0, 0, db_hn]: PyTorch's gradient of bias_hh equals that of bias_ih in
    /// the r and z rows (it only uses their sum) and is b_hn's own in the n rows.
    /// </summary>
    private void AddParameterGradients(Dictionary<string, double[]> results, ReadOnlySpan<S> gradients, PyTorchNames names)
    {
        TensorSet exported = PyTorchLayout.Export<S>(cell.Layout, gradients, names);
        foreach (NamedTensor tensor in exported)
        {
            var values = new double[tensor.ElementCount];
            tensor.CopyTo<double>(values);
            results["grad." + tensor.Name] = values;
        }

        if (!cell.Layout.HasBias)
        {
            return;                                                          // bias=False: no bias gradients on either side
        }

        if (cell.Kind == RecurrentCellKind.Gru)
        {
            int rz = 2 * cell.HiddenSize;
            double[] recurrent = results["grad." + names.RecurrentBias];
            Assert.All(recurrent.Take(rz), value => Assert.Equal(0.0, value));
            results["grad." + names.InputBias].AsSpan(0, rz).CopyTo(recurrent);
        }
        else
        {
            results["grad." + names.RecurrentBias] = results["grad." + names.InputBias];
        }
    }

    /// <summary>States [m × S] as PyTorch's h [m × H] and, for an LSTM, c [m × H].</summary>
    private void AddStates(Dictionary<string, double[]> results, string hName, string cName, S[] states)
    {
        int h = cell.HiddenSize, s = cell.StateLength, m = states.Length / s;
        results[hName] = [.. Enumerable.Range(0, m).SelectMany(b => Doubles(states.AsSpan(b * s, h).ToArray()))];
        if (IsLstm)
        {
            results[cName] = [.. Enumerable.Range(0, m).SelectMany(b => Doubles(states.AsSpan((b * s) + h, h).ToArray()))];
        }
    }

    private S[] InitialStates(TorchFixture fixture)
    {
        int h = cell.HiddenSize, s = cell.StateLength;
        double[] h0 = fixture.Values("input.h0");
        double[]? c0 = IsLstm ? fixture.Values("input.c0") : null;
        var states = new S[fixture.Batch * s];
        for (int b = 0; b < fixture.Batch; b++)
        {
            for (int j = 0; j < h; j++)
            {
                states[(b * s) + j] = S.CreateTruncating(h0[(b * h) + j]);
                if (c0 is not null)
                {
                    states[(b * s) + h + j] = S.CreateTruncating(c0[(b * h) + j]);
                }
            }
        }

        return states;
    }

    private static S[] Scalars(double[] values) => [.. values.Select(S.CreateTruncating)];

    private static double[] Doubles(S[] values) => [.. values.Select(double.CreateTruncating)];
}
