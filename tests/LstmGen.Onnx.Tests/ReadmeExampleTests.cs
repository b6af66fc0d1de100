using Microsoft.ML.OnnxRuntime;
using CharLstm = LstmGen.TestCells.OnnxReadmeCharLstm;

namespace LstmGen.Onnx.Tests;

/// <summary>
/// The README's "Export to ONNX" code, as written there (export, then run in ONNX Runtime from C#), checked against the
/// generated streaming <c>Step</c> with its softmax probabilities.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Readme_export_and_onnx_runtime_example_runs_and_matches_the_streaming_step()
    {
        var p = new CharLstm.Parameters();
        var random = new Random(3);
        foreach (ref float w in p.AsSpan())
        {
            w = (float)((random.NextDouble() - 0.5) * 0.5);
        }

        string directory = Path.Combine(Path.GetTempPath(), $"lstmgen-readme-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "char_lstm.onnx");
        try
        {
            // --- README ---
            OnnxExport.Save(path, CharLstm.Layout, p.AsSpan());

            using var session = new InferenceSession(path);
            float[] x = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];                    // T = 3 one-hot steps, batch 1, D = 4
            using var input = OrtValue.CreateTensorValueFromMemory(x, [3, 1, CharLstm.InputSize]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["X"], [input], ["probabilities"]);
            ReadOnlySpan<float> probabilities = outputs[0].GetTensorDataAsSpan<float>();  // [T, batch, V]
            // --- end README ---

            Assert.Equal(3 * CharLstm.OutputSize, probabilities.Length);
            CharLstm.State state = CharLstm.State.Zero;
            for (int t = 0; t < 3; t++)
            {
                state = CharLstm.Step(p, Vec4<float>.FromSpan(x.AsSpan(t * 4, 4)), state, out Vec4<float> expected);
                for (int k = 0; k < CharLstm.OutputSize; k++)
                {
                    float actual = probabilities[(t * CharLstm.OutputSize) + k];
                    Assert.True(Math.Abs(actual - expected[k]) <= 1e-5 * Math.Max(expected[k], 0.1f), $"step {t} class {k}: {actual} vs {expected[k]}");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
