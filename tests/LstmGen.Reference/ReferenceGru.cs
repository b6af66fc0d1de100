using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Reference GRU cell with an optional softmax head, in double precision, written from PyTorch's <c>nn.GRU</c>
/// equations. Gate arrays are indexed by <see cref="ReferenceGruGate"/> (order <c>r, z, n</c>). Per step:
/// <code>
/// r = σ(W_r x + b_r + U_r h)      z = σ(W_z x + b_z + U_z h)
/// n = tanh(W_n x + b_in + r ⊙ (U_n h + b_hn))
/// h' = (1 − z) ⊙ n + z ⊙ h
/// logits = Wy h' + By             p = softmax(logits)
/// </code>
/// <c>b_r</c> and <c>b_z</c> are PyTorch's two biases of the gate summed (<c>b_ir + b_hr</c>, <c>b_iz + b_hz</c>);
/// <c>B[n]</c> is <c>b_in</c> alone and <see cref="Bhn"/> is <c>b_hn</c>, which sits inside the reset product.
/// The arrays and matrices are held by reference, not copied.
/// </summary>
public sealed partial class ReferenceGru
{
    /// <summary>Creates a cell, validating all shapes.</summary>
    /// <param name="w">Input weights, 3 matrices H×D in gate order r, z, n.</param>
    /// <param name="u">Recurrent weights, 3 matrices H×H in gate order.</param>
    /// <param name="b">Biases, 3 vectors of length H in gate order: b_r (summed), b_z (summed), b_in.</param>
    /// <param name="bhn">The recurrent bias of the new gate, b_hn (length H).</param>
    /// <param name="wy">Optional head weights V×H (null for no head).</param>
    /// <param name="by">Optional head bias of length V (null exactly when <paramref name="wy"/> is null).</param>
    public ReferenceGru(Matrix<double>[] w, Matrix<double>[] u, Vector<double>[] b, Vector<double> bhn, Matrix<double>? wy = null, Vector<double>? by = null)
    {
        Shapes.RequireCount(w, ReferenceGruGate.Count, nameof(w));
        Shapes.RequireCount(u, ReferenceGruGate.Count, nameof(u));
        Shapes.RequireCount(b, ReferenceGruGate.Count, nameof(b));
        int hidden = w[0].RowCount;
        int input = w[0].ColumnCount;
        for (int gate = 0; gate < ReferenceGruGate.Count; gate++)
        {
            Shapes.RequireShape(w[gate], hidden, input, $"W[{gate}]");
            Shapes.RequireShape(u[gate], hidden, hidden, $"U[{gate}]");
            Shapes.RequireLength(b[gate], hidden, $"B[{gate}]");
        }

        Shapes.RequireLength(bhn, hidden, nameof(bhn));
        Shapes.RequireHead(wy, by, hidden);
        W = w;
        U = u;
        B = b;
        Bhn = bhn;
        Wy = wy;
        By = by;
    }

    /// <summary>Input weights, 3 matrices H×D, indexed by <see cref="ReferenceGruGate"/>.</summary>
    public Matrix<double>[] W { get; }

    /// <summary>Recurrent weights, 3 matrices H×H, indexed by <see cref="ReferenceGruGate"/>.</summary>
    public Matrix<double>[] U { get; }

    /// <summary>Biases, 3 vectors of length H: b_r, b_z (each PyTorch's two biases summed) and b_in.</summary>
    public Vector<double>[] B { get; }

    /// <summary>The recurrent bias of the new gate, b_hn (length H).</summary>
    public Vector<double> Bhn { get; }

    /// <summary>Softmax head weights V×H, or null.</summary>
    public Matrix<double>? Wy { get; }

    /// <summary>Softmax head bias of length V, or null.</summary>
    public Vector<double>? By { get; }

    /// <summary>Input size D.</summary>
    public int InputSize => W[0].ColumnCount;

    /// <summary>Hidden state size H.</summary>
    public int HiddenSize => W[0].RowCount;

    /// <summary>Head output size V, or 0 without a head.</summary>
    public int OutputSize => Wy?.RowCount ?? 0;

    /// <summary>True when the cell has a softmax head.</summary>
    public bool HasHead => Wy is not null;

    /// <summary>Runs one step from hidden state <paramref name="hPrev"/>.</summary>
    public GruStep Step(Vector<double> x, Vector<double> hPrev)
    {
        Shapes.RequireLength(x, InputSize, nameof(x));
        Shapes.RequireLength(hPrev, HiddenSize, nameof(hPrev));
        const int r = ReferenceGruGate.Reset, z = ReferenceGruGate.Update, n = ReferenceGruGate.New;

        Vector<double> reset = ReferenceMath.Sigmoid(W[r] * x + B[r] + U[r] * hPrev);
        Vector<double> update = ReferenceMath.Sigmoid(W[z] * x + B[z] + U[z] * hPrev);
        Vector<double> hn = U[n] * hPrev + Bhn;
        Vector<double> candidate = ReferenceMath.Tanh(W[n] * x + B[n] + reset.PointwiseMultiply(hn));
        Vector<double> h = (1.0 - update).PointwiseMultiply(candidate) + update.PointwiseMultiply(hPrev);

        Vector<double>? logits = null;
        Vector<double>? probabilities = null;
        Vector<double>? logProbabilities = null;
        if (Wy is not null && By is not null)
        {
            logits = Wy * h + By;
            probabilities = ReferenceMath.Softmax(logits);
            logProbabilities = ReferenceMath.LogSoftmax(logits);
        }

        return new GruStep(x, hPrev, reset, update, hn, candidate, h, logits, probabilities, logProbabilities);
    }

    /// <summary>Runs the whole sequence; <paramref name="h0"/> defaults to zeros.</summary>
    /// <returns>One <see cref="GruStep"/> per input, in time order.</returns>
    public IReadOnlyList<GruStep> Forward(IReadOnlyList<Vector<double>> inputs, Vector<double>? h0 = null)
    {
        Vector<double> h = Shapes.StateOrZeros(h0, HiddenSize, nameof(h0));
        var steps = new List<GruStep>(inputs.Count);
        foreach (Vector<double> x in inputs)
        {
            GruStep step = Step(x, h);
            steps.Add(step);
            h = step.H;
        }

        return steps;
    }

    /// <summary>Sequence loss <c>Σ_t loss_t</c> (summed in time order).</summary>
    public double Loss(IReadOnlyList<Vector<double>> inputs, SequenceTargets targets, Vector<double>? h0 = null)
    {
        targets.EnsureCompatible(inputs.Count, HasHead);
        IReadOnlyList<GruStep> steps = Forward(inputs, h0);
        double loss = 0;
        for (int t = 0; t < steps.Count; t++)
        {
            loss += targets.Evaluate(t, steps[t].H, steps[t].Logits).Value;
        }

        return loss;
    }
}
