using System.Diagnostics;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Models;
using LstmGen.Demo.Sampling;
using LstmGen.Demo.Text;

namespace LstmGen.Demo.Training;

/// <summary>
/// A character model being trained on a corpus with truncated BPTT, as min-char-rnn does: step s takes the window of
/// <see cref="TrainingOptions.SeqLen"/> characters at position (s mod W)·L (W windows fit in the corpus), predicts each
/// next character, carries the LSTM state into the next window, resets it to zero at the start of each pass, clips
/// the gradient's global norm, and updates θ with Adam or SGD. With <see cref="TrainingOptions.Batch"/> m > 1 the
/// corpus is cut into m streams of S = ⌊(N − 1)/m⌋ characters, and each step trains window (s mod W) of every stream
/// (at b·S + (s mod W)·L) as one time-major batch, each stream carrying its own state. Everything is seeded and the batch's shards are
/// reduced in a fixed order, so the same options and thread count give the same losses bit for bit (another thread
/// count changes the order of sums only), and a run resumed from a checkpoint continues exactly where it stopped.
/// No console: progress goes to an <see cref="ITrainingObserver"/>.
/// </summary>
public sealed class TrainingSession : ITrainingRun, IDisposable
{
    private readonly List<double> _losses;
    private readonly int[] _windowInputs;
    private readonly int[] _windowTargets;
    private double _smoothed;

    private TrainingSession(ModelEntry entry, CharModel model, Corpus corpus, TrainingOptions options, ParameterOptimizer optimizer, long step, List<double> losses)
    {
        Entry = entry;
        Model = model;
        Corpus = corpus;
        Options = options;
        Optimizer = optimizer;
        Step = step;
        _losses = losses;
        Batch = options.Batch;
        StreamLength = StreamLengthOf(corpus, options.Batch);
        SeqLen = Math.Min(options.SeqLen, StreamLength);
        WindowsPerPass = StreamLength / SeqLen;
        _windowInputs = new int[SeqLen * Batch];
        _windowTargets = new int[SeqLen * Batch];
        _smoothed = double.NaN;
        foreach (double loss in losses)
        {
            _smoothed = Smooth(_smoothed, loss);
        }
    }

    /// <summary>The model's catalogue entry.</summary>
    public ModelEntry Entry { get; }

    /// <summary>The model being trained.</summary>
    public CharModel Model { get; }

    /// <summary>The corpus.</summary>
    public Corpus Corpus { get; }

    /// <summary>The hyper-parameters.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The optimiser and its state.</summary>
    public ParameterOptimizer Optimizer { get; }

    /// <summary>Steps completed (including those before a resume).</summary>
    public long Step { get; private set; }

    /// <summary>The window length actually used: <see cref="TrainingOptions.SeqLen"/>, or less for a corpus shorter than it.</summary>
    public int SeqLen { get; }

    /// <summary>m: the number of streams trained at once.</summary>
    public int Batch { get; }

    /// <summary>S: the characters of each stream (all of the corpus but its last character when m = 1).</summary>
    public int StreamLength { get; }

    /// <summary>W: the number of windows in one pass over the corpus.</summary>
    public int WindowsPerPass { get; }

    /// <summary>The loss per character (nats) of every step so far, including those before a resume.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The threads each step trains on: <see cref="TrainingOptions.Threads"/>, at most one per stream.</summary>
    public int Threads => Math.Min(Options.Threads, Batch);

    /// <summary>Stops the model's training threads.</summary>
    public void Dispose() => Model.Dispose();

    /// <summary>Starts a run: a fresh model initialised from <see cref="TrainingOptions.Seed"/>.</summary>
    /// <exception cref="DemoException">The options are out of range, or the corpus's vocabulary is too large for the model.</exception>
    public static TrainingSession Start(ModelEntry entry, Corpus corpus, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        corpus.RequireFits(entry.Name, entry.Vocabulary);
        CharModel model = entry.Create(Math.Min(options.SeqLen, StreamLengthOf(corpus, options.Batch)), options.Batch, options.Threads);
        model.Initialise(new Random(options.Seed));
        ParameterOptimizer optimizer = ParameterOptimizer.Create(options.Optimizer, model.ParameterCount, options.LearningRate);
        return new TrainingSession(entry, model, corpus, options, optimizer, step: 0, losses: []);
    }

    /// <summary>Continues the run saved in <paramref name="checkpoint"/> on <paramref name="corpus"/> (encoded with the
    /// checkpoint's vocabulary). The model, window length, optimiser, learning rate, clipping and seed come from the
    /// checkpoint; <paramref name="steps"/> and the sampling options from <paramref name="options"/>.</summary>
    public static TrainingSession Resume(Checkpoint checkpoint, Corpus corpus, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        ModelEntry entry = ModelCatalog.Find(checkpoint.ModelName);
        TrainingOptions resumed = options with
        {
            SeqLen = checkpoint.SeqLen,
            Batch = checkpoint.Batch,
            Optimizer = checkpoint.Optimizer,
            LearningRate = checkpoint.LearningRate,
            ClipNorm = checkpoint.ClipNorm,
            Seed = checkpoint.Seed,
        };
        resumed.Validate();
        if (StreamLengthOf(corpus, checkpoint.Batch) < checkpoint.SeqLen)
        {
            throw new DemoException($"The corpus {corpus.Name} has {corpus.Indices.Length} characters, too few for the checkpoint's {checkpoint.Batch} stream(s) of windows of {checkpoint.SeqLen}.");
        }

        CharModel model = entry.Create(checkpoint.SeqLen, checkpoint.Batch, resumed.Threads);
        checkpoint.Parameters.CopyTo(model.Parameters);
        model.RestoreTrainingState(checkpoint.TrainingState);
        ParameterOptimizer optimizer = ParameterOptimizer.Create(checkpoint.Optimizer, model.ParameterCount, checkpoint.LearningRate);
        if (optimizer is AdamOptimizer adam)
        {
            adam.State.Restore(checkpoint.AdamStepCount, checkpoint.AdamFirstMoment, checkpoint.AdamSecondMoment);
        }

        return new TrainingSession(entry, model, corpus, resumed, optimizer, checkpoint.Step, [.. checkpoint.Losses]);
    }

    /// <summary>Runs <paramref name="steps"/> more steps, reporting to <paramref name="observer"/>.</summary>
    /// <returns>The loss per character of each step run by this call.</returns>
    public IReadOnlyList<double> Run(int steps, ITrainingObserver observer, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentNullException.ThrowIfNull(observer);
        long last = Step + steps;
        int first = _losses.Count;
        var clock = Stopwatch.StartNew();
        long characters = 0;
        while (Step < last && !cancellation.IsCancellationRequested)
        {
            double loss = TrainOneWindow();
            characters += SeqLen * Batch;
            double seconds = clock.Elapsed.TotalSeconds;
            observer.OnStep(new TrainingProgress(Step, last, loss, _smoothed, seconds > 0 ? characters / seconds : 0, SeqLen * Batch));
            if (Options.SampleEvery > 0 && Step % Options.SampleEvery == 0)
            {
                observer.OnSample(Step, Sample(prompt: string.Empty, Options.SampleLength, Options.Temperature, SampleSeed(Options.Seed, Step)));
            }
        }

        return _losses.GetRange(first, _losses.Count - first);
    }

    /// <summary>Text from the model as it is now (its training state is left alone).</summary>
    public string Sample(string prompt, int length, double temperature, int seed) =>
        Sampler.Generate(Model, Corpus.Vocabulary, prompt, length, temperature, new Random(seed));

    /// <summary>The seed of the sample taken after <paramref name="step"/>: fixed by the run's seed and the step, and
    /// separate from training, so sampling never changes the losses.</summary>
    public static int SampleSeed(int seed, long step) => (int)(((seed * 1_000_003L) + step) & int.MaxValue);

    /// <summary>The run as a checkpoint.</summary>
    public Checkpoint ToCheckpoint()
    {
        float[] state = new float[Model.StateLength];
        Model.SaveTrainingState(state);
        var adam = (Optimizer as AdamOptimizer)?.State;
        return new Checkpoint
        {
            ModelName = Entry.Name,
            InputSize = Model.InputSize,
            HiddenSize = Model.HiddenSize,
            OutputSize = Model.OutputSize,
            Vocabulary = Corpus.Vocabulary.Characters,
            Optimizer = Optimizer.Kind,
            LearningRate = Optimizer.LearningRate,
            SeqLen = SeqLen,
            Batch = Batch,
            ClipNorm = Options.ClipNorm,
            Seed = Options.Seed,
            Step = Step,
            Parameters = Model.Parameters.ToArray(),
            AdamStepCount = adam?.StepCount ?? 0,
            AdamFirstMoment = adam?.FirstMoment.ToArray() ?? [],
            AdamSecondMoment = adam?.SecondMoment.ToArray() ?? [],
            TrainingState = state,
            Losses = [.. _losses],
        };
    }

    private double TrainOneWindow()
    {
        int window = (int)(Step % WindowsPerPass);
        if (window == 0)
        {
            Model.ResetTrainingState();
        }

        ReadOnlySpan<int> data = Corpus.Indices;
        double loss;
        if (Batch == 1)
        {
            int start = window * SeqLen;
            data.Slice(start, SeqLen).CopyTo(_windowInputs);
            data.Slice(start + 1, SeqLen).CopyTo(_windowTargets);
            loss = Model.TrainWindow(_windowInputs, _windowTargets) / (double)SeqLen;
        }
        else
        {
            for (int b = 0; b < Batch; b++)
            {
                int start = (b * StreamLength) + (window * SeqLen);
                for (int t = 0; t < SeqLen; t++)
                {
                    _windowInputs[(t * Batch) + b] = data[start + t];
                    _windowTargets[(t * Batch) + b] = data[start + t + 1];
                }
            }

            loss = Model.TrainBatch(_windowInputs, _windowTargets, Batch) / (double)SeqLen;
        }

        if (!double.IsFinite(loss))
        {
            throw new DemoException($"The loss became {loss} at step {Step + 1}: lower --lr or set --clip.");
        }

        if (Options.ClipNorm > 0)
        {
            GradientClipping.ClipByGlobalNorm(Model.Gradients, (float)Options.ClipNorm);
        }

        Optimizer.Step(Model.Parameters, Model.Gradients);
        Step++;
        _losses.Add(loss);
        _smoothed = Smooth(_smoothed, loss);
        return loss;
    }

    /// <summary>S = ⌊(N − 1)/m⌋, the characters of each of m streams.</summary>
    /// <exception cref="DemoException">The corpus is too short to give each stream a character and its successor.</exception>
    private static int StreamLengthOf(Corpus corpus, int batch)
    {
        int length = (corpus.Indices.Length - 1) / batch;
        return length >= 1
            ? length
            : throw new DemoException($"The corpus {corpus.Name} has {corpus.Indices.Length} characters, too few for --batch {batch}: each stream needs at least two.");
    }

    /// <summary>The moving average after <paramref name="loss"/>: the first loss itself (<paramref name="smoothed"/> is NaN
    /// before any step), then 0.9·previous + 0.1·loss.</summary>
    private static double Smooth(double smoothed, double loss) => double.IsNaN(smoothed) ? loss : (0.9 * smoothed) + (0.1 * loss);
}
