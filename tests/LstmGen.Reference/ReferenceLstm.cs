using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Reference LSTM cell with an optional softmax head, in double precision. Gate arrays are indexed by
/// <see cref="ReferenceGate"/> (order <c>i, f, g, o</c>). Per step:
/// <code>
/// i = σ(W_i x + U_i h + b_i)      f = σ(W_f x + U_f h + b_f)
/// g = tanh(W_g x + U_g h + b_g)   o = σ(W_o x + U_o h + b_o)
/// c' = f ⊙ c + i ⊙ g              h' = o ⊙ tanh(c')
/// logits = Wy h' + By             p = softmax(logits)
/// </code>
/// The arrays and matrices are held by reference, not copied.
/// </summary>
public sealed partial class ReferenceLstm
{
    /// <summary>Creates a cell, validating all shapes.</summary>
    /// <param name="w">Input weights, 4 matrices H×D in gate order i, f, g, o.</param>
    /// <param name="u">Recurrent weights, 4 matrices H×H in gate order.</param>
    /// <param name="b">Biases, 4 vectors of length H in gate order.</param>
    /// <param name="wy">Optional head weights V×H (null for no head).</param>
    /// <param name="by">Optional head bias of length V (null exactly when <paramref name="wy"/> is null).</param>
    public ReferenceLstm(Matrix<double>[] w, Matrix<double>[] u, Vector<double>[] b, Matrix<double>? wy = null, Vector<double>? by = null)
    {
        Shapes.RequireCount(w, ReferenceGate.Count, nameof(w));
        Shapes.RequireCount(u, ReferenceGate.Count, nameof(u));
        Shapes.RequireCount(b, ReferenceGate.Count, nameof(b));
        int hidden = w[0].RowCount;
        int input = w[0].ColumnCount;
        for (int gate = 0; gate < ReferenceGate.Count; gate++)
        {
            Shapes.RequireShape(w[gate], hidden, input, $"W[{gate}]");
            Shapes.RequireShape(u[gate], hidden, hidden, $"U[{gate}]");
            Shapes.RequireLength(b[gate], hidden, $"B[{gate}]");
        }

        Shapes.RequireHead(wy, by, hidden);
        W = w;
        U = u;
        B = b;
        Wy = wy;
        By = by;
    }

    /// <summary>Input weights, 4 matrices H×D, indexed by <see cref="ReferenceGate"/>.</summary>
    public Matrix<double>[] W { get; }

    /// <summary>Recurrent weights, 4 matrices H×H, indexed by <see cref="ReferenceGate"/>.</summary>
    public Matrix<double>[] U { get; }

    /// <summary>Biases, 4 vectors of length H, indexed by <see cref="ReferenceGate"/>.</summary>
    public Vector<double>[] B { get; }

    /// <summary>Softmax head weights V×H, or null.</summary>
    public Matrix<double>? Wy { get; }

    /// <summary>Softmax head bias of length V, or null.</summary>
    public Vector<double>? By { get; }

    /// <summary>Input size D.</summary>
    public int InputSize => W[0].ColumnCount;

    /// <summary>Hidden (and cell) state size H.</summary>
    public int HiddenSize => W[0].RowCount;

    /// <summary>Head output size V, or 0 without a head.</summary>
    public int OutputSize => Wy?.RowCount ?? 0;

    /// <summary>True when the cell has a softmax head.</summary>
    public bool HasHead => Wy is not null;

    /// <summary>Runs one step from state (<paramref name="hPrev"/>, <paramref name="cPrev"/>).</summary>
    public LstmStep Step(Vector<double> x, Vector<double> hPrev, Vector<double> cPrev)
    {
        Shapes.RequireLength(x, InputSize, nameof(x));
        Shapes.RequireLength(hPrev, HiddenSize, nameof(hPrev));
        Shapes.RequireLength(cPrev, HiddenSize, nameof(cPrev));

        Vector<double> i = ReferenceMath.Sigmoid(PreActivation(ReferenceGate.Input, x, hPrev));
        Vector<double> f = ReferenceMath.Sigmoid(PreActivation(ReferenceGate.Forget, x, hPrev));
        Vector<double> g = ReferenceMath.Tanh(PreActivation(ReferenceGate.Candidate, x, hPrev));
        Vector<double> o = ReferenceMath.Sigmoid(PreActivation(ReferenceGate.Output, x, hPrev));

        Vector<double> c = f.PointwiseMultiply(cPrev) + i.PointwiseMultiply(g);
        Vector<double> tanhC = ReferenceMath.Tanh(c);
        Vector<double> h = o.PointwiseMultiply(tanhC);

        Vector<double>? logits = null;
        Vector<double>? probabilities = null;
        Vector<double>? logProbabilities = null;
        if (Wy is not null && By is not null)
        {
            logits = Wy * h + By;
            probabilities = ReferenceMath.Softmax(logits);
            logProbabilities = ReferenceMath.LogSoftmax(logits);
        }

        return new LstmStep(x, hPrev, cPrev, i, f, g, o, c, tanhC, h, logits, probabilities, logProbabilities);
    }

    /// <summary>Runs the whole sequence; <paramref name="h0"/> and <paramref name="c0"/> default to zeros.</summary>
    /// <returns>One <see cref="LstmStep"/> per input, in time order.</returns>
    public IReadOnlyList<LstmStep> Forward(IReadOnlyList<Vector<double>> inputs, Vector<double>? h0 = null, Vector<double>? c0 = null)
    {
        Vector<double> h = Shapes.StateOrZeros(h0, HiddenSize, nameof(h0));
        Vector<double> c = Shapes.StateOrZeros(c0, HiddenSize, nameof(c0));
        var steps = new List<LstmStep>(inputs.Count);
        foreach (Vector<double> x in inputs)
        {
            LstmStep step = Step(x, h, c);
            steps.Add(step);
            h = step.H;
            c = step.C;
        }

        return steps;
    }

    /// <summary>Sequence loss <c>Σ_t loss_t</c> (summed in time order).</summary>
    public double Loss(IReadOnlyList<Vector<double>> inputs, SequenceTargets targets, Vector<double>? h0 = null, Vector<double>? c0 = null)
    {
        targets.EnsureCompatible(inputs.Count, HasHead);
        IReadOnlyList<LstmStep> steps = Forward(inputs, h0, c0);
        double loss = 0;
        for (int t = 0; t < steps.Count; t++)
        {
            loss += targets.Evaluate(t, steps[t].H, steps[t].Logits).Value;
        }

        return loss;
    }

    /// <summary>Pre-activation <c>W_gate x + U_gate h + b_gate</c>.</summary>
    private Vector<double> PreActivation(int gate, Vector<double> x, Vector<double> hPrev) =>
        W[gate] * x + U[gate] * hPrev + B[gate];
}
