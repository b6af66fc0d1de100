using System.Numerics;
using System.Runtime.InteropServices;
using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.PyTorch.Support;

/// <summary>Runs a PyTorch fixture through a generated cell and names every result as the fixture names PyTorch's.</summary>
internal static class TorchCellRunner
{
    /// <summary>
    /// Loads the fixture's state dict into the generated cell with <see cref="PyTorchLayout.Import{T}"/>, runs it, and
    /// returns our values under the fixture's names (<c>output.h</c>, <c>output.h_n</c>, <c>output.c_n</c>,
    /// <c>output.loss</c>, <c>grad.&lt;parameter&gt;</c>, <c>grad.input.x</c>, <c>grad.input.h0</c>, <c>grad.input.c0</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, double[]> Run(TorchFixture fixture)
    {
        Type cell = fixture.CellType;
        Type Nested(string name) => cell.GetNestedType(name) ?? throw new InvalidOperationException($"{cell.Name} has no nested type {name}.");
        Type parameters = Nested("Parameters");
        Type scalar = parameters.GetMethod("AsSpan")!.ReturnType.GetGenericArguments()[0];
        Type output = cell.GetNestedType("Output") ?? typeof(NoHeadOutput);
        Type runner = typeof(TorchCellRunner<,,,,,,,,,>).MakeGenericType(
            scalar, Nested("Input"), Nested("Hidden"), output, Nested("State"), Nested("StateGradient"), Nested("StepCache"),
            parameters, Nested("Gradients"), Nested("Workspace"));
        var instance = (ITorchCellRunner)Activator.CreateInstance(runner, cell)!;
        return instance.Run(fixture);
    }
}

/// <summary>Stand-in for the <c>Output</c> type of a cell without a head.</summary>
internal struct NoHeadOutput
{
}

internal interface ITorchCellRunner
{
    IReadOnlyDictionary<string, double[]> Run(TorchFixture fixture);
}

/// <summary>
/// The generic runner behind <see cref="TorchCellRunner.Run"/>: every generated cell is its own static class, so the
/// functions are bound by name and signature to typed delegates (a missing or changed function fails the binding
/// with its name). Value types (Input, Hidden, State, StateGradient) are runs of scalars: Hidden and Input are
/// inline arrays, State is (h[, c]) and StateGradient (dh[, dc]), read through <see cref="MemoryMarshal"/> as the
/// Models tests do; the sizes are checked first.
/// </summary>
internal sealed class TorchCellRunner<S, TIn, THid, TOut, TState, TSGrad, TCache, TP, TG, TWs> : ITorchCellRunner
    where S : unmanaged, IFloatingPointIeee754<S>
    where TIn : unmanaged
    where THid : unmanaged
    where TOut : struct
    where TState : unmanaged
    where TSGrad : unmanaged
    where TCache : struct
    where TP : class
    where TG : class
    where TWs : class
{
    private readonly Type _cell;
    private readonly CellLayout _layout;

    public TorchCellRunner(Type cell)
    {
        _cell = cell;
        _layout = (CellLayout)cell.GetProperty("Layout")!.GetValue(null)!;
        int stateWidth = _layout.Kind == RecurrentCellKind.Lstm ? 2 : 1;
        int scalarSize = Marshal.SizeOf<S>();
        if (Marshal.SizeOf<THid>() != _layout.HiddenSize * scalarSize || Marshal.SizeOf<TIn>() != _layout.InputSize * scalarSize
            || Marshal.SizeOf<TState>() != stateWidth * _layout.HiddenSize * scalarSize || Marshal.SizeOf<TSGrad>() != Marshal.SizeOf<TState>())
        {
            throw new InvalidOperationException($"{cell.Name}: Input, Hidden, State or StateGradient is not a plain run of scalars.");
        }
    }

    private delegate void ForwardSequenceBatchFn(
        TP p, ReadOnlySpan<TIn> inputs, int batchSize, ReadOnlySpan<TState> initial, Span<TState> final, Span<TCache> caches, Span<THid> outputs);

    private delegate void BpttBatchFn(
        TP p, ReadOnlySpan<TCache> caches, ReadOnlySpan<THid> outputGradients, int batchSize, TG grads, Span<TIn> inputGradients, Span<TSGrad> initialGradients);

    private delegate S MseSequenceFn(ReadOnlySpan<THid> outputs, ReadOnlySpan<THid> targets, Span<THid> outputGradients);

    private delegate S CeSequenceFn(TP p, ReadOnlySpan<THid> outputs, ReadOnlySpan<int> targets, Span<THid> outputGradients, TG grads);

    private delegate S OneCallBatchFn<TTarget>(
        TP p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TTarget> targets, int batchSize, BatchReduction reduction, TWs workspace, TG grads, ReadOnlySpan<TState> initial);

    private bool IsLstm => _layout.Kind == RecurrentCellKind.Lstm;

    public IReadOnlyDictionary<string, double[]> Run(TorchFixture fixture)
    {
        int m = fixture.Batch, n = fixture.Steps * fixture.Batch;
        var p = Activator.CreateInstance<TP>();
        PyTorchLayout.Import<S>(fixture.Tensors, _layout, Span(p), fixture.Names);

        TIn[] inputs = Rows<TIn>(fixture.Values("input.x"));
        TState[] initial = InitialStates(fixture);
        bool head = _layout.HasHead;
        THid[]? hiddenTargets = head ? null : Rows<THid>(fixture.Values("input.target"));
        int[]? classes = head ? [.. fixture.Values("input.target").Select(v => checked((int)v))] : null;
        var results = new Dictionary<string, double[]>(StringComparer.Ordinal);

        // 1. The one-call batch function with the fixture's reduction: loss, every parameter gradient, final states.
        var grads = Activator.CreateInstance<TG>();
        var workspace = (TWs)Activator.CreateInstance(typeof(TWs), fixture.Steps, m)!;
        S loss = head
            ? Bind<OneCallBatchFn<int>>("CrossEntropyLossAndGradientsBatch")(p, inputs, classes, m, fixture.Reduction, workspace, grads, initial)
            : Bind<OneCallBatchFn<THid>>("LossAndGradientsBatch")(p, inputs, hiddenTargets, m, fixture.Reduction, workspace, grads, initial);
        results["output.loss"] = [double.CreateTruncating(loss)];
        AddParameterGradients(results, Span(grads), fixture.Names);
        var states = (Func<TWs, Span<TState>>)Delegate.CreateDelegate(typeof(Func<TWs, Span<TState>>), typeof(TWs).GetProperty("States")!.GetMethod!);
        AddStates(results, "output.h_n", "output.c_n", states(workspace)[..m].ToArray());

        // 2. The low-level path for what the one-call function does not return: every h_t, dL/dx, dL/dh0, dL/dc0.
        var (caches, outputs, final) = (new TCache[n], new THid[n], new TState[m]);
        Bind<ForwardSequenceBatchFn>("ForwardSequenceBatch")(p, inputs, m, initial, final, caches, outputs);
        results["output.h"] = Flat(outputs);
        var outputGradients = new THid[n];
        var scratch = Activator.CreateInstance<TG>();
        _ = head
            ? Bind<CeSequenceFn>("CrossEntropyLoss")(p, outputs, classes, outputGradients, scratch)
            : Bind<MseSequenceFn>("MseLoss")(outputs, hiddenTargets, outputGradients);
        if (fixture.Reduction == BatchReduction.Mean)
        {
            S scale = S.One / S.CreateTruncating(m);
            foreach (ref S value in MemoryMarshal.Cast<THid, S>(outputGradients.AsSpan()))
            {
                value *= scale;
            }
        }

        var (dx, initialGradients) = (new TIn[n], new TSGrad[m]);
        Bind<BpttBatchFn>("BpttBatch")(p, caches, outputGradients, m, scratch, dx, initialGradients);
        results["grad.input.x"] = Flat(dx);
        AddStates(results, "grad.input.h0", "grad.input.c0", MemoryMarshal.Cast<TSGrad, TState>(initialGradients.AsSpan()).ToArray());
        return results;
    }

    /// <summary>Our gradients in PyTorch's names; dL/db_ih = dL/db_hh = dL/db because PyTorch adds both biases.</summary>
    private void AddParameterGradients(Dictionary<string, double[]> results, ReadOnlySpan<S> gradients, PyTorchNames names)
    {
        TensorSet exported = PyTorchLayout.Export<S>(_layout, gradients, names);
        foreach (NamedTensor tensor in exported)
        {
            var values = new double[tensor.ElementCount];
            tensor.CopyTo<double>(values);
            results["grad." + tensor.Name] = values;
        }

        results["grad." + names.RecurrentBias] = results["grad." + names.InputBias];
    }

    private void AddStates(Dictionary<string, double[]> results, string hName, string cName, TState[] states)
    {
        int h = _layout.HiddenSize, width = IsLstm ? 2 * h : h;
        double[] flat = Flat(states);
        results[hName] = [.. Enumerable.Range(0, states.Length).SelectMany(b => flat.AsSpan(b * width, h).ToArray())];
        if (IsLstm)
        {
            results[cName] = [.. Enumerable.Range(0, states.Length).SelectMany(b => flat.AsSpan((b * width) + h, h).ToArray())];
        }
    }

    private TState[] InitialStates(TorchFixture fixture)
    {
        int h = _layout.HiddenSize, width = IsLstm ? 2 * h : h;
        double[] h0 = fixture.Values("input.h0");
        double[]? c0 = IsLstm ? fixture.Values("input.c0") : null;
        var states = new TState[fixture.Batch];
        Span<S> flat = MemoryMarshal.Cast<TState, S>(states.AsSpan());
        for (int b = 0; b < fixture.Batch; b++)
        {
            for (int j = 0; j < h; j++)
            {
                flat[(b * width) + j] = S.CreateTruncating(h0[(b * h) + j]);
                if (c0 is not null)
                {
                    flat[(b * width) + h + j] = S.CreateTruncating(c0[(b * h) + j]);
                }
            }
        }

        return states;
    }

    private static T[] Rows<T>(double[] values)
        where T : unmanaged
    {
        S[] scalars = [.. values.Select(S.CreateTruncating)];
        return MemoryMarshal.Cast<S, T>(scalars.AsSpan()).ToArray();
    }

    private static double[] Flat<T>(T[] rows)
        where T : unmanaged =>
        [.. MemoryMarshal.Cast<T, S>(rows.AsSpan()).ToArray().Select(double.CreateTruncating)];

    private static Span<S> Span(object parametersOrGradients) =>
        ((Func<Span<S>>)Delegate.CreateDelegate(typeof(Func<Span<S>>), parametersOrGradients, "AsSpan"))();

    private TDelegate Bind<TDelegate>(string name)
        where TDelegate : Delegate =>
        (TDelegate?)Delegate.CreateDelegate(typeof(TDelegate), _cell, name, ignoreCase: false, throwOnBindFailure: false)
        ?? throw new InvalidOperationException($"{_cell.Name}.{name} does not have the signature of {typeof(TDelegate).Name}.");
}
