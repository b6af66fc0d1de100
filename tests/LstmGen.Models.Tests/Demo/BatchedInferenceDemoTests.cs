using LstmGen.Demo.Forecasting;
using LstmGen.Demo.Models;
using LstmGen.Demo.Sampling;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;
using LstmGen.Models;
using static LstmGen.Models.Tests.Demo.InProcessDemo;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// Where the demo uses batched inference without caches: <c>sample --count</c> steps every stream at once and gives each
/// stream exactly the text of a single sample with its seed; <c>forecast</c> evaluates the held-out windows as one batch
/// of streaming steps and forecasts exactly what the batched forward with caches (the evaluation before) forecast.
/// </summary>
public sealed class BatchedInferenceDemoTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-infer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Sample_count_writes_each_stream_as_the_single_sample_of_its_seed()
    {
        (int code, string output, string error) = Run(["train", "--model", "lstm32", "--steps", "2", "--seq-len", "16", "--sample-every", "0", "--out", _directory]);
        Assert.True(code == 0, output + error);
        string path = Path.Combine(_directory, "lstm32.ckpt");
        (code, output, error) = Run(["sample", "--checkpoint", path, "--prompt", "The sea", "--length", "30", "--seed", "5", "--count", "3"]);
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n');
        for (int i = 0; i < 3; i++)
        {
            string single = Run(["sample", "--checkpoint", path, "--prompt", "The sea", "--length", "30", "--seed", $"{5 + i}"]).Output;
            int at = Array.IndexOf(lines, $"--- sample {i + 1} of 3 (seed {5 + i}) ---");
            Assert.True(at >= 0, output);
            Assert.Equal(single.TrimEnd('\n'), string.Join('\n', lines.Skip(at + 1).TakeWhile(line => !line.StartsWith("--- sample ", StringComparison.Ordinal))).TrimEnd('\n'));
        }

        (code, _, error) = Run(["sample", "--checkpoint", path, "--count", "65"]);
        Assert.NotEqual(0, code);
        Assert.Contains("--count must be between 1 and 64, got 65.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lstm32", 0.8)]
    [InlineData("lstm128", 1.0)]
    [InlineData("lstm128", 0.0)]
    public void Streams_sampled_together_are_the_single_samples_of_their_seeds(string name, double temperature)
    {
        const int count = 6, seed = 9;
        using CharModel model = ModelCatalog.Find(name).Create(1, count, 1);
        model.Initialise(new Random(5));
        var vocabulary = Vocabulary.FromText(Corpus.LoadDefault().Text);
        string[] together = Sampler.GenerateStreams(model, vocabulary, "The ", 60, temperature, seed, count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(Sampler.Generate(model, vocabulary, "The ", 60, temperature, new Random(seed + i)), together[i]);
        }

        if (temperature > 0)
        {
            Assert.True(together.Distinct().Count() > 1, "the streams' seeds differ, so should some of their texts");
        }
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Forecast_evaluation_by_streaming_steps_equals_the_batched_forward(string cell)
    {
        ForecastSession session = ForecastSession.Start(MonthlySeries.LoadDefault(), new ForecastOptions { Cell = cell, Steps = 20 });
        session.Run(20, NullTrainingObserver.Instance);
        ForecastResult result = session.Evaluate();

        // The evaluation before batched inference: one Forward over the windows, writing every cache.
        ForecastWindows windows = session.Windows;
        RecurrentModel<float> model = session.Model;
        int m = windows.TestMonths, l = windows.WindowLength, first = windows.FirstTestMonth, w = model.OutputWidth;
        float[] xs = new float[l * m * ForecastWindows.Features], targets = new float[l * m], y = new float[1];
        windows.Write([.. Enumerable.Range(first, m)], xs, targets);
        ModelWorkspace<float> workspace = model.CreateWorkspace(l, m);
        model.Forward(session.Parameters, xs, m, lengths: default, initial: default, final: default, workspace);
        for (int b = 0; b < m; b++)
        {
            model.HeadForward(session.Parameters, workspace.Outputs.Slice((((l - 1) * m) + b) * w, w), y);
            Assert.Equal(BitConverter.DoubleToInt64Bits(windows.Forecast(first + b, y[0])), BitConverter.DoubleToInt64Bits(result.Model[b]));
        }
    }
}
