using System.Numerics;

namespace LstmGen.Models.Tests.Support;

/// <summary>One time step of a generated cell's run, widened to double: the cache, the new state and dL/dx_t.</summary>
internal sealed record StepRecord(
    double[] X, double[] HPrev, double[] CPrev, double[] I, double[] F, double[] G, double[] O, double[] TanhC,
    double[] H, double[] C, double[] Dx)
{
    public static StepRecord Of<T>(T[] x, T[] hPrev, T[] cPrev, T[] i, T[] f, T[] g, T[] o, T[] tanhC, T[] h, T[] c, T[] dx)
        where T : INumberBase<T> =>
        new(Num.D(x), Num.D(hPrev), Num.D(cPrev), Num.D(i), Num.D(f), Num.D(g), Num.D(o), Num.D(tanhC), Num.D(h), Num.D(c), Num.D(dx));

    /// <summary>Every tensor with a name, for exhaustive comparisons.</summary>
    public IEnumerable<(string Name, double[] Values)> Tensors() =>
    [
        ("x", X), ("h_prev", HPrev), ("c_prev", CPrev), ("i", I), ("f", F), ("g", G), ("o", O), ("tanh c", TanhC),
        ("h", H), ("c", C), ("dx", Dx),
    ];
}

/// <summary>
/// Everything one run of a generated cell over a sequence produces (ForwardSequence → SquaredError → Bptt), plus the
/// same sequence as a batch of one (ForwardSequenceBatch → SquaredError → BpttBatch, fresh gradients) as a cross-check.
/// </summary>
/// <param name="Loss">Σ_t ½‖h_t − y_t‖² from <c>SquaredError</c>.</param>
/// <param name="Steps">Per-step caches, states and dL/dx_t.</param>
/// <param name="FinalH">h after the last step, as returned by <c>ForwardSequence</c>.</param>
/// <param name="FinalC">c after the last step.</param>
/// <param name="FlatGradients">dθ from <c>Bptt</c>, in the flat layout of <see cref="CellLayout"/>.</param>
/// <param name="Gradients">The same dθ read through <see cref="CellLayout"/>'s index functions.</param>
/// <param name="DH0">dL/dh_{-1} returned by <c>Bptt</c>.</param>
/// <param name="DC0">dL/dc_{-1} returned by <c>Bptt</c>.</param>
/// <param name="HelperLoss">Loss of the batch-of-one run.</param>
/// <param name="HelperFinalH">Final h of the batch-of-one run.</param>
/// <param name="HelperFinalC">Final c of the batch-of-one run.</param>
/// <param name="HelperFlatGradients">dθ of the batch-of-one run into fresh gradients, flat layout.</param>
internal sealed record CellRun(
    double Loss,
    StepRecord[] Steps,
    double[] FinalH,
    double[] FinalC,
    double[] FlatGradients,
    GateTensors Gradients,
    double[] DH0,
    double[] DC0,
    double HelperLoss,
    double[] HelperFinalH,
    double[] HelperFinalC,
    double[] HelperFlatGradients);

/// <summary>One sequence problem in double: inputs x_t (D), targets y_t (H), and the initial state.</summary>
internal sealed record SequenceProblem(double[][] Xs, double[][] Ys, double[] H0, double[] C0)
{
    public int Steps => Xs.Length;

    /// <summary>A copy with one input entry replaced (for finite differences).</summary>
    public SequenceProblem WithX(int t, int j, double value)
    {
        double[][] xs = [.. Xs.Select(x => (double[])x.Clone())];
        xs[t][j] = value;
        return this with { Xs = xs };
    }

    /// <summary>A copy with one entry of h_{-1} replaced.</summary>
    public SequenceProblem WithH0(int j, double value)
    {
        double[] h0 = (double[])H0.Clone();
        h0[j] = value;
        return this with { H0 = h0 };
    }

    /// <summary>A copy with one entry of c_{-1} replaced.</summary>
    public SequenceProblem WithC0(int j, double value)
    {
        double[] c0 = (double[])C0.Clone();
        c0[j] = value;
        return this with { C0 = c0 };
    }
}

/// <summary>
/// A generated cell behind a uniform, double-valued interface, so that one comparison routine serves every declared
/// cell (each cell is its own static type). Implementations live in <c>Drivers/</c>.
/// </summary>
internal interface ISequenceDriver
{
    string Name { get; }

    int InputSize { get; }

    int HiddenSize { get; }

    int ParameterCount { get; }

    bool IsFloat { get; }

    /// <summary>θ in the flat layout of <see cref="CellLayout"/>, filled from the reference through its index functions.</summary>
    double[] Flatten(Reference.ReferenceLstm reference);

    /// <summary>Runs the cell on <paramref name="problem"/> with flat parameters <paramref name="theta"/>.</summary>
    CellRun Run(double[] theta, SequenceProblem problem);
}
