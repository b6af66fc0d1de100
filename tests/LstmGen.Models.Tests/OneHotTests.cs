using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests;

/// <summary>
/// The one-hot entry points (<c>ForwardOneHot</c>, the <c>ReadOnlySpan&lt;int&gt;</c> overloads of the sequence, batch and
/// one-call functions) against the dense entry points fed the equivalent one-hot vectors, bit for bit: the gather
/// <c>z = W[:, index]</c> must equal <c>Σ_k W[:, k]·x_k</c> exactly (adding products with x_k = 0 adds exact zeros), and
/// backward must change only column <c>index</c> of dW (the one-hot BPTT computes no dL/dx).
/// </summary>
public sealed class OneHotTests
{
    public static TheoryData<string> Cells() => [.. Drivers.Agreement.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Cells))]
    public void Class_indices_equal_dense_one_hot_vectors(string cell)
    {
        ICellDriver driver = Drivers.Get(cell);
        int seed = Problems.Seed($"onehot/{cell}");
        LossKind loss = driver.HasHead ? LossKind.Distribution : LossKind.Mse;
        double[] theta = Problems.Theta(driver, seed);
        BatchProblem indices = Problems.Random(driver, seed + 1, steps: 5, batch: 2, loss, oneHot: true);
        BatchProblem dense = indices with { Indices = null };

        BatchRun a = driver.RunLowLevel(theta, indices), b = driver.RunLowLevel(theta, dense);

        Assert.Equal(b.Loss, a.Loss);
        Assert.Equal(b.Gradients, a.Gradients);
        Assert.Equal(b.H, a.H);
        Assert.Equal(b.C, a.C);
        Assert.Equal(b.Probabilities, a.Probabilities);
        Assert.Null(a.Dx); // the contract's one-hot BPTT computes no input gradient (dL/dx of a class index is not used)
        Assert.NotNull(b.Dx);
        Assert.Equal(b.DH0, a.DH0);
        Assert.Equal(b.DC0, a.DC0);
        Assert.Equal(b.FinalH, a.FinalH);
        Assert.Equal(b.FinalC, a.FinalC);

        BatchRun oneCallIndices = driver.RunOneCall(theta, indices, BatchReduction.Sum);
        BatchRun oneCallDense = driver.RunOneCall(theta, dense, BatchReduction.Sum);
        Assert.Equal(oneCallDense.Loss, oneCallIndices.Loss);
        Assert.Equal(oneCallDense.Gradients, oneCallIndices.Gradients);
    }
}
