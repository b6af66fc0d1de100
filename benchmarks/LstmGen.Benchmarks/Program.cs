using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace LstmGen.Benchmarks;

/// <summary>
/// Entry point. <c>--quick</c>: a short job (1 warm-up, 5 iterations of ~100 ms, in process; under 1 minute for all
/// configurations). Without it: the full job (3 warm-ups, 15 iterations of ~250 ms, in process; about 5 minutes). Other arguments go to BenchmarkDotNet
/// (e.g. <c>--filter *ConfigB*</c>); without a filter every configuration runs. <c>--probe</c> prints Stopwatch minima
/// instead (see <see cref="Probe"/>); <c>--probe-gemv</c> compares B's one-hot contract step with the bound GEMV;
/// <c>--probe-c</c> splits C's BPTT into its parts; <c>--probe-b</c> splits B's the same way; <c>--probe-e</c> compares E
/// with B; <c>--probe-infer</c> times the batched inference rows round-robin (see <see cref="ProbeInference"/>);
/// <c>--probe-threshold</c> compares unrolled and SIMD kernels around the unroll budget (see <see cref="ThresholdProbe"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--probe-threshold"))
        {
            ThresholdProbe.Run();
            return;
        }

        if (args.Contains("--probe-b"))
        {
            Probe.RunBreakdownC(batch: 1);
            return;
        }

        if (args.Contains("--probe-e"))
        {
            Probe.RunE();
            return;
        }

        if (args.Contains("--probe-contract"))
        {
            Probe.RunContract();
            return;
        }

        if (args.Contains("--probe-infer"))
        {
            ProbeInference.Run();
            return;
        }

        if (args.Contains("--probe-c"))
        {
            Probe.RunBreakdownC();
            return;
        }

        if (args.Contains("--probe") || args.Contains("--probe-gemv"))
        {
            Probe.Run(gemvOnly: args.Contains("--probe-gemv"));
            return;
        }

        bool quick = args.Contains("--quick");
        string[] rest = [.. args.Where(a => a != "--quick")];
        if (!rest.Contains("--filter"))
        {
            rest = [.. rest, "--filter", "*"];
        }

        // Fixed iteration counts and times: BenchmarkDotNet's adaptive default job sized its iterations from a pilot stage
        // and, on this shared 2-core machine, ran single iterations for 12-20 s and hit the in-process time limit.
        Job job = quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("Quick")
            : Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("Full");
        IConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false)))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
    }
}
