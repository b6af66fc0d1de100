using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// The demo's training loop, called directly (no console): the loss on the embedded corpus falls, a seed fixes a run
/// bit for bit, and a run resumed from a checkpoint is the uninterrupted run.
/// </summary>
public sealed class TrainingTests
{
    /// <summary>Steps of the short run: a tenth of the default, about a second for H = 128.</summary>
    private const int ShortSteps = 150;

    /// <summary>The factor by which the short run must divide the loss: first step vs mean of the last 20.</summary>
    private const double RequiredFallFactor = 1.4;

    private static readonly TrainingOptions Short = new() { Steps = ShortSteps, SampleEvery = 0 };

    [Fact]
    public void Loss_on_the_embedded_corpus_falls_by_the_stated_factor()
    {
        using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm128"), Corpus.LoadDefault(), Short);

        IReadOnlyList<double> losses = session.Run(ShortSteps, NullTrainingObserver.Instance);

        Assert.Equal(ShortSteps, losses.Count);
        double uniform = Math.Log(session.Corpus.Vocabulary.Count);
        Assert.InRange(losses[0], uniform - 0.5, uniform + 0.5);          // an untrained model guesses about uniformly
        double tail = losses.Skip(ShortSteps - 20).Average();
        Assert.True(losses[0] / tail >= RequiredFallFactor, $"loss fell from {losses[0]:F3} to {tail:F3} (factor {losses[0] / tail:F2}), expected a factor ≥ {RequiredFallFactor}");
    }

    [Theory]
    [InlineData("lstm128", OptimizerKind.Adam)]
    [InlineData("lstm32", OptimizerKind.Sgd)]
    public void Same_seed_gives_identical_losses_and_parameters_bit_for_bit(string model, OptimizerKind optimizer)
    {
        var options = new TrainingOptions { Steps = 30, Optimizer = optimizer, LearningRate = optimizer == OptimizerKind.Sgd ? 0.1 : 0.01, Seed = 7, SampleEvery = 10, SampleLength = 20 };
        var samples = new List<string>[] { [], [] };
        TrainingSession[] runs = [.. Enumerable.Range(0, 2).Select(k =>
        {
            using TrainingSession session = TrainingSession.Start(ModelCatalog.Find(model), Corpus.LoadDefault(), options);
            session.Run(options.Steps, new RecordingObserver(samples[k]));
            return session;
        })];

        Assert.Equal(Bits(runs[0].Losses), Bits(runs[1].Losses));
        Assert.Equal(Bits(runs[0].Model.Parameters.ToArray()), Bits(runs[1].Model.Parameters.ToArray()));
        Assert.Equal(3, samples[0].Count);
        Assert.Equal(samples[0], samples[1]);
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        double[] Losses(int seed)
        {
            using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), Short with { Seed = seed });
            return [.. session.Run(5, NullTrainingObserver.Instance)];
        }

        Assert.NotEqual(Bits(Losses(1)), Bits(Losses(2)));
    }

    [Fact]
    public void Sampling_during_training_does_not_change_the_losses()
    {
        using TrainingSession quiet = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), Short with { SampleEvery = 0 });
        using TrainingSession chatty = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), Short with { SampleEvery = 3 });

        quiet.Run(12, NullTrainingObserver.Instance);
        chatty.Run(12, NullTrainingObserver.Instance);

        Assert.Equal(Bits(quiet.Losses), Bits(chatty.Losses));
    }

    [Theory]
    [InlineData("lstm128", OptimizerKind.Adam, 40, 1)]
    [InlineData("lstm32", OptimizerKind.Sgd, 40, 1)]
    [InlineData("lstm32", OptimizerKind.Adam, 250, 1)]   // crosses passes over the corpus (6,181 characters = 193 windows)
    [InlineData("lstm32", OptimizerKind.Adam, 60, 4)]    // 4 streams of 1,545 characters = 48 windows: crosses passes too
    public void Resuming_from_a_checkpoint_continues_the_run_bit_for_bit(string model, OptimizerKind optimizer, int steps, int batch)
    {
        var options = new TrainingOptions { Steps = steps, Batch = batch, Optimizer = optimizer, LearningRate = 0.01, Seed = 3, SampleEvery = 0 };
        using TrainingSession straight = TrainingSession.Start(ModelCatalog.Find(model), Corpus.LoadDefault(), options);
        straight.Run(steps, NullTrainingObserver.Instance);

        using TrainingSession first = TrainingSession.Start(ModelCatalog.Find(model), Corpus.LoadDefault(), options);
        first.Run(steps / 2, NullTrainingObserver.Instance);
        byte[] saved = CheckpointFile.ToBytes(first.ToCheckpoint());
        Checkpoint loaded = CheckpointFile.FromBytes(saved, "test");
        using TrainingSession second = TrainingSession.Resume(loaded, Corpus.LoadDefault(new Vocabulary(loaded.Vocabulary)), options with { Seed = 99, SeqLen = 5, Batch = 2 });
        second.Run(steps - (steps / 2), NullTrainingObserver.Instance);

        Assert.Equal(steps, second.Step);
        Assert.Equal(batch, second.Batch);
        Assert.Equal(Bits(straight.Losses), Bits(second.Losses));
        Assert.Equal(Bits(straight.Model.Parameters.ToArray()), Bits(second.Model.Parameters.ToArray()));
        Assert.Equal(CheckpointFile.ToBytes(straight.ToCheckpoint()), CheckpointFile.ToBytes(second.ToCheckpoint()));
    }

    [Fact]
    public void Batched_training_lowers_the_loss_and_is_reproducible()
    {
        var options = new TrainingOptions { Steps = 60, Batch = 8, Seed = 5, SampleEvery = 0 };
        double[] Run()
        {
            using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), options);
            return [.. session.Run(options.Steps, NullTrainingObserver.Instance)];
        }

        double[] losses = Run();

        Assert.Equal(Bits(losses), Bits(Run()));
        Assert.True(losses[0] / losses.Skip(50).Average() >= 1.2, $"loss fell from {losses[0]:F3} to {losses.Skip(50).Average():F3}");
    }

    [Fact]
    public void Batch_too_large_for_the_corpus_is_refused() =>
        Assert.Contains("too few for --batch 200", Assert.Throws<LstmGen.Demo.DemoException>(
            () => TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.FromText("tiny.txt", "abcabc"), Short with { Batch = 200 })).Message, StringComparison.Ordinal);

    [Fact]
    public void Corpus_with_more_distinct_characters_than_the_cell_accepts_is_refused_naming_both_numbers()
    {
        string text = new([.. Enumerable.Range(0, 70).Select(k => (char)('0' + k))]);

        var error = Assert.Throws<LstmGen.Demo.DemoException>(() => TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.FromText("wide.txt", text), Short));

        Assert.Contains("70 distinct characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_allocates_nothing_per_step_after_the_first()
    {
        using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), Short);
        session.Run(2, NullTrainingObserver.Instance);

        long before = GC.GetAllocatedBytesForCurrentThread();
        session.Model.TrainWindow(session.Corpus.Indices.AsSpan(0, 32), session.Corpus.Indices.AsSpan(1, 32));
        session.Optimizer.Step(session.Model.Parameters, session.Model.Gradients);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Smoothed_loss_starts_at_the_first_loss_and_averages_with_weight_a_tenth()
    {
        using TrainingSession session = TrainingSession.Start(ModelCatalog.Find("lstm32"), Corpus.LoadDefault(), Short);
        var progress = new List<TrainingProgress>();

        session.Run(3, new ProgressRecorder(progress));

        // Independent: s1 = l1, s(k) = 0.9·s(k−1) + 0.1·l(k), from the losses the session reports.
        double[] l = [.. progress.Select(p => p.Loss)];
        double[] expected = [l[0], (0.9 * l[0]) + (0.1 * l[1]), (0.9 * ((0.9 * l[0]) + (0.1 * l[1]))) + (0.1 * l[2])];
        Assert.Equal(expected, progress.Select(p => p.SmoothedLoss), (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Abs(a));
    }

    internal static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    internal static int[] Bits(IEnumerable<float> values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private sealed class ProgressRecorder(List<TrainingProgress> progress) : ITrainingObserver
    {
        public void OnStep(in TrainingProgress step) => progress.Add(step);

        public void OnSample(long step, string sample)
        {
        }
    }

    private sealed class RecordingObserver(List<string> samples) : ITrainingObserver
    {
        public void OnStep(in TrainingProgress progress)
        {
        }

        public void OnSample(long step, string sample) => samples.Add(sample);
    }
}
