namespace LstmGen.Models.Tests.Support;

/// <summary>The loss a problem is scored with.</summary>
public enum LossKind
{
    /// <summary><c>Σ_t ½‖h_t − y_t‖²</c> on the hidden state (cells without a head).</summary>
    Mse,

    /// <summary>Softmax cross-entropy against one class index per step.</summary>
    ClassIndex,

    /// <summary>Softmax cross-entropy against one target distribution per step.</summary>
    Distribution,
}

/// <summary>
/// A batch of m independent sequences of T steps, in double, time-major: element (t, b) is at <c>t * m + b</c>
/// (the generated batch layout). When <see cref="Indices"/> is set the inputs are one-hot class indices and
/// <see cref="Xs"/> holds the equivalent dense one-hot vectors (what the reference reads).
/// </summary>
internal sealed record BatchProblem(
    int Steps,
    int Batch,
    LossKind Loss,
    double[][] Xs,
    int[]? Indices,
    double[][] H0,
    double[][]? C0,
    double[][]? HiddenTargets,
    int[]? Classes,
    double[][]? Distributions)
{
    public int Count => Steps * Batch;

    public int At(int t, int b) => (t * Batch) + b;

    /// <summary>A copy with input entry <c>x[at][j]</c> replaced (finite differences; dense inputs only).</summary>
    public BatchProblem WithX(int at, int j, double value) => this with { Xs = Replace(Xs, at, j, value) };

    /// <summary>A copy with <c>h0[b][j]</c> replaced.</summary>
    public BatchProblem WithH0(int b, int j, double value) => this with { H0 = Replace(H0, b, j, value) };

    /// <summary>A copy with <c>c0[b][j]</c> replaced (LSTM only).</summary>
    public BatchProblem WithC0(int b, int j, double value) => this with { C0 = Replace(C0!, b, j, value) };

    /// <summary>Sequence <paramref name="b"/> alone, as a batch of one.</summary>
    public BatchProblem Sample(int b)
    {
        int[] picks = [.. Enumerable.Range(0, Steps).Select(t => At(t, b))];
        return new BatchProblem(
            Steps,
            1,
            Loss,
            [.. picks.Select(i => Xs[i])],
            Indices is null ? null : [.. picks.Select(i => Indices[i])],
            [H0[b]],
            C0 is null ? null : [C0[b]],
            HiddenTargets is null ? null : [.. picks.Select(i => HiddenTargets[i])],
            Classes is null ? null : [.. picks.Select(i => Classes[i])],
            Distributions is null ? null : [.. picks.Select(i => Distributions[i])]);
    }

    private static double[][] Replace(double[][] rows, int row, int column, double value)
    {
        double[][] copy = [.. rows.Select(r => (double[])r.Clone())];
        copy[row][column] = value;
        return copy;
    }
}

/// <summary>
/// Everything one batched run produces, widened to double and in the reference's flat parameter order
/// (<see cref="LstmGen.Reference.FlatParameters"/>), so generated and reference runs compare entry by entry.
/// Per-element arrays are time-major (t * m + b); null where a path does not produce the value.
/// </summary>
internal sealed record BatchRun(
    double Loss,
    double[][]? H,
    double[][]? C,
    double[][]? Probabilities,
    double[][]? LogProbabilities,
    double[] Gradients,
    double[][]? Dx,
    double[][]? DH0,
    double[][]? DC0,
    double[][] FinalH,
    double[][]? FinalC);
