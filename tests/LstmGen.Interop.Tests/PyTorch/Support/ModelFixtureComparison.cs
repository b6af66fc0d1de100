using LstmGen.Interop.Layouts;
using Xunit.Abstractions;

namespace LstmGen.Interop.Tests.PyTorch.Support;

/// <summary>
/// Compares what a model computed (outputs, state and input gradients by PyTorch's tensor names, and its flat parameter
/// gradient) with every <c>output.*</c> and <c>grad.*</c> tensor of a model fixture, within 1e-9 relative (floor 1e-9 of
/// the tensor's largest entry, as the cell fixtures), and fails on a tensor either side lacks.
/// </summary>
internal static class ModelFixtureComparison
{
    /// <summary>The relative tolerance.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Adds the parameter gradient <paramref name="dp"/> (exported under PyTorch's names, <c>grad.</c>-prefixed) to
    /// <paramref name="ours"/>, then compares everything with the fixture and reports the worst entry.
    /// </summary>
    public static void AssertAgrees(TorchModelCase c, Dictionary<string, double[]> ours, double[] dp, ITestOutputHelper output)
    {
        foreach (NamedTensor g in PyTorchModelLayout.Export<double>(c.Layout, dp, "grad." + c.Prefix, "grad.head."))
        {
            var values = new double[g.ElementCount];
            g.CopyTo<double>(values);
            ours[g.Name] = values;
        }

        // Export writes the one bias's gradient as bias_ih and zero as bias_hh; PyTorch's two are equal (a GRU's n rows apart).
        int h = c.Layout.Cells[0].HiddenSize;
        bool gru = c.Layout.Cells[0].Kind == RecurrentCellKind.Gru;
        foreach (string hh in ours.Keys.Where(k => k.Contains(".bias_hh", StringComparison.Ordinal)).ToArray())
        {
            double[] ih = ours[hh.Replace("bias_hh", "bias_ih", StringComparison.Ordinal)];
            ours[hh] = [.. ours[hh].Select((value, r) => gru && r >= 2 * h ? value : ih[r])];
        }

        var compared = new List<WorstEntry>();
        foreach (NamedTensor reference in c.Tensors.Where(t => t.Name.StartsWith("output.", StringComparison.Ordinal) || t.Name.StartsWith("grad.", StringComparison.Ordinal)))
        {
            Assert.True(ours.ContainsKey(reference.Name), $"{c.Name}: we compute nothing for PyTorch's {reference.Describe()}.");
            compared.Add(TensorComparison.Worst(reference.Name, ours[reference.Name], c.Values(reference.Name), TensorComparison.DoubleFloorFraction));
        }

        Assert.Empty(ours.Keys.Except(compared.Select(w => w.Tensor)));
        WorstEntry worst = compared.MaxBy(w => w.Error)!;
        output.WriteLine($"{c.Name}: {compared.Count} tensors, worst {worst}");
        Assert.True(worst.Error <= Tolerance, $"{c.Name}: worst entry {worst} exceeds {Tolerance:E0}.");
    }
}
