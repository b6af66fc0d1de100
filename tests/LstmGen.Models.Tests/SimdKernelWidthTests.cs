using System.Numerics;
using System.Reflection;
using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests;

/// <summary>
/// Every vector width of the SIMD matrix kernels, called directly through reflection (they are <c>private</c> to the
/// generated cell, so no user code sees them; reflection reaches every width on any CPU, where environment variables
/// such as DOTNET_EnableAVX512 could only switch widths off, never give Vector512 to a CPU without it): <c>GatePreActivations{512,256,128}</c> and <c>GateBackward{512,256,128}</c> of
/// (and, with a head, <c>HeadLogits{width}</c> and <c>HeadGradients{width}</c>; and the batched <c>GatePreActivations4x{width}</c>, which must equal the
/// single-sample kernel exactly for each of its 4 samples; and the batched <c>GateBackward4x{width}</c>, whose dx, dh and
/// gradient buffer must equal 4 single-sample <c>GateBackward</c> calls exactly) of each SIMD cell of LstmGen.TestCells/SimdCells.cs, for a dense input and for one-hot indices 0 and D−1, against the definition
/// computed here in double with plain loops over the documented flat layout (element (r, k) at k·GateRows + r).
/// Widths wider than the gate rows are not emitted (checked). The public entry points run only the widest accelerated width (Vector512 on this machine); this covers the others,
/// which run in software where the CPU lacks them, with the same results. Tolerance: double 1e-12, float 1e-4, scaled as
/// in <see cref="Comparison"/>. The kernels round each fused multiply-add in the cell's type and the check sums in double,
/// so the difference is the kernel's own rounding: about u·√n·Σ|terms| for n = D + H + 1 ≤ 140 terms of weights and
/// inputs uniform in [−1, 1], i.e. ~2e-5 of the floor in float (u = 6e-8; measured up to 1.4e-5) and ~1e-13 in double.
/// </summary>
public sealed class SimdKernelWidthTests
{
    private delegate void ForwardFn<S>(ReadOnlySpan<S> w, ReadOnlySpan<S> x, int index, ReadOnlySpan<S> h, Span<S> z);

    private delegate void Forward4Fn<S>(ReadOnlySpan<S> w, ReadOnlySpan<S> xs, ReadOnlySpan<int> indices, ReadOnlySpan<S> hs, Span<S> zs);

    private delegate void HeadFn<S>(ReadOnlySpan<S> w, ReadOnlySpan<S> h, Span<S> z);

    private delegate void HeadBackwardFn<S>(ReadOnlySpan<S> w, Span<S> dw, ReadOnlySpan<S> dLogits, ReadOnlySpan<S> h, Span<S> dh);

    private delegate void Backward4Fn<S>(ReadOnlySpan<S> w, Span<S> dw, ReadOnlySpan<S> dzs, ReadOnlySpan<S> xs, ReadOnlySpan<int> indices, ReadOnlySpan<S> hs, Span<S> dxs, Span<S> dhs);

    private delegate void BackwardFn<S>(ReadOnlySpan<S> w, Span<S> dw, ReadOnlySpan<S> dz, ReadOnlySpan<S> x, int index, ReadOnlySpan<S> h, Span<S> dx, Span<S> dh);

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var (simd, _) in SimdAgreementTests.Pairs)
        {
            foreach (int bits in new[] { 512, 256, 128 })
            {
                cases.Add(simd.Name, bits);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_vector_width_computes_the_gate_products(string cell, int bits)
    {
        Type type = SimdAgreementTests.Pairs.Single(p => p.Simd.Name == cell).Simd;
        bool isFloat = type.GetNestedType("Parameters")!.GetMethod("AsSpan")!.ReturnType.GetGenericArguments()[0] == typeof(float);
        if (isFloat)
        {
            Check<float>(type, bits, new Comparison(1e-4, Comparison.FloatFloorFraction));
        }
        else
        {
            Check<double>(type, bits, new Comparison(1e-12));
        }
    }

    private static void Check<S>(Type cell, int bits, Comparison comparison)
        where S : unmanaged, IFloatingPointIeee754<S>
    {
        int d = Constant(cell, "InputSize"), h = Constant(cell, "HiddenSize"), rows = Constant(cell, "GateRows");
        if (cell.GetMethod($"GatePreActivations{bits}", BindingFlags.NonPublic | BindingFlags.Static) is null)
        {
            // Not emitted: a width wider than the gate rows (the generator keeps only the widths that fit, and Vector128).
            int lanes = bits / (8 * System.Runtime.CompilerServices.Unsafe.SizeOf<S>());
            Assert.True(bits > 128 && lanes > rows, $"{cell.Name} lacks the Vector{bits} kernels although {lanes} lanes fit in {rows} gate rows");
            return;
        }

        int count = Constant(cell, "ParameterCount"), biasOffset = Constant(cell, "BiasOffset");
        var forward = Kernel<ForwardFn<S>>(cell, $"GatePreActivations{bits}");
        var backward = Kernel<BackwardFn<S>>(cell, $"GateBackward{bits}");
        var random = new Random(Problems.Seed($"{cell.Name}/{bits}"));
        S[] Draw(int n) => [.. Enumerable.Range(0, n).Select(_ => S.CreateTruncating((random.NextDouble() * 2) - 1))];
        S[] w = Draw(count), x = Draw(d), hPrev = Draw(h), dz = Draw(rows), dw0 = Draw(count);

        foreach (int index in new[] { -1, 0, d - 1 })
        {
            // Definition, in double: the input column vector is [x; h] (or [onehot(index); h]).
            double[] input = [.. Enumerable.Range(0, d).Select(k => index < 0 ? D(x[k]) : k == index ? 1.0 : 0.0), .. hPrev.Select(D)];
            var z = new double[rows];
            var dw = dw0.Select(D).ToArray();
            var dInput = new double[d + h];
            for (int k = 0; k < d + h; k++)
            {
                for (int r = 0; r < rows; r++)
                {
                    double weight = D(w[(k * rows) + r]);
                    z[r] += weight * input[k];
                    dInput[k] += weight * D(dz[r]);
                    if (index < 0 || k >= d || k == index)
                    {
                        dw[(k * rows) + r] += D(dz[r]) * input[k];
                    }
                }
            }

            for (int r = 0; r < rows; r++)
            {
                z[r] += D(w[biasOffset + r]);
                dw[biasOffset + r] += D(dz[r]);
            }

            S[] xArg = index < 0 ? x : [];
            var zActual = new S[rows];
            forward(w, xArg, index, hPrev, zActual);
            S[] dwActual = [.. dw0];
            var (dxActual, dhActual) = (new S[d], new S[h]);
            backward(w, dwActual, dz, xArg, index, hPrev, dxActual, dhActual);

            string at = $"{cell.Name}, Vector{bits}, index {index}";
            comparison.Close($"{at}: z", [.. zActual.Select(D)], z);
            comparison.Close($"{at}: d[W | U] and db", [.. dwActual.Select(D)], dw);
            comparison.Close($"{at}: dx", [.. dxActual.Select(D)], dInput[..d]);
            comparison.Close($"{at}: dh_prev", [.. dhActual.Select(D)], dInput[d..]);
        }

        // The 4-sample kernel of the batched forward step: each sample's z equal (==) to the single-sample kernel's.
        var forward4 = Kernel<Forward4Fn<S>>(cell, $"GatePreActivations4x{bits}");
        S[] xs = Draw(4 * d), hs = Draw(4 * h);
        foreach (int[] indices in new[] { Array.Empty<int>(), [0, d - 1, d / 2, 0] })
        {
            var zs = new S[4 * rows];
            forward4(w, indices.Length == 0 ? xs : [], indices, hs, zs);
            for (int sample = 0; sample < 4; sample++)
            {
                var single = new S[rows];
                forward(w, indices.Length == 0 ? xs.AsSpan(sample * d, d) : [], indices.Length == 0 ? -1 : indices[sample], hs.AsSpan(sample * h, h), single);
                Assert.True(single.AsSpan().SequenceEqual(zs.AsSpan(sample * rows, rows)), $"{cell.Name}, Vector{bits}: 4-sample kernel differs from the single-sample kernel for sample {sample} ({(indices.Length == 0 ? "dense" : "one-hot")})");
            }
        }

        // The 4-sample kernel of batched BPTT: each sample's dx and dh_prev equal (==) to the single-sample kernel's, and the
        // gradient buffer equal (==) to 4 single-sample calls in sample order (every element receives the same terms in the
        // same order: per column the samples' fused multiply-adds in turn; a one-hot sample adds dz to its column).
        var backward4 = Kernel<Backward4Fn<S>>(cell, $"GateBackward4x{bits}");
        S[] dzs = Draw(4 * rows);
        foreach (int[] indices in new[] { new[] { -1, -1, -1, -1 }, [0, d - 1, d / 2, 0], [-1, d - 1, -1, 0] })
        {
            string kind = $"indices [{string.Join(", ", indices)}]";
            S[] dwTogether = [.. dw0], dwOneByOne = [.. dw0];
            var (dxs, dhs) = (new S[4 * d], new S[4 * h]);
            backward4(w, dwTogether, dzs, xs, indices, hs, dxs, dhs);
            for (int sample = 0; sample < 4; sample++)
            {
                var (dxSingle, dhSingle) = (new S[d], new S[h]);
                backward(w, dwOneByOne, dzs.AsSpan(sample * rows, rows), indices[sample] < 0 ? xs.AsSpan(sample * d, d) : [], indices[sample], hs.AsSpan(sample * h, h), dxSingle, dhSingle);
                Assert.True(dxSingle.AsSpan().SequenceEqual(dxs.AsSpan(sample * d, d)), $"{cell.Name}, Vector{bits}, {kind}: 4-sample dx differs from the single-sample kernel for sample {sample}");
                Assert.True(dhSingle.AsSpan().SequenceEqual(dhs.AsSpan(sample * h, h)), $"{cell.Name}, Vector{bits}, {kind}: 4-sample dh_prev differs from the single-sample kernel for sample {sample}");
            }

            Assert.True(dwOneByOne.AsSpan().SequenceEqual(dwTogether), $"{cell.Name}, Vector{bits}, {kind}: 4-sample d[W | U] and db differ from 4 single-sample calls");
        }

        // The head's logits W_y·h + b_y, for the widths whose lanes fit in V (the others are not emitted).
        if (cell.GetMethod($"HeadLogits{bits}", BindingFlags.NonPublic | BindingFlags.Static) is not null)
        {
            int v = Constant(cell, "OutputSize"), headWeights = Constant(cell, "HeadWeightOffset"), headBias = Constant(cell, "HeadBiasOffset");
            var logits = new double[v];
            for (int k = 0; k < v; k++)
            {
                for (int j = 0; j < h; j++)
                {
                    logits[k] += D(w[headWeights + (j * v) + k]) * D(hPrev[j]);
                }

                logits[k] += D(w[headBias + k]);
            }

            var actual = new S[v];
            Kernel<HeadFn<S>>(cell, $"HeadLogits{bits}")(w, hPrev, actual);
            comparison.Close($"{cell.Name}, Vector{bits}: head logits", [.. actual.Select(D)], logits);

            // The head's backward matrix work: dW_y += dLogits·hᵀ and dh = W_yᵀ·dLogits (db_y is added by HeadBackward).
            S[] dLogits = Draw(v);
            var dwExpected = dw0.Select(D).ToArray();
            var dhExpected = new double[h];
            for (int j = 0; j < h; j++)
            {
                for (int k = 0; k < v; k++)
                {
                    dwExpected[headWeights + (j * v) + k] += D(dLogits[k]) * D(hPrev[j]);
                    dhExpected[j] += D(w[headWeights + (j * v) + k]) * D(dLogits[k]);
                }
            }

            S[] dwHead = [.. dw0];
            var dhHead = new S[h];
            Kernel<HeadBackwardFn<S>>(cell, $"HeadGradients{bits}")(w, dwHead, dLogits, hPrev, dhHead);
            comparison.Close($"{cell.Name}, Vector{bits}: head dW_y", [.. dwHead.Select(D)], dwExpected);
            comparison.Close($"{cell.Name}, Vector{bits}: head dh", [.. dhHead.Select(D)], dhExpected);
        }

        comparison.AssertAll();
    }

    private static double D<S>(S value)
        where S : INumberBase<S> => double.CreateTruncating(value);

    private static int Constant(Type cell, string name) => (int)cell.GetField(name)!.GetRawConstantValue()!;

    private static T Kernel<T>(Type cell, string name)
        where T : Delegate =>
        (T)Delegate.CreateDelegate(typeof(T), cell.GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{cell.Name} has no kernel {name}."));
}
