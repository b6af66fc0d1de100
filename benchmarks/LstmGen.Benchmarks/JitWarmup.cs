using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using BenchmarkDotNet.Attributes;

namespace LstmGen.Benchmarks;

/// <summary>
/// Calls every <c>[Benchmark]</c> method of a configuration until the JIT has stopped compiling (no method compiled for
/// <see cref="QuietFor"/>), at the end of its <c>[GlobalSetup]</c>, so that BenchmarkDotNet's pilot stage sizes the
/// iterations on promoted (tier-1) code. Without it, in about one process in three the pilot timed the generic runtime's
/// tier-0 code, chose iterations of ~15 ms instead of 250 ms, and the workload measured code that tiered compilation had
/// not yet promoted: B BPTT at 19 µs instead of 11 µs in the same binary (measured 2026-12-06; BenchmarkDotNet warned
/// "the minimum observed iteration time is 15 ms"; with <c>DOTNET_TieredCompilation=0</c> every run gave 12.6 µs).
/// </summary>
internal static class JitWarmup
{
    /// <summary>How long the JIT must stay idle: well above the runtime's 100 ms call-counting delay.</summary>
    private static readonly TimeSpan QuietFor = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(30);

    public static void Run(object benchmarks)
    {
        MethodInfo[] methods = [.. benchmarks.GetType().GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)];
        long compiled = JitInfo.GetCompiledMethodCount();
        var quiet = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        while (quiet.Elapsed < QuietFor && total.Elapsed < AtMost)
        {
            foreach (MethodInfo method in methods)
            {
                method.Invoke(benchmarks, null);
            }

            Thread.Sleep(1);
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, quiet) = (now, Stopwatch.StartNew());
            }
        }
    }
}
