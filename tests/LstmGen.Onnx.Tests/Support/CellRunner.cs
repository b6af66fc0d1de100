using System.Numerics;

namespace LstmGen.Onnx.Tests.Support;

/// <summary>
/// A generated cell held as <see cref="IRecurrentCell{T}"/> (<see cref="RecurrentCell{TKernel, T}"/>), run over flat
/// time-major buffers of its scalar type <typeparamref name="S"/> and seen through doubles.
/// </summary>
internal sealed class CellRunner<S>(IRecurrentCell<S> cell) : ICellRunner
    where S : unmanaged, IFloatingPointIeee754<S>
{
    public CellLayout Layout => cell.Layout;

    public bool IsFloat => typeof(S) == typeof(float);

    public GeneratedRun Run(double[] parameters, double[] x, int batch, double[]? h0, double[]? c0)
    {
        int h = cell.HiddenSize, v = cell.OutputSize, s = cell.StateLength;
        int steps = x.Length / (batch * cell.InputSize);
        S[] p = Narrow(parameters, cell.ParameterCount);

        S[] initial = [];
        if (h0 is not null)
        {
            initial = new S[batch * s];
            for (int b = 0; b < batch; b++)
            {
                Narrow(h0.AsSpan(b * h, h), initial.AsSpan(b * s, h));
                if (c0 is not null)
                {
                    Narrow(c0.AsSpan(b * h, h), initial.AsSpan((b * s) + h, h));
                }
            }
        }

        S[] final = new S[batch * s], caches = new S[steps * batch * cell.CacheLength], outputs = new S[steps * batch * h];
        cell.ForwardSequenceBatch(p, Narrow(x, x.Length), batch, initial, final, caches, outputs);

        double[] finalH = new double[batch * h];
        double[] finalC = Layout.Kind == RecurrentCellKind.Lstm ? new double[batch * h] : [];
        for (int b = 0; b < batch; b++)
        {
            Widen(final.AsSpan(b * s, h), finalH.AsSpan(b * h, h));
            if (finalC.Length > 0)
            {
                Widen(final.AsSpan((b * s) + h, h), finalC.AsSpan(b * h, h));
            }
        }

        double[] hidden = new double[outputs.Length];
        Widen(outputs, hidden);

        double[] logits = [];
        double[] probabilities = [];
        if (Layout.HasHead)
        {
            int n = steps * batch;
            S[] z = new S[n * v], y = new S[n * v];
            for (int k = 0; k < n; k++)
            {
                cell.HeadForward(p, outputs.AsSpan(k * h, h), z.AsSpan(k * v, v));
                cell.Softmax(z.AsSpan(k * v, v), y.AsSpan(k * v, v));
            }

            (logits, probabilities) = (new double[z.Length], new double[y.Length]);
            Widen(z, logits);
            Widen(y, probabilities);
        }

        return new GeneratedRun(hidden, finalH, finalC, logits, probabilities);
    }

    public byte[] Export(double[] parameters, OnnxExportOptions? options = null) =>
        OnnxExport.ToBytes<S>(Layout, Narrow(parameters, cell.ParameterCount), options);

    private static S[] Narrow(double[] source, int expected)
    {
        var destination = new S[expected];
        Narrow(source, destination);
        return destination;
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
