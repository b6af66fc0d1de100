using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GenReduction = LstmGen.BatchReduction;

namespace LstmGen.Models.Tests.Support;

/// <summary>Stand-in for the <c>Output</c> type of a cell without a head.</summary>
internal struct NoOutput
{
}

/// <summary>Creates drivers for generated cells.</summary>
internal static class CellDriver
{
    /// <summary>
    /// A driver for the generated static class <paramref name="cell"/>. Every generated cell is a distinct static
    /// type, so instead of one hand-copied driver per cell, the generic driver below binds the cell's static
    /// functions to typed delegates by name and signature (<see cref="Delegate.CreateDelegate(Type, Type, string)"/>);
    /// a missing or changed function fails the binding, and so the test, with the function's name.
    /// </summary>
    public static ICellDriver For(Type cell)
    {
        Type Nested(string name) =>
            cell.GetNestedType(name) ?? throw new InvalidOperationException($"{cell.Name} has no nested type {name}.");

        Type parameters = Nested("Parameters");
        Type scalar = parameters.GetMethod("AsSpan")!.ReturnType.GetGenericArguments()[0];
        Type output = cell.GetNestedType("Output") ?? typeof(NoOutput);
        Type driver = typeof(CellDriver<,,,,,,,,,>).MakeGenericType(
            scalar, Nested("Input"), Nested("Hidden"), output, Nested("State"), Nested("StateGradient"), Nested("StepCache"),
            parameters, Nested("Gradients"), Nested("Workspace"));
        return (ICellDriver)Activator.CreateInstance(driver, cell)!;
    }
}

/// <summary>
/// The generic driver behind <see cref="CellDriver.For"/>. Value types (<c>Input</c>, <c>Hidden</c>, <c>Output</c>,
/// <c>State</c>, <c>StateGradient</c>) are read and written as flat runs of scalars with <see cref="MemoryMarshal"/>;
/// the constructor checks that layout against the generated constructors before anything else runs.
/// </summary>
internal sealed partial class CellDriver<S, TIn, THid, TOut, TState, TSGrad, TCache, TP, TG, TWs> : ICellDriver
    where S : unmanaged, IFloatingPointIeee754<S>
    where TIn : struct
    where THid : struct
    where TOut : struct
    where TState : struct
    where TSGrad : struct
    where TCache : struct
    where TP : class
    where TG : class
    where TWs : class
{
    private readonly ForwardSequenceBatchFn<TIn> _forwardDense;
    private readonly ForwardSequenceBatchFn<int> _forwardOneHot;
    private readonly BpttBatchFn _bpttBatch;
    private readonly MseSequenceFn _mseSequence;
    private readonly MseStepFn _mseStep;
    private readonly HeadForwardFn? _headForward;
    private readonly SoftmaxFn? _softmax;
    private readonly SoftmaxFn? _logSoftmax;
    private readonly CeStepIndexFn? _ceStepIndex;
    private readonly CeStepDistributionFn? _ceStepDistribution;
    private readonly CeSequenceFn<int>? _ceSequenceIndex;
    private readonly CeSequenceFn<TOut>? _ceSequenceDistribution;
    private readonly Func<TP, Span<S>> _parameterSpan;
    private readonly Func<TG, Span<S>> _gradientSpan;
    private readonly Func<TWs, Span<TState>> _workspaceStates;
    private readonly Func<TCache, THid> _cachePreviousC;
    private readonly Type _cell;
    private readonly int[] _perm;

    public CellDriver(Type cell)
    {
        _cell = cell;
        Name = cell.Name;
        InputSize = Constant("InputSize");
        HiddenSize = Constant("HiddenSize");
        OutputSize = typeof(TOut) == typeof(NoOutput) ? 0 : Constant("OutputSize");
        ParameterCount = Constant("ParameterCount");
        IsLstm = typeof(TCache).GetField("CPrev") is not null;

        _forwardDense = Bind<ForwardSequenceBatchFn<TIn>>("ForwardSequenceBatch");
        _forwardOneHot = Bind<ForwardSequenceBatchFn<int>>("ForwardSequenceBatch");
        _bpttBatch = Bind<BpttBatchFn>("BpttBatch");
        _mseSequence = Bind<MseSequenceFn>("MseLoss");
        _mseStep = Bind<MseStepFn>("MseLoss");
        if (HasHead)
        {
            _headForward = Bind<HeadForwardFn>("HeadForward");
            _softmax = Bind<SoftmaxFn>("Softmax");
            _logSoftmax = Bind<SoftmaxFn>("LogSoftmax");
            _ceStepIndex = Bind<CeStepIndexFn>("CrossEntropyLoss");
            _ceStepDistribution = Bind<CeStepDistributionFn>("CrossEntropyLoss");
            _ceSequenceIndex = Bind<CeSequenceFn<int>>("CrossEntropyLoss");
            _ceSequenceDistribution = Bind<CeSequenceFn<TOut>>("CrossEntropyLoss");
        }

        _parameterSpan = Instance<Func<TP, Span<S>>>(typeof(TP).GetMethod("AsSpan")!);
        _gradientSpan = Instance<Func<TG, Span<S>>>(typeof(TG).GetMethod("AsSpan")!);
        _workspaceStates = Instance<Func<TWs, Span<TState>>>(typeof(TWs).GetProperty("States")!.GetMethod!);
        FieldInfo? cPrev = typeof(TCache).GetField("CPrev");
        _cachePreviousC = cache => cPrev is null ? default : (THid)cPrev.GetValue(cache)!;

        CheckLayouts();
        _perm = BuildPermutation();
    }

    private delegate void ForwardSequenceBatchFn<TInput>(
        TP p, ReadOnlySpan<TInput> inputs, int batchSize, ReadOnlySpan<TState> initial, Span<TState> final, Span<TCache> caches, Span<THid> outputs);

    private delegate void BpttBatchFn(
        TP p, ReadOnlySpan<TCache> caches, ReadOnlySpan<THid> outputGradients, int batchSize, TG grads, Span<TIn> inputGradients, Span<TSGrad> initialGradients);

    private delegate S MseSequenceFn(ReadOnlySpan<THid> outputs, ReadOnlySpan<THid> targets, Span<THid> outputGradients);

    // `in` parameters of the generated (non-virtual) methods are plain by-refs, so the delegates declare them `ref`.
    private delegate S MseStepFn(ref THid h, ref THid y, out THid dh);

    private delegate TOut HeadForwardFn(TP p, ref THid h);

    private delegate TOut SoftmaxFn(ref TOut logits);

    private delegate S CeStepIndexFn(ref TOut logits, int target, out TOut dLogits);

    private delegate S CeStepDistributionFn(ref TOut logits, ref TOut target, out TOut dLogits);

    private delegate S CeSequenceFn<TTarget>(TP p, ReadOnlySpan<THid> outputs, ReadOnlySpan<TTarget> targets, Span<THid> outputGradients, TG grads);

    private delegate S OneCallBatchFn<TInput, TTarget>(
        TP p, ReadOnlySpan<TInput> inputs, ReadOnlySpan<TTarget> targets, int batchSize, GenReduction reduction, TWs workspace, TG grads, ReadOnlySpan<TState> initial);

    private delegate ValueTuple<S, TState> OneCallFn<TInput, TTarget>(
        TP p, ReadOnlySpan<TInput> inputs, ReadOnlySpan<TTarget> targets, ref TState initial, TWs workspace, TG grads);

    private delegate ref S GateMatrixFn<T>(T target, LstmGate gate, int row, int column);

    private delegate ref S GateVectorFn<T>(T target, LstmGate gate, int row);

    private delegate ref S MatrixFn<T>(T target, int row, int column);

    private delegate ref S VectorFn<T>(T target, int row);

    public string Name { get; }

    public bool IsLstm { get; }

    public bool HasHead => OutputSize > 0;

    public bool IsFloat => typeof(S) == typeof(float);

    public int InputSize { get; }

    public int HiddenSize { get; }

    public int OutputSize { get; }

    public int ParameterCount { get; }

    public IReadOnlyList<int> GeneratedIndexOfReference => _perm;

    public double Round(double value) => double.CreateTruncating(S.CreateTruncating(value));

    public BatchRun RunLowLevel(double[] referenceTheta, BatchProblem problem)
    {
        TP p = Parameters(referenceTheta);
        int n = problem.Count;
        var (caches, outputs, final) = (new TCache[n], new THid[n], new TState[problem.Batch]);
        Forward(p, problem, caches, outputs, final);

        var grads = Activator.CreateInstance<TG>();
        var outputGradients = new THid[n];
        double loss;
        double[][]? probabilities = null, logProbabilities = null;
        if (problem.Loss == LossKind.Mse)
        {
            loss = double.CreateTruncating(_mseSequence(outputs, Rows<THid>(problem.HiddenTargets!), outputGradients));
        }
        else
        {
            loss = problem.Loss == LossKind.ClassIndex
                ? double.CreateTruncating(_ceSequenceIndex!(p, outputs, problem.Classes!, outputGradients, grads))
                : double.CreateTruncating(_ceSequenceDistribution!(p, outputs, Rows<TOut>(problem.Distributions!), outputGradients, grads));
            (probabilities, logProbabilities) = (new double[n][], new double[n][]);
            for (int k = 0; k < n; k++)
            {
                TOut logits = _headForward!(p, ref outputs[k]);
                probabilities[k] = Flat(_softmax!(ref logits));
                logProbabilities[k] = Flat(_logSoftmax!(ref logits));
            }
        }

        var (dx, initialGradients) = (new TIn[n], new TSGrad[problem.Batch]);
        _bpttBatch(p, caches, outputGradients, problem.Batch, grads, dx, initialGradients);

        return new BatchRun(
            loss,
            Rows(outputs),
            IsLstm ? CellStates(problem, caches, final) : null,
            probabilities,
            logProbabilities,
            ReferenceOrder(_gradientSpan(grads)),
            Rows(dx),
            [.. initialGradients.Select(g => Half(g, 0))],
            IsLstm ? [.. initialGradients.Select(g => Half(g, 1))] : null,
            [.. final.Select(s => Half(s, 0))],
            IsLstm ? [.. final.Select(s => Half(s, 1))] : null);
    }

    public BatchRun RunOneCall(double[] referenceTheta, BatchProblem problem, GenReduction reduction)
    {
        TP p = Parameters(referenceTheta);
        var grads = Activator.CreateInstance<TG>();
        var workspace = (TWs)Activator.CreateInstance(typeof(TWs), problem.Steps, problem.Batch)!;
        TState[] initial = InitialStates(problem);
        string name = problem.Loss == LossKind.Mse ? "LossAndGradientsBatch" : "CrossEntropyLossAndGradientsBatch";
        S loss = (problem.Indices is null, problem.Loss) switch
        {
            (true, LossKind.Mse) => Bind<OneCallBatchFn<TIn, THid>>(name)(p, Rows<TIn>(problem.Xs), Rows<THid>(problem.HiddenTargets!), problem.Batch, reduction, workspace, grads, initial),
            (false, LossKind.Mse) => Bind<OneCallBatchFn<int, THid>>(name)(p, problem.Indices, Rows<THid>(problem.HiddenTargets!), problem.Batch, reduction, workspace, grads, initial),
            (true, LossKind.ClassIndex) => Bind<OneCallBatchFn<TIn, int>>(name)(p, Rows<TIn>(problem.Xs), problem.Classes!, problem.Batch, reduction, workspace, grads, initial),
            (false, LossKind.ClassIndex) => Bind<OneCallBatchFn<int, int>>(name)(p, problem.Indices, problem.Classes!, problem.Batch, reduction, workspace, grads, initial),
            (true, _) => Bind<OneCallBatchFn<TIn, TOut>>(name)(p, Rows<TIn>(problem.Xs), Rows<TOut>(problem.Distributions!), problem.Batch, reduction, workspace, grads, initial),
            (false, _) => Bind<OneCallBatchFn<int, TOut>>(name)(p, problem.Indices, Rows<TOut>(problem.Distributions!), problem.Batch, reduction, workspace, grads, initial),
        };

        TState[] final = _workspaceStates(workspace)[..problem.Batch].ToArray();
        return new BatchRun(
            double.CreateTruncating(loss), null, null, null, null, ReferenceOrder(_gradientSpan(grads)), null, null, null,
            [.. final.Select(s => Half(s, 0))], IsLstm ? [.. final.Select(s => Half(s, 1))] : null);
    }

    public BatchRun RunOneCallSingle(double[] referenceTheta, BatchProblem problem)
    {
        if (problem.Batch != 1)
        {
            throw new ArgumentException("The single-sequence functions take one sequence.", nameof(problem));
        }

        TP p = Parameters(referenceTheta);
        var grads = Activator.CreateInstance<TG>();
        (S loss, TState final) = OneCallSingle(p, problem, grads);
        return new BatchRun(
            double.CreateTruncating(loss), null, null, null, null, ReferenceOrder(_gradientSpan(grads)), null, null, null,
            [Half(final, 0)], IsLstm ? [Half(final, 1)] : null);
    }

    public BatchRun RunOneCallOneByOne(double[] referenceTheta, BatchProblem problem)
    {
        TP p = Parameters(referenceTheta);
        var grads = Activator.CreateInstance<TG>();
        S loss = S.Zero;
        var final = new TState[problem.Batch];
        for (int b = 0; b < problem.Batch; b++)
        {
            (S sampleLoss, final[b]) = OneCallSingle(p, problem.Sample(b), grads);
            loss += sampleLoss;
        }

        return new BatchRun(
            double.CreateTruncating(loss), null, null, null, null, ReferenceOrder(_gradientSpan(grads)), null, null, null,
            [.. final.Select(s => Half(s, 0))], IsLstm ? [.. final.Select(s => Half(s, 1))] : null);
    }

    /// <summary>The single-sequence one-call function for <paramref name="sample"/> (m = 1), adding into <paramref name="grads"/>.</summary>
    private (S Loss, TState Final) OneCallSingle(TP p, BatchProblem sample, TG grads)
    {
        var workspace = (TWs)Activator.CreateInstance(typeof(TWs), sample.Steps, 1)!;
        TState initial = InitialStates(sample)[0];
        string name = sample.Loss == LossKind.Mse ? "LossAndGradients" : "CrossEntropyLossAndGradients";
        return (sample.Indices is null, sample.Loss) switch
        {
            (true, LossKind.Mse) => Bind<OneCallFn<TIn, THid>>(name)(p, Rows<TIn>(sample.Xs), Rows<THid>(sample.HiddenTargets!), ref initial, workspace, grads),
            (false, LossKind.Mse) => Bind<OneCallFn<int, THid>>(name)(p, sample.Indices, Rows<THid>(sample.HiddenTargets!), ref initial, workspace, grads),
            (true, LossKind.ClassIndex) => Bind<OneCallFn<TIn, int>>(name)(p, Rows<TIn>(sample.Xs), sample.Classes!, ref initial, workspace, grads),
            (false, LossKind.ClassIndex) => Bind<OneCallFn<int, int>>(name)(p, sample.Indices, sample.Classes!, ref initial, workspace, grads),
            (true, _) => Bind<OneCallFn<TIn, TOut>>(name)(p, Rows<TIn>(sample.Xs), Rows<TOut>(sample.Distributions!), ref initial, workspace, grads),
            (false, _) => Bind<OneCallFn<int, TOut>>(name)(p, sample.Indices, Rows<TOut>(sample.Distributions!), ref initial, workspace, grads),
        };
    }

    public double ForwardLoss(double[] referenceTheta, BatchProblem problem)
    {
        TP p = Parameters(referenceTheta);
        int n = problem.Count;
        var (caches, outputs, final) = (new TCache[n], new THid[n], new TState[problem.Batch]);
        Forward(p, problem, caches, outputs, final);
        THid[]? hiddenTargets = problem.HiddenTargets is null ? null : Rows<THid>(problem.HiddenTargets);
        TOut[]? distributions = problem.Distributions is null ? null : Rows<TOut>(problem.Distributions);
        double loss = 0;
        for (int k = 0; k < n; k++)
        {
            if (problem.Loss == LossKind.Mse)
            {
                loss += double.CreateTruncating(_mseStep(ref outputs[k], ref hiddenTargets![k], out _));
                continue;
            }

            TOut logits = _headForward!(p, ref outputs[k]);
            loss += problem.Loss == LossKind.ClassIndex
                ? double.CreateTruncating(_ceStepIndex!(ref logits, problem.Classes![k], out _))
                : double.CreateTruncating(_ceStepDistribution!(ref logits, ref distributions![k], out _));
        }

        return loss;
    }

    private void Forward(TP p, BatchProblem problem, TCache[] caches, THid[] outputs, TState[] final)
    {
        TState[] initial = InitialStates(problem);
        if (problem.Indices is null)
        {
            _forwardDense(p, Rows<TIn>(problem.Xs), problem.Batch, initial, final, caches, outputs);
        }
        else
        {
            _forwardOneHot(p, problem.Indices, problem.Batch, initial, final, caches, outputs);
        }
    }

    private TState[] InitialStates(BatchProblem problem)
    {
        var states = new TState[problem.Batch];
        Span<S> flat = MemoryMarshal.Cast<TState, S>(states.AsSpan());
        int width = IsLstm ? 2 * HiddenSize : HiddenSize;
        for (int b = 0; b < problem.Batch; b++)
        {
            Scalars(problem.H0[b], flat.Slice(b * width, HiddenSize));
            if (IsLstm)
            {
                Scalars(problem.C0![b], flat.Slice((b * width) + HiddenSize, HiddenSize));
            }
        }

        return states;
    }

    /// <summary>c_t for every element: the next step's cached c_{t} (CPrev), or the final state after the last step.</summary>
    private double[][] CellStates(BatchProblem problem, TCache[] caches, TState[] final)
    {
        var c = new double[problem.Count][];
        for (int t = 0; t < problem.Steps; t++)
        {
            for (int b = 0; b < problem.Batch; b++)
            {
                c[problem.At(t, b)] = t + 1 < problem.Steps
                    ? Flat(_cachePreviousC(caches[problem.At(t + 1, b)]))
                    : Half(final[b], 1);
            }
        }

        return c;
    }

    private TP Parameters(double[] referenceTheta)
    {
        if (referenceTheta.Length != ParameterCount)
        {
            throw new ArgumentException($"{Name} has {ParameterCount} parameters, got {referenceTheta.Length}.");
        }

        var p = Activator.CreateInstance<TP>();
        Span<S> values = _parameterSpan(p);
        for (int k = 0; k < _perm.Length; k++)
        {
            values[_perm[k]] = S.CreateTruncating(referenceTheta[k]);
        }

        return p;
    }

    private double[] ReferenceOrder(Span<S> generated)
    {
        var flat = new double[_perm.Length];
        for (int k = 0; k < flat.Length; k++)
        {
            flat[k] = double.CreateTruncating(generated[_perm[k]]);
        }

        return flat;
    }

    /// <summary>
    /// Generated flat index of each entry in <see cref="LstmGen.Reference.FlatParameters"/> order, found through the
    /// generated accessors (<c>W(gate, row, column)</c> etc.) of both <c>Parameters</c> and <c>Gradients</c>.
    /// </summary>
    private int[] BuildPermutation()
    {
        int[] fromParameters = Permutation(Activator.CreateInstance<TP>(), _parameterSpan);
        int[] fromGradients = Permutation(Activator.CreateInstance<TG>(), _gradientSpan);
        if (!fromParameters.SequenceEqual(fromGradients))
        {
            throw new InvalidOperationException($"{Name}: Parameters and Gradients accessors disagree on the layout.");
        }

        if (fromParameters.Length != ParameterCount || fromParameters.Distinct().Count() != ParameterCount)
        {
            throw new InvalidOperationException($"{Name}: the accessors do not cover the {ParameterCount} parameters exactly once.");
        }

        return fromParameters;
    }

    private int[] Permutation<T>(T target, Func<T, Span<S>> span)
        where T : class
    {
        var indices = new List<int>();
        int Index(ref S slot) =>
            (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(span(target)), ref slot) / Unsafe.SizeOf<S>());
        int d = InputSize, h = HiddenSize;
        if (IsLstm)
        {
            var w = Instance<GateMatrixFn<T>>(typeof(T).GetMethod("W")!);
            var u = Instance<GateMatrixFn<T>>(typeof(T).GetMethod("U")!);
            var b = Instance<GateVectorFn<T>>(typeof(T).GetMethod("B")!);
            foreach (LstmGate gate in new[] { LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output })
            {
                indices.AddRange(Grid(h, d, (r, c) => Index(ref w(target, gate, r, c))));
                indices.AddRange(Grid(h, h, (r, c) => Index(ref u(target, gate, r, c))));
                indices.AddRange(Enumerable.Range(0, h).Select(r => Index(ref b(target, gate, r))));
            }
        }
        else
        {
            var w = Instance<MatrixFn<T>>(typeof(T).GetMethod("W")!);
            var u = Instance<MatrixFn<T>>(typeof(T).GetMethod("U")!);
            var b = Instance<VectorFn<T>>(typeof(T).GetMethod("B")!);
            indices.AddRange(Grid(h, d, (r, c) => Index(ref w(target, r, c))));
            indices.AddRange(Grid(h, h, (r, c) => Index(ref u(target, r, c))));
            indices.AddRange(Enumerable.Range(0, h).Select(r => Index(ref b(target, r))));
        }

        if (HasHead)
        {
            var wy = Instance<MatrixFn<T>>(typeof(T).GetMethod("Wy")!);
            var by = Instance<VectorFn<T>>(typeof(T).GetMethod("By")!);
            indices.AddRange(Grid(OutputSize, h, (v, r) => Index(ref wy(target, v, r))));
            indices.AddRange(Enumerable.Range(0, OutputSize).Select(v => Index(ref by(target, v))));
        }

        return [.. indices];
    }

    private static IEnumerable<int> Grid(int rows, int columns, Func<int, int, int> index)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                yield return index(r, c);
            }
        }
    }

    /// <summary>Checks the flat-scalar view of the value types against their generated constructors and fields.</summary>
    private void CheckLayouts()
    {
        int h = HiddenSize, s = Unsafe.SizeOf<S>();
        Require(Unsafe.SizeOf<TIn>() == InputSize * s, "Input");
        Require(Unsafe.SizeOf<THid>() == h * s, "Hidden");
        Require(!HasHead || Unsafe.SizeOf<TOut>() == OutputSize * s, "Output");
        int halves = IsLstm ? 2 : 1;
        Require(Unsafe.SizeOf<TState>() == halves * h * s, "State");
        Require(Unsafe.SizeOf<TSGrad>() == halves * h * s, "StateGradient");

        // Build each with its constructor from distinct values, then read it back through the flat view.
        THid first = Row<THid>([.. Enumerable.Range(1, h).Select(k => (double)k)]);
        THid second = Row<THid>([.. Enumerable.Range(1, h).Select(k => -(double)k)]);
        object[] arguments = IsLstm ? [first, second] : [first];
        foreach (Type type in new[] { typeof(TState), typeof(TSGrad) })
        {
            object built = Activator.CreateInstance(type, arguments)!;
            double[] flat = type == typeof(TState) ? Flat((TState)built) : Flat((TSGrad)built);
            double[] expected = [.. Flat(first), .. IsLstm ? Flat(second) : []];
            Require(flat.SequenceEqual(expected), type.Name);
        }

        void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"{Name}.{what} is not laid out as the driver assumes (flat scalars, H before C).");
            }
        }
    }

    private static double[] Flat<T>(T value)
        where T : struct
    {
        var one = new[] { value };
        return Doubles(MemoryMarshal.Cast<T, S>(one.AsSpan()));
    }

    private double[] Half<T>(T value, int half)
        where T : struct => Flat(value)[(half * HiddenSize)..((half + 1) * HiddenSize)];

    private static T Row<T>(double[] values)
        where T : struct => Rows<T>([values])[0];

    private static T[] Rows<T>(double[][] rows)
        where T : struct
    {
        var result = new T[rows.Length];
        Span<S> flat = MemoryMarshal.Cast<T, S>(result.AsSpan());
        int width = rows.Length == 0 ? 0 : flat.Length / rows.Length;
        for (int k = 0; k < rows.Length; k++)
        {
            if (rows[k].Length != width)
            {
                throw new ArgumentException($"Row {k} has {rows[k].Length} values; {typeof(T).Name} holds {width}.");
            }

            Scalars(rows[k], flat.Slice(k * width, width));
        }

        return result;
    }

    private static double[][] Rows<T>(T[] values)
        where T : struct
    {
        Span<S> flat = MemoryMarshal.Cast<T, S>(values.AsSpan());
        int width = values.Length == 0 ? 0 : flat.Length / values.Length;
        var rows = new double[values.Length][];
        for (int k = 0; k < values.Length; k++)
        {
            rows[k] = Doubles(flat.Slice(k * width, width));
        }

        return rows;
    }

    private static double[] Doubles(ReadOnlySpan<S> values)
    {
        var result = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            result[k] = double.CreateTruncating(values[k]);
        }

        return result;
    }

    private static void Scalars(double[] values, Span<S> destination)
    {
        for (int k = 0; k < values.Length; k++)
        {
            destination[k] = S.CreateTruncating(values[k]);
        }
    }

    private int Constant(string name) =>
        (int)(_cell.GetField(name) ?? throw new InvalidOperationException($"{_cell.Name} has no constant {name}.")).GetValue(null)!;

    private TDelegate Bind<TDelegate>(string method)
        where TDelegate : Delegate
    {
        try
        {
            return (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), _cell, method);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"{_cell.Name}.{method} with the signature of {typeof(TDelegate).Name} was not generated.", e);
        }
    }

    private static TDelegate Instance<TDelegate>(MethodInfo method)
        where TDelegate : Delegate => (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), null, method);
}
