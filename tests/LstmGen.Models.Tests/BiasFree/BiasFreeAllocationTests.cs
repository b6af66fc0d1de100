using LstmGen.Kernels;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.BiasFree;

/// <summary>Bias-free kernels allocate nothing after warm-up (0 B, <see cref="AllocationMeter"/>): an unrolled GRU's steps, a SIMD LSTM's batched forward and BPTT (groups of 4) and a SIMD GRU with a head.</summary>
public sealed class BiasFreeAllocationTests
{
    [Fact]
    public void Bias_free_kernels_allocate_nothing()
    {
        const int m = 6, steps = 3, n = m * steps;
        var random = new Random(3);
        double[] Fill(int count) => [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5)];

        double[] gp = Fill(NoBiasGru2x3Unrolled.ParameterCount), gx = Fill(2), gState = Fill(3), gCache = new double[Recurrent<NoBiasGru2x3Unrolled.Kernel, double>.CacheLength];
        double[] gdx = new double[2], gdp = new double[gp.Length];

        int c = Recurrent<NoBiasLstm10x15Simd.Kernel, double>.CacheLength;
        double[] lp = Fill(NoBiasLstm10x15Simd.ParameterCount), xs = Fill(n * 10), initial = Fill(m * 30), final = new double[m * 30];
        double[] caches = new double[n * c], outputs = new double[n * 15], dOutputs = Fill(n * 15), dInitial = new double[m * 30], dxs = new double[n * 10], ldp = new double[lp.Length];

        double[] hp = Fill(NoBiasGru5x33Head7Simd.ParameterCount), hState = Fill(33), hx = Fill(5), hCache = new double[Recurrent<NoBiasGru5x33Head7Simd.Kernel, double>.CacheLength];
        double[] logits = new double[7], dh = new double[33], hdp = new double[hp.Length];

        AllocationMeter.AssertNoAllocations(new Dictionary<string, Action>
        {
            ["unrolled GRU Forward + Backward + one-hot"] = () =>
            {
                Recurrent<NoBiasGru2x3Unrolled.Kernel, double>.Forward(gp, gx, gState, gState, gCache);
                Recurrent<NoBiasGru2x3Unrolled.Kernel, double>.Backward(gp, gx, gCache, gState, gState, gdx, gdp);
                Recurrent<NoBiasGru2x3Unrolled.Kernel, double>.StepOneHot(gp, 1, gState, gState);
            },
            ["SIMD LSTM ForwardSequenceBatch + BpttBatch"] = () =>
            {
                Recurrent<NoBiasLstm10x15Simd.Kernel, double>.ForwardSequenceBatch(lp, xs, m, initial, final, caches, outputs);
                Recurrent<NoBiasLstm10x15Simd.Kernel, double>.BpttBatch(lp, xs, m, caches, dOutputs, dInitial, dxs, ldp);
            },
            ["SIMD GRU Forward + Backward + head"] = () =>
            {
                Recurrent<NoBiasGru5x33Head7Simd.Kernel, double>.Forward(hp, hx, hState, hState, hCache);
                Recurrent<NoBiasGru5x33Head7Simd.Kernel, double>.HeadForward(hp, hState, logits);
                Recurrent<NoBiasGru5x33Head7Simd.Kernel, double>.HeadBackward(hp, hState, logits, dh, hdp);
                Recurrent<NoBiasGru5x33Head7Simd.Kernel, double>.Backward(hp, hx, hCache, dh, dh, default, hdp);
            },
        });
    }
}
