using System.Diagnostics;
using LstmGen.Internal;

namespace LstmGen.Benchmarks;

/// <summary>
/// <c>--probe-infer</c>: <see cref="ConfigCInference"/>'s rows, interleaved: each round times every row once (a batch of
/// calls of at least 100 µs), 600 rounds, and prints each row's fastest batch per call and its ratio to its bound. On
/// this shared machine (load 15-20 on 2 cores) BenchmarkDotNet's rows run one after the other and each gets another
/// share of the core, so even the bound rows disagree (the FMA peak measured slower than the GEMM doing the same
/// FMAs); round-robin minima compare the rows under the same conditions.
/// </summary>
internal static class ProbeInference
{
    private const int Rounds = 600;

    // Every result is added here, so that the JIT cannot drop a call whose value is unused (it removed the FMA-peak loop).
    public static float Sink { get; private set; }

    public static void Run()
    {
        var c = new ConfigCInference();
        c.Setup();
        (string Name, Func<float> Call)[] rows =
        [
            ("C: LstmGen StepBatch (m = 32, no caches)", () => { c.StepBatch(); return 0; }),
            ("C: LstmGen ForwardSequenceBatch, T = 1 (writes caches)", () => { c.ForwardWithCaches(); return 0; }),
            ("C: LstmGen 32 x StepOneHot", () => { c.SingleSteps(); return 0; }),
            ("C: bound Vector512 gate GEMM", c.BoundGemm),
            ("C: bound FMA peak of the gate GEMM", c.FmaPeak),
            ("C part: the 32 state updates alone (3 sigmoid, 2 tanh)", Updates(32)),
            ("B: LstmGen StepOneHot + softmax", c.Step),
            ("B: bound GEMV, 128 rows x all columns", c.BoundGemvRows128),
            ("B: bound GEMV, 256 rows x all columns", c.BoundGemvRows256),
            ("B: bound GEMV, column-blocked", c.BoundGemvColumns),
        ];
        int[] batch = [.. rows.Select(row => BatchFor(row.Call))];
        double[] best = [.. rows.Select(_ => double.MaxValue)];
        for (int round = 0; round < Rounds; round++)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int k = 0; k < batch[i]; k++)
                {
                    Sink += rows[i].Call();
                }

                best[i] = Math.Min(best[i], Stopwatch.GetElapsedTime(start).TotalNanoseconds / batch[i]);
            }
        }

        double peak = best[4], gemv = Math.Min(best[7], Math.Min(best[8], best[9]));
        for (int i = 0; i < rows.Length; i++)
        {
            string ratio = i < 6 ? $"{best[i] / peak,6:F2} x FMA peak" : $"{best[i] / gemv,6:F2} x best GEMV";
            Console.WriteLine($"{rows[i].Name,-58} {best[i] / 1000,9:N2} us  {ratio}");
        }
    }

    // The element-wise part of StepBatch for m samples of H = 128 (VectorMath.LstmUpdate, as the LSTM's update): what
    // the batched step costs beyond its gate product.
    private static Func<float> Updates(int m)
    {
        float[] z = Data.Uniform<float>(7, m * 512, 1), c = Data.Uniform<float>(8, m * 128, 1), t = new float[128], h = new float[m * 128];
        float[] zs = new float[z.Length];
        return () =>
        {
            z.CopyTo(zs, 0);
            for (int b = 0; b < m; b++)
            {
                Span<float> g = zs.AsSpan(b * 512, 512);
                VectorMath.LstmUpdate<float>(c.AsSpan(b * 128, 128), g, g[..128], t, h.AsSpan(b * 128, 128));
            }

            return h[0];
        };
    }

    // Calls per timed batch: at least 100 µs, after 300 ms of warm-up (tiered compilation promotes every method).
    private static int BatchFor(Func<float> call)
    {
        long warmUp = Stopwatch.GetTimestamp();
        int calls = 0;
        while (Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds < 300)
        {
            Sink += call();
            calls++;
        }

        return Math.Max(1, (int)Math.Ceiling(100_000 / (Stopwatch.GetElapsedTime(warmUp).TotalNanoseconds / calls)));
    }
}
