using LstmGen.Models.Tests.Support;
using Xunit.Abstractions;
using RefReduction = LstmGen.Reference.BatchReduction;

namespace LstmGen.Models.Tests;

/// <summary>
/// The SIMD kernels (<c>Kernel = KernelStrategy.Simd</c>) at every tail size of LstmGen.TestCells/SimdCells.cs and GruSimdCells.cs, dense and one-hot inputs,
/// T in {1, 9}, m in {1, 3}, against (1) the independent MathNet reference, with the tolerances of
/// <see cref="Agreement.ReferenceAgreementTests"/> (double 1e-10, float 1e-4 with the float floor), and (2) the scalar path, the same
/// size generated with <c>Kernel = Loops</c>, through the same low-level calls (every h_t, c_t, probability, loss,
/// parameter gradient, dx_t, initial-state gradient and final state).
/// <para>
/// Against the scalar path the tolerance is 1e-12 (double) and 1e-4 (float), scaled as in <see cref="Comparison"/>. The two
/// do not sum in quite the same order: the forward pass adds the same terms in the same order, but each with a fused
/// multiply-add (one rounding instead of two), and the vectorised σ and tanh of TensorPrimitives differ from Math.Tanh
/// and Math.Exp by an ulp or so; the backward dot products dx = Wᵀdz and dh = Uᵀdz keep 4 vectors of partial sums instead
/// of one running sum. Each is a relative difference of a few ulps per operation (1e-16 in double), carried through 9
/// steps of BPTT and 3 samples. In float (ulp 6e-8) the same few-ulp differences reach 3e-5 of the floor on entries
/// where c = f ⊙ c_prev + i ⊙ g cancels (measured: the SIMD and Loops cells are each that far from the double reference
/// too), so float is held to the reference tolerance 1e-4.
/// </para>
/// </summary>
public sealed class SimdAgreementTests(ITestOutputHelper output)
{
    /// <summary>(SIMD cell, the same size with Kernel = Loops).</summary>
    internal static readonly IReadOnlyList<(Type Simd, Type Loops)> Pairs =
    [
        (typeof(Lstm1x1DoubleSimd), typeof(Lstm1x1DoubleLoops)),
        (typeof(Lstm1x1FloatSimd), typeof(Lstm1x1FloatLoops)),
        (typeof(Lstm3x7DoubleSimd), typeof(Lstm3x7DoubleLoops)),
        (typeof(Lstm3x7FloatSimd), typeof(Lstm3x7FloatLoops)),
        (typeof(Lstm10x15DoubleSimd), typeof(Lstm10x15DoubleLoops)),
        (typeof(Lstm10x15FloatSimd), typeof(Lstm10x15FloatLoops)),
        (typeof(Lstm17x17DoubleSimd), typeof(Lstm17x17DoubleLoops)),
        (typeof(Lstm17x17FloatSimd), typeof(Lstm17x17FloatLoops)),
        (typeof(Lstm5x33Head10DoubleSimd), typeof(Lstm5x33Head10DoubleLoops)),
        (typeof(Lstm5x33Head10FloatSimd), typeof(Lstm5x33Head10FloatLoops)),
        (typeof(Lstm10x129DoubleSimd), typeof(Lstm10x129DoubleLoops)),
        (typeof(Lstm10x129FloatSimd), typeof(Lstm10x129FloatLoops)),
        (typeof(Rnn2x7DoubleSimd), typeof(Rnn2x7DoubleLoops)),
        (typeof(Rnn2x7FloatSimd), typeof(Rnn2x7FloatLoops)),
        (typeof(Rnn10x17DoubleSimd), typeof(Rnn10x17DoubleLoops)),
        (typeof(Rnn10x17FloatSimd), typeof(Rnn10x17FloatLoops)),
        (typeof(Rnn3x33Head4DoubleSimd), typeof(Rnn3x33Head4DoubleLoops)),
        (typeof(Rnn3x33Head4FloatSimd), typeof(Rnn3x33Head4FloatLoops)),
        (typeof(Rnn10x129Head10DoubleSimd), typeof(Rnn10x129Head10DoubleLoops)),
        (typeof(Rnn10x129Head10FloatSimd), typeof(Rnn10x129Head10FloatLoops)),
        (typeof(Gru1x1DoubleSimd), typeof(Gru1x1DoubleLoops)),
        (typeof(Gru1x1FloatSimd), typeof(Gru1x1FloatLoops)),
        (typeof(Gru3x7DoubleSimd), typeof(Gru3x7DoubleLoops)),
        (typeof(Gru3x7FloatSimd), typeof(Gru3x7FloatLoops)),
        (typeof(Gru10x11DoubleSimd), typeof(Gru10x11DoubleLoops)),
        (typeof(Gru10x11FloatSimd), typeof(Gru10x11FloatLoops)),
        (typeof(Gru5x33Head10DoubleSimd), typeof(Gru5x33Head10DoubleLoops)),
        (typeof(Gru5x33Head10FloatSimd), typeof(Gru5x33Head10FloatLoops)),
        (typeof(Gru10x43DoubleSimd), typeof(Gru10x43DoubleLoops)),
        (typeof(Gru10x43FloatSimd), typeof(Gru10x43FloatLoops)),
    ];

    public static TheoryData<string, int, int, bool> Cases()
    {
        var cases = new TheoryData<string, int, int, bool>();
        foreach (var (simd, _) in Pairs)
        {
            foreach (int batch in new[] { 1, 3 })
            {
                foreach (int steps in new[] { 1, 9 })
                {
                    foreach (bool oneHot in new[] { false, true })
                    {
                        cases.Add(simd.Name, batch, steps, oneHot);
                    }
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simd_kernels_match_the_reference_and_the_scalar_path(string cell, int batch, int steps, bool oneHot)
    {
        var (simdType, loopsType) = Pairs.Single(p => p.Simd.Name == cell);
        ICellDriver simd = Drivers.Get(simdType);
        ICellDriver loops = Drivers.Get(loopsType);
        LossKind loss = simd.HasHead ? LossKind.ClassIndex : LossKind.Mse;
        int seed = Problems.Seed($"{cell}/{batch}/{steps}/{oneHot}");
        double[] theta = Problems.Theta(simd, seed);
        BatchProblem problem = Problems.Random(simd, seed + 1, steps, batch, loss, oneHot);

        BatchRun simdRun = simd.RunLowLevel(theta, problem);
        var reference = simd.IsFloat ? new Comparison(1e-4, Comparison.FloatFloorFraction) : new Comparison(1e-10);
        reference.Runs("SIMD vs reference", simdRun, ReferenceRunner.Run(simd, theta, problem, RefReduction.Sum));
        var scalar = simd.IsFloat ? new Comparison(1e-4, Comparison.FloatFloorFraction) : new Comparison(1e-12);
        scalar.Runs("SIMD vs Loops", simdRun, loops.RunLowLevel(theta, problem));

        output.WriteLine($"worst scaled error: vs reference {reference.Worst:E2}, vs Loops {scalar.Worst:E2}");
        reference.AssertAll();
        scalar.AssertAll();
    }
}
