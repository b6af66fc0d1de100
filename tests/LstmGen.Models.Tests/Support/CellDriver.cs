using System.Numerics;
using LstmGen.Kernels;
using GenReduction = LstmGen.BatchReduction;

namespace LstmGen.Models.Tests.Support;

/// <summary>Creates drivers for generated cells.</summary>
internal static class CellDriver
{
    /// <summary>
    /// The driver of the generated cell whose kernel is <typeparamref name="TKernel"/>: it holds the cell as
    /// <see cref="IRecurrentCell{T}"/> (<see cref="RecurrentCell{TKernel, T}"/>), so one driver serves every cell
    /// without reflection.
    /// </summary>
    public static ICellDriver For<TKernel, S>(string name)
        where TKernel : struct, IRecurrentKernel<TKernel, S>
        where S : unmanaged, IFloatingPointIeee754<S> => new CellDriver<S>(name, RecurrentCell<TKernel, S>.Instance);
}

/// <summary>
/// The driver behind <see cref="CellDriver.For{TKernel, S}"/>: converts the problem to flat spans of the cell's scalar
/// type <typeparamref name="S"/> in the contract's layouts (parameters by <see cref="CellLayout"/>, sequences
/// time-major), calls the cell through the adapter, and converts back.
/// </summary>
internal sealed partial class CellDriver<S>(string name, IRecurrentCell<S> cell) : ICellDriver
    where S : unmanaged, IFloatingPointIeee754<S>
{
    private readonly int[] _perm = ReferencePermutation(cell.Layout);

    public string Name { get; } = name;

    public RecurrentCellKind Kind => cell.Kind;

    public bool IsLstm => cell.Kind == RecurrentCellKind.Lstm;

    public bool HasHead => OutputSize > 0;

    public bool HasBias => cell.Layout.HasBias;

    public bool IsFloat => typeof(S) == typeof(float);

    public int InputSize => cell.InputSize;

    public int HiddenSize => cell.HiddenSize;

    public int OutputSize => cell.OutputSize;

    public int ParameterCount => cell.ParameterCount;

    public IReadOnlyList<int> GeneratedIndexOfReference => _perm;

    public double Round(double value) => double.CreateTruncating(S.CreateTruncating(value));

    public BatchRun RunLowLevel(double[] referenceTheta, BatchProblem problem)
    {
        S[] p = Parameters(referenceTheta);
        Forwarded run = Forward(p, problem);
        var dp = new S[ParameterCount];
        var dOutputs = new S[problem.Count * HiddenSize];
        double loss = double.CreateTruncating(Loss(p, problem, run.Outputs, dOutputs, dp, GenReduction.Sum));
        double[][]? probabilities = null, logProbabilities = null;
        if (problem.Loss != LossKind.Mse)
        {
            (probabilities, logProbabilities) = (new double[problem.Count][], new double[problem.Count][]);
            S[] logits = new S[OutputSize], softmax = new S[OutputSize], logSoftmax = new S[OutputSize];
            for (int k = 0; k < problem.Count; k++)
            {
                cell.HeadForward(p, run.Outputs.AsSpan(k * HiddenSize, HiddenSize), logits);
                cell.Softmax(logits, softmax);
                cell.LogSoftmax(logits, logSoftmax);
                (probabilities[k], logProbabilities[k]) = (Doubles(softmax), Doubles(logSoftmax));
            }
        }

        var dInitial = new S[problem.Batch * cell.StateLength];
        S[]? dxs = problem.Indices is null ? new S[problem.Count * InputSize] : null;
        if (problem.Indices is null)
        {
            cell.BpttBatch(p, Flat(problem.Xs), problem.Batch, run.Caches, dOutputs, dInitial, dxs, dp);
        }
        else
        {
            cell.BpttBatch(p, problem.Indices, problem.Batch, run.Caches, dOutputs, dInitial, dp);
        }

        return new BatchRun(
            loss,
            Rows(run.Outputs, HiddenSize),
            IsLstm ? CellStates(problem, run) : null,
            probabilities,
            logProbabilities,
            ReferenceOrder(dp),
            dxs is null ? null : Rows(dxs, InputSize),
            Halves(dInitial, 0),
            IsLstm ? Halves(dInitial, 1) : null,
            Halves(run.Final, 0),
            IsLstm ? Halves(run.Final, 1) : null);
    }

    public BatchRun RunOneCall(double[] referenceTheta, BatchProblem problem, GenReduction reduction)
    {
        S[] p = Parameters(referenceTheta);
        var dp = new S[ParameterCount];
        (S loss, S[] final) = Train(p, problem, reduction, dp);
        return new BatchRun(
            double.CreateTruncating(loss), null, null, null, null, ReferenceOrder(dp), null, null, null,
            Halves(final, 0), IsLstm ? Halves(final, 1) : null);
    }

    public BatchRun RunOneCallSingle(double[] referenceTheta, BatchProblem problem)
    {
        if (problem.Batch != 1)
        {
            throw new ArgumentException("The single-sequence functions take one sequence.", nameof(problem));
        }

        return RunOneCallOneByOne(referenceTheta, problem);
    }

    public BatchRun RunOneCallOneByOne(double[] referenceTheta, BatchProblem problem)
    {
        S[] p = Parameters(referenceTheta);
        var dp = new S[ParameterCount];
        S loss = S.Zero;
        var finals = new S[problem.Batch][];
        for (int b = 0; b < problem.Batch; b++)
        {
            (S sampleLoss, finals[b]) = TrainSingle(p, problem.Sample(b), dp);
            loss += sampleLoss;
        }

        S[] final = [.. finals.SelectMany(f => f)];
        return new BatchRun(
            double.CreateTruncating(loss), null, null, null, null, ReferenceOrder(dp), null, null, null,
            Halves(final, 0), IsLstm ? Halves(final, 1) : null);
    }

    public double ForwardLoss(double[] referenceTheta, BatchProblem problem)
    {
        S[] p = Parameters(referenceTheta);
        Forwarded run = Forward(p, problem);
        return double.CreateTruncating(Loss(p, problem, run.Outputs, new S[run.Outputs.Length], new S[ParameterCount], GenReduction.Sum));
    }

    /// <summary>Forward, loss and BPTT of the whole batch in the batched functions, adding into <paramref name="dp"/>.</summary>
    private (S Loss, S[] Final) Train(S[] p, BatchProblem problem, GenReduction reduction, S[] dp)
    {
        Forwarded run = Forward(p, problem);
        var dOutputs = new S[run.Outputs.Length];
        S loss = Loss(p, problem, run.Outputs, dOutputs, dp, reduction);
        var dInitial = new S[problem.Batch * cell.StateLength];
        if (problem.Indices is null)
        {
            cell.BpttBatch(p, Flat(problem.Xs), problem.Batch, run.Caches, dOutputs, dInitial, default, dp);
        }
        else
        {
            cell.BpttBatch(p, problem.Indices, problem.Batch, run.Caches, dOutputs, dInitial, dp);
        }

        return (loss, run.Final);
    }

    /// <summary>Forward, loss and BPTT of one sequence (m = 1) in the single-sequence functions, adding into <paramref name="dp"/>.</summary>
    private (S Loss, S[] Final) TrainSingle(S[] p, BatchProblem sample, S[] dp)
    {
        int n = sample.Steps, s = cell.StateLength;
        S[] initial = InitialStates(sample), final = new S[s], caches = new S[n * cell.CacheLength], outputs = new S[n * HiddenSize];
        if (sample.Indices is null)
        {
            cell.ForwardSequence(p, Flat(sample.Xs), initial, final, caches, outputs);
        }
        else
        {
            cell.ForwardSequence(p, sample.Indices, initial, final, caches, outputs);
        }

        var dOutputs = new S[outputs.Length];
        S loss = Loss(p, sample, outputs, dOutputs, dp, GenReduction.Sum);
        var dInitial = new S[s];
        if (sample.Indices is null)
        {
            cell.Bptt(p, Flat(sample.Xs), caches, dOutputs, dInitial, default, dp);
        }
        else
        {
            cell.Bptt(p, sample.Indices, caches, dOutputs, dInitial, dp);
        }

        return (loss, final);
    }

    private Forwarded Forward(S[] p, BatchProblem problem)
    {
        int n = problem.Count;
        var run = new Forwarded(new S[n * cell.CacheLength], new S[n * HiddenSize], new S[problem.Batch * cell.StateLength]);
        S[] initial = InitialStates(problem);
        if (problem.Indices is null)
        {
            cell.ForwardSequenceBatch(p, Flat(problem.Xs), problem.Batch, initial, run.Final, run.Caches, run.Outputs);
        }
        else
        {
            cell.ForwardSequenceBatch(p, problem.Indices, problem.Batch, initial, run.Final, run.Caches, run.Outputs);
        }

        return run;
    }

    /// <summary>The problem's loss over the outputs [T × m × H]: ∂L/∂h written into dOutputs, the head's gradient added into dp.</summary>
    private S Loss(S[] p, BatchProblem problem, S[] outputs, S[] dOutputs, S[] dp, GenReduction reduction) => problem.Loss switch
    {
        LossKind.Mse => cell.SquaredError(outputs, Flat(problem.HiddenTargets!), dOutputs, reduction, problem.Batch),
        LossKind.ClassIndex => cell.CrossEntropy(p, outputs, problem.Classes!, dOutputs, dp, reduction, problem.Batch),
        _ => cell.CrossEntropy(p, outputs, Flat(problem.Distributions!), dOutputs, dp, reduction, problem.Batch),
    };

    private S[] InitialStates(BatchProblem problem)
    {
        int h = HiddenSize, s = cell.StateLength;
        var states = new S[problem.Batch * s];
        for (int b = 0; b < problem.Batch; b++)
        {
            Scalars(problem.H0[b], states.AsSpan(b * s, h));
            if (IsLstm)
            {
                Scalars(problem.C0![b], states.AsSpan((b * s) + h, h));
            }
        }

        return states;
    }

    /// <summary>
    /// c_t for every element: the c_prev that the next step cached (the LSTM cache is <c>[h_prev | c_prev | …]</c>, see
    /// <see cref="LstmLoopKernel{TShape, T}"/>), or the final state after the last step.
    /// </summary>
    private double[][] CellStates(BatchProblem problem, Forwarded run)
    {
        int h = HiddenSize, cache = cell.CacheLength, s = cell.StateLength;
        var c = new double[problem.Count][];
        for (int t = 0; t < problem.Steps; t++)
        {
            for (int b = 0; b < problem.Batch; b++)
            {
                c[problem.At(t, b)] = t + 1 < problem.Steps
                    ? Doubles(run.Caches.AsSpan((problem.At(t + 1, b) * cache) + h, h))
                    : Doubles(run.Final.AsSpan((b * s) + h, h));
            }
        }

        return c;
    }

    private S[] Parameters(double[] referenceTheta)
    {
        if (referenceTheta.Length != ParameterCount)
        {
            throw new ArgumentException($"{Name} has {ParameterCount} parameters, got {referenceTheta.Length}.");
        }

        var p = new S[ParameterCount];
        for (int k = 0; k < _perm.Length; k++)
        {
            p[_perm[k]] = S.CreateTruncating(referenceTheta[k]);
        }

        return p;
    }

    private double[] ReferenceOrder(S[] generated) => [.. _perm.Select(index => double.CreateTruncating(generated[index]))];

    /// <summary>
    /// The index in the contract's flat buffer (<see cref="CellLayout"/>'s index functions) of each entry of
    /// <see cref="LstmGen.Reference.FlatParameters"/> order: per gate W (H × D, row by row), U (H × H), b (H); for a GRU
    /// then b_hn (H); then the head's W_y (V × H) and b_y (V). A bias-free cell has no b and no b_hn.
    /// </summary>
    private static int[] ReferencePermutation(CellLayout layout)
    {
        int d = layout.InputSize, h = layout.HiddenSize, v = layout.OutputSize;
        var indices = new List<int>(layout.ParameterCount);
        for (int gate = 0; gate < layout.GateCount; gate++)
        {
            int Row(int r) => (gate * h) + r;
            indices.AddRange(Grid(h, d, (r, k) => layout.InputWeightIndex(Row(r), k)));
            indices.AddRange(Grid(h, h, (r, k) => layout.RecurrentWeightIndex(Row(r), k)));
            if (layout.HasBias)
            {
                indices.AddRange(Enumerable.Range(0, h).Select(r => layout.BiasIndex(Row(r))));
            }
        }

        indices.AddRange(Enumerable.Range(0, layout.RecurrentBiasCount).Select(layout.RecurrentBiasIndex));
        indices.AddRange(Grid(v, h, layout.HeadWeightIndex));
        indices.AddRange(Enumerable.Range(0, v).Select(layout.HeadBiasIndex));
        if (indices.Count != layout.ParameterCount || indices.Distinct().Count() != layout.ParameterCount)
        {
            throw new InvalidOperationException($"The reference order does not cover the {layout.ParameterCount} parameters of {layout} exactly once.");
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

    /// <summary>Rows [m][S] → the h (half 0) or c (half 1) of each.</summary>
    private double[][] Halves(S[] states, int half)
    {
        int s = cell.StateLength;
        return [.. Enumerable.Range(0, states.Length / s).Select(b => Doubles(states.AsSpan((b * s) + (half * HiddenSize), HiddenSize)))];
    }

    private static double[][] Rows(S[] flat, int width) =>
        [.. Enumerable.Range(0, flat.Length / width).Select(k => Doubles(flat.AsSpan(k * width, width)))];

    private static S[] Flat(double[][] rows)
    {
        var flat = new S[rows.Sum(r => r.Length)];
        int at = 0;
        foreach (double[] row in rows)
        {
            Scalars(row, flat.AsSpan(at, row.Length));
            at += row.Length;
        }

        return flat;
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

    /// <summary>What a batched forward pass leaves: caches [T × m × CacheLength], outputs [T × m × H], final states [m × S].</summary>
    private sealed record Forwarded(S[] Caches, S[] Outputs, S[] Final);
}
