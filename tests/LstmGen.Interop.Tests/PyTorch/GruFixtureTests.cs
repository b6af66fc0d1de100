using LstmGen.Interop.Tests.PyTorch.Support;
using Xunit.Abstractions;

namespace LstmGen.Interop.Tests.PyTorch;

/// <summary>
/// nn.GRU / nn.GRUCell state dicts imported with <see cref="Layouts.PyTorchLayout.Import{T}"/> and run by the MathNet
/// reference reproduce PyTorch's outputs, final states, loss and every gradient, with the gradients exported under
/// PyTorch's names (<see cref="TorchGruReferenceRunner"/>). Tolerances as in <see cref="PyTorchFixtureTests"/>: float64
/// fixtures 1e-10 relative (floor 1e-9 of the tensor's largest), float32 fixtures (the reference in double on the
/// float32 weights) 1e-5 of the tensor's scale. Measured worst: float64 2.7e-12, float32 2.5e-7 (printed per fixture).
/// </summary>
public sealed class GruFixtureTests(ITestOutputHelper output)
{
    private const double DoubleTolerance = 1e-10;
    private const double FloatTolerance = 1e-5;

    public static TheoryData<string> Fixtures => [.. TorchFixture.Gru];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Imported_state_dict_run_by_the_reference_reproduces_PyTorch(string name)
    {
        TorchFixture fixture = TorchFixture.Load(name);
        Assert.Equal(RecurrentCellKind.Gru, fixture.Names.CellKind);
        IReadOnlyDictionary<string, double[]> ours = TorchGruReferenceRunner.Run(fixture);
        double tolerance = fixture.IsFloat ? FloatTolerance : DoubleTolerance;
        double floor = fixture.IsFloat ? TensorComparison.FloatFloorFraction : TensorComparison.DoubleFloorFraction;

        var compared = new List<WorstEntry>();
        foreach (NamedTensor reference in fixture.Tensors.Where(t => t.Name.StartsWith("output.", StringComparison.Ordinal) || t.Name.StartsWith("grad.", StringComparison.Ordinal)))
        {
            Assert.True(ours.ContainsKey(reference.Name), $"{name}: we compute nothing for PyTorch's {reference.Describe()}.");
            compared.Add(TensorComparison.Worst(reference.Name, ours[reference.Name], fixture.Values(reference.Name), floor));
        }

        Assert.Empty(ours.Keys.Except(compared.Select(c => c.Tensor)));
        WorstEntry worst = compared.MaxBy(c => c.Error)!;
        output.WriteLine($"{name}: {compared.Count} tensors, worst {worst}");
        Assert.True(worst.Error <= tolerance, $"{name}: worst entry {worst} exceeds {tolerance:E0}.");
    }
}
