using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests;

/// <summary>The documented flattening order, round trips, and deterministic initialisation.</summary>
public sealed class FlatParametersTests
{
    [Fact]
    public void Lstm_flattening_follows_the_documented_order()
    {
        const int d = 2, h = 3, v = 2;
        double[] theta = [.. Enumerable.Range(0, FlatParameters.LstmCount(d, h, v)).Select(k => (double)k)];
        ReferenceLstm cell = FlatParameters.ToLstm(theta, d, h, v);

        // Per gate (i, f, g, o): W row-major (h·d), U row-major (h·h), b (h).
        int perGate = h * d + h * h + h;
        Assert.Equal(4 * perGate + v * h + v, theta.Length);
        for (int gate = 0; gate < ReferenceGate.Count; gate++)
        {
            int start = gate * perGate;
            Assert.Equal(start + 0, cell.W[gate][0, 0]);
            Assert.Equal(start + 1, cell.W[gate][0, 1]);
            Assert.Equal(start + d, cell.W[gate][1, 0]);
            Assert.Equal(start + h * d, cell.U[gate][0, 0]);
            Assert.Equal(start + h * d + h, cell.U[gate][1, 0]);
            Assert.Equal(start + h * d + h * h, cell.B[gate][0]);
        }

        Assert.Equal(4 * perGate, cell.Wy![0, 0]);
        Assert.Equal(4 * perGate + h, cell.Wy[1, 0]);
        Assert.Equal(4 * perGate + v * h, cell.By![0]);
        Assert.Equal(theta, FlatParameters.Flatten(cell));
    }

    [Fact]
    public void Rnn_flattening_follows_the_documented_order()
    {
        const int d = 2, h = 3, v = 2;
        double[] theta = [.. Enumerable.Range(0, FlatParameters.RnnCount(d, h, v)).Select(k => (double)k)];
        ReferenceRnn cell = FlatParameters.ToRnn(theta, d, h, v);

        Assert.Equal(1, cell.Wx[0, 1]);
        Assert.Equal(d, cell.Wx[1, 0]);
        Assert.Equal(h * d + h, cell.Wh[1, 0]);
        Assert.Equal(h * d + h * h, cell.B[0]);
        Assert.Equal(h * d + h * h + h + h, cell.Wy![1, 0]);
        Assert.Equal(h * d + h * h + h + v * h, cell.By![0]);
        Assert.Equal(theta, FlatParameters.Flatten(cell));
    }

    [Fact]
    public void Cells_without_a_head_have_no_head_entries()
    {
        Assert.Equal(4 * (3 * 2 + 3 * 3 + 3), FlatParameters.LstmCount(2, 3));
        Assert.Equal(3 * 2 + 3 * 3 + 3, FlatParameters.RnnCount(2, 3));
        Assert.False(new ReferenceInit(1).NextLstm(2, 3).HasHead);
    }

    [Fact]
    public void Sequences_round_trip()
    {
        Vector<double>[] xs = new ReferenceInit(5).NextSequence(4, 3);
        double[] flat = FlatParameters.Flatten(xs);

        Assert.Equal(xs[1][0], flat[3]);
        Assert.Equal(xs, FlatParameters.ToSequence(flat, 4, 3));
    }

    [Fact]
    public void Init_is_deterministic_and_draws_in_flat_order_within_scale()
    {
        ReferenceLstm a = new ReferenceInit(42).NextLstm(3, 4, 5, scale: 0.3);
        ReferenceLstm b = new ReferenceInit(42).NextLstm(3, 4, 5, scale: 0.3);
        var draws = new ReferenceInit(42);
        double[] expected = [.. Enumerable.Range(0, FlatParameters.LstmCount(3, 4, 5)).Select(_ => draws.NextUniform(0.3))];

        Assert.Equal(FlatParameters.Flatten(a), FlatParameters.Flatten(b));
        Assert.Equal(expected, FlatParameters.Flatten(a));
        Assert.All(expected, x => Assert.InRange(x, -0.3, 0.3));
    }

    [Fact]
    public void Distribution_targets_reject_non_distributions()
    {
        Vector<double> bad = Vector<double>.Build.DenseOfArray([0.5, 0.6]);
        Assert.Throws<ArgumentException>(() => new DistributionTargets([bad]));
    }
}
