using LstmGen.Onnx.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace LstmGen.Onnx.Tests;

/// <summary>
/// The exported model, run by ONNX Runtime's own LSTM / RNN, MatMul, Add and Softmax kernels, must reproduce the
/// generated forward pass (<c>ForwardSequenceBatch</c>, <c>HeadForward</c>, <c>Softmax</c>): hidden sequence, final
/// states, logits and probabilities, over T = 7 steps, for batches of 1 and 3, from zero and from random initial states.
/// </summary>
/// <remarks>
/// Tolerance: <c>|ort − generated| ≤ rel · max(|generated|, 0.1)</c>, with rel = 1e-5: the model computes in float,
/// also for a double cell, whose reference is the generated double forward with the unrounded weights. Hidden states, cell states and probabilities are O(0.1..1) and are compared relatively; below 0.1 the
/// bound becomes absolute (1e-6 for float), because such values come out of sums of D + H terms of size ~0.1..1 (the
/// pre-activations), whose rounding (a few float ulps of 1, ~1e-7 each) does not shrink with the result.
/// </remarks>
public sealed class OnnxRuntimeAgreementTests(ITestOutputHelper output)
{
    private const int Steps = 7;
    private const double Floor = 0.1;

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        string[] cells =
        [
            nameof(LstmD3H5V4Float), nameof(LstmD10H33V7Float), nameof(LstmD4H16Float),
            nameof(RnnD3H5V4Float), nameof(RnnD10H33Float), nameof(LstmD4H6V3Double), nameof(RnnD4H6V3Double),
            nameof(LinearLstm3x5V2Float), nameof(LinearRnn10x40V4Double), nameof(LinearGru4x9V3Double),

            // Bias-free cells: no B initializer, the operator's B input omitted.
            nameof(NoBiasLstm10x15Simd), nameof(NoBiasLstm5x33FloatSimd), nameof(NoBiasRnn3x4Loops), nameof(NoBiasGru5x33Head7Simd),
        ];
        foreach (string cell in cells)
        {
            foreach (int batch in new[] { 1, 3 })
            {
                data.Add(cell, batch, false);
                data.Add(cell, batch, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_reproduces_the_generated_forward_pass(string cell, int batch, bool initialState)
    {
        ICellRunner runner = Runners.Get(cell);
        CellLayout layout = runner.Layout;
        int d = layout.InputSize;
        int h = layout.HiddenSize;
        bool lstm = layout.Kind == RecurrentCellKind.Lstm;

        // PyTorch's initialisation scale, uniform in ±1/√H; inputs in ±1; initial states in ±0.5 (h) and ±1 (c).
        double[] theta = Seeded.Uniform(seed: 1 + h, layout.ParameterCount, 1 / Math.Sqrt(h));
        double[] x = Seeded.Uniform(seed: 100 + batch, Steps * batch * d, 1.0);
        double[]? h0 = initialState ? Seeded.Uniform(seed: 200 + batch, batch * h, 0.5) : null;
        double[]? c0 = initialState && lstm ? Seeded.Uniform(seed: 300 + batch, batch * h, 1.0) : null;

        GeneratedRun expected = runner.Run(theta, x, batch, h0, c0);
        byte[] model = runner.Export(theta, new OnnxExportOptions { InitialStateInputs = initialState });

        // As written (ORT's LSTM/RNN, Squeeze, MatMul, Add, Softmax kernels) and as users run it (default: all
        // optimisations, which may fuse the head).
        foreach (GraphOptimizationLevel level in new[] { GraphOptimizationLevel.ORT_DISABLE_ALL, GraphOptimizationLevel.ORT_ENABLE_ALL })
        {
            var actual = OrtRunner.Run(model, level, x, [Steps, batch, d], h0, c0, [1, batch, h]);
            output.WriteLine($"{cell} batch {batch} initial state {initialState} {level}: worst error {Compare(expected, actual, layout)}");
        }
    }

    private static string Compare(GeneratedRun expected, IReadOnlyDictionary<string, (double[] Values, long[] Shape)> actual, CellLayout layout)
    {
        const double Relative = 1e-5; // the model computes in float, also for a double cell (see OnnxExport)
        int steps = Steps;
        long batch = actual[OnnxGraphNames.FinalHidden].Shape[1];
        int h = layout.HiddenSize;
        Assert.Equal([steps, batch, h], actual[OnnxGraphNames.Hidden].Shape);
        Assert.Equal([1, batch, h], actual[OnnxGraphNames.FinalHidden].Shape);
        var worst = new List<string>
        {
            Report("hidden", expected.Hidden, actual[OnnxGraphNames.Hidden].Values, Relative),
            Report("Y_h", expected.FinalH, actual[OnnxGraphNames.FinalHidden].Values, Relative),
        };
        if (layout.Kind == RecurrentCellKind.Lstm)
        {
            Assert.Equal([1, batch, h], actual[OnnxGraphNames.FinalCell].Shape);
            worst.Add(Report("Y_c", expected.FinalC, actual[OnnxGraphNames.FinalCell].Values, Relative));
        }
        else
        {
            Assert.False(actual.ContainsKey(OnnxGraphNames.FinalCell));
        }

        if (layout.Head == OutputHead.Linear)
        {
            // A linear head: MatMul and Add only, its output y compared with the generated HeadForward; no softmax.
            Assert.Equal([steps, batch, layout.OutputSize], actual[OnnxGraphNames.Prediction].Shape);
            worst.Add(Report("prediction", expected.Logits, actual[OnnxGraphNames.Prediction].Values, Relative));
            Assert.False(actual.ContainsKey(OnnxGraphNames.Probabilities));
            Assert.False(actual.ContainsKey(OnnxGraphNames.Logits));
        }
        else if (layout.HasHead)
        {
            Assert.Equal([steps, batch, layout.OutputSize], actual[OnnxGraphNames.Probabilities].Shape);
            worst.Add(Report("logits", expected.Logits, actual[OnnxGraphNames.Logits].Values, Relative));
            worst.Add(Report("probabilities", expected.Probabilities, actual[OnnxGraphNames.Probabilities].Values, Relative));
        }
        else
        {
            Assert.False(actual.ContainsKey(OnnxGraphNames.Probabilities));
        }

        return string.Join(", ", worst);
    }

    private static string Report(string name, double[] expected, double[] actual, double relative)
    {
        double worst = Closeness.AssertClose(name, expected, actual, relative, Floor);
        double pureRelative = expected.Zip(actual, (e, a) => Math.Abs(a - e) / Math.Abs(e)).Where(double.IsFinite).Max();
        double absolute = expected.Zip(actual, (e, a) => Math.Abs(a - e)).Max();
        return $"{name} {worst:E2} (plain relative {pureRelative:E2}, absolute {absolute:E2})";
    }
}
