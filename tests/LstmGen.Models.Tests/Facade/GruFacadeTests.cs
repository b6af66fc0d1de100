namespace LstmGen.Models.Tests.Facade;

/// <summary>
/// A generated GRU's typed layer (FacadeGru: D = 3, H = 4, V = 5, double): the named parameter views against the
/// documented flat layout (docs/architecture.md, "The GRU"), and the step cache's parts against the GRU's equations
/// recomputed here from those views (so a part or a view read from the wrong offset fails).
/// </summary>
public sealed class GruFacadeTests
{
    [Fact]
    public void Gru_views_address_the_documented_positions()
    {
        // [W | U] column by column with G = 3H = 12 rows (element (r, k) at k·12 + r, r = gate·H + row, gates r, z, n);
        // then b (12) at 84; then b_hn (4) at 96; then W_y (V × H) column by column at 100; then b_y (5) at 120.
        var p = new FacadeGru.Parameters();
        Assert.Equal((12 * 7) + 12 + 4 + 20 + 5, p.AsSpan().Length);
        p.W(GruGate.Z, 2, 1) = 1;       // r = 4 + 2 = 6, k = 1
        p.U(GruGate.N, 3, 2) = 2;       // r = 8 + 3 = 11, k = 3 + 2 = 5
        p.B(GruGate.N, 1) = 3;          // 84 + 9
        p.Bhn(2) = 4;                   // 96 + 2
        p.Wy(4, 3) = 5;                 // 100 + 3·5 + 4
        p.By(2) = 6;                    // 120 + 2
        Span<double> flat = p.AsSpan();
        Assert.Equal(1, flat[(1 * 12) + 6]);
        Assert.Equal(2, flat[(5 * 12) + 11]);
        Assert.Equal(3, flat[84 + 9]);
        Assert.Equal(4, flat[96 + 2]);
        Assert.Equal(5, flat[100 + 15 + 4]);
        Assert.Equal(6, flat[120 + 2]);
        Assert.Equal(21, flat.ToArray().Sum());
    }

    [Fact]
    public void Gru_cache_parts_satisfy_the_cell_equations()
    {
        var p = new FacadeGru.Parameters();
        var random = new Random(11);
        foreach (ref double value in p.AsSpan())
        {
            value = (random.NextDouble() * 2) - 1;
        }

        double[] x = [0.5, -1.25, 2];
        double[] h = [0.1, -0.2, 0.3, -0.4];
        var state = new FacadeGru.State(Vec4<double>.FromSpan(h));
        double[] buffer = new double[FacadeGru.CacheLength];
        FacadeGru.State next = FacadeGru.Forward(p, Vec3<double>.FromSpan(x), state, buffer);
        var cache = new StepCache<FacadeGru.Kernel, double>(buffer);

        double Zx(GruGate gate, int j) => p.B(gate, j) + Enumerable.Range(0, 3).Sum(k => p.W(gate, j, k) * x[k]);
        double Zh(GruGate gate, int j) => Enumerable.Range(0, 4).Sum(k => p.U(gate, j, k) * h[k]);
        static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));
        Assert.Equal(5 * 4, FacadeGru.CacheLength);
        for (int j = 0; j < FacadeGru.HiddenSize; j++)
        {
            // 1e-14: the same sums in another order (LINQ's running sum against the kernel's bias-first sum) and σ as 1/(1+e^−a), a few ulps of values below 4.
            Assert.Equal(h[j], cache.HPrev[j]);
            Assert.Equal(Sigmoid(Zx(GruGate.R, j) + Zh(GruGate.R, j)), cache.R[j], 1e-14);
            Assert.Equal(Sigmoid(Zx(GruGate.Z, j) + Zh(GruGate.Z, j)), cache.Z[j], 1e-14);
            Assert.Equal(Zh(GruGate.N, j) + p.Bhn(j), cache.Hn[j], 1e-14);
            Assert.Equal(Math.Tanh(Zx(GruGate.N, j) + (cache.R[j] * cache.Hn[j])), cache.N[j], 1e-14);
            Assert.Equal(((1 - cache.Z[j]) * cache.N[j]) + (cache.Z[j] * h[j]), next.H[j]);   // the spec's order: bit for bit
        }

        Assert.Throws<InvalidOperationException>(() => new StepCache<FacadeGru.Kernel, double>(buffer).I.Length);
        Assert.Throws<InvalidOperationException>(() => new StepCache<FacadeGru.Kernel, double>(buffer).H.Length);
    }
}
