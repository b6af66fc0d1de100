using LstmGen.Kernels;
using LstmGen.Models.Tests.Contract;
using LstmGen.Reference;
using Xunit.Abstractions;

namespace LstmGen.Models.Tests.Gradients;

/// <summary>
/// BPTT of the GRU against central differences (ε = 1e-6) of the same sequence loss, through the generic runtime alone:
/// <see cref="Recurrent{TKernel, T}.ForwardSequence(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>,
/// then <see cref="Losses{TKernel, T}"/> (½‖h_t − y_t‖² without a head, the head's cross-entropy with one), then
/// <see cref="Recurrent{TKernel, T}.Bptt(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T})"/>.
/// Every entry of dθ (b_hn and the head included), every dx_t and dL/dh_{-1}; T = 4 steps; loop and SIMD kernels.
/// </summary>
/// <remarks>
/// Tolerance |fd − analytic| ≤ 1e-8 + 1e-6·|analytic| (as SequenceFiniteDifferenceTests): a central difference with
/// ε = 1e-6 carries truncation ε²/6·|L'''| ≈ 1e-13 and cancellation ≈ 2.2e-16·|L|/ε ≈ 2e-10·|L|, with L ≈ 1–10 here, so
/// up to ~2e-9; 1e-9 relative cannot be met by any correct gradient, 1e-8 absolute leaves a margin of ~5 while a wrong term
/// (a missing factor r, the direct term dh'·z, b_hn's gradient) is off by 1e-3 or more.
/// </remarks>
public sealed class GruFiniteDifferenceTests(ITestOutputHelper output)
{
    private const double Epsilon = 1e-6;
    private const double Absolute = 1e-8;
    private const double Relative = 1e-6;
    private const int Steps = 4;

    [Fact]
    public void Loop_gru_squared_error_gradients_match_central_differences() => Check<Gru3x4>(seed: 1);

    [Fact]
    public void Loop_gru_cross_entropy_gradients_match_central_differences() => Check<Gru3x5Head4>(seed: 2);

    [Fact]
    public void Simd_gru_cross_entropy_gradients_match_central_differences() => Check<SimdGru3x5Head4Double>(seed: 3);

    [Fact]
    public void Simd_gru_squared_error_gradients_match_central_differences() => Check<SimdGru4x17Double>(seed: 4);

    private void Check<TKernel>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int d = TKernel.InputSize, h = TKernel.HiddenSize, count = GruChecks.ParameterCount<TKernel>();
        var init = new ReferenceInit(seed);
        double[] theta = [.. init.NextVector(count, 0.7)];
        double[] xs = [.. init.NextVector(Steps * d, 1)], h0 = [.. init.NextVector(h, 0.8)];
        double[] targets = [.. init.NextVector(Steps * h, 0.8)];
        int[] classes = [.. Enumerable.Range(0, Steps).Select(t => (t * 3 + seed) % Math.Max(1, TKernel.OutputSize))];

        double Loss(double[] p, double[] x, double[] initial) => Run<TKernel>(p, x, initial, targets, classes).Loss;
        var (_, dp, dxs, dh0) = Run<TKernel>(theta, xs, h0, targets, classes);

        var failures = new List<string>();
        double worst = 0;
        for (int k = 0; k < count; k++)
        {
            Compare($"dθ[{k}]", FiniteDifference.Partial(p => Loss(p, xs, h0), theta, k, Epsilon), dp[k], failures, ref worst);
        }

        for (int k = 0; k < xs.Length; k++)
        {
            Compare($"dx[{k / d}][{k % d}]", FiniteDifference.Partial(x => Loss(theta, x, h0), xs, k, Epsilon), dxs[k], failures, ref worst);
        }

        for (int j = 0; j < h; j++)
        {
            Compare($"dh_-1[{j}]", FiniteDifference.Partial(s => Loss(theta, xs, s), h0, j, Epsilon), dh0[j], failures, ref worst);
        }

        output.WriteLine($"{typeof(TKernel).Name}: {count + xs.Length + h} partials; worst |diff| is {worst:F3} of the allowed error");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(dp.AsSpan(new CellLayout(TKernel.Kind, d, h, TKernel.OutputSize, hasBias: TKernel.HasBias).RecurrentBiasOffset, h).ToArray(), v => Math.Abs(v) > 1e-4);
    }

    // Forward over the sequence, the loss (cross-entropy with a head, else ½‖h − y‖²), BPTT: (L, dθ, dxs, dh_{-1}).
    private static (double Loss, double[] Dp, double[] Dxs, double[] Dh0) Run<TKernel>(double[] p, double[] xs, double[] h0, double[] targets, int[] classes)
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        int h = TKernel.HiddenSize, c = Recurrent<TKernel, double>.CacheLength;
        double[] final = new double[h], caches = new double[Steps * c], outputs = new double[Steps * h], dOutputs = new double[Steps * h];
        double[] dp = new double[p.Length], dxs = new double[xs.Length], dh0 = new double[h];
        Recurrent<TKernel, double>.ForwardSequence(p, xs, h0, final, caches, outputs);
        double loss = TKernel.OutputSize > 0
            ? Losses<TKernel, double>.CrossEntropy(p, outputs, classes, dOutputs, dp)
            : Losses<TKernel, double>.SquaredError(outputs, targets, dOutputs);
        Recurrent<TKernel, double>.Bptt(p, xs, caches, dOutputs, dh0, dxs, dp);
        return (loss, dp, dxs, dh0);
    }

    private static void Compare(string label, double fd, double analytic, List<string> failures, ref double worst)
    {
        double error = Math.Abs(fd - analytic);
        double allowed = Absolute + (Relative * Math.Abs(analytic));
        worst = Math.Max(worst, error / allowed);
        if (!(error <= allowed))
        {
            failures.Add($"{label}: finite difference {fd:R}, analytic {analytic:R}, |diff| {error:E2} > {allowed:E2}");
        }
    }
}
