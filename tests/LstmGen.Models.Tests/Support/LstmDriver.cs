using System.Numerics;
using LstmGen.Internal;
using LstmGen.Kernels;
using LstmGen.Reference;
using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests.Support;

/// <summary>Creates drivers for generated LSTM cells.</summary>
internal static class LstmDriver
{
    /// <summary>
    /// The driver of the generated LSTM cell <paramref name="name"/> whose kernel is <typeparamref name="TKernel"/>: it
    /// holds the cell as <see cref="IRecurrentCell{T}"/> (<see cref="RecurrentCell{TKernel, T}"/>), so one driver serves
    /// every cell without reflection.
    /// </summary>
    public static ISequenceDriver For<TKernel, S>(string name)
        where TKernel : struct, IRecurrentKernel<TKernel, S>
        where S : unmanaged, IFloatingPointIeee754<S> => new LstmDriver<S>(name, RecurrentCell<TKernel, S>.Instance);
}

/// <summary>
/// The driver behind <see cref="LstmDriver.For{TKernel, S}"/>: <c>ForwardSequence</c> → <c>SquaredError</c> →
/// <c>Bptt</c>, and the same sequence as a batch of one (<c>ForwardSequenceBatch</c> → <c>SquaredError</c> →
/// <c>BpttBatch</c>, fresh gradients) as a cross-check, seen through doubles. Parameters are written and read only
/// through <see cref="CellLayout"/>'s index functions; each step's values are read from its cache
/// <c>[h_prev | c_prev | i | f | g | o | tanh c]</c> (see <see cref="LstmLoopKernel{TShape, T}"/>).
/// </summary>
internal sealed class LstmDriver<S> : ISequenceDriver
    where S : unmanaged, IFloatingPointIeee754<S>
{
    private readonly IRecurrentCell<S> _cell;

    public LstmDriver(string name, IRecurrentCell<S> cell)
    {
        if (cell.Kind != RecurrentCellKind.Lstm)
        {
            throw new ArgumentException($"{name} is not an LSTM.", nameof(cell));
        }

        (Name, _cell) = (name, cell);
    }

    public string Name { get; }

    public int InputSize => _cell.InputSize;

    public int HiddenSize => _cell.HiddenSize;

    public int ParameterCount => _cell.ParameterCount;

    public bool IsFloat => typeof(S) == typeof(float);

    public double[] Flatten(ReferenceLstm reference)
    {
        var p = new S[ParameterCount];
        var (w, u, b) = Accessors(p);
        GateAccess.Write<S>(reference, w, u, b);
        return Num.D(p);
    }

    public CellRun Run(double[] theta, SequenceProblem s)
    {
        Guard.Length(theta.Length, ParameterCount, $"θ of {Name}", nameof(theta));
        S[] p = Num.To<S>(theta);
        int n = s.Steps, d = InputSize, h = HiddenSize, cacheLength = _cell.CacheLength;
        S[] xs = Num.To<S>([.. s.Xs.SelectMany(x => x)]), ys = Num.To<S>([.. s.Ys.SelectMany(y => y)]);
        S[] initial = Num.To<S>([.. s.H0, .. s.C0]);
        S[] final = new S[2 * h], caches = new S[n * cacheLength], outputs = new S[n * h], dh = new S[n * h], dx = new S[n * d];
        _cell.ForwardSequence(p, xs, initial, final, caches, outputs);
        S loss = _cell.SquaredError(outputs, ys, dh);
        S[] grads = new S[ParameterCount], d0 = new S[2 * h];
        _cell.Bptt(p, xs, caches, dh, d0, dx, grads);

        S[] helper = new S[ParameterCount], helperFinal = new S[2 * h], helperCaches = new S[n * cacheLength], helperOutputs = new S[n * h];
        _cell.ForwardSequenceBatch(p, xs, 1, initial, helperFinal, helperCaches, helperOutputs);
        S helperLoss = _cell.SquaredError(helperOutputs, ys, dh);
        _cell.BpttBatch(p, xs, 1, helperCaches, dh, new S[2 * h], default, helper);

        var steps = new StepRecord[n];
        for (int t = 0; t < n; t++)
        {
            int at = t * cacheLength;
            double[] Part(int k) => Num.D(caches[(at + (k * h))..(at + ((k + 1) * h))]);
            double[] c = t + 1 < n ? Num.D(caches.AsSpan(((t + 1) * cacheLength) + h, h).ToArray()) : Num.D(final[h..]);
            steps[t] = new StepRecord(
                Num.D(xs[(t * d)..((t + 1) * d)]), Part(0), Part(1), Part(2), Part(3), Part(4), Part(5), Part(6),
                Num.D(outputs[(t * h)..((t + 1) * h)]), c, Num.D(dx[(t * d)..((t + 1) * d)]));
        }

        var (dw, du, db) = Accessors(grads);
        return new CellRun(
            double.CreateTruncating(loss), steps, Num.D(final[..h]), Num.D(final[h..]), Num.D(grads), GateAccess.Read<S>(d, h, dw, du, db),
            Num.D(d0[..h]), Num.D(d0[h..]), double.CreateTruncating(helperLoss), Num.D(helperFinal[..h]), Num.D(helperFinal[h..]), Num.D(helper));
    }

    /// <summary>W, U and b of a flat buffer by gate, row and column, through <see cref="CellLayout"/>'s index functions.</summary>
    private (MatrixRef<S> W, MatrixRef<S> U, VectorRef<S> B) Accessors(S[] flat)
    {
        CellLayout layout = _cell.Layout;
        int h = HiddenSize;
        return (
            (gate, row, column) => ref flat[layout.InputWeightIndex(((int)gate * h) + row, column)],
            (gate, row, column) => ref flat[layout.RecurrentWeightIndex(((int)gate * h) + row, column)],
            (gate, row) => ref flat[layout.BiasIndex(((int)gate * h) + row)]);
    }
}
