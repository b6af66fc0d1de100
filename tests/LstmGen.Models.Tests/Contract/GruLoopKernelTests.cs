using System.Numerics;
using LstmGen.Kernels;
using LstmGen.Reference;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The GRU loop kernel (<see cref="GruLoopKernel{TShape, T}"/>) through the contract's defaults: bit for bit against the
/// spec's transcription (<see cref="GruSpec{T}"/>: forward, cache and backward, dense and one-hot, double and float);
/// one-hot equal to dense e_index, the inference step equal to the forward step, next = state and dState = dNext equal
/// to separate buffers, all bit for bit; argument errors before any write; no allocation; the GRU's named views
/// (<see cref="ParameterBuffer{TKernel, T}"/>, <see cref="StepCache{TKernel, T}"/>) at the documented positions.
/// </summary>
public sealed class GruLoopKernelTests
{
    [Fact]
    public void The_contract_reports_the_gru_sizes()
    {
        Assert.Equal(4, Recurrent<Gru3x4, double>.StateLength);
        Assert.Equal(20, Recurrent<Gru3x4, double>.CacheLength);
        Assert.Equal(5, Recurrent<SimdGru3x5Head4Double, double>.StateLength);
        Assert.Equal(25, Recurrent<SimdGru3x5Head4Double, double>.CacheLength);
        Assert.Equal(KernelStrategy.Loops, Strategy<Gru3x4>());
        Assert.Equal(20, GruLoopKernel<Gru3x4, double>.CacheLength);
    }

    [Fact]
    public void Loop_kernel_matches_the_spec_bit_for_bit_double()
    {
        SpecBitForBit<Gru3x4, double>(seed: 1);
        SpecBitForBit<Gru3x5Head4, double>(seed: 2);
    }

    [Fact]
    public void Loop_kernel_matches_the_spec_bit_for_bit_float() => SpecBitForBit<Gru3x4Float, float>(seed: 3);

    [Fact]
    public void One_hot_equals_dense_step_equals_forward_and_aliasing_changes_nothing()
    {
        GruChecks.BitForBit<Gru3x4, double>(seed: 11);
        GruChecks.BitForBit<Gru3x4Float, float>(seed: 12);
        GruChecks.BitForBit<Gru3x5Head4, double>(seed: 13);
    }

    [Fact]
    public void Wrong_arguments_throw_before_anything_is_written() => GruChecks.Errors<Gru3x5Head4>();

    [Fact]
    public void Kernel_and_sequence_calls_allocate_nothing() => GruChecks.NoAllocations<Gru3x5Head4>();

    [Fact]
    public void Parameter_views_address_the_documented_positions()
    {
        // [W | U] column by column with G = 3H rows (r, z, n blocks of H), element (row, k) at k·G + row; b (G); b_hn (H);
        // W_y (V × H) column by column; b_y (V). D = 3, H = 5, V = 4: G = 15, b at 120, b_hn at 135, W_y at 140, b_y at 160.
        var p = new Parameters<Gru3x5Head4, double>();
        Assert.Equal((15 * 8) + 15 + 5 + 20 + 4, p.AsSpan().Length);
        p.W(GruGate.Z, 2, 1) = 1;           // row 5 + 2 = 7, column 1
        p.U(GruGate.N, 4, 3) = 2;           // row 14, column 3 + 3 = 6
        p.B(GruGate.R, 3) = 3;              // 120 + 3
        p.B(GruGate.N, 0) = 4;              // 120 + 10
        p.Bhn(2) = 5;                       // 135 + 2
        p.Wy(1, 4) = 6;                     // 140 + 4·4 + 1
        Span<double> flat = p.AsSpan();
        Assert.Equal(1, flat[(1 * 15) + 7]);
        Assert.Equal(2, flat[(6 * 15) + 14]);
        Assert.Equal(3, flat[123]);
        Assert.Equal(4, flat[130]);
        Assert.Equal(5, flat[137]);
        Assert.Equal(6, flat[157]);
        Assert.Equal(21, flat.ToArray().Sum());
    }

    [Fact]
    public void A_view_of_the_other_kind_throws_and_names_the_right_call()
    {
        var gru = new Parameters<Gru3x5Head4, double>();
        var lstm = new Parameters<Lstm3x5Head4, double>();
        var rnn = new Parameters<Rnn3x5Head4, double>();
        Assert.Contains("with a GruGate", Assert.Throws<InvalidOperationException>(() => gru.W(LstmGate.Input, 0, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("with a GruGate", Assert.Throws<InvalidOperationException>(() => gru.B(0)).Message, StringComparison.Ordinal);
        Assert.Contains("with an LstmGate", Assert.Throws<InvalidOperationException>(() => lstm.U(GruGate.R, 0, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("without a gate", Assert.Throws<InvalidOperationException>(() => rnn.B(GruGate.N, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("only a GRU", Assert.Throws<InvalidOperationException>(() => lstm.Bhn(0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("gate", () => gru.W((GruGate)3, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>("row", () => gru.Bhn(5));
        Assert.Throws<ArgumentOutOfRangeException>("row", () => gru.U(GruGate.Z, 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>("column", () => gru.W(GruGate.Z, 0, 3));
    }

    [Fact]
    public void Step_cache_view_names_the_gru_parts()
    {
        double[] values = [.. Enumerable.Range(0, 20).Select(v => (double)v)];
        var cache = new StepCache<Gru3x4, double>(values);
        Assert.Equal([0.0, 1, 2, 3], cache.HPrev.ToArray());
        Assert.Equal([4.0, 5, 6, 7], cache.R.ToArray());
        Assert.Equal([8.0, 9, 10, 11], cache.Z.ToArray());
        Assert.Equal([12.0, 13, 14, 15], cache.N.ToArray());
        Assert.Equal([16.0, 17, 18, 19], cache.Hn.ToArray());
        Assert.Contains("GRU", Assert.Throws<InvalidOperationException>(() => new StepCache<Gru3x4, double>(values).H.Length).Message, StringComparison.Ordinal);
        Assert.Contains("GRU", Assert.Throws<InvalidOperationException>(() => new StepCache<Gru3x4, double>(values).CPrev.Length).Message, StringComparison.Ordinal);
        double[] rnnValues = new double[10];
        Assert.Contains("tanh RNN", Assert.Throws<InvalidOperationException>(() => new StepCache<Rnn3x5Head4, double>(rnnValues).R.Length).Message, StringComparison.Ordinal);
    }

    private static KernelStrategy Strategy<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double> => TKernel.Strategy;

    // Through the contract: Forward/ForwardOneHot against GruSpec.Forward (next and cache), Backward/BackwardOneHot
    // against GruSpec.Backward (dState, dx, dp accumulated onto a non-zero dp), for a dense input and every index.
    private static void SpecBitForBit<TKernel, T>(int seed)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CellLayout layout = new(TKernel.Kind, TKernel.InputSize, TKernel.HiddenSize, TKernel.OutputSize);
        int d = TKernel.InputSize, h = TKernel.HiddenSize;
        T[] p = GruChecks.Values<T>(seed, layout.ParameterCount, 0.6);
        T[] x = GruChecks.Values<T>(seed + 1, d, 1), state = GruChecks.Values<T>(seed + 2, h, 0.8), dNext = GruChecks.Values<T>(seed + 3, h, 1);
        T[] dp0 = GruChecks.Values<T>(seed + 4, layout.ParameterCount, 0.1);
        for (int index = -1; index < d; index++)
        {
            (T[] expectedNext, T[] expectedCache) = GruSpec<T>.Forward(layout, p, x, index, state);
            T[] next = new T[h], cache = new T[5 * h];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Forward(p, x, state, next, cache);
            }
            else
            {
                Recurrent<TKernel, T>.ForwardOneHot(p, index, state, next, cache);
            }

            Assert.Equal(expectedNext, next);
            Assert.Equal(expectedCache, cache);

            T[] expectedDp = (T[])dp0.Clone(), dp = (T[])dp0.Clone();
            (T[] expectedDh, T[] expectedDx) = GruSpec<T>.Backward(layout, p, x, index, expectedCache, dNext, expectedDp);
            T[] dState = new T[h], dx = new T[index < 0 ? d : 0];
            if (index < 0)
            {
                Recurrent<TKernel, T>.Backward(p, x, cache, dNext, dState, dx, dp);
            }
            else
            {
                Recurrent<TKernel, T>.BackwardOneHot(p, index, cache, dNext, dState, dp);
            }

            Assert.Equal(expectedDh, dState);
            Assert.Equal(expectedDx, dx);
            Assert.Equal(expectedDp, dp);
        }
    }
}
