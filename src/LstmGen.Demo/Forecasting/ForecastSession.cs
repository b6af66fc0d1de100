using System.Diagnostics;
using LstmGen.Demo.Training;
using LstmGen.Models;

namespace LstmGen.Demo.Forecasting;

/// <summary>
/// A two-layer forecaster being trained on a series' windows, many-to-one: each step draws m training windows (a pure
/// function of the seed and the step, so a resumed run draws what the uninterrupted one would), runs the model over
/// them with dropout between the layers, puts the squared error on the last step's linear output only (mean over the
/// batch), backpropagates through both layers, clips the gradient's global norm and takes an Adam step. Everything is
/// sequential and seeded: the same options give the same losses bit for bit. No console: progress goes to an
/// <see cref="ITrainingObserver"/>.
/// </summary>
public sealed class ForecastSession : ITrainingRun
{
    private readonly List<double> _losses;
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly float[] _xs;
    private readonly float[] _targets;
    private readonly int[] _batch;
    private readonly ModelWorkspace<float> _workspace;
    private double _smoothed = double.NaN;

    private ForecastSession(ForecastWindows windows, ForecastOptions options, RecurrentModel<float> model, float[] parameters, Adam<float> adam, long step, List<double> losses)
    {
        Windows = windows;
        Options = options;
        Model = model;
        _parameters = parameters;
        Adam = adam;
        Step = step;
        _losses = losses;
        int l = windows.WindowLength, m = options.Batch;
        _gradients = new float[model.ParameterCount];
        _xs = new float[l * m * ForecastWindows.Features];
        _targets = new float[l * m];
        _batch = new int[m];
        _workspace = model.CreateWorkspace(l, m);
        foreach (double loss in losses)
        {
            _smoothed = Smooth(_smoothed, loss);
        }
    }

    /// <summary>The problem: series, windows and held-out months.</summary>
    public ForecastWindows Windows { get; }

    /// <summary>The hyper-parameters.</summary>
    public ForecastOptions Options { get; }

    /// <summary>The model (the declared one, with <see cref="ForecastOptions.Dropout"/>).</summary>
    public RecurrentModel<float> Model { get; }

    /// <summary>θ: the model's flat parameter buffer.</summary>
    public ReadOnlySpan<float> Parameters => _parameters;

    /// <summary>The optimiser and its moments.</summary>
    public Adam<float> Adam { get; }

    /// <inheritdoc/>
    public long Step { get; private set; }

    /// <summary>The loss of every step so far (½ × squared error of the normalised forecast, mean over the batch).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>Starts a run: the model of <see cref="ForecastOptions.Cell"/>, initialised from the seed.</summary>
    /// <exception cref="DemoException">An option is out of range, or the series is too short for the windows.</exception>
    public static ForecastSession Start(MonthlySeries series, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (string cell, RecurrentModel<float> declared) = ForecastModels.Find(options.Cell);
        options = options with { Cell = cell };   // as the demo spells it: the checkpoint's name and file name
        var windows = new ForecastWindows(series, options.Window, options.TestMonths);
        RecurrentModel<float> model = WithDropout(declared, options.Dropout);
        float[] parameters = new float[model.ParameterCount];
        ForecastInitialisation.Fill(model.Layout, parameters, new Random(options.Seed));
        return new ForecastSession(windows, options, model, parameters, new Adam<float>(model.ParameterCount, options.LearningRate), 0, []);
    }

    /// <summary>Continues the run saved in <paramref name="checkpoint"/> for <paramref name="steps"/> more steps.</summary>
    /// <exception cref="DemoException">The checkpoint does not fit the series or the declared model.</exception>
    public static ForecastSession Resume(ForecastCheckpoint checkpoint, MonthlySeries series)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(series);
        ForecastOptions options = checkpoint.Options;
        options.Validate();
        if (series.Fingerprint != checkpoint.SeriesFingerprint)
        {
            throw new DemoException(
                $"The checkpoint was trained on {checkpoint.SeriesName} ({checkpoint.SeriesMonths} months), not on {series.Name} ({series.Count} months, other values): resume with the same --series.");
        }

        var windows = new ForecastWindows(series, options.Window, options.TestMonths);
        RecurrentModel<float> model = WithDropout(ForecastModels.Find(options.Cell).Model, options.Dropout);
        if (checkpoint.Parameters.Length != model.ParameterCount)
        {
            throw new DemoException($"The checkpoint holds {checkpoint.Parameters.Length} parameters; the declared {options.Cell} model has {model.ParameterCount}.");
        }

        var adam = new Adam<float>(model.ParameterCount, options.LearningRate);
        adam.Restore(checkpoint.AdamStepCount, checkpoint.AdamFirstMoment, checkpoint.AdamSecondMoment);
        return new ForecastSession(windows, options, model, [.. checkpoint.Parameters], adam, checkpoint.Step, [.. checkpoint.Losses]);
    }

    /// <inheritdoc/>
    public IReadOnlyList<double> Run(int steps, ITrainingObserver observer, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentNullException.ThrowIfNull(observer);
        long last = Step + steps;
        int first = _losses.Count;
        var clock = Stopwatch.StartNew();
        long windows = 0;
        while (Step < last && !cancellation.IsCancellationRequested)
        {
            double loss = TrainOneBatch();
            windows += Options.Batch;
            double seconds = clock.Elapsed.TotalSeconds;
            observer.OnStep(new TrainingProgress(Step, last, loss, _smoothed, seconds > 0 ? windows / seconds : 0, Options.Batch, "windows"));
        }

        return _losses.GetRange(first, _losses.Count - first);
    }

    /// <summary>Forecasts every held-out month one step ahead (no dropout) beside the seasonal naive baseline.</summary>
    public ForecastResult Evaluate() => ForecastEvaluation.Run(Model, _parameters, Windows);

    /// <summary>The run as a checkpoint.</summary>
    public ForecastCheckpoint ToCheckpoint() => new()
    {
        Options = Options,
        SeriesName = Windows.Series.Name,
        SeriesMonths = Windows.Series.Count,
        SeriesFingerprint = Windows.Series.Fingerprint,
        Step = Step,
        Parameters = [.. _parameters],
        AdamStepCount = Adam.StepCount,
        AdamFirstMoment = Adam.FirstMoment.ToArray(),
        AdamSecondMoment = Adam.SecondMoment.ToArray(),
        Losses = [.. _losses],
    };

    private static RecurrentModel<float> WithDropout(RecurrentModel<float> declared, double dropout) =>
        dropout == declared.Dropout ? declared : new RecurrentModel<float>(declared.Layers, declared.Output, declared.OutputSize, dropout);

    private double TrainOneBatch()
    {
        int m = Options.Batch;
        for (int b = 0; b < m; b++)
        {
            _batch[b] = Windows.TrainingTarget((int)(ForecastHash.Of(Options.Seed, Step, b) % (ulong)Windows.TrainingWindows));
        }

        Windows.Write(_batch, _xs, _targets);
        Array.Clear(_gradients);
        double loss = Model.Gradient(
            _parameters, _xs, m, lengths: default, initial: default, _targets, final: default, dInitial: default, dxs: default, _gradients, _workspace,
            BatchReduction.Mean, LossSteps.Last, dropoutSeed: ForecastHash.Of(Options.Seed, Step, -1));
        if (!double.IsFinite(loss))
        {
            throw new DemoException($"The loss became {loss} at step {Step + 1}: lower --lr or set --clip.");
        }

        if (Options.ClipNorm > 0)
        {
            GradientClipping.ClipByGlobalNorm(_gradients.AsSpan(), (float)Options.ClipNorm);
        }

        Adam.Step(_parameters, _gradients);
        Step++;
        _losses.Add(loss);
        _smoothed = Smooth(_smoothed, loss);
        return loss;
    }

    private static double Smooth(double smoothed, double loss) => double.IsNaN(smoothed) ? loss : (0.9 * smoothed) + (0.1 * loss);
}
