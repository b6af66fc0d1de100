using Microsoft.ML.OnnxRuntime;

namespace LstmGen.Onnx.Tests.Support;

/// <summary>
/// Runs an exported (float) model in ONNX Runtime (CPU) at the given graph optimisation level and returns every graph
/// output widened to double, with its shape.
/// </summary>
internal static class OrtRunner
{
    public static IReadOnlyDictionary<string, (double[] Values, long[] Shape)> Run(
        byte[] model,
        GraphOptimizationLevel optimization,
        double[] x,
        long[] xShape,
        double[]? h0 = null,
        double[]? c0 = null,
        long[]? stateShape = null)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = optimization };
        using var session = new InferenceSession(model, options);
        var names = new List<string> { OnnxGraphNames.Input };
        var values = new List<OrtValue> { Tensor(x, xShape) };
        if (h0 is not null)
        {
            names.Add(OnnxGraphNames.InitialHidden);
            values.Add(Tensor(h0, stateShape!));
        }

        if (c0 is not null)
        {
            names.Add(OnnxGraphNames.InitialCell);
            values.Add(Tensor(c0, stateShape!));
        }

        try
        {
            string[] outputNames = [.. session.OutputNames];
            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, names, values, outputNames);
            var result = new Dictionary<string, (double[] Values, long[] Shape)>(StringComparer.Ordinal);
            for (int k = 0; k < outputNames.Length; k++)
            {
                OrtValue output = outputs[k];
                long[] shape = output.GetTensorTypeAndShape().Shape;
                double[] widened = [.. output.GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v)];
                result[outputNames[k]] = (widened, shape);
            }

            return result;
        }
        finally
        {
            foreach (OrtValue value in values)
            {
                value.Dispose();
            }
        }
    }

    private static OrtValue Tensor(double[] values, long[] shape) =>
        OrtValue.CreateTensorValueFromMemory([.. values.Select(v => (float)v)], shape);
}
