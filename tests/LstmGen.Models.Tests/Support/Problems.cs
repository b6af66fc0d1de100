using LstmGen.Reference;

namespace LstmGen.Models.Tests.Support;

/// <summary>Deterministic random parameters and problems, already rounded to the cell's scalar type.</summary>
internal static class Problems
{
    /// <summary>
    /// Parameters uniform in [−s, s] with PyTorch's default s = 1/√H for nn.LSTM, nn.RNN and nn.GRU, drawn by
    /// <see cref="ReferenceInit"/> in reference flat order and rounded to the cell's scalar type (so a float cell and the
    /// double reference start from exactly the same numbers). A larger scale saturates the gates of an H = 128 cell and
    /// makes the RNN chaotic: float rounding is then amplified exponentially over time, which would test the
    /// conditioning of the random problem rather than the generated code.
    /// </summary>
    public static double[] Theta(ICellDriver cell, int seed)
    {
        double scale = 1.0 / Math.Sqrt(cell.HiddenSize);
        var init = new ReferenceInit(seed);
        double[] theta = cell.Kind switch
        {
            RecurrentCellKind.Lstm => FlatParameters.Flatten(init.NextLstm(cell.InputSize, cell.HiddenSize, cell.OutputSize, scale, cell.HasBias), cell.HasBias),
            RecurrentCellKind.Gru => FlatParameters.Flatten(init.NextGru(cell.InputSize, cell.HiddenSize, cell.OutputSize, scale, cell.HasBias), cell.HasBias),
            _ => FlatParameters.Flatten(init.NextRnn(cell.InputSize, cell.HiddenSize, cell.OutputSize, scale, cell.HasBias), cell.HasBias),
        };
        return [.. theta.Select(cell.Round)];
    }

    /// <summary>
    /// A random batch: inputs uniform in [−1, 1] (or one-hot indices), initial states uniform in [−0.5, 0.5], and
    /// targets for <paramref name="loss"/>. Target distributions are dyadic (<c>k_v / 2^n</c> with integer k_v ≥ 1),
    /// so they are exact in float and sum to exactly 1; the reference's <c>dL/dz = p − q</c> and the generated
    /// <c>p·Σq − q</c> are then the same function even for float cells.
    /// </summary>
    public static BatchProblem Random(ICellDriver cell, int seed, int steps, int batch, LossKind loss, bool oneHot = false)
    {
        var init = new ReferenceInit(seed);
        var random = new Random(seed);
        int n = steps * batch, d = cell.InputSize, h = cell.HiddenSize, v = cell.OutputSize;
        double[] Draw(int size, double scale) => [.. Enumerable.Range(0, size).Select(_ => cell.Round(init.NextUniform(scale)))];

        int[]? indices = oneHot ? [.. Enumerable.Range(0, n).Select(_ => random.Next(d))] : null;
        double[][] xs = oneHot ? [.. indices!.Select(i => OneHot(i, d))] : [.. Enumerable.Range(0, n).Select(_ => Draw(d, 1.0))];
        double[][] h0 = [.. Enumerable.Range(0, batch).Select(_ => Draw(h, 0.5))];
        double[][]? c0 = cell.IsLstm ? [.. Enumerable.Range(0, batch).Select(_ => Draw(h, 0.5))] : null;
        return new BatchProblem(
            steps,
            batch,
            loss,
            xs,
            indices,
            h0,
            c0,
            loss == LossKind.Mse ? [.. Enumerable.Range(0, n).Select(_ => Draw(h, 1.0))] : null,
            loss == LossKind.ClassIndex ? [.. Enumerable.Range(0, n).Select(_ => random.Next(v))] : null,
            loss == LossKind.Distribution ? [.. Enumerable.Range(0, n).Select(_ => Dyadic(random, v))] : null);
    }

    public static double[] OneHot(int index, int size)
    {
        var x = new double[size];
        x[index] = 1.0;
        return x;
    }

    /// <summary>A stable seed from a test case's name (string.GetHashCode is randomised per process).</summary>
    public static int Seed(string text)
    {
        uint hash = 2166136261;
        foreach (char ch in text)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static double[] Dyadic(Random random, int size)
    {
        int[] k = [.. Enumerable.Range(0, size - 1).Select(_ => random.Next(1, 9))];
        int total = 1;
        while (total <= k.Sum())
        {
            total *= 2;
        }

        return [.. k.Append(total - k.Sum()).Select(w => (double)w / total)];
    }
}
