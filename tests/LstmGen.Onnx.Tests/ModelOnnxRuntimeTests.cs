using LstmGen.Models;
using LstmGen.Onnx.Tests.Support;
using LstmGen.Reference;
using LstmGen.Reference.Models;
using LstmGen.Tests.Shared;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace LstmGen.Onnx.Tests;

/// <summary>
/// Models exported by <see cref="OnnxModelExport"/> (one LSTM/GRU/RNN node per layer, bidirectional layers, Y reshaped to
/// [T, m, directions·H] between layers, the head) and run by ONNX Runtime reproduce the independent MathNet reference model
/// on the same flat <see cref="ModelLayout"/> parameters: the top layer's outputs, every layer's final states, the head's
/// output (and probabilities). 2-layer bidirectional LSTM + linear head, 2-layer GRU + softmax head, bidirectional RNN →
/// LSTM; T = 6, batches of 1 and 3, from zero and from random initial states. The generated model's own forward pass
/// (<see cref="RecurrentModel{T}.Forward"/> and its head) is held to the same tolerance against ONNX Runtime.
/// </summary>
/// <remarks>
/// Tolerance as <see cref="GruOnnxRuntimeTests"/>: <c>|ort − reference| ≤ 1e-5 · max(|reference|, 0.1)</c>. The reference
/// runs in double on the float-rounded weights, inputs and states the model holds, so only ONNX Runtime's float arithmetic
/// (about 1e-7 per operation, a few hundred operations deep through two layers) differs. Measured worst: printed per case.
/// </remarks>
public sealed class ModelOnnxRuntimeTests(ITestOutputHelper output)
{
    private const int Steps = 6;
    private const double Relative = 1e-5;
    private const double Floor = 0.1;

    private static readonly Dictionary<string, Func<RecurrentModel<double>>> Models = new(StringComparer.Ordinal)
    {
        ["2-layer bidirectional LSTM, linear head"] = () => new([Layer("InteropLstm3x4D", true), Layer("InteropLstm8x4D", true)], OutputHead.Linear, 2),
        ["2-layer GRU, softmax head"] = () => new([Layer("InteropGru3x5D"), Layer("InteropGru5x5D")], OutputHead.Softmax, 3),
        ["bidirectional RNN → LSTM, no head"] = () => new([Layer("InteropRnn3x4D", true), Layer("InteropLstm8x4D")]),
        ["2-layer bias-free GRU, linear head (no B inputs)"] = () => new([Layer("InteropNoBiasGru3x5D"), Layer("InteropNoBiasGru5x5D")], OutputHead.Linear, 2),
    };

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (string model in Models.Keys)
        {
            foreach (int batch in new[] { 1, 3 })
            {
                data.Add(model, batch, false);
                data.Add(model, batch, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_reproduces_the_reference_model(string name, int batch, bool initialState)
    {
        RecurrentModel<double> model = Models[name]();
        ModelLayout layout = model.Layout;
        double[] theta = Rounded(Seeded.Uniform(seed: name.Length, layout.ParameterCount, 0.5));
        double[] x = Rounded(Seeded.Uniform(seed: 100 + batch, Steps * batch * model.InputSize, 1.0));
        byte[] onnx = OnnxModelExport.ToBytes<double>(layout, theta, new OnnxExportOptions { InitialStateInputs = initialState });

        // Initial states per layer [directions, m, H], i.e. per block [m, H] in block order.
        var feeds = new Dictionary<string, (double[] Values, long[] Shape)> { [OnnxGraphNames.Input] = (x, [Steps, batch, model.InputSize]) };
        var h0 = new List<double[]>();
        var c0 = new List<double[]>();
        for (int k = 0; k < layout.Cells.Count && initialState; k++)
        {
            int dirs = layout.Directions[k], h = layout.Cells[k].HiddenSize;
            double[] hk = Rounded(Seeded.Uniform(seed: 200 + k, dirs * batch * h, 0.5)), ck = Rounded(Seeded.Uniform(seed: 300 + k, dirs * batch * h, 0.5));
            feeds[OnnxGraphNames.InitialHiddenOf(k)] = (hk, [dirs, batch, h]);
            for (int d = 0; d < dirs; d++)
            {
                h0.Add(hk[(d * batch * h)..((d + 1) * batch * h)]);
                c0.Add(ck[(d * batch * h)..((d + 1) * batch * h)]);
            }

            if (layout.Cells[k].Kind == RecurrentCellKind.Lstm)
            {
                feeds[OnnxGraphNames.InitialCellOf(k)] = (ck, [dirs, batch, h]);
            }
        }

        var ort = Run(onnx, feeds);

        ReferenceModel reference = ModelReferenceLayout.ToReference(layout, theta);
        var runs = new ModelRun[batch];
        for (int b = 0; b < batch; b++)
        {
            int s = b;
            Vector<double>[] inputs = [.. Enumerable.Range(0, Steps).Select(t => V(x.AsSpan(((t * batch) + s) * model.InputSize, model.InputSize)))];
            IReadOnlyList<Vector<double>>? State(List<double[]> blocks) => initialState
                ? [.. blocks.Select((v, k) => V(v.AsSpan(s * reference.Blocks[k].HiddenSize, reference.Blocks[k].HiddenSize)))]
                : null;
            ModelTargets targets = layout.Output == OutputHead.Softmax
                ? new ModelClassTargets(new int[Steps])
                : new ModelSquaredErrorTargets([.. Enumerable.Repeat(Vector<double>.Build.Dense(reference.Wy?.RowCount ?? reference.OutputWidth), Steps)]);
            runs[b] = reference.Forward(new ModelSequence(inputs, targets, State(h0), State(c0)));
        }

        double[] TimeMajor(Func<ModelRun, int, Vector<double>> pick) =>
            [.. from t in Enumerable.Range(0, Steps) from b in Enumerable.Range(0, batch) from value in pick(runs[b], t) select value];

        string label = $"{name}, batch {batch}{(initialState ? ", from initial states" : string.Empty)}";
        double worst = Compare($"{label} hidden", TimeMajor((r, t) => r.Outputs[t]), ort[OnnxGraphNames.Hidden], [Steps, batch, model.OutputWidth]);
        int block = 0;
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            int dirs = layout.Directions[k], first = block;
            double[] States(Func<ModelRun, int, Vector<double>> pick) =>
                [.. from d in Enumerable.Range(0, dirs) from b in Enumerable.Range(0, batch) from value in pick(runs[b], first + d) select value];
            long[] shape = [dirs, batch, layout.Cells[k].HiddenSize];
            worst = Math.Max(worst, Compare($"{label} Y_h_l{k}", States((r, i) => r.FinalH[i]), ort[OnnxGraphNames.FinalHiddenOf(k)], shape));
            if (layout.Cells[k].Kind == RecurrentCellKind.Lstm)
            {
                worst = Math.Max(worst, Compare($"{label} Y_c_l{k}", States((r, i) => r.FinalC[i]!), ort[OnnxGraphNames.FinalCellOf(k)], shape));
            }

            block += dirs;
        }

        long[] headShape = [Steps, batch, model.OutputSize];
        if (layout.Output == OutputHead.Softmax)
        {
            worst = Math.Max(worst, Compare($"{label} logits", TimeMajor((r, t) => r.HeadOutputs[t]), ort[OnnxGraphNames.Logits], headShape));
            worst = Math.Max(worst, Compare($"{label} probabilities", TimeMajor((r, t) => ReferenceMath.Softmax(r.HeadOutputs[t])), ort[OnnxGraphNames.Probabilities], headShape));
        }
        else if (layout.Output == OutputHead.Linear)
        {
            worst = Math.Max(worst, Compare($"{label} prediction", TimeMajor((r, t) => r.HeadOutputs[t]), ort[OnnxGraphNames.Prediction], headShape));
        }

        // And the generated model itself (RecurrentModel over generated cells) on the same parameters, inputs and states.
        ModelWorkspace<double> workspace = model.CreateWorkspace(Steps, batch);
        model.Forward(theta, x, batch, [], initialState ? ModelStates(layout, batch, h0, c0) : [], [], workspace);
        worst = Math.Max(worst, Compare($"{label} hidden (generated model)", workspace.Outputs.ToArray(), ort[OnnxGraphNames.Hidden], [Steps, batch, model.OutputWidth]));
        if (layout.Output != OutputHead.None)
        {
            double[] heads = new double[Steps * batch * model.OutputSize];
            for (int row = 0; row < Steps * batch; row++)
            {
                model.HeadForward(theta, workspace.Outputs.Slice(row * model.OutputWidth, model.OutputWidth), heads.AsSpan(row * model.OutputSize, model.OutputSize));
            }

            string headName = layout.Output == OutputHead.Softmax ? OnnxGraphNames.Logits : OnnxGraphNames.Prediction;
            worst = Math.Max(worst, Compare($"{label} {headName} (generated model)", heads, ort[headName], headShape));
        }

        output.WriteLine($"{label}: worst error {worst:E2}");
    }

    // ONNX's per-layer states [directions, m, H], as blocks in block order, → the model's state: block (k, d) at
    // StateOffset(k, d, m), each sequence's [h | c] (LSTM) or h.
    private static double[] ModelStates(ModelLayout layout, int m, List<double[]> h0, List<double[]> c0)
    {
        double[] states = new double[m * layout.StateLength];
        int block = 0;
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            int h = layout.Cells[k].HiddenSize, s = layout.CellStateLength(k);
            for (int d = 0; d < layout.Directions[k]; d++, block++)
            {
                int offset = layout.StateOffset(k, d, m);
                for (int b = 0; b < m; b++)
                {
                    h0[block].AsSpan(b * h, h).CopyTo(states.AsSpan(offset + (b * s), h));
                    if (s == 2 * h)
                    {
                        c0[block].AsSpan(b * h, h).CopyTo(states.AsSpan(offset + (b * s) + h, h));
                    }
                }
            }
        }

        return states;
    }

    [Fact]
    public void The_model_declares_per_layer_states_and_its_head_s_outputs()
    {
        RecurrentModel<double> model = Models["2-layer bidirectional LSTM, linear head"]();
        byte[] onnx = OnnxModelExport.ToBytes<double>(model.Layout, new double[model.ParameterCount], new OnnxExportOptions { InitialStateInputs = true });
        using var session = new InferenceSession(onnx);
        Assert.Equal(["X", "initial_h_l0", "initial_c_l0", "initial_h_l1", "initial_c_l1"], session.InputNames);
        Assert.Equal(["hidden", "Y_h_l0", "Y_c_l0", "Y_h_l1", "Y_c_l1", "prediction"], session.OutputNames);
        Assert.Equal(onnx, OnnxModelExport.ToBytes<double>(model.Layout, new double[model.ParameterCount], new OnnxExportOptions { InitialStateInputs = true }));
    }

    private static double Compare(string what, double[] expected, (double[] Values, long[] Shape) actual, long[] shape)
    {
        Assert.Equal(shape, actual.Shape);
        return Closeness.AssertClose(what, expected, actual.Values, Relative, Floor);
    }

    private static Dictionary<string, (double[] Values, long[] Shape)> Run(byte[] onnx, Dictionary<string, (double[] Values, long[] Shape)> feeds)
    {
        using var session = new InferenceSession(onnx, new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });
        OrtValue[] values = [.. feeds.Values.Select(f => OrtValue.CreateTensorValueFromMemory([.. f.Values.Select(v => (float)v)], f.Shape))];
        try
        {
            string[] names = [.. session.OutputNames];
            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [.. feeds.Keys], values, names);
            return names.Select((n, k) => (n, outputs[k])).ToDictionary(
                p => p.n, p => ((double[])[.. p.Item2.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v)], p.Item2.GetTensorTypeAndShape().Shape));
        }
        finally
        {
            foreach (OrtValue value in values)
            {
                value.Dispose();
            }
        }
    }

    private static ModelLayer<double> Layer(string cell, bool bidirectional = false) => new(CellCatalog.Get<double>(cell), bidirectional);

    private static double[] Rounded(double[] values) => [.. values.Select(v => (double)(float)v)];

    private static Vector<double> V(ReadOnlySpan<double> values) => Vector<double>.Build.DenseOfArray(values.ToArray());
}
