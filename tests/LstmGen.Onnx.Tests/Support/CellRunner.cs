using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmGen.Onnx.Tests.Support;

/// <summary>Binds a generated cell's static functions (at compile time, by method group) to a <see cref="CellRunner{S, TP, TIn, THid, TState, TCache, TOut}"/>.</summary>
internal static class CellRunner
{
    public static ICellRunner Create<S, TP, TIn, THid, TState, TCache, TOut>(
        CellLayout layout,
        Func<TP> create,
        AsSpanFn<TP, S> asSpan,
        ForwardSequenceBatchFn<TP, TIn, THid, TState, TCache> forward,
        HeadForwardFn<TP, THid, TOut>? head,
        SoftmaxFn<TOut>? softmax)
        where S : unmanaged, IFloatingPointIeee754<S>
        where TP : class
        where TIn : struct
        where THid : struct
        where TState : struct
        where TCache : struct
        where TOut : struct =>
        new CellRunner<S, TP, TIn, THid, TState, TCache, TOut>(layout, create, asSpan, forward, head, softmax);
}

internal delegate Span<S> AsSpanFn<TP, S>(TP parameters);

internal delegate void ForwardSequenceBatchFn<TP, TIn, THid, TState, TCache>(
    TP p, ReadOnlySpan<TIn> inputs, int batchSize, ReadOnlySpan<TState> initial, Span<TState> final, Span<TCache> caches, Span<THid> outputs);

internal delegate TOut HeadForwardFn<TP, THid, TOut>(TP p, in THid h);

internal delegate TOut SoftmaxFn<TOut>(in TOut logits);

/// <summary>
/// The generic runner: value types (<c>Input</c>, <c>Hidden</c>, <c>Output</c>, <c>State</c>) are inline arrays of
/// scalars (a State is h then c), read and written as flat scalar runs with <see cref="MemoryMarshal"/>; the
/// constructor checks their sizes first.
/// </summary>
internal sealed class CellRunner<S, TP, TIn, THid, TState, TCache, TOut> : ICellRunner
    where S : unmanaged, IFloatingPointIeee754<S>
    where TP : class
    where TIn : struct
    where THid : struct
    where TState : struct
    where TCache : struct
    where TOut : struct
{
    private readonly Func<TP> _create;
    private readonly AsSpanFn<TP, S> _asSpan;
    private readonly ForwardSequenceBatchFn<TP, TIn, THid, TState, TCache> _forward;
    private readonly HeadForwardFn<TP, THid, TOut>? _head;
    private readonly SoftmaxFn<TOut>? _softmax;

    public CellRunner(
        CellLayout layout,
        Func<TP> create,
        AsSpanFn<TP, S> asSpan,
        ForwardSequenceBatchFn<TP, TIn, THid, TState, TCache> forward,
        HeadForwardFn<TP, THid, TOut>? head,
        SoftmaxFn<TOut>? softmax)
    {
        Layout = layout;
        _create = create;
        _asSpan = asSpan;
        _forward = forward;
        _head = head;
        _softmax = softmax;
        int scalar = Marshal.SizeOf<S>();
        int stateVectors = layout.Kind == RecurrentCellKind.Lstm ? 2 : 1;
        if (Unsafe.SizeOf<TIn>() != layout.InputSize * scalar
            || Unsafe.SizeOf<THid>() != layout.HiddenSize * scalar
            || Unsafe.SizeOf<TState>() != stateVectors * layout.HiddenSize * scalar
            || (layout.HasHead && Unsafe.SizeOf<TOut>() != layout.OutputSize * scalar))
        {
            throw new InvalidOperationException($"The generated value types of the {layout} cell are not the flat scalar runs this runner assumes.");
        }
    }

    public CellLayout Layout { get; }

    public bool IsFloat => typeof(S) == typeof(float);

    public GeneratedRun Run(double[] parameters, double[] x, int batch, double[]? h0, double[]? c0)
    {
        int d = Layout.InputSize;
        int h = Layout.HiddenSize;
        int v = Layout.OutputSize;
        int steps = x.Length / (batch * d);
        TP p = Parameters(parameters);

        TIn[] inputs = new TIn[steps * batch];
        Narrow(x, MemoryMarshal.Cast<TIn, S>(inputs.AsSpan()));

        TState[] initial = [];
        if (h0 is not null)
        {
            initial = new TState[batch];
            Span<S> flat = MemoryMarshal.Cast<TState, S>(initial.AsSpan());
            for (int b = 0; b < batch; b++)
            {
                Narrow(h0.AsSpan(b * h, h), flat.Slice(StateOffset(b), h));
                if (c0 is not null)
                {
                    Narrow(c0.AsSpan(b * h, h), flat.Slice(StateOffset(b) + h, h));
                }
            }
        }

        TState[] final = new TState[batch];
        // Flat step caches: the contract's CacheLength per step (7H for an LSTM, 2H for a tanh RNN).
        TCache[] caches = new TCache[steps * batch * (Layout.Kind == RecurrentCellKind.Lstm ? 7 : 2) * h];
        THid[] outputs = new THid[steps * batch];
        _forward(p, inputs, batch, initial, final, caches, outputs);

        double[] finalH = new double[batch * h];
        double[] finalC = Layout.Kind == RecurrentCellKind.Lstm ? new double[batch * h] : [];
        Span<S> finalFlat = MemoryMarshal.Cast<TState, S>(final.AsSpan());
        for (int b = 0; b < batch; b++)
        {
            Widen(finalFlat.Slice(StateOffset(b), h), finalH.AsSpan(b * h, h));
            if (finalC.Length > 0)
            {
                Widen(finalFlat.Slice(StateOffset(b) + h, h), finalC.AsSpan(b * h, h));
            }
        }

        double[] hidden = new double[steps * batch * h];
        Widen(MemoryMarshal.Cast<THid, S>(outputs), hidden);

        double[] logits = [];
        double[] probabilities = [];
        if (_head is not null && _softmax is not null)
        {
            TOut[] z = new TOut[outputs.Length];
            TOut[] y = new TOut[outputs.Length];
            for (int k = 0; k < outputs.Length; k++)
            {
                z[k] = _head(p, in outputs[k]);
                y[k] = _softmax(in z[k]);
            }

            logits = new double[outputs.Length * v];
            probabilities = new double[outputs.Length * v];
            Widen(MemoryMarshal.Cast<TOut, S>(z), logits);
            Widen(MemoryMarshal.Cast<TOut, S>(y), probabilities);
        }

        return new GeneratedRun(hidden, finalH, finalC, logits, probabilities);
    }

    public byte[] Export(double[] parameters, OnnxExportOptions? options = null)
    {
        TP p = Parameters(parameters);
        return OnnxExport.ToBytes<S>(Layout, _asSpan(p), options);
    }

    private int StateOffset(int b) => b * (Layout.Kind == RecurrentCellKind.Lstm ? 2 : 1) * Layout.HiddenSize;

    private TP Parameters(double[] values)
    {
        TP p = _create();
        Narrow(values, _asSpan(p));
        return p;
    }

    private static void Narrow(ReadOnlySpan<double> source, Span<S> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException($"Expected {destination.Length} values, got {source.Length}.", nameof(source));
        }

        for (int k = 0; k < source.Length; k++)
        {
            destination[k] = S.CreateChecked(source[k]);
        }
    }

    private static void Widen(ReadOnlySpan<S> source, Span<double> destination)
    {
        for (int k = 0; k < source.Length; k++)
        {
            destination[k] = double.CreateChecked(source[k]);
        }
    }
}
