using LstmGen.Interop.Tests.PyTorch.Support;
using Xunit.Abstractions;

namespace LstmGen.Interop.Tests.PyTorch;

/// <summary>
/// Generated cells loaded from PyTorch state dicts (<see cref="Layouts.PyTorchLayout.Import{T}"/>) reproduce PyTorch's
/// own outputs, final states, loss and every gradient (parameters, inputs, initial state), for nn.LSTM, nn.LSTMCell,
/// nn.RNN and nn.RNNCell at (D, H) = (2, 1), (3, 5), (7, 17), (4, 33), and nn.GRU and nn.GRUCell at (3, 4), (5, 6),
/// (7, 17), (4, 33), (3, 5), with and without an nn.Linear head, in float32 and float64. The references come from tools/pytorch-fixtures/make_fixtures.py (PyTorch 1.13, <c>loss.backward()</c>).
/// </summary>
public sealed class PyTorchFixtureTests(ITestOutputHelper output)
{
    /// <summary>Double: 1e-10 relative (floor 1e-9 of the tensor's largest entry). Measured worst: 9e-12.</summary>
    private const double DoubleTolerance = 1e-10;

    /// <summary>Float: 1e-5 relative to the tensor's largest entry (see <see cref="TensorComparison.FloatFloorFraction"/>). Measured worst: 1.4e-6.</summary>
    private const double FloatTolerance = 1e-5;

    public static TheoryData<string> Fixtures => [.. TorchFixture.WithGeneratedCells];

    public static TheoryData<string> FloatFixtures => [.. TorchFixture.WithGeneratedCells.Where(n => n.EndsWith("_f32", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_cell_reproduces_PyTorch_outputs_loss_and_gradients(string name)
    {
        TorchFixture fixture = TorchFixture.Load(name);
        IReadOnlyDictionary<string, double[]> ours = TorchCellRunner.Run(fixture);
        double tolerance = fixture.IsFloat ? FloatTolerance : DoubleTolerance;
        double floor = fixture.IsFloat ? TensorComparison.FloatFloorFraction : TensorComparison.DoubleFloorFraction;

        var compared = new List<WorstEntry>();
        foreach (NamedTensor reference in References(fixture))
        {
            Assert.True(ours.ContainsKey(reference.Name), $"{name}: we compute nothing for PyTorch's {reference.Describe()}.");
            compared.Add(TensorComparison.Worst(reference.Name, ours[reference.Name], fixture.Values(reference.Name), floor));
        }

        Assert.Empty(ours.Keys.Except(compared.Select(c => c.Tensor)));
        WorstEntry worst = compared.MaxBy(c => c.Error)!;
        output.WriteLine($"{name}: {compared.Count} tensors, worst {worst}");
        Assert.True(worst.Error <= tolerance, $"{name}: worst entry {worst} exceeds {tolerance:E0}.");
    }

    /// <summary>
    /// The float32 fixtures against their float64 twins (the same draws computed in double): our float results are within
    /// 1e-5 of the double results relative to each tensor's scale, and so are PyTorch's own float32 results, which is
    /// what justifies comparing float results normwise. The output lists both errors.
    /// </summary>
    [Theory]
    [MemberData(nameof(FloatFixtures))]
    public void Float_results_are_as_close_to_PyTorch_float64_as_PyTorch_float32_is(string name)
    {
        TorchFixture single = TorchFixture.Load(name);
        TorchFixture twin = TorchFixture.Load(name[..^"_f32".Length] + "_f64");
        IReadOnlyDictionary<string, double[]> ours = TorchCellRunner.Run(single);
        WorstEntry oursWorst = null!, torchWorst = null!;
        foreach (NamedTensor reference in References(single))
        {
            double[] exact = twin.Values(reference.Name);
            WorstEntry o = TensorComparison.Worst(reference.Name, ours[reference.Name], exact, TensorComparison.FloatFloorFraction);
            WorstEntry t = TensorComparison.Worst(reference.Name, single.Values(reference.Name), exact, TensorComparison.FloatFloorFraction);
            oursWorst = oursWorst is null || o.Error > oursWorst.Error ? o : oursWorst;
            torchWorst = torchWorst is null || t.Error > torchWorst.Error ? t : torchWorst;
        }

        output.WriteLine($"{name} against float64: ours {oursWorst.Error:E2} ({oursWorst.Tensor}), PyTorch float32 {torchWorst.Error:E2} ({torchWorst.Tensor})");
        Assert.True(oursWorst.Error <= FloatTolerance, $"{name}: ours against float64: {oursWorst}");
        Assert.True(torchWorst.Error <= FloatTolerance, $"{name}: PyTorch float32 against float64: {torchWorst}");
    }

    /// <summary>
    /// Why float results are compared normwise: compared entry by entry (no floor), PyTorch's own float32 results are
    /// further than 1e-5 from its float64 results, so an elementwise 1e-5 is a bound PyTorch itself does not meet.
    /// </summary>
    [Fact]
    public void An_elementwise_float_bound_would_fail_PyTorch_itself()
    {
        WorstEntry worst = null!;
        foreach (string name in TorchFixture.All.Where(n => n.EndsWith("_f32", StringComparison.Ordinal)))
        {
            TorchFixture single = TorchFixture.Load(name);
            TorchFixture twin = TorchFixture.Load(name[..^"_f32".Length] + "_f64");
            foreach (NamedTensor reference in References(single))
            {
                WorstEntry entry = TensorComparison.Worst($"{name} {reference.Name}", single.Values(reference.Name), twin.Values(reference.Name), floorFraction: 0);
                worst = worst is null || entry.Error > worst.Error ? entry : worst;
            }
        }

        output.WriteLine($"PyTorch float32 against float64, entry by entry: worst {worst}");
        Assert.True(worst.Error > FloatTolerance, $"PyTorch float32 against float64, entry by entry: worst {worst}");
    }

    [Fact]
    public void Every_fixture_the_script_writes_is_checked()
    {
        string directory = Path.GetDirectoryName(TorchFixture.PathOf("x"))!;
        string[] files = [.. Directory.GetFiles(directory, "*.safetensors").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];
        // The cell fixtures, checked here, and the model fixtures, checked by PyTorchModelLayoutTests.
        Assert.Equal(TorchFixture.All.Concat(TorchModelCase.All).Order(StringComparer.Ordinal), files);
    }

    private static IEnumerable<NamedTensor> References(TorchFixture fixture) =>
        fixture.Tensors.Where(t => t.Name.StartsWith("output.", StringComparison.Ordinal) || t.Name.StartsWith("grad.", StringComparison.Ordinal));
}
