using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace LstmGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Feeds thousands of random declarations through the generator and the analyzers (see <see cref="FuzzBatch"/> for the
/// verdict on each). Replay: <c>LSTMGEN_FUZZ_SEED=&lt;seed&gt;</c> (or <c>random</c>) and <c>LSTMGEN_FUZZ_CASES=&lt;n&gt;</c>;
/// a failure prints the seed, the case number, its source and its diagnostics.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_251_125;
    private const int DefaultCases = 2500;
    private const int BatchSize = 150;

    [Fact]
    public async Task Random_declarations_never_crash_and_are_either_generated_or_diagnosed()
    {
        int seed = Seed();
        int count = int.TryParse(Environment.GetEnvironmentVariable("LSTMGEN_FUZZ_CASES"), CultureInfo.InvariantCulture, out int n) ? n : DefaultCases;
        var fuzzer = new DeclarationFuzzer(seed);
        var failures = new List<string>();
        var statistics = new FuzzStatistics();
        var clock = Stopwatch.StartNew();

        for (int start = 0; start < count && failures.Count == 0; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(fuzzer.Next).ToList();
            failures.AddRange(await FuzzBatch.JudgeAsync(batch, statistics));
        }

        output.WriteLine($"seed {seed}: {count} declarations in {clock.Elapsed.TotalSeconds:F1} s; {statistics}");
        Assert.True(
            failures.Count == 0,
            $"Fuzz seed {seed} (replay: LSTMGEN_FUZZ_SEED={seed} LSTMGEN_FUZZ_CASES={count}); {failures.Count} failing case(s), first ones:\n\n"
            + string.Join("\n\n", failures.Take(3)));
    }

    [Fact]
    public void The_fuzzer_is_deterministic_and_varied()
    {
        FuzzCase[] first = Enumerable.Range(0, 200).Select(new DeclarationFuzzer(7).Next).ToArray();
        FuzzCase[] again = Enumerable.Range(0, 200).Select(new DeclarationFuzzer(7).Next).ToArray();

        Assert.Equal(first, again);
        Assert.Contains(first, c => c.Mutated);
        Assert.Contains(first, c => !c.AttributeBinds);
        Assert.Contains(first, c => c.Source.Contains("RnnCell", StringComparison.Ordinal));
        Assert.Contains(first, c => c.Source.Contains("GruCell", StringComparison.Ordinal));
        Assert.Contains(first, c => c.Source.Contains("Outer0", StringComparison.Ordinal));
        Assert.True(first.Select(c => c.Source.Substring(c.Source.IndexOf("public class Plain { }", StringComparison.Ordinal))).Distinct().Count() > 150);
    }

    private static int Seed()
    {
        string? text = Environment.GetEnvironmentVariable("LSTMGEN_FUZZ_SEED");
        if (string.Equals(text, "random", StringComparison.OrdinalIgnoreCase))
        {
            return Random.Shared.Next();
        }

        return int.TryParse(text, CultureInfo.InvariantCulture, out int seed) ? seed : DefaultSeed;
    }
}
