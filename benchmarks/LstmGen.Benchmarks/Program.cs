using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace LstmGen.Benchmarks;

/// <summary>
/// Entry point. <c>--quick</c>: a short job (1 warm-up, 5 iterations of ~100 ms, in process; under 3 minutes for all
/// configurations). Without it: BenchmarkDotNet's default job, in process. Other arguments go to BenchmarkDotNet
/// (e.g. <c>--filter *ConfigB*</c>); without a filter every configuration runs. <c>--probe</c> prints Stopwatch minima
/// instead (see <see cref="Probe"/>); <c>--probe-gemv</c> compares B's generated gate product with the bound GEMV.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
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

        Job job = quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("Quick")
            : Job.Default.WithId("Full");
        IConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
    }
}
