using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Deterministic random parameters, inputs and targets. All draws come, in call order, from one
/// <c>new System.Random(seed)</c> (the seeded algorithm is stable across .NET versions). A uniform draw in
/// <c>[−scale, scale]</c> is <c>scale · (2 · NextDouble() − 1)</c>; matrices are filled row-major.
/// </summary>
public sealed class ReferenceInit
{
    private readonly Random _random;

    /// <summary>Starts a random stream from <paramref name="seed"/>.</summary>
    public ReferenceInit(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>One uniform draw in <c>[−scale, scale]</c>.</summary>
    public double NextUniform(double scale) => scale * (2.0 * _random.NextDouble() - 1.0);

    /// <summary>A vector of <paramref name="size"/> uniform draws in <c>[−scale, scale]</c>, in index order.</summary>
    public Vector<double> NextVector(int size, double scale = 1.0) =>
        Vector<double>.Build.Dense(size, _ => NextUniform(scale));

    /// <summary>A matrix of uniform draws in <c>[−scale, scale]</c>, filled row-major.</summary>
    public Matrix<double> NextMatrix(int rows, int columns, double scale = 1.0)
    {
        Matrix<double> matrix = Matrix<double>.Build.Dense(rows, columns);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                matrix[r, c] = NextUniform(scale);
            }
        }

        return matrix;
    }

    /// <summary>
    /// An LSTM whose parameters are uniform in <c>[−scale, scale]</c>, drawn in <see cref="FlatParameters"/> order
    /// (so <c>FlatParameters.Flatten(result)</c> is exactly the sequence of draws). V = 0: no head. Bias-free
    /// (<paramref name="hasBias"/> false): no bias is drawn; the cell's biases are 0.
    /// </summary>
    public ReferenceLstm NextLstm(int inputSize, int hiddenSize, int outputSize = 0, double scale = 0.5, bool hasBias = true) =>
        FlatParameters.ToLstm(NextFlat(FlatParameters.LstmCount(inputSize, hiddenSize, outputSize, hasBias), scale), inputSize, hiddenSize, outputSize, hasBias);

    /// <summary>An RNN whose parameters are uniform in <c>[−scale, scale]</c>, drawn in <see cref="FlatParameters"/> order.</summary>
    public ReferenceRnn NextRnn(int inputSize, int hiddenSize, int outputSize = 0, double scale = 0.5, bool hasBias = true) =>
        FlatParameters.ToRnn(NextFlat(FlatParameters.RnnCount(inputSize, hiddenSize, outputSize, hasBias), scale), inputSize, hiddenSize, outputSize, hasBias);

    /// <summary>A GRU whose parameters are uniform in <c>[−scale, scale]</c>, drawn in <see cref="FlatParameters.GruCount"/> order.</summary>
    public ReferenceGru NextGru(int inputSize, int hiddenSize, int outputSize = 0, double scale = 0.5, bool hasBias = true) =>
        FlatParameters.ToGru(NextFlat(FlatParameters.GruCount(inputSize, hiddenSize, outputSize, hasBias), scale), inputSize, hiddenSize, outputSize, hasBias);

    /// <summary>A sequence of <paramref name="steps"/> vectors of length <paramref name="size"/>, uniform in <c>[−scale, scale]</c>.</summary>
    public Vector<double>[] NextSequence(int steps, int size, double scale = 1.0)
    {
        var sequence = new Vector<double>[steps];
        for (int t = 0; t < steps; t++)
        {
            sequence[t] = NextVector(size, scale);
        }

        return sequence;
    }

    /// <summary>Hidden-state targets <c>y_t</c> uniform in <c>[−scale, scale]</c>.</summary>
    public MseTargets NextMseTargets(int steps, int hiddenSize, double scale = 1.0) =>
        new(NextSequence(steps, hiddenSize, scale));

    /// <summary>Class indices uniform in <c>[0, classes)</c> (<c>Random.Next(classes)</c>).</summary>
    public ClassIndexTargets NextClassTargets(int steps, int classes)
    {
        var indices = new int[steps];
        for (int t = 0; t < steps; t++)
        {
            indices[t] = _random.Next(classes);
        }

        return new ClassIndexTargets(indices);
    }

    /// <summary>Target distributions: weights <c>0.1 + NextDouble()</c> per class, divided by their sum.</summary>
    public DistributionTargets NextDistributionTargets(int steps, int classes)
    {
        var distributions = new Vector<double>[steps];
        for (int t = 0; t < steps; t++)
        {
            Vector<double> weights = Vector<double>.Build.Dense(classes, _ => 0.1 + _random.NextDouble());
            distributions[t] = weights / weights.Sum();
        }

        return new DistributionTargets(distributions);
    }

    private double[] NextFlat(int count, double scale)
    {
        var flat = new double[count];
        for (int k = 0; k < count; k++)
        {
            flat[k] = NextUniform(scale);
        }

        return flat;
    }
}
