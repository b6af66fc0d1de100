using System.Diagnostics;
using LstmGen.Benchmarks.Baselines;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen.Benchmarks;

/// <summary>
/// <c>--probe</c>: after a warm-up, the fastest of 300 timed batches (of at least 50 µs each) of each measured operation,
/// per call or per timestep, with a Stopwatch. On a busy
/// machine BenchmarkDotNet's means and medians include time slices lost to other processes; the minimum of many short
/// batches is the figure least disturbed by them. Printed next to the BenchmarkDotNet table in the README.
/// </summary>
internal static partial class Probe
{
    private const int Repeats = 300;

    /// <summary>The probe; with <paramref name="gemvOnly"/>, B's one-hot step through the contract against the bound GEMV, interleaved 4 times.</summary>
    public static void Run(bool gemvOnly)
    {
        if (gemvOnly)
        {
            // The generated per-width gate kernels are gone: the public contract's one-hot step (gate product U·h plus the
            // one-hot column, activations and state update) is what B's inference runs, against the bound GEMV alone.
            var pp = new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 0.1));
            float[] u = Data.Uniform<float>(4, 512 * 128, 0.1), hh = Data.Uniform<float>(2, 128, 1), zz = new float[512];
            float[] uu = new float[CellB.ParameterCount];
            pp.AsSpan().CopyTo(uu);
            int s = Recurrent<CellB.Kernel, float>.StateLength;
            float[] state = Data.Uniform<float>(2, s, 1), next = new float[s];
            for (int i = 0; i < 4; i++)
            {
                Print("contract Recurrent.StepOneHot (whole step)", 1, () => { Recurrent<CellB.Kernel, float>.StepOneHot(pp.AsSpan(), 3, state, next); return next; });
                Print("bound GEMV", 1, () => { BoundKernels.Gemv(u, hh, zz, 512, 128); return zz; });
                Print("bound GEMV on the parameter array's U", 1, () => { BoundKernels.Gemv(uu.AsSpan(10 * 512, 512 * 128), hh, zz, 512, 128); return zz; });
            }

            return;
        }

        for (int round = 0; round < 2; round++)
        {
            var a = new ConfigA();
            a.Setup();
            Print("A inference: LstmGen Step", 1, () => a.LstmGenStep());
            Print("A inference: MathNet step", 1, () => a.MathNetStep());
            Print("A BPTT per timestep: LstmGen", Data.Steps, () => a.LstmGenBptt());
            Print("A BPTT per timestep: MathNet", Data.Steps, () => a.MathNetBptt());

            var b = new ConfigB();
            b.Setup();
            Print("B inference: LstmGen StepOneHot + softmax", 1, () => b.LstmGenStep());
            Print("B inference: Loops (before)", 1, () => b.LstmGenStepLoops());
            Print("B inference: MathNet", 1, () => b.MathNetStep());
            Print("B inference: bound GEMV", 1, () => b.BoundGemv());
            Print("B BPTT per timestep: LstmGen", Data.Steps, () => b.LstmGenBptt());
            Print("B BPTT per timestep: Loops (before)", Data.Steps, () => b.LstmGenBpttLoops());
            Print("B BPTT per timestep: MathNet", Data.Steps, () => b.MathNetBptt());
            Print("B BPTT per timestep: bound 3 kernels", 1, () => b.BoundThreeKernels());

            var breakdown = new ConfigBBreakdown();
            breakdown.Setup();
            Print("B breakdown: StepOneHot (no head)", 1, () => breakdown.Step());
            Print("B breakdown: HeadForward + Softmax", 1, () => breakdown.Head());
            Print("B breakdown: ForwardSequence", Data.Steps, () => breakdown.ForwardSequence());
            Print("B breakdown: CrossEntropyLoss", Data.Steps, () => breakdown.CrossEntropy());
            Print("B breakdown: Bptt", Data.Steps, () => breakdown.Bptt());

            var p = new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 0.1));
            float[] z = Data.Uniform<float>(2, CellB.GateRows, 1), g = new float[CellB.HiddenSize];
            float[] c0 = Data.Uniform<float>(3, CellB.HiddenSize, 1), c1 = new float[CellB.HiddenSize], t1 = new float[CellB.HiddenSize], h1 = new float[CellB.HiddenSize];
            float[] stateB = Data.Uniform<float>(2, 2 * CellB.HiddenSize, 1), nextB = new float[2 * CellB.HiddenSize];
            Print("B parts: contract Recurrent.StepOneHot (whole step)", 1, () => { Recurrent<CellB.Kernel, float>.StepOneHot(p.AsSpan(), 3, stateB, nextB); return nextB; });
            Print("B parts: VectorMath.Sigmoid over H", 1, () => { VectorMath.Sigmoid<float>(z.AsSpan(0, 128), g); return g; });
            Print("B parts: VectorMath.Tanh over H", 1, () => { VectorMath.Tanh<float>(z.AsSpan(0, 128), g); return g; });
            float[] zUpdate = new float[CellB.GateRows];
            Print("B parts: VectorMath.LstmUpdate (gates, state, tanh c)", 1, () => { z.CopyTo(zUpdate, 0); VectorMath.LstmUpdate<float>(c0, zUpdate, c1, t1, h1); return h1; });

            var c = new ConfigC();
            c.Setup();
            Print("C BPTT per timestep (m = 32): LstmGen", Data.Steps, () => c.LstmGenBptt());
            Print("C BPTT per timestep (m = 32): bound GEMM", 1, () => c.BoundGemm());
            Print("C BPTT per timestep (m = 32): FMA peak of its GEMMs", 1, () => c.FmaPeak());

            var d = new ConfigD();
            d.Setup();
            Print("D inference: LstmGen", 1, () => d.LstmGenStep());
            Print("D inference: Loops (before)", 1, () => d.LstmGenStepLoops());
            Print("D inference: MathNet", 1, () => d.MathNetStep());
            Print("D BPTT per timestep: LstmGen", Data.Steps, () => d.LstmGenBptt());
            Print("D BPTT per timestep: Loops (before)", Data.Steps, () => d.LstmGenBpttLoops());
            Print("D BPTT per timestep: MathNet", Data.Steps, () => d.MathNetBptt());
            Console.WriteLine();
        }
    }

    private static void Print(string what, int operations, Func<object> call) =>
        Console.WriteLine($"{what,-60} {Best(operations, call),12:N1} ns");

    // The fastest batch's time per operation.
    private static double Best(int operations, Func<object> call)
    {
        // Warm up for 300 ms so that tiered compilation has promoted every method to optimised code, and find how many
        // calls make a batch of at least 50 µs (the Stopwatch ticks in 100 ns steps here).
        long warmUp = Stopwatch.GetTimestamp();
        int calls = 0;
        while (Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds < 300)
        {
            call();
            calls++;
        }

        double perCall = Stopwatch.GetElapsedTime(warmUp).TotalNanoseconds / calls;
        int batch = Math.Max(1, (int)Math.Ceiling(50_000 / perCall));
        double best = double.MaxValue;
        for (int r = 0; r < Repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int k = 0; k < batch; k++)
            {
                call();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / batch / operations);
        }

        return best;
    }
}
