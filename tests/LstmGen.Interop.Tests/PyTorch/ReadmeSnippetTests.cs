using LstmGen.Interop.Layouts;
using LstmGen.Interop.Tests.PyTorch.Support;

namespace LstmGen.Interop.Tests.PyTorch;

// The test namespace LstmGen.Interop.Tests.SafeTensors would hide the class of the same name.
using SafeTensors = LstmGen.Interop.SafeTensors;

/// <summary>The README's "Train in PyTorch, run in LstmGen" snippets, run on a committed PyTorch state dict.</summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public void Readme_snippet_loads_a_PyTorch_model_and_steps_like_PyTorch()
    {
        // The fixture is the state dict of a model with self.lstm = nn.LSTM(3, 5) and self.head = nn.Linear(5, 4).
        string path = TorchFixture.PathOf("lstm_d3_h5_v4_f64");

        // README: run in LstmGen.
        var p = new TorchLstm3x5V4D.Parameters();
        PyTorchLayout.Import(SafeTensors.Read(path), TorchLstm3x5V4D.Layout, p.AsSpan(),
            new PyTorchNames(PyTorchModule.Lstm, CellPrefix: "lstm.", HeadPrefix: "head."));

        // One step of sequence 0 from PyTorch's initial state gives PyTorch's first output.
        TorchFixture fixture = TorchFixture.Load("lstm_d3_h5_v4_f64");
        double[] x = fixture.Values("input.x"), h0 = fixture.Values("input.h0"), c0 = fixture.Values("input.c0"), h = fixture.Values("output.h");
        var initial = new TorchLstm3x5V4D.State(Vec5<double>.FromSpan(h0.AsSpan(0, 5)), Vec5<double>.FromSpan(c0.AsSpan(0, 5)));
        var state = TorchLstm3x5V4D.Step(p, Vec3<double>.FromSpan(x.AsSpan(0, 3)), initial, out Vec4<double> probabilities);
        for (int j = 0; j < 5; j++)
        {
            Assert.Equal(h[j], state.H[j], 1e-12);
        }

        Assert.Equal(1.0, probabilities.ToArray().Sum(), 1e-12);

        // README: and back to PyTorch: the same names, bias_hh_l0 = 0, and an exact round trip.
        TensorSet exported = PyTorchLayout.Export(TorchLstm3x5V4D.Layout, p.AsSpan(), new PyTorchNames(PyTorchModule.Lstm, CellPrefix: "lstm.", HeadPrefix: "head."));
        Assert.Equal(
            fixture.Tensors.Select(t => t.Name).Where(n => n.StartsWith("lstm.", StringComparison.Ordinal) || n.StartsWith("head.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            exported.Select(t => t.Name).Order(StringComparer.Ordinal));
        string written = Path.Combine(Path.GetTempPath(), $"lstmgen-readme-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Write(exported, written);
            var q = new TorchLstm3x5V4D.Parameters();
            PyTorchLayout.Import(SafeTensors.Read(written), TorchLstm3x5V4D.Layout, q.AsSpan(), new PyTorchNames(PyTorchModule.Lstm, "lstm.", "head."));
            Assert.Equal(p.AsSpan().ToArray(), q.AsSpan().ToArray());
        }
        finally
        {
            File.Delete(written);
        }
    }
}
