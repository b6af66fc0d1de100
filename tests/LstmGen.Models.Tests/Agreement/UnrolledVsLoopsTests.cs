using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests.Agreement;

/// <summary>
/// The same size generated with <c>Kernel = KernelStrategy.Unrolled</c> and <c>Kernel = KernelStrategy.Loops</c>
/// must give bit-identical results (compared with <c>==</c>, tolerance 0): both strategies accumulate every dot product
/// in the same order (columns of [W | U] in order, then the bias), by design. Covers states, every cache field, the loss,
/// every parameter gradient (flat buffer), every dx_t and the initial-state gradient. One exception: an LSTM whose four
/// gates fill one Vector256 (H = 1 in double) activates them with the runtime's vectorised σ/tanh
/// (<c>GateActivations</c>, a few ulps from Math.Exp/Math.Tanh), so its pair agrees within 1e-13 relative instead.
/// </summary>
public sealed class UnrolledVsLoopsTests
{
    public static TheoryData<string, string, int> Pairs()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (unrolled, loops) in DriverCatalog.KernelPairs)
        {
            foreach (int steps in (int[])[1, 2, 7])
            {
                data.Add(unrolled.Name, loops.Name, steps);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Unrolled_and_loop_kernels_agree_bit_for_bit(string unrolledCell, string loopsCell, int steps)
    {
        ISequenceDriver unrolled = DriverCatalog.Get(unrolledCell);
        ISequenceDriver loops = DriverCatalog.Get(loopsCell);
        Assert.Equal((unrolled.InputSize, unrolled.HiddenSize, unrolled.IsFloat), (loops.InputSize, loops.HiddenSize, loops.IsFloat));
        var (reference, problem) = SequenceProblems.Random(4242 + steps, unrolled.InputSize, unrolled.HiddenSize, steps, unrolled.IsFloat);
        double[] theta = unrolled.Flatten(reference);
        Assert.Equal(theta, loops.Flatten(reference)); // same layout, so the same θ feeds both

        double tolerance = unrolled.Name == nameof(Unrolled2x1) ? 1e-13 : 0;
        CellRun a = unrolled.Run(theta, problem);
        CellRun b = loops.Run(theta, problem);

        var failures = new List<string>();
        Same("loss", [a.Loss], [b.Loss]);
        for (int t = 0; t < steps; t++)
        {
            foreach (var ((name, x), (_, y)) in a.Steps[t].Tensors().Zip(b.Steps[t].Tensors()))
            {
                Same($"{name}[{t}]", x, y);
            }
        }

        Same("final h", a.FinalH, b.FinalH);
        Same("final c", a.FinalC, b.FinalC);
        Same("dθ (flat)", a.FlatGradients, b.FlatGradients);
        Same("dh_-1", a.DH0, b.DH0);
        Same("dc_-1", a.DC0, b.DC0);
        Same("dθ via LossAndGradients (flat)", a.HelperFlatGradients, b.HelperFlatGradients);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));

        void Same(string label, double[] x, double[] y)
        {
            Assert.Equal(x.Length, y.Length);
            for (int k = 0; k < x.Length; k++)
            {
                if (!(x[k] == y[k]) && !(Math.Abs(x[k] - y[k]) <= tolerance * Math.Max(Math.Abs(x[k]), Math.Abs(y[k]))))
                {
                    failures.Add($"{label}[{k}]: unrolled {x[k]:R}, loops {y[k]:R}");
                }
            }
        }
    }
}
