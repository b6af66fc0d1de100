using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// One training step (two timesteps, squared error, BPTT) of the largest cells the analyzer accepts, through the cell
/// contract's flat caches: nothing is a value type past the CLR's limits, so these cells train (0.1's typed workspaces
/// threw TypeLoadException from LSTM 1024 -> 1024 double up). Double cells check three gradient entries (an input
/// weight, a recurrent weight, a bias; a GRU also its recurrent bias b_hn) against central finite differences; float
/// cells check that every gradient is finite and the step moved the loss. One test class: the runs take up to 2.2 GB
/// each and must not overlap.
/// </summary>
public sealed class LargestCellsTests
{
    private const int Steps = 2;

    [Fact]
    public void Lstm_4096x4096_double() => TrainAndCheck<Lstm4096x4096Double.Kernel>();

    [Fact]
    public void Rnn_4096x4096_double() => TrainAndCheck<Rnn4096x4096Double.Kernel>();

    [Fact]
    public void Gru_4096x4096_double() => TrainAndCheck<Gru4096x4096Double.Kernel>();

    [Fact]
    public void Lstm_3x4096_double() => TrainAndCheck<Lstm3x4096Double.Kernel>();

    [Fact]
    public void Lstm_1024x1024_double() => TrainAndCheck<Lstm1024x1024Double.Kernel>();

    [Fact]
    public void Lstm_4096x4096_float()
    {
        var run = new Run<Lstm4096x4096Float.Kernel, float>(seed: 5);
        float before = run.LossAndGradients();
        Assert.True(float.IsFinite(before) && before > 0);
        Assert.All(run.Dp, g => Assert.True(float.IsFinite(g)));
        float norm = GradientClipping.Norm<float>(run.Dp);
        Assert.True(norm > 0);

        // One SGD step against the gradient lowers the loss (step 0.1/‖dθ‖ ≪ the loss's curvature scale).
        float step = 0.1f / norm;
        for (int k = 0; k < run.P.Length; k++)
        {
            run.P[k] -= step * run.Dp[k];
        }

        Assert.True(run.LossAndGradients() < before);
    }

    /// <summary>
    /// Central differences with ε = 1e-4 on L = Σ_t ½‖h_t − y_t‖² (about 10³ here): truncation error O(ε²·L''') is below
    /// 1e-8, rounding of L about u·|L|/ε ≈ 1e-16·10³/1e-4 = 1e-9; the derivatives checked are 1e-3 to 1e-1. So 1e-5
    /// relative (with an absolute floor of 1e-7) is as tight as finite differences allow at this size; a wrong gradient
    /// formula or layout is off by far more.
    /// </summary>
    private static void TrainAndCheck<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        var run = new Run<TKernel, double>(seed: 7);
        run.LossAndGradients();
        Assert.All(run.Dp, g => Assert.True(double.IsFinite(g)));
        var layout = new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias);
        int lastRow = layout.GateRows - 1;
        int[] indices = [layout.InputWeightIndex(1, TKernel.InputSize - 1), layout.RecurrentWeightIndex(lastRow, 2), layout.BiasIndex(lastRow / 2)];
        if (layout.RecurrentBiasCount > 0)
        {
            indices = [.. indices, layout.RecurrentBiasIndex(TKernel.HiddenSize - 1)];  // a GRU's b_hn
        }

        foreach (int index in indices)
        {
            double analytic = run.Dp[index], saved = run.P[index];
            const double Epsilon = 1e-4;
            run.P[index] = saved + Epsilon;
            double plus = run.Loss();
            run.P[index] = saved - Epsilon;
            double minus = run.Loss();
            run.P[index] = saved;
            double numeric = (plus - minus) / (2 * Epsilon);
            Assert.True(
                Math.Abs(analytic - numeric) <= 1e-5 * Math.Max(Math.Abs(numeric), 1e-2),
                $"dθ[{index}]: analytic {analytic}, finite difference {numeric}");
        }
    }

    /// <summary>Parameters at PyTorch's scale 1/√H, inputs and targets in [−1, 1], zero initial state; all buffers flat.</summary>
    private sealed class Run<TKernel, T>
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _xs, _ys, _initial, _final, _caches, _outputs, _dOutputs, _dInitial;

        public Run(int seed)
        {
            var random = new Random(seed);
            var layout = new CellLayout(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize, hasBias: TKernel.HasBias);
            double scale = 1 / Math.Sqrt(TKernel.HiddenSize);
            P = Uniform(random, layout.ParameterCount, scale);
            Dp = new T[P.Length];
            _xs = Uniform(random, Steps * TKernel.InputSize, 1);
            _ys = Uniform(random, Steps * TKernel.HiddenSize, 1);
            _initial = new T[Recurrent<TKernel, T>.StateLength];
            _final = new T[_initial.Length];
            _dInitial = new T[_initial.Length];
            _caches = new T[Steps * Recurrent<TKernel, T>.CacheLength];
            _outputs = new T[Steps * TKernel.HiddenSize];
            _dOutputs = new T[_outputs.Length];
        }

        public T[] P { get; }

        public T[] Dp { get; }

        public T Loss()
        {
            Recurrent<TKernel, T>.ForwardSequence(P, _xs, _initial, _final, _caches, _outputs);
            return Losses<TKernel, T>.SquaredError(_outputs, _ys, _dOutputs);
        }

        public T LossAndGradients()
        {
            T loss = Loss();
            Array.Clear(Dp);
            Recurrent<TKernel, T>.Bptt(P, _xs, _caches, _dOutputs, _dInitial, default, Dp);
            return loss;
        }

        private static T[] Uniform(Random random, int count, double scale)
        {
            var values = new T[count];
            for (int k = 0; k < count; k++)
            {
                values[k] = T.CreateTruncating(scale * ((2 * random.NextDouble()) - 1));
            }

            return values;
        }
    }
}
