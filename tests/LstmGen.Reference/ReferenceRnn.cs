using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Reference vanilla tanh RNN cell with an optional softmax head, in double precision. Per step:
/// <code>
/// h' = tanh(Wx x + Wh h + b)
/// logits = Wy h' + By             p = softmax(logits)
/// </code>
/// The matrices and vectors are held by reference, not copied.
/// </summary>
public sealed partial class ReferenceRnn
{
    /// <summary>Creates a cell, validating all shapes.</summary>
    /// <param name="wx">Input weights H×D.</param>
    /// <param name="wh">Recurrent weights H×H.</param>
    /// <param name="b">Bias of length H.</param>
    /// <param name="wy">Optional head weights V×H (null for no head).</param>
    /// <param name="by">Optional head bias of length V (null exactly when <paramref name="wy"/> is null).</param>
    public ReferenceRnn(Matrix<double> wx, Matrix<double> wh, Vector<double> b, Matrix<double>? wy = null, Vector<double>? by = null)
    {
        int hidden = wx.RowCount;
        Shapes.RequireShape(wh, hidden, hidden, nameof(wh));
        Shapes.RequireLength(b, hidden, nameof(b));
        Shapes.RequireHead(wy, by, hidden);
        Wx = wx;
        Wh = wh;
        B = b;
        Wy = wy;
        By = by;
    }

    /// <summary>Input weights H×D.</summary>
    public Matrix<double> Wx { get; }

    /// <summary>Recurrent weights H×H.</summary>
    public Matrix<double> Wh { get; }

    /// <summary>Bias of length H.</summary>
    public Vector<double> B { get; }

    /// <summary>Softmax head weights V×H, or null.</summary>
    public Matrix<double>? Wy { get; }

    /// <summary>Softmax head bias of length V, or null.</summary>
    public Vector<double>? By { get; }

    /// <summary>Input size D.</summary>
    public int InputSize => Wx.ColumnCount;

    /// <summary>Hidden state size H.</summary>
    public int HiddenSize => Wx.RowCount;

    /// <summary>Head output size V, or 0 without a head.</summary>
    public int OutputSize => Wy?.RowCount ?? 0;

    /// <summary>True when the cell has a softmax head.</summary>
    public bool HasHead => Wy is not null;

    /// <summary>Runs one step from hidden state <paramref name="hPrev"/>.</summary>
    public RnnStep Step(Vector<double> x, Vector<double> hPrev)
    {
        Shapes.RequireLength(x, InputSize, nameof(x));
        Shapes.RequireLength(hPrev, HiddenSize, nameof(hPrev));

        Vector<double> h = ReferenceMath.Tanh(Wx * x + Wh * hPrev + B);

        Vector<double>? logits = null;
        Vector<double>? probabilities = null;
        Vector<double>? logProbabilities = null;
        if (Wy is not null && By is not null)
        {
            logits = Wy * h + By;
            probabilities = ReferenceMath.Softmax(logits);
            logProbabilities = ReferenceMath.LogSoftmax(logits);
        }

        return new RnnStep(x, hPrev, h, logits, probabilities, logProbabilities);
    }

    /// <summary>Runs the whole sequence; <paramref name="h0"/> defaults to zeros.</summary>
    /// <returns>One <see cref="RnnStep"/> per input, in time order.</returns>
    public IReadOnlyList<RnnStep> Forward(IReadOnlyList<Vector<double>> inputs, Vector<double>? h0 = null)
    {
        Vector<double> h = Shapes.StateOrZeros(h0, HiddenSize, nameof(h0));
        var steps = new List<RnnStep>(inputs.Count);
        foreach (Vector<double> x in inputs)
        {
            RnnStep step = Step(x, h);
            steps.Add(step);
            h = step.H;
        }

        return steps;
    }

    /// <summary>Sequence loss <c>Σ_t loss_t</c> (summed in time order).</summary>
    public double Loss(IReadOnlyList<Vector<double>> inputs, SequenceTargets targets, Vector<double>? h0 = null)
    {
        targets.EnsureCompatible(inputs.Count, HasHead);
        IReadOnlyList<RnnStep> steps = Forward(inputs, h0);
        double loss = 0;
        for (int t = 0; t < steps.Count; t++)
        {
            loss += targets.Evaluate(t, steps[t].H, steps[t].Logits).Value;
        }

        return loss;
    }
}
