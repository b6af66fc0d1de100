using System.Runtime.InteropServices;

namespace LstmGen.Models.Tests.Facade;

/// <summary>
/// The named parts of a flat step cache (<see cref="StepCache{TKernel, T}"/>), checked by the LSTM and RNN identities
/// that hold between them and the step's result (so a part read from the wrong offset fails).
/// </summary>
public sealed class StepCacheViewTests
{
    private static FacadeLstm.Parameters LstmParameters()
    {
        var p = new FacadeLstm.Parameters();
        var random = new Random(7);
        foreach (ref double value in p.AsSpan())
        {
            value = (random.NextDouble() * 2) - 1;
        }

        return p;
    }

    [Fact]
    public void Lstm_parts_satisfy_the_cell_equations()
    {
        var p = LstmParameters();
        var x = Vec3<double>.FromSpan([0.5, -1.25, 2]);
        var state = new FacadeLstm.State(Vec4<double>.FromSpan([0.1, -0.2, 0.3, -0.4]), Vec4<double>.FromSpan([1, -1, 0.5, 0]));
        double[] buffer = new double[FacadeLstm.CacheLength];
        FacadeLstm.State next = FacadeLstm.Forward(p, x, state, buffer);
        var cache = new StepCache<FacadeLstm.Kernel, double>(buffer);
        for (int j = 0; j < FacadeLstm.HiddenSize; j++)
        {
            Assert.Equal(state.H[j], cache.HPrev[j]);
            Assert.Equal(state.C[j], cache.CPrev[j]);
            // c' = f ⊙ c + i ⊙ g; tanh c' cached; h' = o ⊙ tanh c' (1e-15: the kernel's own rounding of the same sums).
            Assert.Equal(next.C[j], (cache.F[j] * cache.CPrev[j]) + (cache.I[j] * cache.G[j]), 1e-15);
            Assert.Equal(Math.Tanh(next.C[j]), cache.TanhC[j], 1e-15);
            Assert.Equal(next.H[j], cache.O[j] * cache.TanhC[j], 1e-15);
            Assert.InRange(cache.I[j], 0, 1);
            Assert.InRange(cache.F[j], 0, 1);
            Assert.InRange(cache.O[j], 0, 1);
        }

        Assert.Throws<InvalidOperationException>(() => new StepCache<FacadeLstm.Kernel, double>(buffer).H.Length);
    }

    [Fact]
    public void Rnn_parts_are_the_previous_and_new_hidden_state()
    {
        var p = new FacadeRnn.Parameters(Enumerable.Range(0, 18).Select(i => (float)Math.Sin(i)).ToArray());
        var state = new FacadeRnn.State(Vec3<float>.FromSpan([0.25f, -0.5f, 0.75f]));
        float[] buffer = new float[FacadeRnn.CacheLength];
        FacadeRnn.State next = FacadeRnn.ForwardOneHot(p, 1, state, buffer);
        var cache = new StepCache<FacadeRnn.Kernel, float>(buffer);
        Assert.Equal(state.H.ToArray(), cache.HPrev.ToArray());
        Assert.Equal(next.H.ToArray(), cache.H.ToArray());
        Assert.Throws<InvalidOperationException>(() => new StepCache<FacadeRnn.Kernel, float>(buffer).I.Length);
    }

    [Fact]
    public void A_view_needs_exactly_one_cache()
    {
        var error = Assert.Throws<ArgumentException>("values", () => new StepCache<FacadeRnn.Kernel, float>(new float[5]));
        Assert.Contains("FacadeRnn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_views_each_row_of_the_last_call()
    {
        var p = LstmParameters();
        var ws = new FacadeLstm.Workspace(maxSteps: 3, maxBatch: 2);
        var g = new FacadeLstm.Gradients();
        Vec3<double>[] xs = [Vec3<double>.FromSpan([1, 0, 0]), Vec3<double>.FromSpan([0, 1, 0])];
        Vec4<double>[] ys = new Vec4<double>[2];
        (_, FacadeLstm.State final) = FacadeLstm.LossAndGradients(p, xs, ys, FacadeLstm.State.Zero, ws, g);
        ReadOnlySpan<Vec4<double>> outputs = MemoryMarshal.Cast<double, Vec4<double>>(ws.Outputs);
        Assert.Equal(final.H, outputs[1]);
        Assert.Equal(outputs[0].ToArray(), ws.Cache(1).HPrev.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>("row", () => ws.Cache(6));
    }
}
