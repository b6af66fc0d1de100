using LstmGen.Models.Tests.Support;
using Cell = LstmGen.TestCells.Seed002Lstm;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>
/// Seed 002: a batched <c>LSTMCell</c> (input 10; H = 16 here instead of 128 so that every weight is checked) run on
/// <c>x = ones((32, 10))</c> from a zero state, with its gradient check done right. The notebook's loss is
/// <c>Σ_b Σ_j (y − h)_bj</c> with <c>y = 1</c> (<c>numerical_grad</c>), so <c>dL/dh = −1</c> everywhere — the notebook's
/// constant <c>d_err_net = −1</c> is in fact right for it. Its <c>backward</c> is still not the gradient of that loss:
/// <list type="bullet">
/// <item><c>d_net_ot = ct * d_err_net</c> uses the cell state where <c>tanh(ct)</c> belongs (h = o ⊙ tanh(c));</item>
/// <item><c>d_at_bias = at * d_at</c> multiplies the bias gradient by the pre-activation (∂a/∂b = 1);</item>
/// <item>parameter gradients are <c>mean</c>s over the batch while the loss it checks against is per sample (a factor 1/32).</item>
/// </list>
/// </summary>
public sealed class Seed002Tests
{
    private const int Batch = 32;

    [Fact]
    public void Batched_cell_on_ones_gradient_check_done_right()
    {
        var random = new Random(2002);
        var p = new Cell.Parameters();
        SlotDifference.Fill(p.AsSpan(), random, 1.0);   // the notebook draws randn; uniform [−1, 1] keeps the gates unsaturated
        Vec10<double> ones = default;
        ((Span<double>)ones).Fill(1.0);
        Vec10<double>[] xs = [.. Enumerable.Repeat(ones, Batch)];
        var zero = new Cell.State[Batch];
        var next = new Cell.State[Batch];
        var caches = new double[Batch * Cell.CacheLength];

        // L = Σ_b Σ_j (1 − h_bj) = 512 − Σ h. Finite differences are taken of −Σ h: the constant 512 has no derivative
        // but would add 2.2e-16·512/ε ≈ 1e-7 of cancellation error to every central difference.
        double Loss()
        {
            Cell.ForwardBatch(p, xs, zero, next, caches);
            return -next.Sum(s => ((ReadOnlySpan<double>)s.H).ToArray().Sum());
        }

        Loss();
        var grads = new Cell.Gradients();
        Vec16<double> minusOne = default;
        ((Span<double>)minusOne).Fill(-1.0);
        Cell.BackwardBatch(p, xs, caches, [.. Enumerable.Repeat(minusOne, Batch)], new Cell.StateGradient[Batch], new Cell.StateGradient[Batch], grads, default);

        var check = new GradientCheck();
        int seedOutputGateFailures = 0, seedBiasFailures = 0;
        foreach (LstmGate gate in Enum.GetValues<LstmGate>())
        {
            for (int j = 0; j < Cell.HiddenSize; j++)
            {
                for (int k = 0; k < Cell.InputSize; k++)
                {
                    check.Compare($"dW_{gate}[{j}, {k}]", SlotDifference.Central(ref p.W(gate, j, k), Loss), grads.W(gate, j, k));
                }

                double fdBias = SlotDifference.Central(ref p.B(gate, j), Loss);
                check.Compare($"db_{gate}[{j}]", fdBias, grads.B(gate, j));
                var cache = new StepCache<Cell.Kernel, double>(caches.AsSpan(0, Cell.CacheLength));
                double a = PreActivation(p, gate, j);
                double dA = grads.B(gate, j) / Batch;                   // per-sample d_at (the 32 samples are identical)
                if (!GradientCheck.Agrees(fdBias, Batch * a * dA))        // d_at_bias = at * d_at, summed
                {
                    seedBiasFailures++;
                }

                if (gate == LstmGate.Output)
                {
                    double c = next[0].C[j];
                    double seedDa = cache.O[j] * (1 - cache.O[j]) * c * -1;   // d_net_ot = ct * d_err_net
                    double fd = SlotDifference.Central(ref p.W(gate, j, 0), Loss);
                    if (!GradientCheck.Agrees(fd, Batch * seedDa))
                    {
                        seedOutputGateFailures++;
                    }
                }
            }
        }

        check.AssertAll("seed 002 cell, dL/dθ of Σ(1 − h)");
        Assert.True(check.Count == 4 * Cell.HiddenSize * (Cell.InputSize + 1), $"{check.Count} entries checked");
        Assert.Equal(Cell.HiddenSize, seedOutputGateFailures);
        // From a zero state the forget gate has no effect (f ⊙ c_prev = 0), so its true gradient is 0 and at·0 = 0 passes
        // by accident; the bias gradients of the other three gates all fail.
        Assert.Equal(3 * Cell.HiddenSize, seedBiasFailures);
    }

    /// <summary>The gate pre-activation a = W x + U h + b for x = ones, h = 0 (U h = 0).</summary>
    private static double PreActivation(Cell.Parameters p, LstmGate gate, int row)
    {
        double a = p.B(gate, row);
        for (int k = 0; k < Cell.InputSize; k++)
        {
            a += p.W(gate, row, k);
        }

        return a;
    }
}
