using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using LstmGen.Internal;
using LstmGen.Reference;
using LstmGen.Tests.Support;

namespace LstmGen.Tests.Drivers;

/// <summary>Creates drivers for generated LSTM cells.</summary>
internal static class LstmDriver
{
    /// <summary>
    /// A driver for the generated static class <paramref name="cell"/>. Every cell is its own static type, so rather than
    /// a hand-copied driver per cell, one generic driver binds the cell's static functions to typed delegates by name
    /// and signature (<see cref="Delegate.CreateDelegate(Type, Type, string)"/>): a missing or changed function fails
    /// the binding, and so the test, with the function's name.
    /// </summary>
    public static ICellDriver For(Type cell)
    {
        Type Nested(string name) =>
            cell.GetNestedType(name) ?? throw new InvalidOperationException($"{cell.Name} has no nested type {name}.");

        Type parameters = Nested("Parameters");
        Type scalar = parameters.GetMethod("AsSpan")!.ReturnType.GetGenericArguments()[0];
        Type driver = typeof(LstmDriver<,,,,,,,,>).MakeGenericType(
            scalar, Nested("Input"), Nested("Hidden"), Nested("State"), Nested("StateGradient"), Nested("StepCache"),
            parameters, Nested("Gradients"), Nested("Workspace"));
        return (ICellDriver)Activator.CreateInstance(driver, cell)!;
    }
}

/// <summary>
/// The generic driver behind <see cref="LstmDriver.For"/>: <c>ForwardSequence</c> → <c>MseLoss</c> → <c>Bptt</c>, and the
/// one-call <c>LossAndGradients</c> as a cross-check, seen through doubles. Vectors are converted with the generated
/// <c>FromSpan</c>/<c>CopyTo</c> through spans of the scalar type; parameters are written and read only through the
/// generated <c>W/U/B</c> accessors.
/// </summary>
internal sealed class LstmDriver<S, TIn, THid, TState, TSGrad, TCache, TP, TG, TWs> : ICellDriver
    where S : unmanaged, IFloatingPointIeee754<S>
    where TIn : struct
    where THid : struct
    where TState : struct
    where TSGrad : struct
    where TCache : struct
    where TP : class
    where TG : class
    where TWs : class
{
    private static readonly string[] CacheFields = ["X", "HPrev", "CPrev", "I", "F", "G", "O", "TanhC"];

    private readonly Type _cell;
    private readonly ForwardSequenceFn _forwardSequence;
    private readonly MseSequenceFn _mseLoss;
    private readonly BpttFn _bptt;
    private readonly LossAndGradientsFn _lossAndGradients;
    private readonly FieldInfo[] _cacheFields;

    public LstmDriver(Type cell)
    {
        _cell = cell;
        Name = cell.Name;
        InputSize = Constant("InputSize");
        HiddenSize = Constant("HiddenSize");
        ParameterCount = Constant("ParameterCount");
        _forwardSequence = Bind<ForwardSequenceFn>("ForwardSequence");
        _mseLoss = Bind<MseSequenceFn>("MseLoss");
        _bptt = Bind<BpttFn>("Bptt");
        _lossAndGradients = Bind<LossAndGradientsFn>("LossAndGradients");
        _cacheFields = [.. CacheFields.Select(f => typeof(TCache).GetField(f) ?? throw new InvalidOperationException($"{Name}.StepCache has no field {f}."))];
    }

    private delegate TState ForwardSequenceFn(TP p, ReadOnlySpan<TIn> inputs, ref TState initial, Span<TCache> caches, Span<THid> outputs);

    private delegate S MseSequenceFn(ReadOnlySpan<THid> outputs, ReadOnlySpan<THid> targets, Span<THid> outputGradients);

    private delegate TSGrad BpttFn(TP p, ReadOnlySpan<TCache> caches, ReadOnlySpan<THid> outputGradients, TG grads, Span<TIn> inputGradients);

    // `in` parameters of the generated (non-virtual) methods are plain by-refs, so the delegates declare them `ref`.
    private delegate ValueTuple<S, TState> LossAndGradientsFn(TP p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<THid> targets, ref TState initial, TWs workspace, TG grads);

    public string Name { get; }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public int ParameterCount { get; }

    public bool IsFloat => typeof(S) == typeof(float);

    public double[] Flatten(ReferenceLstm reference)
    {
        var p = Activator.CreateInstance<TP>();
        GateAccess.Write<S>(reference, Accessor<MatrixRef<S>>(p, "W"), Accessor<MatrixRef<S>>(p, "U"), Accessor<VectorRef<S>>(p, "B"));
        return Num.D(Span(p).ToArray());
    }

    public CellRun Run(double[] theta, SequenceProblem s)
    {
        var p = Activator.CreateInstance<TP>();
        Guard.Length(theta.Length, ParameterCount, $"θ of {Name}", nameof(theta));
        Num.To<S>(theta).CopyTo(Span(p));

        TIn[] xs = [.. s.Xs.Select(Vector<TIn>)];
        THid[] ys = [.. s.Ys.Select(Vector<THid>)];
        TState initial = (TState)Activator.CreateInstance(typeof(TState), Vector<THid>(s.H0), Vector<THid>(s.C0))!;
        int n = xs.Length;
        var (caches, outputs, dh, dx) = (new TCache[n], new THid[n], new THid[n], new TIn[n]);
        TState final = _forwardSequence(p, xs, ref initial, caches, outputs);
        S loss = _mseLoss(outputs, ys, dh);
        var grads = Activator.CreateInstance<TG>();
        TSGrad d0 = _bptt(p, caches, dh, grads, dx);
        var helper = Activator.CreateInstance<TG>();
        var workspace = (TWs)Activator.CreateInstance(typeof(TWs), n, 1)!;
        (S helperLoss, TState helperFinal) = _lossAndGradients(p, xs, ys, ref initial, workspace, helper);

        var steps = new StepRecord[n];
        for (int t = 0; t < n; t++)
        {
            object cache = caches[t];
            double[][] fields = [.. _cacheFields.Select(f => f.FieldType == typeof(TIn) ? Doubles((TIn)f.GetValue(cache)!) : Doubles((THid)f.GetValue(cache)!))];
            double[] c = t + 1 < n ? Doubles((THid)_cacheFields[2].GetValue(caches[t + 1])!) : Half(final, 1);
            steps[t] = new StepRecord(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], Doubles(outputs[t]), c, Doubles(dx[t]));
        }

        return new CellRun(
            double.CreateTruncating(loss), steps, Half(final, 0), Half(final, 1), Num.D(Span(grads).ToArray()),
            GateAccess.Read<S>(InputSize, HiddenSize, Accessor<MatrixRef<S>>(grads, "W"), Accessor<MatrixRef<S>>(grads, "U"), Accessor<VectorRef<S>>(grads, "B")),
            Half(d0, 0), Half(d0, 1), double.CreateTruncating(helperLoss), Half(helperFinal, 0), Half(helperFinal, 1), Num.D(Span(helper).ToArray()));
    }

    private delegate T FromSpanFn<T>(ReadOnlySpan<S> values);

    /// <summary>A cell vector built with the generated <c>FromSpan</c>, which checks the length.</summary>
    private static T Vector<T>(double[] values)
        where T : struct
    {
        var fromSpan = (FromSpanFn<T>)Delegate.CreateDelegate(typeof(FromSpanFn<T>), typeof(T).GetMethod("FromSpan")!);
        return fromSpan(Num.To<S>(values));
    }

    private static double[] Doubles<T>(T value)
        where T : struct
    {
        var one = new[] { value };
        return Num.D(MemoryMarshal.Cast<T, S>(one.AsSpan()).ToArray());
    }

    private double[] Half<T>(T value, int half)
        where T : struct => Doubles(value)[(half * HiddenSize)..((half + 1) * HiddenSize)];

    private static Span<S> Span(object target) =>
        ((Func<Span<S>>)Delegate.CreateDelegate(typeof(Func<Span<S>>), target, "AsSpan"))();

    private static TDelegate Accessor<TDelegate>(object target, string name)
        where TDelegate : Delegate => (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), target, name);

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
            throw new InvalidOperationException($"{_cell.Name}.{method} with the signature of {typeof(TDelegate).Name} was not generated.", e);
        }
    }
}
