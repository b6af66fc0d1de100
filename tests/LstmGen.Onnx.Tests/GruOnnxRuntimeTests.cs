using LstmGen.Onnx.Tests.Support;
using LstmGen.Reference;
using LstmGen.Tests.Shared;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace LstmGen.Onnx.Tests;

/// <summary>
/// A GRU exported as an ONNX model (the <c>GRU</c> operator with <c>linear_before_reset = 1</c>, weights from
/// <see cref="Interop.Layouts.OnnxLayout"/>) and run by ONNX Runtime reproduces the MathNet reference GRU (PyTorch's
/// equations) on the same flat <see cref="CellLayout"/> parameters: hidden sequence, final state, logits and
/// probabilities, T = 7, batches of 1 and 3, from zero and from random initial states. Generated GRU cells are compared
/// with the same model once they exist; this checks the export itself against an independent forward.
/// </summary>
/// <remarks>
/// Tolerance as in <see cref="OnnxRuntimeAgreementTests"/>: <c>|ort − reference| ≤ 1e-5 · max(|reference|, 0.1)</c>. The
/// reference runs in double on the float-rounded weights, inputs and states the model holds, so only ONNX Runtime's
/// float arithmetic differs. Measured worst over the cases: 6.0e-7 (printed per case).
/// </remarks>
public sealed class GruOnnxRuntimeTests(ITestOutputHelper output)
{
    private const int Steps = 7;
    private const double Relative = 1e-5;
    private const double Floor = 0.1;

    public static TheoryData<int, int, int, int, bool> Cases()
    {
        var data = new TheoryData<int, int, int, int, bool>();
        foreach ((int d, int h, int v) in new[] { (5, 6, 5), (7, 17, 0), (3, 33, 4) })
        {
            foreach (int batch in new[] { 1, 3 })
            {
                data.Add(d, h, v, batch, false);
                data.Add(d, h, v, batch, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_reproduces_the_reference_GRU(int d, int h, int v, int batch, bool initialState)
    {
        var layout = new CellLayout(RecurrentCellKind.Gru, d, h, v);
        double[] theta = Rounded(Seeded.Uniform(seed: 1 + h, layout.ParameterCount, 1 / Math.Sqrt(h)));
        double[] x = Rounded(Seeded.Uniform(seed: 100 + batch, Steps * batch * d, 1.0));
        double[]? h0 = initialState ? Rounded(Seeded.Uniform(seed: 200 + batch, batch * h, 0.5)) : null;

        byte[] model = OnnxExport.ToBytes<double>(layout, theta, new OnnxExportOptions { InitialStateInputs = initialState });
        var ort = OrtRunner.Run(model, GraphOptimizationLevel.ORT_ENABLE_ALL, x, [Steps, batch, d], h0, null, [1, batch, h]);

        ReferenceGru cell = GruReferenceLayout.ToReference(layout, theta);
        var steps = new IReadOnlyList<GruStep>[batch];
        for (int b = 0; b < batch; b++)
        {
            int s = b;
            Vector<double>[] inputs = [.. Enumerable.Range(0, Steps).Select(t => V(x.AsSpan(((t * batch) + s) * d, d)))];
            steps[b] = cell.Forward(inputs, h0 is null ? null : V(h0.AsSpan(b * h, h)));
        }

        double[] TimeMajor(Func<GruStep, Vector<double>> pick) =>
            [.. from t in Enumerable.Range(0, Steps) from b in Enumerable.Range(0, batch) from value in pick(steps[b][t]) select value];

        string label = $"GRU {d}→{h}{(v > 0 ? $" V={v}" : string.Empty)} batch {batch}{(initialState ? " from h0" : string.Empty)}";
        double worst = Closeness.AssertClose($"{label} hidden", TimeMajor(s => s.H), ort["hidden"].Values, Relative, Floor);
        Assert.Equal([Steps, batch, h], ort["hidden"].Shape);
        worst = Math.Max(worst, Closeness.AssertClose($"{label} Y_h", [.. steps.SelectMany(s => s[^1].H)], ort["Y_h"].Values, Relative, Floor));
        Assert.Equal([1, batch, h], ort["Y_h"].Shape);
        if (v > 0)
        {
            worst = Math.Max(worst, Closeness.AssertClose($"{label} logits", TimeMajor(s => s.Logits!), ort["logits"].Values, Relative, Floor));
            worst = Math.Max(worst, Closeness.AssertClose($"{label} probabilities", TimeMajor(s => s.Probabilities!), ort["probabilities"].Values, Relative, Floor));
        }

        Assert.DoesNotContain("Y_c", ort.Keys);
        output.WriteLine($"{label}: worst error {worst:E2}");
    }

    [Fact]
    public void The_GRU_model_declares_a_hidden_state_only()
    {
        var layout = new CellLayout(RecurrentCellKind.Gru, 3, 4, 2);
        byte[] model = OnnxExport.ToBytes<float>(layout, new float[layout.ParameterCount], new OnnxExportOptions { InitialStateInputs = true });
        using var session = new InferenceSession(model);
        Assert.Equal(["X", "initial_h"], session.InputNames);
        Assert.Equal(["hidden", "Y_h", "logits", "probabilities"], session.OutputNames);
    }

    private static double[] Rounded(double[] values) => [.. values.Select(v => (double)(float)v)];

    private static Vector<double> V(ReadOnlySpan<double> values) => Vector<double>.Build.DenseOfArray(values.ToArray());
}
