using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests;

/// <summary>Softmax and log-softmax stay finite for extreme logits.</summary>
public sealed class SoftmaxStabilityTests
{
    private static readonly Vector<double> Extreme = Vector<double>.Build.DenseOfArray([1000.0, 0.0, -1000.0]);

    [Fact]
    public void Softmax_of_extreme_logits_is_finite_and_normalised()
    {
        Vector<double> p = ReferenceMath.Softmax(Extreme);

        Assert.All(p, v => Assert.True(double.IsFinite(v)));
        Assert.Equal([1.0, 0.0, 0.0], p.ToArray());
        Assert.Equal(1.0, p.Sum());
    }

    [Fact]
    public void Log_softmax_of_extreme_logits_is_finite_and_exact()
    {
        Vector<double> logP = ReferenceMath.LogSoftmax(Extreme);

        Assert.All(logP, v => Assert.True(double.IsFinite(v)));
        Assert.Equal([0.0, -1000.0, -2000.0], logP.ToArray());
    }

    [Fact]
    public void Cross_entropy_and_its_gradient_are_finite_for_extreme_logits()
    {
        Assert.Equal(2000.0, ReferenceLoss.CrossEntropy(Extreme, 2));
        Assert.Equal([1.0, 0.0, -1.0], ReferenceLoss.CrossEntropyGradient(Extreme, 2).ToArray());

        Vector<double> q = Vector<double>.Build.DenseOfArray([0.25, 0.25, 0.5]);
        Assert.Equal(0.25 * 1000.0 + 0.5 * 2000.0, ReferenceLoss.CrossEntropy(Extreme, q));
        Assert.All(ReferenceLoss.CrossEntropyGradient(Extreme, q), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Sigmoid_saturates_without_overflow()
    {
        Assert.Equal(1.0, ReferenceMath.Sigmoid(1000.0));
        Assert.Equal(0.0, ReferenceMath.Sigmoid(-1000.0));
        Assert.Equal(0.5, ReferenceMath.Sigmoid(0.0));
    }

    [Fact]
    public void A_cell_with_a_huge_head_gives_finite_loss_and_gradients()
    {
        var init = new ReferenceInit(11);
        ReferenceRnn small = init.NextRnn(2, 3, 4);
        var cell = new ReferenceRnn(small.Wx, small.Wh, small.B, small.Wy! * 1e4, small.By! * 1e4);
        Vector<double>[] inputs = init.NextSequence(3, 2);
        ClassIndexTargets targets = init.NextClassTargets(3, 4);

        RnnGradients g = cell.Backward(inputs, targets);

        Assert.True(double.IsFinite(g.Loss));
        Assert.All(FlatParameters.Flatten(g.Parameters), v => Assert.True(double.IsFinite(v)));
        Assert.All(cell.Forward(inputs), s => Assert.All(s.LogProbabilities!, v => Assert.True(double.IsFinite(v))));
    }
}
