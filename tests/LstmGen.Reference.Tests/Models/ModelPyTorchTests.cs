using Xunit.Abstractions;

namespace LstmGen.Reference.Tests.Models;

/// <summary>
/// The reference model against PyTorch's own float64 results (tools/pytorch-fixtures/model_fixtures.py,
/// <c>loss.backward()</c>): nn.LSTM(num_layers=2, bidirectional=True) + Linear (squared error on every step), nn.GRU(num_layers=2)
/// + Linear (last step), nn.RNN(bidirectional=True) + softmax cross-entropy, and the 2-layer bidirectional LSTM over
/// <c>pack_padded_sequence</c> lengths [5, 3, 1]: every output, h_n, c_n, the loss and every gradient (each layer's and
/// direction's weights and both biases, the head, x, h0, c0).
/// </summary>
/// <remarks>
/// Tolerance as <see cref="GruPyTorchTests"/>: <c>|ours − torch| ≤ 1e-9 · max(|torch|, 1e-9 · the tensor's largest |entry|)</c>;
/// the floor only guards entries that cancel to below 1e-9 of their tensor's scale (and the exact zeros at padded steps,
/// which both sides give exactly). Each run prints its worst entry.
/// </remarks>
public sealed class ModelPyTorchTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;
    private const double FloorFraction = 1e-9;

    public static TheoryData<string> Fixtures => [.. TorchModelFixture.All];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reference_model_reproduces_PyTorch_outputs_states_loss_and_gradients(string name)
    {
        TorchModelFixture fixture = TorchModelFixture.Load(name);
        Dictionary<string, double[]> ours = fixture.Run();

        string[] references = [.. fixture.File.TensorNames.Where(n => n.StartsWith("output.", StringComparison.Ordinal) || n.StartsWith("grad.", StringComparison.Ordinal))];
        Assert.Equal(references.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        double worst = 0;
        string worstName = string.Empty;
        foreach (string tensor in references)
        {
            double[] expected = fixture.File.Values(tensor), actual = ours[tensor];
            Assert.Equal(expected.Length, actual.Length);
            double floor = Math.Max(FloorFraction * expected.Max(Math.Abs), double.Epsilon);
            for (int k = 0; k < expected.Length; k++)
            {
                double error = Math.Abs(actual[k] - expected[k]) / Math.Max(Math.Abs(expected[k]), floor);
                Assert.True(error <= Tolerance, $"{name} {tensor}[{k}]: reference {actual[k]:R}, PyTorch {expected[k]:R}, relative error {error:E2}");
                (worst, worstName) = error > worst ? (error, $"{tensor}[{k}]") : (worst, worstName);
            }
        }

        output.WriteLine($"{name}: {references.Length} tensors, worst relative error {worst:E2} at {worstName}");
    }
}
